// The boards feature's form: setting a board up.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { boardSetupValues, setupBoard } from './setup-board.ts';

export const boardSetupForm = form({
  id: 'board.setup',
  values: boardSetupValues,
  metadata: z.object({}),
  // The board's channel is the conversation the platform says the form came from, never a value
  // carried in the form (on Teams the card's data could be edited by whoever submits it).
  run: (deps, input) => setupBoard(deps, { actor: input.actor, ...(input.conversationId ? { conversationId: input.conversationId } : {}), values: input.values }),
});
