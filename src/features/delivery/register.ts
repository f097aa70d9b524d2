// Delivery, as clerks see it: what Quorum has queued, sent and failed to send for their board, a
// retry for what failed, and the notice clerks get when a message cannot be delivered.
import { z } from 'zod';
import { deliveryFailedTemplate } from '../../delivery/failure-notice.ts';
import { noArgs } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { getOutboxStatus } from './get-outbox-status.ts';
import { retryMessage } from './retry-message.ts';

export const delivery = defineFeature({
  name: 'delivery',
  commands: [
    command({
      words: 'outbox',
      menu: true,
      usage: 'outbox [--board <board>]',
      description: 'See what Quorum has queued, sent and failed to send for your board, and retry a failed message.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => getOutboxStatus(deps, input),
    }),
  ],
  buttons: [
    button({
      id: 'outbox.retry',
      payload: z.object({ outboxId: z.uuid() }),
      run: async (deps, input) => {
        const { board } = await retryMessage(deps, { actor: input.actor, outboxId: input.payload.outboxId });
        return getOutboxStatus(deps, { ...input, board, notice: 'Queued again: it goes out in a moment.' });
      },
    }),
  ],
  templates: [deliveryFailedTemplate],
});
