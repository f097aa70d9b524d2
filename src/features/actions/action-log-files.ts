// What the actions' links serve, found by their unguessable tokens: an export's CSV of the action
// log (until it expires), and a meeting's matters arising report as a plain page (built when it is
// opened, never with exempt actions). An unknown or expired token finds nothing.
import { escapeText } from 'entities';
import { DateTime } from 'luxon';
import { localDate, toLocalParts } from '../../domain/time.ts';
import type { ActionLink, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { isoOf } from './action-dates.ts';
import { actionLogCsv, type ActionLogRow } from './action-log-csv.ts';
import { actionState } from './action-view.ts';
import { buildMattersArising, loadMattersArising, type MattersArisingEntry } from './matters-arising-view.ts';

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

const PUBLIC = { kind: 'channel', privateToBoard: false } as const;

function entryHtml(e: MattersArisingEntry): string {
  const status = e.closedOn ? `${e.state === 'done' ? 'Done' : 'Dropped'} ${e.closedOn}` : e.state === 'overdue' ? 'Overdue' : 'Open';
  const facts = [e.owners.join(', ') || 'no owner', `due ${e.due}`, `from ${e.recordedAt}`, e.item].filter(Boolean).join(' \u00b7 ');
  const lines = [
    `<strong>${escapeText(status)}</strong>: ${escapeText(e.description)}`,
    escapeText(facts),
    ...(e.statusReason ? [`Why dropped: ${escapeText(e.statusReason)}`] : []),
    ...(e.latestUpdate ? [`Latest update (${escapeText([e.latestUpdate.by, e.latestUpdate.when].filter(Boolean).join(', '))}): ${escapeText(e.latestUpdate.text)}`] : []),
  ];
  return `<li>${lines.join('<br>')}</li>`;
}

/** The matters arising page for the link on a meeting's agenda item. */
export async function mattersArisingPage(deps: { prisma: PrismaClient; now: () => Date }, token: string): Promise<string | undefined> {
  if (!TOKEN.test(token)) return undefined;
  const link = await deps.prisma.actionLink.findUnique({ where: { token } });
  if (!link || link.kind !== 'matters_arising' || !link.meetingId) return undefined;
  const report = buildMattersArising(await loadMattersArising(deps.prisma, link.meetingId), PUBLIC, deps.now());
  const title = `${report.boardName}: matters arising for ${report.meeting.short}`;
  const section = (heading: string, entries: MattersArisingEntry[]) => (entries.length === 0 ? '' : `<h2>${escapeText(heading)} (${entries.length})</h2>\n<ul>\n${entries.map(entryHtml).join('\n')}\n</ul>\n`);
  const since = report.previous ? ` since the last meeting (${report.previous})` : ' since the last meeting';
  const withheld = report.withheld > 0 ? `<p>${report.withheld} exempt action${report.withheld === 1 ? ' is' : 's are'} not shown here.</p>\n` : '';
  const empty = report.carried.length + report.done.length + report.dropped.length === 0 ? '<p>No actions from earlier meetings.</p>\n' : '';
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeText(title)}</title></head><body><h1>${escapeText(title)}</h1>\n${empty}${section('Carried forward', report.carried)}${section(`Done${since}`, report.done)}${section(`Dropped${since}`, report.dropped)}${withheld}</body></html>\n`;
}
