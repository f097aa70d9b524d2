// The meeting form (create and edit): what a clerk may enter, and every way it can be wrong, each
// reported against its own field at once. The date and time are read in the board's timezone.
import { z } from 'zod';
import { localToInstant } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';

export const MEETING_TITLE_MAX = 150;
export const VENUE_MAX = 200;

const text = (max: number, label: string) => z.string({ error: `Enter the ${label}.` }).trim().max(max, { error: `Keep the ${label} to ${max} characters or fewer.` });

export interface MeetingDetails {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  venue: string | null;
}

const meetingFields = z.object({
  title: text(MEETING_TITLE_MAX, 'title').optional(),
  date: z.string({ error: 'Choose the date of the meeting.' }).trim().min(1, { error: 'Choose the date of the meeting.' }),
  time: z.string({ error: 'Choose the start time.' }).trim().min(1, { error: 'Choose the start time.' }),
  duration: z.coerce
    .number({ error: 'Enter the length in minutes, e.g. 120.' })
    .int({ error: 'Enter a whole number of minutes.' })
    .min(15, { error: 'A meeting lasts at least 15 minutes.' })
    .max(600, { error: 'A meeting lasts at most 10 hours (600 minutes).' })
    .optional(),
  venue: text(VENUE_MAX, 'venue').optional(),
});

/** No timezone is ahead of UTC by more than this, nor behind it. */
const WIDEST_OFFSET_MS = 14 * 3_600_000;

/** What can be checked before the board is known (no database): every field's shape, a date and a
 * time that exist in the calendar, and not a moment past in every timezone. The board's timezone
 * (clocks going forward, a time passed there) is checked by meetingFormValues after. */
export function meetingFormCheck(now: Date) {
  return meetingFields.superRefine((values, ctx) => {
    if (typeof values.date !== 'string' || typeof values.time !== 'string' || !values.date || !values.time) return;
    const instant = localToInstant(values.date, values.time, 'UTC');
    if (!instant.ok) ctx.addIssue({ code: 'custom', path: [instant.field], message: instant.message });
    else if (instant.instant.getTime() + WIDEST_OFFSET_MS <= now.getTime()) ctx.addIssue({ code: 'custom', path: ['date'], message: PASSED });
  });
}

const PASSED = 'That date and time has passed. Choose a time in the future.';

/** The form's schema for one board at one moment: its output is the meeting's details. */
export function meetingFormValues(board: { name: string; timezone: string }, now: Date) {
  return meetingFields
    .superRefine((values, ctx) => {
      // Runs even when another field failed (zod reports every field at once); the date and time
      // may themselves be missing then.
      if (typeof values.date !== 'string' || typeof values.time !== 'string' || !values.date || !values.time) return;
      const instant = localToInstant(values.date, values.time, board.timezone);
      if (!instant.ok) ctx.addIssue({ code: 'custom', path: [instant.field], message: instant.message });
      else if (instant.instant.getTime() <= now.getTime()) ctx.addIssue({ code: 'custom', path: ['date'], message: PASSED });
    })
    .transform((values): MeetingDetails => {
      const instant = localToInstant(values.date, values.time, board.timezone);
      if (!instant.ok) throw new Error('unreachable: checked above');
      return { title: values.title || board.name, startsAt: instant.instant, durationMinutes: values.duration ?? 120, venue: values.venue || null };
    });
}

/** The form's schema for the board the form was opened for, or STALE_FORM if it is gone. */
export async function meetingFormFor(deps: { prisma: PrismaClient; now: () => Date }, where: { boardId: string } | { meetingId: string }) {
  const board =
    'boardId' in where
      ? await deps.prisma.board.findUnique({ where: { id: where.boardId } })
      : (await deps.prisma.meeting.findUnique({ where: { id: where.meetingId }, include: { board: true } }))?.board;
  if (!board) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: 'the form\u2019s board or meeting no longer exists' });
  return meetingFormValues(board, deps.now());
}
