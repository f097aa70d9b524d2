// The agenda card: the meeting, the numbered items as the ORDER OF BUSINESS prints them, and the
// buttons members need. Exempt items arrive already redacted by the core when the channel is
// not private to the board; the card shows what it is given.
import type { AgendaView } from '../src/use-cases/meetings/agenda-view.ts';
import type { Action, Card, Element, ItemEntry } from './model.ts';

const STATUS: Record<AgendaView['meeting']['status'], string> = {
  draft: 'Draft: not yet published',
  agenda_published: 'Agenda published',
  held: 'Held',
  minutes_approved: 'Minutes approved',
  cancelled: 'CANCELLED',
};

export function agendaItems(agenda: AgendaView): ItemEntry[] {
  return agenda.items.map((item) => {
    const lines = [
      ...item.subPoints.map((p) => `\u2022 ${p}`),
      [item.reportOf ? `Report of ${item.reportOf}` : '', item.pages ? `Pages ${item.pages}` : '', item.minutes ? `${item.minutes} mins` : '']
        .filter(Boolean)
        .join(' \u00b7 '),
      item.links.length > 0 ? item.links.map((l) => `[${l.title}](${l.url})`).join(' \u00b7 ') : '',
    ].filter(Boolean);
    return { number: item.number, title: item.exempt && item.title === 'Exempt item' ? '_Exempt item_' : item.exempt ? `${item.title} (exempt)` : `**${item.title}**`, lines };
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

export interface AgendaCardOptions {
  /** A line at the top, e.g. "Reminder: the meeting is tomorrow." */
  lead?: string;
  /** Clerk's buttons (post) when the card is the clerk's own preview. */
  forClerk?: boolean;
}

export function agendaCard(agenda: AgendaView, options: AgendaCardOptions = {}): Card {
  const m = agenda.meeting;
  const cancelled = m.status === 'cancelled';
  const actions: Action[] = [];
  if (agenda.calendarUrl && !cancelled) actions.push({ kind: 'link', label: 'Add to calendar', url: agenda.calendarUrl });
  if (options.forClerk && !cancelled) actions.push({ kind: 'button', id: 'agenda.post', label: m.status === 'draft' ? 'Post to the board channel' : 'Bring the posted card up to date', payload: { meetingId: m.id }, style: 'primary' });
  // The apologies button arrives with the apologies feature; it goes here, first in this row.
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
      { type: 'context', text: `Version ${m.version + 1} \u00b7 times are ${m.timezone}` },
    ],
  };
}
