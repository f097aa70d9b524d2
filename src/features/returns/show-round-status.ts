// "returns": for the clerk, who has and hasn't submitted in a round (the latest, or the quarter
// named), with each organisation's latest version and who sent it.
import { DateTime } from 'luxon';
import { formatQuarter } from '../../domain/returns/quarter.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findRound } from './find-round.ts';
import { activeMetrics, activeMilestones } from './metrics.ts';
import { deadlineText, quarterOfRound } from './round-access.ts';

export interface RoundStatus {
  kind: 'returns.status';
  roundId: string;
  boardName: string;
  period: string;
  deadline: string;
  status: 'open' | 'locked';
  published: boolean;
  organisations: {
    organisationId: string;
    name: string;
    submitters: string[];
    /** The latest version: its number, who sent it and when ("Mon 18 Jan 2027, 10:04"). */
    latest?: { version: number; by: string; byClerk: boolean; at: string };
  }[];
}

export async function showRoundStatus(deps: CoreDeps, input: Invocation & { period?: string }): Promise<RoundStatus> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const round = await findRound(deps.prisma, board, input.period);
  const [metrics, milestones] = await Promise.all([activeMetrics(deps.prisma, board.id), activeMilestones(deps.prisma, board.id)]);
  const organisationIds = [...new Set([...metrics.map((m) => m.organisationId), ...milestones.map((m) => m.organisationId)])];
  const organisations = await deps.prisma.organisation.findMany({
    where: { id: { in: organisationIds } },
    include: { members: { where: { submitsFigures: true, active: true }, orderBy: { name: 'asc' } } },
    orderBy: { name: 'asc' },
  });
  const submissions = await deps.prisma.returnSubmission.findMany({ where: { roundId: round.id }, include: { submittedBy: true }, orderBy: { version: 'desc' } });
  return {
    kind: 'returns.status',
    roundId: round.id,
    boardName: board.name,
    period: formatQuarter(quarterOfRound(round)),
    deadline: deadlineText(round, board),
    status: round.status,
    published: round.publishedAt !== null,
    organisations: organisations.map((o) => {
      const latest = submissions.find((s) => s.organisationId === o.id);
      return {
        organisationId: o.id,
        name: o.name,
        submitters: o.members.map((m) => m.name),
        ...(latest
          ? { latest: { version: latest.version, by: latest.submittedBy.name, byClerk: latest.byClerk, at: DateTime.fromJSDate(latest.createdAt, { zone: board.timezone }).setLocale('en-GB').toFormat('ccc d LLL yyyy, HH:mm') } }
          : {}),
      };
    }),
  };
}
