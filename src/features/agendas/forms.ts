// The agenda forms: an item (added or changed), and a pasted ORDER OF BUSINESS.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { addAgendaItem } from './add-agenda-item.ts';
import { itemFormValues } from './agenda-item-form.ts';
import { editAgendaItem } from './edit-agenda-item.ts';
import { PASTE_CHUNK_MAX, pasteAgenda } from './paste-agenda.ts';

export const itemAddForm = form({
  id: 'agenda.item.add',
  values: itemFormValues,
  metadata: z.object({ meetingId: z.uuid() }),
  run: (deps, input) => addAgendaItem(deps, { ...input, meetingId: input.metadata.meetingId, fields: input.values }),
});

export const itemEditForm = form({
  id: 'agenda.item.edit',
  values: itemFormValues,
  metadata: z.object({ meetingId: z.uuid(), itemId: z.uuid() }),
  run: (deps, input) => editAgendaItem(deps, { ...input, ...input.metadata, fields: input.values }),
});

export const pasteForm = form({
  id: 'agenda.paste',
  values: z.object({
    text: z
      .string({ error: 'Paste the ORDER OF BUSINESS table from the agenda pack.' })
      .refine((text) => text.trim() !== '', { error: 'Paste the ORDER OF BUSINESS table from the agenda pack.' })
      .refine((text) => text.length <= PASTE_CHUNK_MAX, {
        error: `Paste at most ${PASTE_CHUNK_MAX.toLocaleString('en-GB')} characters at a time; after checking the items, "Paste more" adds the rest.`,
      }),
  }),
  metadata: z.object({ meetingId: z.uuid(), importId: z.uuid().optional() }),
  run: (deps, input) => pasteAgenda(deps, { ...input, ...input.metadata, text: input.values.text }),
});
