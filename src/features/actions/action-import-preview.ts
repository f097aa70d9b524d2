// Actions read from pasted minutes, held for the clerk to confirm: what the preview shows (every
// action found, with its agenda item, description and owners matched to the roster; owners not on
// the roster and doubtful lines listed, never dropped), and the held row read back.
import { z } from 'zod';
import type { DoubtfulLine, Extraction } from '../../domain/actions/extract-actions.ts';
import { matchOwner } from '../../domain/actions/match-owners.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { ActionImport } from '../../persistence/generated/client.ts';
import { DESCRIPTION_MAX, type RosterMember } from './action-fields.ts';

const importedOwnerSchema = z.object({
  /** As the minutes name them: "Ms Hirani", "the Chairman". */
  asWritten: z.string(),
  /** The roster member matched, when exactly one fits. */
  memberId: z.string().optional(),
  name: z.string().optional(),
  /** Why it was not matched: not on the roster (with a close name), or several fit. */
  problem: z.string().optional(),
});

export const importedActionSchema = z.object({
  line: z.number(),
  /** "2.2", "5". */
  itemNumber: z.string().optional(),
  itemHeading: z.string().optional(),
  description: z.string(),
  owners: z.array(importedOwnerSchema),
  /** What to check before saving (a pronoun read as a name, no heading above it...). */
  doubts: z.array(z.string()),
  /** Saved as an action: it has a description and at least one owner on the roster. */
  saves: z.boolean(),
});
export type ImportedAction = z.infer<typeof importedActionSchema>;
export type ImportedOwner = z.infer<typeof importedOwnerSchema>;

const doubtfulSchema = z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() }));

export interface ActionImportPreviewResult {
  kind: 'action-import-preview';
  importId: string;
  meetingId: string;
  /** "Actions read from the minutes of SCPB, Fri 20 Nov 2026". */
  heading: string;
  actions: ImportedAction[];
  doubtful: DoubtfulLine[];
  /** What saving will do: how many are recorded, due when, and which are not (and why). */
  effect: string;
  /** A paste can be continued: Slack takes 3,000 characters at a time. */
  canPasteMore: boolean;
}

/** The extraction, its owners matched to the board's roster. */
export function importedActions(extraction: Extraction, roster: readonly RosterMember[]): ImportedAction[] {
  const nameOf = (id: string) => roster.find((m) => m.id === id)?.name ?? '';
  return extraction.actions.map((found) => {
    const owners = found.owners.map((text): ImportedOwner => {
      const match = matchOwner(text, roster);
      if (match.kind === 'matched') return { asWritten: text, memberId: match.memberId, name: nameOf(match.memberId) };
      if (match.kind === 'ambiguous') return { asWritten: text, problem: `Could be ${match.candidateIds.map(nameOf).join(' or ')}: not taken.` };
      return { asWritten: text, problem: match.suggestionId ? `Not on the roster (did you mean ${nameOf(match.suggestionId)}?): not taken.` : 'Not on the roster: not taken.' };
    });
    const cut = found.description.length > DESCRIPTION_MAX;
    const description = cut ? `${found.description.slice(0, DESCRIPTION_MAX - 1).trimEnd()}\u2026` : found.description;
    const matched = owners.filter((o) => o.memberId).length;
    return {
      line: found.line,
      ...(found.item ? { itemNumber: found.item.number, itemHeading: found.item.heading } : {}),
      description,
      owners,
      doubts: [...found.doubts, ...(cut ? [`The description was cut to ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters.`] : [])],
      saves: description.length > 0 && matched > 0,
    };
  });
}

/** The held row's JSON, parsed: anything else is a row this version cannot read. */
export function readHeldActions(held: ActionImport): { actions: ImportedAction[]; doubtful: DoubtfulLine[] } {
  const actions = z.array(importedActionSchema).safeParse(held.actions);
  const doubtful = doubtfulSchema.safeParse(held.doubtful ?? []);
  if (!actions.success || !doubtful.success) {
    throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those actions can no longer be read. Paste the minutes again with "actions paste".', { log: `action_import ${held.id} does not parse` });
  }
  return { actions: actions.data, doubtful: doubtful.data };
}
