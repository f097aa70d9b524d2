// The forward plan's form: proposing an item.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { proposalValues, proposeItem } from './propose-item.ts';

export const proposeForm = form({
  id: 'plan.propose',
  values: proposalValues,
  metadata: z.object({ boardId: z.uuid() }),
  run: (deps, input) => proposeItem(deps, { ...input, boardId: input.metadata.boardId, values: input.values }),
});
