// What an action card shows, built from the database: the action, its meeting and item in the
// board's timezone, its owners, its latest updates and a pending request for more time. "Overdue"
// is read from the due date and today, never stored.
import { z } from 'zod';
import { localDate, toLocalParts } from '../../domain/time.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { isoOf, showDate } from './action-dates.ts';

export const actionInclude = {
  meeting: { include: { board: true } },
  agendaItem: true,
  owners: { include: { member: true }, orderBy: { createdAt: 'asc' } },
  updates: { include: { member: true }, orderBy: { createdAt: 'desc' }, take: 6 },
  extensions: { where: { status: 'requested' }, include: { requestedBy: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ActionInclude;

export type LoadedAction = Prisma.ActionGetPayload<{ include: typeof actionInclude }>;

export const ACTION_STATES = ['open', 'overdue', 'done', 'dropped'] as const;
export type ActionState = (typeof ACTION_STATES)[number];

export const actionViewSchema = z.object({
  id: z.string(),
  boardName: z.string(),
  description: z.string(),
  meeting: z.object({ id: z.string(), short: z.string() }),
  /** "5. Police update", "2.2 AntiSocial Behaviour (ASB)". */
  item: z.string().optional(),
  exempt: z.boolean(),
  dueIso: z.string(),
  due: z.string(),
  state: z.enum(ACTION_STATES),
  statusReason: z.string().optional(),
  owners: z.array(z.object({ memberId: z.string(), name: z.string() })),
  history: z.array(z.object({ kind: z.string(), text: z.string().optional(), by: z.string().optional(), when: z.string() })),
  pendingExtension: z.object({ id: z.string(), due: z.string(), dueIso: z.string(), reason: z.string(), by: z.string().optional() }).optional(),
});
export type ActionView = z.infer<typeof actionViewSchema>;

/** What the person looking may do with it (decided by the use cases, shown as buttons). */
export interface ActionRights {
  /** An owner or a clerk: done, updates, more time. */
  canChange: boolean;
  /** A clerk or the chair: reassign, extend, drop, decide requests for more time. */
  canManage: boolean;
}

export function actionState(a: { status: 'open' | 'done' | 'dropped'; dueDate: Date }, today: string): ActionState {
  if (a.status !== 'open') return a.status;
  return isoOf(a.dueDate) < today ? 'overdue' : 'open';
}

export function buildActionView(a: LoadedAction, now: Date): ActionView {
  const zone = a.meeting.board.timezone;
  const due = isoOf(a.dueDate);
  const item = a.agendaItem ? `${a.agendaItem.number}. ${a.agendaItem.title}` : (a.itemLabel ?? undefined);
  const pending = a.extensions[0];
  return {
    id: a.id,
    boardName: a.meeting.board.name,
    description: a.description,
    meeting: { id: a.meetingId, short: toLocalParts(a.meeting.startsAt, zone).short },
    ...(item ? { item } : {}),
    exempt: a.exempt || Boolean(a.agendaItem?.exempt),
    dueIso: due,
    due: showDate(due),
    state: actionState(a, localDate(now, zone)),
    ...(a.statusReason ? { statusReason: a.statusReason } : {}),
    owners: a.owners.map((o) => ({ memberId: o.memberId, name: o.member.name })),
    history: a.updates.map((u) => ({ kind: u.kind, ...(u.text ? { text: u.text } : {}), ...(u.member ? { by: u.member.name } : {}), when: toLocalParts(u.createdAt, zone).short })),
    ...(pending
      ? { pendingExtension: { id: pending.id, due: showDate(isoOf(pending.proposedDue)), dueIso: isoOf(pending.proposedDue), reason: pending.reason, ...(pending.requestedBy ? { by: pending.requestedBy.name } : {}) } }
      : {}),
  };
}
