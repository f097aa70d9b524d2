// The board's apologies settings form (its own module: the use case opens it, the feature declares it).
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { settingsValues } from './apology-values.ts';
import { setApologySettings } from './set-apology-settings.ts';

export const settingsForm = form({
  id: 'apologies.settings',
  values: settingsValues,
  metadata: z.object({ boardId: z.uuid() }),
  run: (deps, input) => setApologySettings(deps, { actor: input.actor, boardId: input.metadata.boardId, values: input.values }),
});
