// The paste-to-record form (its own module: the use case opens it, the feature declares it).
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { pasteValues } from './apology-values.ts';
import { pasteApologies } from './paste-apologies.ts';

export const pasteForm = form({
  id: 'apologies.paste',
  values: pasteValues,
  metadata: z.object({ meetingId: z.uuid() }),
  run: (deps, input) => pasteApologies(deps, { ...input, meetingId: input.metadata.meetingId, text: input.values.text }),
});
