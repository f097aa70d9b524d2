// "returns open": the clerk opens a round for a quarter with a deadline. Each organisation with
// metrics or milestones in the catalogue gets its request, to each of its submitters, in the same
// transaction as the round. A quarter has one round per board.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { formatQuarter, parseQuarter } from '../../domain/returns/quarter.ts';
import { AppError, ErrorCode, formInvalid, type FieldErrors } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { boardFor } from './board-for.ts';
import { requireClerk } from '../boards/members.ts';
import { activeMetrics, activeMilestones } from './metrics.ts';
import { buildReturnRequest, sendReturnRequest } from './return-request.ts';
import { deadlineText, roundLabel } from './round-access.ts';

export interface RoundOpened {
  kind: 'returns.roundOpened';
  roundId: string;
  boardName: string;
  period: string;
  deadline: string;
  organisations: { name: string; sentTo: string[]; unreachable: string[] }[];
}

export async function openRound(deps: CoreDeps, input: Invocation & { boardId?: string; period: string; deadline: string }): Promise<RoundOpened> {
  const board = await boardFor(deps, input);
  const clerk = await requireClerk(deps.prisma, board, input.actor);
  const errors: FieldErrors = {};
  const quarter = parseQuarter(input.period);
  if (!quarter.ok) errors.period = quarter.message;
  const day = /^\d{4}-\d{2}-\d{2}$/.test(input.deadline.trim()) ? DateTime.fromISO(input.deadline.trim(), { zone: board.timezone }) : undefined;
  if (!day?.isValid) errors.deadline = `"${input.deadline.trim().slice(0, 20)}" is not a date: write the deadline as YYYY-MM-DD, e.g. 2027-01-29.`;
  else if (day.endOf('day').toJSDate() <= deps.now()) errors.deadline = 'The deadline has passed: choose a day from today on.';
  if (!quarter.ok || !day?.isValid || Object.keys(errors).length > 0) throw formInvalid(errors);

  const [metrics, milestones] = await Promise.all([activeMetrics(deps.prisma, board.id), activeMilestones(deps.prisma, board.id)]);
  const organisationIds = [...new Set([...metrics.map((m) => m.organisationId), ...milestones.map((m) => m.organisationId)])];
  if (organisationIds.length === 0) {
    throw new AppError(ErrorCode.NOTHING_TO_RETURN, `${board.name} has no metrics or milestones yet. Load the catalogue first ("returns catalogue").`, { log: `board ${board.id} has an empty catalogue` });
  }
  const existing = await deps.prisma.returnRound.findUnique({ where: { boardId_fyStart_quarter: { boardId: board.id, fyStart: quarter.quarter.fyStart, quarter: quarter.quarter.quarter } } });
  const roundExists = () =>
    new AppError(ErrorCode.ROUND_EXISTS, `There is already a ${formatQuarter(quarter.quarter)} round. Use "returns" to see who has submitted.`, { fieldErrors: { period: `There is already a ${formatQuarter(quarter.quarter)} round.` }, log: `round exists for board ${board.id}` });
  if (existing) throw roundExists();

  const result = await deps.prisma.$transaction(async (tx) => {
    const round = await tx.returnRound.create({
      data: { boardId: board.id, fyStart: quarter.quarter.fyStart, quarter: quarter.quarter.quarter, deadline: day.endOf('day').toJSDate(), openedById: clerk.id, createdAt: deps.now(), dashboardToken: randomBytes(24).toString('base64url') },
      include: { board: true },
    });
    const organisations = await tx.organisation.findMany({ where: { id: { in: organisationIds } }, orderBy: { name: 'asc' } });
    const sent: RoundOpened['organisations'] = [];
    for (const organisation of organisations) {
      const request = await buildReturnRequest(tx, round, organisation);
      const outcome = await sendReturnRequest(tx, round, organisation, request, deps, `returns-request:${round.id}:opened`);
      sent.push({ name: organisation.name, sentTo: outcome.sent, unreachable: outcome.unreachable });
    }
    return { round, sent };
  }).catch((error: unknown) => {
    // Two clerks opening the same quarter at once: the second meets the unique key.
    throw (error as { code?: unknown }).code === 'P2002' ? roundExists() : error;
  });
  deps.onQueued?.();
  deps.logger.info({ boardId: board.id, roundId: result.round.id }, 'return round opened');
  return { kind: 'returns.roundOpened', roundId: result.round.id, boardName: board.name, period: roundLabel(result.round), deadline: deadlineText(result.round, board), organisations: result.sent };
}
