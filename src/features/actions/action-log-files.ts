// What an action export's link serves, found by its unguessable token while it has not expired:
// the action log as CSV. An unknown or expired token finds nothing.
import { DateTime } from 'luxon';
import { localDate, toLocalParts } from '../../domain/time.ts';
import type { ActionLink, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { isoOf } from './action-dates.ts';
import { actionLogCsv, type ActionLogRow } from './action-log-csv.ts';
import { actionState } from './action-view.ts';

const TOKEN = /^[\w-]{20,64}$/;

/** The actions an export covers: one meeting's, a range of meetings', or all the board's. */
export function actionLogWhere(link: Pick<ActionLink, 'boardId' | 'meetingId' | 'fromDate' | 'toDate' | 'includeExempt'>, zone: string): Prisma.ActionWhereInput {
  const where: Prisma.ActionWhereInput = { boardId: link.boardId };
  if (link.meetingId) where.meetingId = link.meetingId;
  if (link.fromDate && link.toDate) {
    const from = DateTime.fromISO(isoOf(link.fromDate), { zone }).startOf('day');
    const to = DateTime.fromISO(isoOf(link.toDate), { zone }).plus({ days: 1 }).startOf('day');
    where.meeting = { startsAt: { gte: from.toJSDate(), lt: to.toJSDate() } };
  }
  if (!link.includeExempt) Object.assign(where, { exempt: false, OR: [{ agendaItemId: null }, { agendaItem: { exempt: false } }] });
  return where;
}

export async function actionLogFile(deps: { prisma: PrismaClient; now: () => Date }, token: string): Promise<{ filename: string; csv: string } | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const link = await deps.prisma.actionLink.findUnique({ where: { token }, include: { board: true } });
  if (!link || link.kind !== 'export' || (link.expiresAt && link.expiresAt <= deps.now())) return undefined;
  const zone = link.board.timezone;
  const actions = await deps.prisma.action.findMany({
    where: actionLogWhere(link, zone),
    include: {
      meeting: true,
      agendaItem: true,
      owners: { include: { member: true }, orderBy: { createdAt: 'asc' } },
      updates: { where: { kind: { in: ['update', 'dropped'] } }, include: { member: true }, orderBy: { createdAt: 'desc' } },
    },
    orderBy: [{ meeting: { startsAt: 'asc' } }, { createdAt: 'asc' }],
  });
  const today = localDate(deps.now(), zone);
  const rows: ActionLogRow[] = actions.map((a) => {
    const update = a.updates.find((u) => u.kind === 'update' && u.text);
    const dropped = a.updates.find((u) => u.kind === 'dropped');
    const closed = a.status === 'done' ? a.completedAt : a.status === 'dropped' ? (dropped?.createdAt ?? null) : null;
    const item = a.agendaItem ? `${a.agendaItem.number}. ${a.agendaItem.title}` : (a.itemLabel ?? undefined);
    return {
      meetingDate: localDate(a.meeting.startsAt, zone),
      meeting: a.meeting.title,
      ...(item ? { item } : {}),
      description: a.description,
      owners: a.owners.map((o) => o.member.name),
      due: isoOf(a.dueDate),
      status: actionState(a, today),
      ...(closed ? { closedOn: localDate(closed, zone) } : {}),
      ...(a.status === 'dropped' && a.statusReason ? { statusReason: a.statusReason } : {}),
      ...(update?.text ? { latestUpdate: { text: update.text, ...(update.member ? { by: update.member.name } : {}), on: toLocalParts(update.createdAt, zone).short } } : {}),
      exempt: a.exempt || Boolean(a.agendaItem?.exempt),
    };
  });
  const scope = link.meetingId && actions[0] ? localDate(actions[0].meeting.startsAt, zone) : link.fromDate && link.toDate ? `${isoOf(link.fromDate)}-to-${isoOf(link.toDate)}` : 'all';
  return { filename: `${link.board.slug}-actions-${scope}.csv`, csv: actionLogCsv(rows) };
}
