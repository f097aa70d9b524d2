// Paste minutes to record their actions: the command, the preview's buttons (Save, Paste more,
// Discard) and the paste form, declared here and spread into the feature's register.ts.
import { z } from 'zod';
import { optionalDate } from '../../kernel/args.ts';
import { button, command } from '../../kernel/feature.ts';
import { discardActionImport } from './discard-action-import.ts';
import { openMinutesPaste, openMinutesPasteMore } from './open-minutes-paste.ts';
import { minutesPasteForm } from './paste-minutes-form.ts';
import { saveActionImport } from './save-action-import.ts';

const importId = z.object({ importId: z.uuid() });

export const minutesImportCommands = [
  command({
    words: 'actions paste',
    usage: 'actions paste [YYYY-MM-DD]',
    description: 'Paste minutes: every action in them, with its item and owners, shown for you to confirm before saving.',
    who: 'clerks',
    args: optionalDate,
    run: (deps, input) => openMinutesPaste(deps, { ...input, ...input.args }),
  }),
] as const;

export const minutesImportButtons = [
  button({ id: 'action.import.save', payload: importId, run: (deps, input) => saveActionImport(deps, { ...input, importId: input.payload.importId }) }),
  button({ id: 'action.import.discard', payload: importId, run: (deps, input) => discardActionImport(deps, { ...input, importId: input.payload.importId }) }),
  button({
    id: 'action.paste.more',
    payload: z.object({ importId: z.uuid(), meetingId: z.uuid() }),
    run: (deps, input) => openMinutesPasteMore(deps, { ...input, ...input.payload }),
  }),
] as const;

export const minutesImportForms = [minutesPasteForm] as const;
