// The agenda card: the meeting, the numbered items as the ORDER OF BUSINESS prints them, and the
// buttons members need. Which exempt items are withheld is the core's rule (agenda-view.ts): the
// card shows a withheld one as its number and "Exempt item".
import type { AgendaView } from '../../src/features/agendas/agenda-view.ts';
import { button, link } from '../kit.ts';
import type { Action, Card, Element, ItemEntry } from '../model.ts';
import { EXEMPT_WORDS } from '../render/shared.ts';
import { em, strong } from '../text.ts';

const STATUS: Record<AgendaView['meeting']['status'], string> = {
  draft: 'Draft: not yet published',
  agenda_published: 'Agenda published',
  held: 'Held',
  minutes_approved: 'Minutes approved',
  cancelled: 'CANCELLED',
};

/** "10 mins", "1 hr 10 mins", as the agenda packs print them. */
export function formatMinutes(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const hourText = hours > 0 ? `${hours} hr${hours === 1 ? '' : 's'}` : '';
  const minuteText = rest > 0 || hours === 0 ? `${rest} min${rest === 1 ? '' : 's'}` : '';
  return [hourText, minuteText].filter(Boolean).join(' ');
}

/** The items as the ORDER OF BUSINESS prints them. Which exempt items are withheld is the core's
 * rule (redactExempt); the card shows a withheld one as its number and "Exempt item". */
export function agendaItems(agenda: Pick<AgendaView, 'items'>): ItemEntry[] {
  return agenda.items.map((item) => {
    if (item.redacted) return { number: item.number, title: em(EXEMPT_WORDS), exempt: true };
    return {
      number: item.number,
      title: strong(item.title),
      ...(item.subPoints.length > 0 ? { subPoints: item.subPoints } : {}),
      ...(item.reportOf ? { reportOf: item.reportOf } : {}),
      ...(item.pages ? { pages: item.pages } : {}),
      ...(item.minutes ? { time: formatMinutes(item.minutes) } : {}),
      ...(item.links.length > 0 ? { links: item.links.map((l) => ({ label: l.title, url: l.url })) } : {}),
      ...(item.exempt ? { exempt: true } : {}),
    };
  });
}

export function meetingFacts(agenda: AgendaView): Element {
  const m = agenda.meeting;
  return {
    type: 'facts',
    facts: [
      { label: 'When', value: `${m.date}, ${m.time}` },
      ...(m.venue ? [{ label: 'Where', value: m.venue }] : []),
      { label: 'Status', value: STATUS[m.status] + (m.cancelReason ? `: ${m.cancelReason}` : '') },
    ],
  };
}

/** Counts: the card may be in a channel, so names are for the clerk's list, unless the board has
 * chosen to show who sent apologies (then the core sends them as `names`). */
export function repliesLine(replies: NonNullable<AgendaView['replies']>): string {
  const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
  return `Replies: ${plural(replies.apologies, 'apology', 'apologies')}, ${replies.attending} attending \u00b7 ${replies.expected} expected who count (quorum ${replies.quorum})`;
}

/** "Apologies: Richard Norfolk (Ms Lynne Abram substituting), Steve Leader", when the board shows names. */
export function apologyNamesLine(replies: NonNullable<AgendaView['replies']>): string | undefined {
  if (!replies.names || replies.names.length === 0) return undefined;
  return `Apologies: ${replies.names.join(', ')}`;
}

export interface AgendaCardOptions {
  /** A line at the top, e.g. "Reminder: the meeting is tomorrow." */
  lead?: string;
  /** Clerk's buttons (post) when the card is the clerk's own preview. */
  forClerk?: boolean;
  /** The agenda pack, for "View papers". */
  papersUrl?: string;
}

export function agendaCard(agenda: AgendaView, options: AgendaCardOptions = {}): Card {
  const m = agenda.meeting;
  const cancelled = m.status === 'cancelled';
  const actions: Action[] = [];
  // Members reply from the posted card and its reminders; the answer is for the clicker alone.
  if (m.status === 'agenda_published' && !options.forClerk) {
    actions.push(button('apologies.open', 'Send apologies', { meetingId: m.id }), button('apologies.attend', 'I\u2019ll attend', { meetingId: m.id }));
  }
  if (options.papersUrl) actions.push(link('View papers', options.papersUrl));
  if (agenda.calendarUrl && !cancelled) actions.push(link('Add to calendar', agenda.calendarUrl));
  const namesLine = agenda.replies && !cancelled ? apologyNamesLine(agenda.replies) : undefined;
  if (options.forClerk && !cancelled) actions.push(button('agenda.post', m.status === 'draft' ? 'Post to the board channel' : 'Bring the posted card up to date', { meetingId: m.id }, { style: 'primary' }));
  return {
    fallback: `${cancelled ? 'CANCELLED: ' : ''}Agenda: ${m.boardName}, ${m.short}${m.venue ? `, ${m.venue}` : ''}`,
    title: `${cancelled ? 'CANCELLED \u2013 ' : ''}${m.title}`,
    body: [
      ...(options.lead ? [{ type: 'text' as const, text: options.lead, tone: 'warning' as const }] : []),
      ...(m.title !== m.boardName ? [{ type: 'text' as const, text: m.boardName, muted: true }] : []),
      meetingFacts(agenda),
      { type: 'heading', text: 'Order of business' },
      { type: 'items', items: agendaItems(agenda) },
      ...(actions.length > 0 ? [{ type: 'actions' as const, actions }] : []),
      ...(agenda.replies && !cancelled ? [{ type: 'context' as const, text: repliesLine(agenda.replies) }] : []),
      ...(namesLine ? [{ type: 'context' as const, text: namesLine }] : []),
      { type: 'context', text: `Version ${m.version + 1} \u00b7 times are ${m.timezone}` },
    ],
  };
}
