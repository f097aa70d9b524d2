// "actions paste [YYYY-MM-DD]": the clerk pastes minutes (a whole set, as the seeds' are) and gets
// every action found, each with its agenda item, description and owners matched to the roster, held
// for confirmation with the owners not on the roster and the lines that could not be read. Nothing
// is recorded until Save (save-action-import.ts). Slack's text box takes 3,000 characters, so a
// whole set of minutes comes in several pastes ("Paste more"), read again as one text each time;
// a first piece with no action in it yet is held and says so.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { extractActions } from '../../domain/actions/extract-actions.ts';
import { localDate, toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board, Meeting } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { showDate } from './action-dates.ts';
import { rosterOf } from './action-fields.ts';
import { importedActions, type ActionImportPreviewResult, type ImportedAction } from './action-import-preview.ts';
import { suggestedDueDate } from './open-action-form.ts';

/** One paste: what a Slack text input holds (the form's box is held to it on both platforms). */
export const MINUTES_CHUNK_MAX = 3000;
/** All pastes together: a set of minutes, not the whole agenda pack. */
export const MINUTES_TOTAL_MAX = 60_000;
/** Actions saved from one paste at most. */
export const IMPORT_ACTIONS_MAX = 60;

export const minutesPasteValues = z.object({
  text: z
    .string({ error: 'Paste the minutes.' })
    .trim()
    .min(1, { error: 'Paste the minutes.' })
    .max(MINUTES_CHUNK_MAX, { error: `Paste at most ${MINUTES_CHUNK_MAX.toLocaleString('en-GB')} characters at a time; "Paste more" adds the rest.` }),
});

/** The due date of actions saved from minutes: the day before the meeting after this one, or four
 * weeks from today when there is none yet; with the reason, as the preview says it. */
export async function importDue(deps: CoreDeps, board: Board, meeting: Meeting): Promise<{ iso: string; why: string }> {
  const next = await suggestedDueDate(deps, board, meeting);
  if (next) return { iso: next, why: 'the day before the next meeting' };
  const iso = DateTime.fromISO(localDate(deps.now(), board.timezone), { zone: 'utc' }).plus({ days: 28 }).toISODate() as string;
  return { iso, why: 'four weeks from today: there is no next meeting yet' };
}

export const NO_ACTIONS_YET =
  'No actions found yet. If the minutes go on, add the rest with "Paste more"; action lines read like "ACTION: Paul Lamb" or "Action: Ms Hirani/Mr Clifton", after the paragraph they close.';

/** What Save will do, in words. */
export function importEffect(actions: ImportedAction[], due: { iso: string; why: string }): string {
  if (actions.length === 0) return NO_ACTIONS_YET;
  const saved = actions.filter((a) => a.saves).length;
  const skipped = actions.filter((a) => !a.saves);
  const first = saved === 0 ? 'Saving records none of these: no action has an owner on the roster.' : `Saving records ${saved === actions.length ? (saved === 1 ? 'this action' : `these ${saved} actions`) : `${saved} of these ${actions.length} actions`}, due ${showDate(due.iso)} (${due.why}), and sends each owner their card.`;
  if (skipped.length === 0) return first;
  return `${first} Not saved, to record with "action new": ${skipped.map((a) => `line ${a.line}`).join(', ')} (${skipped.every((a) => a.description) ? 'no owner on the roster' : 'no owner on the roster, or no description'}).`;
}

export async function pasteMinutes(deps: CoreDeps, input: Invocation & { meetingId: string; importId?: string; text: string }): Promise<ActionImportPreviewResult> {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: input.meetingId }, include: { board: true } });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists. Start again with "actions paste".', { log: `meeting ${input.meetingId} not found` });
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const earlier = input.importId ? await deps.prisma.actionImport.findFirst({ where: { id: input.importId, meetingId: meeting.id, appliedAt: null } }) : null;
  if (input.importId && !earlier) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That paste was saved or discarded already. Start again with "actions paste".');
  const text = earlier ? `${earlier.sourceText}\n${input.text}` : input.text;
  if (text.length > MINUTES_TOTAL_MAX) {
    throw formInvalid({ text: `That makes ${text.length.toLocaleString('en-GB')} characters; a set of minutes is at most ${MINUTES_TOTAL_MAX.toLocaleString('en-GB')}. Paste the minutes only, not the whole pack.` }, 'That is too long.');
  }
  const extraction = extractActions(text);
  if (extraction.actions.length > IMPORT_ACTIONS_MAX) throw formInvalid({ text: `That has ${extraction.actions.length} actions; paste the minutes of one meeting (${IMPORT_ACTIONS_MAX} actions at most).` }, 'Too many actions.');
  const actions = importedActions(extraction, await rosterOf(deps.prisma, meeting.boardId));
  const data = { sourceText: text, actions: actions as object[], doubtful: extraction.doubtful as object[] };
  const held = earlier
    ? await deps.prisma.actionImport.update({ where: { id: earlier.id }, data })
    : await deps.prisma.actionImport.create({ data: { boardId: meeting.boardId, meetingId: meeting.id, createdBy: `${input.actor.platform}:${input.actor.userId}`, ...data } });
  return {
    kind: 'action-import-preview',
    importId: held.id,
    meetingId: meeting.id,
    heading: `Actions read from the minutes of ${meeting.title}, ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}`,
    actions,
    doubtful: extraction.doubtful,
    effect: importEffect(actions, await importDue(deps, meeting.board, meeting)),
    canPasteMore: text.length < MINUTES_TOTAL_MAX,
  };
}
