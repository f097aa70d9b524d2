// The minutes paste form: for "actions paste [YYYY-MM-DD]" (the meeting on that date, or the
// board's latest that has started, else its next), and for "Paste more" on a preview (the rest of
// a set of minutes longer than one paste). Clerks only.
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { actionMeeting } from './open-action-form.ts';
import { MINUTES_CHUNK_MAX } from './paste-minutes.ts';
import { minutesPasteForm } from './paste-minutes-form.ts';

export async function openMinutesPaste(deps: CoreDeps, input: Invocation & { date?: string }) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await actionMeeting(deps, board, input.date);
  return openForm(minutesPasteForm, {
    metadata: { meetingId: meeting.id },
    context: `${board.name}: the actions in the minutes of ${meeting.title}, ${toLocalParts(meeting.startsAt, board.timezone).short}. Paste up to ${MINUTES_CHUNK_MAX.toLocaleString('en-GB')} characters; "Paste more" on the preview adds the rest. Nothing is saved until you confirm.`,
  });
}

export async function openMinutesPasteMore(deps: CoreDeps, input: Invocation & { importId: string; meetingId: string }) {
  const held = await deps.prisma.actionImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held || held.meetingId !== input.meetingId) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That paste was discarded. Start again with "actions paste".', { log: `action_import ${input.importId} not found` });
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those actions were saved already. Paste other minutes with "actions paste".');
  return openForm(minutesPasteForm, {
    metadata: { meetingId: held.meetingId, importId: held.id },
    context: `${held.board.name}: paste the next part of the minutes (${held.sourceText.length.toLocaleString('en-GB')} characters so far). It is read with what you pasted before.`,
  });
}
