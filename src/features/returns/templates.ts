// What the returns feature sends through the outbox: the request for an organisation's return
// (when a round opens, and as a chase), and the notice to the clerk after the deadline.
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';
import { dashboardViewSchema } from './dashboard-view.ts';

// Ids are the bot's own; the button they go on checks them again when clicked.
export const returnRequestSchema = z.object({
  roundId: z.string().min(1),
  organisationId: z.string().min(1),
  boardName: z.string(),
  organisation: z.string(),
  /** "Q3 2026/27". */
  period: z.string(),
  /** "October to December 2026". */
  months: z.string(),
  /** "Friday 29 January 2027". */
  deadline: z.string(),
  /** Absent when the round opens; 1 to 3 for a chase. */
  chase: z.number().int().min(1).max(3).optional(),
  /** "tomorrow", "in 5 days" for a chase. */
  due: z.string().optional(),
  metrics: z.array(z.object({ name: z.string(), unit: z.string(), last: z.string().optional() })),
  milestones: z.array(z.object({ title: z.string(), lead: z.string() })),
});
export type ReturnRequest = z.infer<typeof returnRequestSchema>;

export const returnRequestTemplate = template('returns.request', returnRequestSchema);

export const returnsOverdueTemplate = template(
  'returns.overdue',
  z.object({ roundId: z.string().min(1), boardName: z.string(), period: z.string(), deadline: z.string(), missing: z.array(z.object({ organisation: z.string(), submitters: z.array(z.string()) })) }),
);

/** The compiled dashboard, posted to the board channel when the clerk publishes it. */
export const returnsDashboardTemplate = template('returns.dashboard', dashboardViewSchema);
