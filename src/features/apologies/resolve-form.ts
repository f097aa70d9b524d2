// The form in which the clerk says who the unmatched names of a pasted passage are (its own module:
// the use case opens it, the feature declares it). One select per name, built from data: "who_0",
// "who_1"... in the order the names were pasted.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { resolveApologyPaste } from './resolve-apology-paste.ts';

export const resolveForm = form({
  id: 'apologies.paste.resolve',
  values: z.record(z.string(), z.string().optional()),
  /** The paste, and how many names were unmatched when the form opened (a changed list is stale). */
  metadata: z.object({ pasteId: z.uuid(), names: z.string().regex(/^\d{1,2}$/) }),
  run: (deps, input) => resolveApologyPaste(deps, { actor: input.actor, pasteId: input.metadata.pasteId, names: Number(input.metadata.names), values: input.values }),
});
