// The forward work plan: members propose items for future meetings (or "to be allocated"); the
// clerk accepts, defers or declines. An accepted item allocated to a meeting joins its draft
// agenda, before Any Other Business.
import { z } from 'zod';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { findMember, requireClerk, resolveBoard, type BoardContext } from '../boards/resolve-board.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { insertItemBeforeClosing } from './agenda-items.ts';
import type { MeetingDeps } from './manage-meeting.ts';

export const PROPOSAL_FIELDS = ['title', 'overview', 'reportOf', 'meeting'] as const;

const proposalSchema = z.object({
  title: z.string({ error: 'Enter a title for the item.' }).trim().min(3, { error: 'Enter a title for the item.' }).max(200, { error: 'Keep the title to 200 characters or fewer.' }),
  overview: z.string().trim().max(1000, { error: 'Keep the overview to 1,000 characters or fewer.' }).optional(),
  reportOf: z.string().trim().max(150, { error: 'Keep "report of" to 150 characters or fewer.' }).optional(),
  /** A meeting id, or empty for "to be allocated". */
  meeting: z.string().trim().optional(),
});

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

export async function proposeItem(
  deps: MeetingDeps,
  input: BoardContext & { values: Record<string, unknown> },
): Promise<ForwardPlanResult> {
  const board = await resolveBoard(deps.prisma, input);
  const member = await findMember(deps.prisma, board.id, input.actor);
  if (!member) throw new AppError(ErrorCode.NOT_A_MEMBER, `Only members of ${board.name} can propose items for its meetings.`);
  const parsed = proposalSchema.safeParse(Object.fromEntries(Object.entries(input.values).map(([k, v]) => [k, v === '' || v === null ? undefined : v])));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new AppError(ErrorCode.INVALID_INPUT, 'Some details need correcting.', fieldErrors);
  }
  const { meeting: meetingId, ...details } = parsed.data;
  if (meetingId) await requireFutureMeeting(deps, board.id, meetingId);
  await deps.prisma.forwardPlanItem.create({
    data: { boardId: board.id, proposedById: member.id, meetingId: meetingId ?? null, title: details.title, overview: details.overview ?? null, reportOf: details.reportOf ?? null },
  });
  return listForwardPlan(deps, { ...input, slug: board.slug }, `Thank you: "${details.title}" is proposed. The clerk will decide whether it goes on an agenda.`);
}

export async function listForwardPlan(deps: MeetingDeps, input: BoardContext, notice?: string): Promise<ForwardPlanResult> {
  const board = await resolveBoard(deps.prisma, input);
  const member = await findMember(deps.prisma, board.id, input.actor);
  if (!member) throw new AppError(ErrorCode.NOT_A_MEMBER, `Only members of ${board.name} can see its forward work plan.`);
  const canDecide = (await deps.prisma.boardRole.count({ where: { boardId: board.id, memberId: member.id } })) > 0;
  const [items, meetings] = await Promise.all([
    deps.prisma.forwardPlanItem.findMany({
      where: { boardId: board.id, status: { not: 'declined' } },
      include: { meeting: true, proposedBy: true },
      orderBy: [{ status: 'asc' }, { createdAt: 'asc' }],
      take: 40,
    }),
    deps.prisma.meeting.findMany({ where: { boardId: board.id, startsAt: { gt: deps.now() }, status: { in: ['draft', 'agenda_published'] } }, orderBy: { startsAt: 'asc' }, take: 10 }),
  ]);
  return {
    kind: 'forward-plan',
    board: { name: board.name },
    ...(notice ? { notice } : {}),
    canDecide,
    meetings: meetings.map((m) => ({ id: m.id, short: toLocalParts(m.startsAt, board.timezone).short })),
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

const decisionSchema = z.object({
  itemId: z.string().uuid(),
  decision: z.enum(['accept', 'defer', 'decline']),
  meetingId: z.string().uuid().optional(),
  note: z.string().trim().max(300).optional(),
});

export async function decideProposal(deps: MeetingDeps, input: BoardContext & { payload: unknown }): Promise<ForwardPlanResult> {
  const parsed = decisionSchema.safeParse(input.payload);
  if (!parsed.success) throw new AppError(ErrorCode.INVALID_INPUT, 'That decision could not be read. Open the forward plan again and retry.');
  const { itemId, decision, meetingId, note } = parsed.data;
  const item = await deps.prisma.forwardPlanItem.findUnique({ where: { id: itemId }, include: { board: true } });
  if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, 'That proposal no longer exists.');
  await requireClerk(deps.prisma, item.board, input.actor);
  const targetMeeting = meetingId ?? item.meetingId ?? undefined;
  if (decision === 'accept' && targetMeeting) await requireFutureMeeting(deps, item.boardId, targetMeeting);
  let notice = '';
  await deps.prisma.$transaction(async (tx) => {
    const status = decision === 'accept' ? 'accepted' : decision === 'defer' ? 'deferred' : 'declined';
    // Conditional on the status read: a double click finds it changed and adds nothing twice.
    const changed = await tx.forwardPlanItem.updateMany({
      where: { id: item.id, status: item.status },
      data: { status, decisionNote: note ?? null, ...(decision === 'accept' && targetMeeting ? { meetingId: targetMeeting } : {}) },
    });
    if (changed.count === 0) {
      notice = `"${item.title}" was decided a moment ago; nothing more was changed.`;
      return;
    }
    notice = `"${item.title}" ${status}.`;
    if (decision === 'accept' && targetMeeting && item.status !== 'accepted') {
      const added = await insertItemBeforeClosing(tx, targetMeeting, { title: item.title, reportOf: item.reportOf, subPoints: item.overview ? [item.overview] : [] });
      notice += ` It is item ${added.number} on the agenda.`;
      await announceAgendaChange(tx, targetMeeting, [`Item ${added.number} added: ${item.title}`], deps);
    } else if (decision === 'accept') {
      notice += ' It stays on the plan as "to be allocated" until you give it a meeting.';
    }
  });
  deps.onQueued?.();
  return listForwardPlan(deps, { actor: input.actor, slug: item.board.slug }, notice);
}

async function requireFutureMeeting(deps: MeetingDeps, boardId: string, meetingId: string): Promise<void> {
  const meeting = z.string().uuid().safeParse(meetingId).success
    ? await deps.prisma.meeting.findFirst({ where: { id: meetingId, boardId } })
    : null;
  if (!meeting || meeting.status === 'cancelled' || meeting.startsAt <= deps.now()) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'Choose a meeting that is still to come.', { meeting: 'Choose a meeting that is still to come, or "to be allocated".' });
  }
}
