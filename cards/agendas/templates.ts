// What the agendas feature sends: the agenda card, the notice of a change, a reminder.
import type { TemplateCards } from '../registry-types.ts';
import { md } from '../text.ts';
import { agendaCard } from './agenda-card.ts';

export const agendaTemplates = {
  'agenda.card': (agenda) => agendaCard(agenda),
  'agenda.reminder': (data) =>
    agendaCard(data.agenda, {
      lead: data.lead ? `Reminder: the meeting is ${data.lead}.` : `Reminder from the clerk: the meeting is on ${data.agenda.meeting.date} at ${data.agenda.meeting.time}.`,
    }),
  'agenda.changed': (data) => ({
    fallback: `Agenda changed: ${data.meeting.boardName}, ${data.meeting.short}`,
    body: [
      { type: 'text', text: md`**The agenda for ${data.meeting.short} has changed.** The agenda card above is up to date.` },
      { type: 'items', items: data.changes.map((c) => ({ title: c })) },
    ],
  }),
} satisfies Partial<TemplateCards>;
