// What the actions feature sends through the outbox: an action's card in a person's direct
// messages (each owner's own, updated in place after every change; a clerk's, when an owner asks
// for more time).
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';
import { actionViewSchema } from './action-view.ts';

export const actionCardTemplate = template(
  'action.card',
  z.object({
    action: actionViewSchema,
    /** What the person it is sent to may do with it. */
    rights: z.object({ canChange: z.boolean(), canManage: z.boolean() }),
    /** A line above the card: why it was sent. */
    intro: z.string().optional(),
  }),
);

/** One owner's chase: every open action of theirs that is due a reminder, in one message. */
export const actionChaseTemplate = template('action.chase', z.object({ boardName: z.string(), actions: z.array(actionViewSchema).min(1) }));
