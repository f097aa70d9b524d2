// The matters arising report for a meeting: the actions recorded at the board's earlier meetings,
// each with its status, latest update, owners and due date. Open ones are carried forward; done
// and dropped ones are shown once, at the first meeting after they were closed ("since the last
// meeting"). Exempt actions (business not open to the public) are counted but not shown to an
// audience that may not see them; the rule is the agenda's (agenda-view.ts).
import { z } from 'zod';
import { localDate, toLocalParts } from '../../domain/time.ts';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { showsExempt, type AgendaAudience } from '../agendas/agenda-view.ts';
import { isoOf, showDate } from './action-dates.ts';
import { actionState } from './action-view.ts';

type Db = PrismaClient | Prisma.TransactionClient;

const entrySchema = z.object({
  id: z.string(),
  description: z.string(),
  state: z.enum(['open', 'overdue', 'done', 'dropped']),
  /** "Thu 3 Dec 2026": when it was done or dropped. */
  closedOn: z.string().optional(),
  /** Why it was dropped. */
  statusReason: z.string().optional(),
  due: z.string(),
  dueIso: z.string(),
  owners: z.array(z.string()),
  /** The meeting it was recorded at: "Fri 20 Nov 2026, 10:00". */
  recordedAt: z.string(),
  item: z.string().optional(),
  latestUpdate: z.object({ text: z.string(), by: z.string().optional(), when: z.string() }).optional(),
});
export type MattersArisingEntry = z.infer<typeof entrySchema>;

export const mattersArisingSchema = z.object({
  boardName: z.string(),
  meeting: z.object({ id: z.string(), title: z.string(), short: z.string() }),
  /** The meeting before it, whose start is "the last meeting". */
  previous: z.string().optional(),
  carried: z.array(entrySchema),
  done: z.array(entrySchema),
  dropped: z.array(entrySchema),
  /** Exempt actions not shown to this audience. */
  withheld: z.number(),
  /** The agenda item the report belongs to: "4. Matters Arising". */
  item: z.string().optional(),
});
export type MattersArisingView = z.infer<typeof mattersArisingSchema>;

export const reportSize = (r: MattersArisingView): number => r.carried.length + r.done.length + r.dropped.length + r.withheld;

/** "Matters Arising", "Minutes of the previous meeting and matters arising", "Action log". */
const MATTERS_ARISING_TITLE = /matters arising|action log/i;

/** The meeting's matters arising item: its standing kind, else its heading. */
export function mattersArisingItem<I extends { standing: string | null; title: string }>(items: readonly I[]): I | undefined {
  return items.find((i) => i.standing === 'matters_arising') ?? items.find((i) => MATTERS_ARISING_TITLE.test(i.title));
}

const include = {
  meeting: true,
  agendaItem: true,
  owners: { include: { member: true }, orderBy: { createdAt: 'asc' } },
  updates: { where: { kind: 'update' }, include: { member: true }, orderBy: { createdAt: 'desc' }, take: 1 },
} satisfies Prisma.ActionInclude;

/** Everything the report needs, for one meeting, whoever reads it (exempt ones included). */
export async function loadMattersArising(db: Db, meetingId: string) {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { board: true, items: { orderBy: { position: 'asc' } } } });
  const previous = await db.meeting.findFirst({
    where: { boardId: meeting.boardId, status: { not: 'cancelled' }, startsAt: { lt: meeting.startsAt } },
    orderBy: { startsAt: 'desc' },
  });
  const since = previous?.startsAt ?? new Date(0);
  const actions = await db.action.findMany({
    where: {
      boardId: meeting.boardId,
      meeting: { startsAt: { lt: meeting.startsAt } },
      OR: [{ status: 'open' }, { status: 'done', completedAt: { gte: since } }, { status: 'dropped', updates: { some: { kind: 'dropped', createdAt: { gte: since } } } }],
    },
    include,
    orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }],
  });
  const drops = await db.actionUpdate.findMany({ where: { actionId: { in: actions.filter((a) => a.status === 'dropped').map((a) => a.id) }, kind: 'dropped' }, orderBy: { createdAt: 'asc' } });
  /** When each dropped action was dropped (its history says; the row's updatedAt is any change). */
  const droppedAt = new Map(drops.map((d) => [d.actionId, d.createdAt]));
  return { meeting, previous, actions, droppedAt };
}

type Loaded = Awaited<ReturnType<typeof loadMattersArising>>;

/** The report as an audience sees it, on a day. */
export function buildMattersArising(loaded: Loaded, audience: AgendaAudience, now: Date): MattersArisingView {
  const { meeting, previous } = loaded;
  const zone = meeting.board.timezone;
  const today = localDate(now, zone);
  const full = showsExempt(audience);
  const closedAt = (a: Loaded['actions'][number]) => (a.status === 'done' ? a.completedAt : a.status === 'dropped' ? (loaded.droppedAt.get(a.id) ?? null) : null);
  const visible = loaded.actions.filter((a) => full || !(a.exempt || a.agendaItem?.exempt));
  const entry = (a: Loaded['actions'][number]): MattersArisingEntry => {
    const update = a.updates[0];
    const item = a.agendaItem ? `${a.agendaItem.number}. ${a.agendaItem.title}` : (a.itemLabel ?? undefined);
    const closed = closedAt(a);
    return {
      id: a.id,
      description: a.description,
      state: actionState(a, today),
      ...(closed ? { closedOn: showDate(localDate(closed, zone)) } : {}),
      ...(a.status === 'dropped' && a.statusReason ? { statusReason: a.statusReason } : {}),
      due: showDate(isoOf(a.dueDate)),
      dueIso: isoOf(a.dueDate),
      owners: a.owners.map((o) => o.member.name),
      recordedAt: toLocalParts(a.meeting.startsAt, zone).short,
      ...(item ? { item } : {}),
      ...(update?.text ? { latestUpdate: { text: update.text, ...(update.member ? { by: update.member.name } : {}), when: toLocalParts(update.createdAt, zone).short } } : {}),
    };
  };
  const byClosed = (a: Loaded['actions'][number], b: Loaded['actions'][number]) => (closedAt(a)?.getTime() ?? 0) - (closedAt(b)?.getTime() ?? 0);
  const item = mattersArisingItem(meeting.items);
  return {
    boardName: meeting.board.name,
    meeting: { id: meeting.id, title: meeting.title, short: toLocalParts(meeting.startsAt, zone).short },
    ...(previous ? { previous: toLocalParts(previous.startsAt, zone).short } : {}),
    carried: visible.filter((a) => a.status === 'open').map(entry),
    done: visible.filter((a) => a.status === 'done').sort(byClosed).map(entry),
    dropped: visible.filter((a) => a.status === 'dropped').sort(byClosed).map(entry),
    withheld: loaded.actions.length - visible.length,
    ...(item && !(item.exempt && !full) ? { item: `${item.number}. ${item.title}` } : {}),
  };
}
