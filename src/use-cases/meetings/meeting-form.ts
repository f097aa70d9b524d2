// The meeting form (create and edit): what a clerk may enter, and every way it can be wrong,
// each reported against its own field.
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.ts';
import { localToInstant } from '../../domain/time.ts';

export const MEETING_TITLE_MAX = 150;
export const VENUE_MAX = 200;

/** Field ids, shared with the card layer's form. */
export const MEETING_FIELDS = ['title', 'date', 'time', 'duration', 'venue'] as const;
export type MeetingField = (typeof MEETING_FIELDS)[number];

const text = (max: number, label: string) =>
  z
    .string({ error: `Enter the ${label}.` })
    .trim()
    .max(max, { error: `Keep the ${label} to ${max} characters or fewer.` });

const schema = z.object({
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

export interface MeetingDetails {
  title: string;
  startsAt: Date;
  durationMinutes: number;
  venue: string | null;
}

/** Raw form values (strings from Slack or Teams) → validated details, or AppError with fieldErrors. */
export function readMeetingForm(
  values: Record<string, unknown>,
  board: { name: string; timezone: string },
  now: Date,
): MeetingDetails {
  const cleaned = Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v === null || v === '' ? undefined : typeof v === 'number' ? String(v) : v]),
  );
  const parsed = schema.safeParse(cleaned);
  const errors: Record<string, string> = {};
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? 'date');
      errors[field] ??= issue.message;
    }
  }
  let startsAt: Date | undefined;
  if (parsed.success || (!errors.date && !errors.time)) {
    const date = String(cleaned.date ?? '');
    const time = String(cleaned.time ?? '');
    const instant = localToInstant(date, time, board.timezone);
    if (!instant.ok) errors[instant.field] = instant.message;
    else if (instant.instant.getTime() <= now.getTime()) errors.date = 'That date and time has passed. Choose a time in the future.';
    else startsAt = instant.instant;
  }
  if (!parsed.success || !startsAt || Object.keys(errors).length > 0) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'Some details need correcting.', errors);
  }
  return {
    title: parsed.data.title || board.name,
    startsAt,
    durationMinutes: parsed.data.duration ?? 120,
    venue: parsed.data.venue || null,
  };
}
