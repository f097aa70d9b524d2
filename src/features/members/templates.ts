// What the members feature sends through the outbox: asking the clerk or the chair to confirm who
// someone is, the first time they use Quorum without being linked.
import { z } from 'zod';
import { template } from '../../kernel/feature.ts';

export const linkRequestTemplate = template(
  'members.link-request',
  z.object({
    /** The request's id (the buttons carry it; checked as a uuid when it comes back). */
    requestId: z.string().min(1),
    boardName: z.string(),
    platform: z.enum(['slack', 'teams']),
    /** The name the platform gave the person who used the bot. */
    userName: z.string(),
    member: z.object({ name: z.string(), title: z.string().optional(), organisation: z.string().optional() }),
  }),
);
