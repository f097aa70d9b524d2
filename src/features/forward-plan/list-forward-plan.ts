// The forward work plan: items proposed for future meetings, or "to be allocated".
import { toLocalParts } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { isClerk, requireMember } from '../boards/members.ts';

export interface ForwardPlanEntry {
  id: string;
  title: string;
  overview?: string;
  reportOf?: string;
  status: 'proposed' | 'accepted' | 'deferred' | 'declined';
  meeting?: { id: string; short: string };
  proposedBy?: string;
  decisionNote?: string;
}

export interface ForwardPlanResult {
  kind: 'forward-plan';
  board: { name: string };
  notice?: string;
  entries: ForwardPlanEntry[];
  /** Meetings an item can be allocated to. */
  meetings: { id: string; short: string }[];
  canDecide: boolean;
}

export async function listForwardPlan(deps: CoreDeps, input: Invocation & { board?: Board; notice?: string }): Promise<ForwardPlanResult> {
  const board = input.board ?? (await findBoard(deps.prisma, input));
  const member = await requireMember(deps.prisma, board, input.actor, 'see its forward work plan');
  const canDecide = await isClerk(deps.prisma, board.id, member.id);
  const [items, meetings] = await Promise.all([
    deps.prisma.forwardPlanItem.findMany({
      where: { boardId: board.id, status: { not: 'declined' } },
      include: { meeting: true, proposedBy: true },
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
      take: 40,
    }),
    upcomingMeetings(deps, board),
  ]);
  return {
    kind: 'forward-plan',
    board: { name: board.name },
    ...(input.notice ? { notice: input.notice } : {}),
    canDecide,
    meetings,
    entries: items.map((item) => ({
      id: item.id,
      title: item.title,
      status: item.status,
      ...(item.overview ? { overview: item.overview } : {}),
      ...(item.reportOf ? { reportOf: item.reportOf } : {}),
      ...(item.meeting ? { meeting: { id: item.meeting.id, short: toLocalParts(item.meeting.startsAt, board.timezone).short } } : {}),
      ...(item.proposedBy ? { proposedBy: item.proposedBy.name } : {}),
      ...(item.decisionNote ? { decisionNote: item.decisionNote } : {}),
    })),
  };
}

/** Meetings still to come that an item can go to. */
export async function upcomingMeetings(deps: CoreDeps, board: Board): Promise<{ id: string; short: string }[]> {
  const meetings = await deps.prisma.meeting.findMany({
    where: { boardId: board.id, startsAt: { gt: deps.now() }, status: { in: ['draft', 'agenda_published'] } },
    orderBy: { startsAt: 'asc' },
    take: 10,
  });
  return meetings.map((m) => ({ id: m.id, short: toLocalParts(m.startsAt, board.timezone).short }));
}
