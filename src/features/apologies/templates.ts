// What the apologies feature sends through the outbox: the quorum warning to the clerk and chair,
// and the chaser to a member who has not replied.
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';
import { meetingViewSchema } from '../agendas/agenda-view.ts';

export const quorumWarningTemplate = template(
  'apologies.quorum-warning',
  z.object({
    meeting: meetingViewSchema,
    /** "forecast": the forecast just fell; "reminder": sent with a reminder before the meeting. */
    occasion: z.enum(['forecast', 'reminder']),
    /** For "forecast": which fall this is (2 and more: it recovered above the quorum and fell again). */
    fall: z.number().int().positive().optional(),
    expected: z.number(),
    quorum: z.number(),
    counting: z.number(),
    noReply: z.number(),
    /** Who sent apologies, for the clerk and chair (a direct message, never a channel). */
    apologies: z.array(z.object({ name: z.string(), substitute: z.string().optional() })),
  }),
);

export const replyChaseTemplate = template(
  'apologies.chase',
  z.object({
    meeting: meetingViewSchema,
    memberName: z.string(),
    /** Who asked: the clerk's name. */
    from: z.string(),
  }),
);
