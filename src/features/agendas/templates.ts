// What the agendas feature sends through the outbox: the agenda card (posted once per channel and
// updated in place), the notice of what changed, and reminders.
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';
import { agendaViewSchema, meetingViewSchema } from './agenda-view.ts';

export const agendaCardTemplate = template('agenda.card', agendaViewSchema);

export const agendaChangedTemplate = template('agenda.changed', z.object({ meeting: meetingViewSchema, changes: z.array(z.string()) }));

export const agendaReminderTemplate = template(
  'agenda.reminder',
  z.object({
    kind: z.enum(['scheduled', 'on-demand']),
    /** "tomorrow", "in 7 days": when the meeting is, from the reminder's point of view. */
    lead: z.string().optional(),
    agenda: agendaViewSchema,
  }),
);
