// The minutes paste form (its own module: the use cases open it, the feature declares it).
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { minutesPasteValues, pasteMinutes } from './paste-minutes.ts';

export const minutesPasteForm = form({
  id: 'action.paste',
  values: minutesPasteValues,
  metadata: z.object({ meetingId: z.uuid(), importId: z.uuid().optional() }),
  run: (deps, input) => pasteMinutes(deps, { ...input, ...input.metadata, text: input.values.text }),
});
