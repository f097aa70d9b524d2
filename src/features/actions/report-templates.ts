// What the action reports send through the outbox: the matters arising report, to the board
// channel and to the clerks, with each agenda reminder or when a clerk posts it.
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';
import { mattersArisingSchema } from './matters-arising-view.ts';

export const mattersArisingTemplate = template(
  'action.matters-arising',
  z.object({
    report: mattersArisingSchema,
    /** Why it was sent: with an agenda reminder, or posted by a clerk. */
    occasion: z.enum(['reminder', 'posted']),
  }),
);
