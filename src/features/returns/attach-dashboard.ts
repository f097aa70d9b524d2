// The clerk attaches a round's published dashboard to a meeting's performance item: the item gets
// links to the dashboard's trend charts and its CSV (behind the round's unguessable link), so the
// agenda posted to the board shows them, and a posted agenda is brought up to date. The item is the
// one headed "Performance" on the board's next meeting; when there is none, or several, the clerk
// chooses it in a form. Attaching again replaces the round's links, never adds a second pair.
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { form } from '../../kernel/feature.ts';
import { notice, openForm, type FormRequest, type NoticeResult } from '../../kernel/results.ts';
import { announceAgendaChange } from '../agendas/agenda-delivery.ts';
import type { MeetingWithItems } from '../agendas/agenda-view.ts';
import { editableMeeting } from '../agendas/editable-meeting.ts';
import { lockMeeting } from '../agendas/insert-agenda-item.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findMeeting, meetingContext } from '../meetings/find-meeting.ts';
import { formatQuarter } from '../../domain/returns/quarter.ts';
import { toLocalParts } from '../../domain/time.ts';
import { findRound } from './find-round.ts';
import { loadRound, quarterOfRound, type RoundWithBoard } from './round-access.ts';

/** An item is the performance item when its title says so ("Performance", "Performance dashboard",
 * "Community safety performance update"). */
const PERFORMANCE = /\bperformance\b/i;

const links = z.array(z.object({ title: z.string(), url: z.string() }));

export const attachForm = form({
  id: 'returns.attach',
  metadata: z.object({ roundId: z.uuid(), meetingId: z.uuid() }),
  values: z.object({ item: z.uuid({ error: 'Choose the agenda item.' }) }),
  run: (deps, input) => attachDashboard(deps, { ...input, roundId: input.metadata.roundId, meetingId: input.metadata.meetingId, itemId: input.values.item }),
});

async function roundFor(deps: CoreDeps, input: Invocation & { roundId?: string; period?: string }): Promise<RoundWithBoard> {
  if (input.roundId) return loadRound(deps.prisma, input.roundId);
  const board = await findBoard(deps.prisma, input);
  return findRound(deps.prisma, board, input.period);
}

/** The form to choose the item, when the agenda has no one performance item. */
type ChooseItem = FormRequest<'returns.attach', 'item'>;

export async function attachDashboard(deps: CoreDeps, input: Invocation & { roundId?: string; period?: string; meetingId?: string; itemId?: string }): Promise<NoticeResult | ChooseItem> {
  const round = await roundFor(deps, input);
  await requireClerk(deps.prisma, round.board, input.actor);
  const period = formatQuarter(quarterOfRound(round));
  if (!round.publishedAt) {
    throw new AppError(ErrorCode.FIGURES_NOT_PUBLISHED, `The ${period} dashboard has not been published yet. Publish it to the board channel first ("returns dashboard", then Publish): the agenda links only to figures the board has seen.`, {
      log: `round ${round.id} not published`,
    });
  }
  const base = deps.publicBaseUrl?.replace(/\/+$/, '');
  if (!base) throw new AppError(ErrorCode.NO_PUBLIC_ADDRESS, 'Quorum has no public address to link to (PUBLIC_BASE_URL is not set), so the dashboard cannot be linked from the agenda. Ask whoever runs Quorum to set it.', { log: 'no publicBaseUrl' });

  const meeting = input.meetingId ? await editableMeeting(deps, input.actor, input.meetingId) : await findMeeting(deps.prisma, round.board, undefined, deps.now()).then((m) => editableMeeting(deps, input.actor, m.id));
  if (meeting.boardId !== round.boardId) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting is not one of this board\u2019s.', { log: `meeting ${meeting.id} is not on board ${round.boardId}` });
  const item = input.itemId ? meeting.items.find((i) => i.id === input.itemId) : onlyPerformanceItem(meeting);
  if (input.itemId && !item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, 'That item is no longer on the agenda. Choose another.', { fieldErrors: { item: 'That item is no longer on the agenda.' }, log: `item ${input.itemId} gone` });
  if (!item) return chooseItem(round, meeting, period);
  return attach(deps, round, meeting, item.id, period, base);
}

function onlyPerformanceItem(meeting: MeetingWithItems) {
  const found = meeting.items.filter((i) => !i.standing && PERFORMANCE.test(i.title));
  return found.length === 1 ? found[0] : undefined;
}

function chooseItem(round: RoundWithBoard, meeting: MeetingWithItems, period: string): ChooseItem {
  const performance = meeting.items.filter((i) => !i.standing && PERFORMANCE.test(i.title));
  const why = performance.length > 1 ? 'Several items are about performance' : 'No item is headed \u201cPerformance\u201d';
  return openForm(attachForm, {
    values: performance[0] ? { item: performance[0].id } : {},
    options: { item: meeting.items.map((i) => ({ value: i.id, label: `${i.number}. ${i.exempt ? 'Exempt item: ' : ''}${i.title}`.slice(0, 75) })) },
    metadata: { roundId: round.id, meetingId: meeting.id },
    context: `${meetingContext(meeting)}. ${why}: choose the item the ${period} dashboard goes with.`,
  });
}

async function attach(deps: CoreDeps, round: RoundWithBoard, meeting: MeetingWithItems, itemId: string, period: string, base: string): Promise<NoticeResult> {
  const ours = `${base}/returns/${round.dashboardToken}/`;
  const attached = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const item = await tx.agendaItem.findFirst({ where: { id: itemId, meetingId: meeting.id } });
    if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, 'That item is no longer on the agenda. Choose another.', { fieldErrors: { item: 'That item is no longer on the agenda.' }, log: `item ${itemId} gone` });
    const parsed = links.safeParse(item.links);
    const kept = (parsed.success ? parsed.data : []).filter((l) => !l.url.startsWith(ours));
    const added = [
      { title: `Performance dashboard ${period}: trend charts`, url: `${ours}charts` },
      { title: `Performance dashboard ${period}: figures (CSV)`, url: `${ours}dashboard.csv` },
    ];
    const unchanged = JSON.stringify(parsed.success ? parsed.data : []) === JSON.stringify([...kept, ...added]);
    if (!unchanged) {
      await tx.agendaItem.update({ where: { id: item.id }, data: { links: [...kept, ...added] } });
      await announceAgendaChange(tx, meeting.id, [`Item ${item.number}: the ${period} performance dashboard is attached`], deps);
    }
    return item;
  });
  deps.onQueued?.();
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  return notice(`The ${period} dashboard is attached to item ${attached.number} (\u201c${attached.title.slice(0, 80)}\u201d) of the meeting on ${when}; the agenda links to its trend charts and CSV.`, 'good');
}
