// The calendar invite for a meeting (RFC 5545): one VEVENT in the board's timezone, with that
// zone's VTIMEZONE, so "10:00 in London" stays 10:00 in every calendar across clock changes.
// METHOD:PUBLISH (an entry to add, not a meeting request to answer). The UID stays the same for
// the meeting's life and SEQUENCE grows with every change, so a calendar that imported the
// invite updates it, and marks it cancelled when STATUS:CANCELLED arrives.
//
// Written by hand rather than with a library: `ics` writes no VTIMEZONE, and `ical-generator`
// needs Node 22 and a second package to produce one; luxon (already used for all time rules)
// gives the zone's transitions directly.
import { DateTime } from 'luxon';
import { isValidZone } from '../time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { escapeText, paramValue, toIcs, utcStamp } from './ics-text.ts';
import { buildVTimezone } from './vtimezone.ts';

export interface MeetingInviteOptions {
  /** Stable for the meeting's life, e.g. "<meeting id>@quorum". */
  uid: string;
  title: string;
  description: string;
  venue: string;
  /** The start, as an instant (UTC). */
  startsAt: Date;
  durationMinutes: number;
  /** The board's IANA zone, e.g. "Europe/London". */
  timezone: string;
  url?: string;
  organizer?: { name: string; email: string };
  /** Grows with every change to the meeting (0 for the first invite). */
  sequence: number;
  status: 'CONFIRMED' | 'CANCELLED';
  /** When this invite was made (DTSTAMP); now by default. */
  stamp?: Date;
}

export const ICS_PRODID = '-//Quorum//Meetings and agendas//EN';

const invalid = (message: string) => new AppError(ErrorCode.CALENDAR_INVALID, message);

function check(options: MeetingInviteOptions): void {
  if (!options.uid.trim() || /[\r\n]/.test(options.uid)) throw invalid('A calendar invite needs a UID on one line.');
  if (!(options.startsAt instanceof Date) || Number.isNaN(options.startsAt.getTime())) throw invalid('A calendar invite needs a valid start time.');
  if (!Number.isInteger(options.durationMinutes) || options.durationMinutes <= 0 || options.durationMinutes > 24 * 60) {
    throw invalid('A meeting lasts between 1 minute and 24 hours.');
  }
  if (!isValidZone(options.timezone)) throw invalid(`${options.timezone} is not a timezone (use an IANA name such as Europe/London).`);
  if (!Number.isInteger(options.sequence) || options.sequence < 0) throw invalid('The invite sequence must be a whole number, 0 or more.');
  if (options.url !== undefined && !/^https?:\/\/\S+$/.test(options.url)) throw invalid('The invite link must be a web address (https://…).');
  if (options.organizer && !/^[^\s@:;,]+@[^\s@:;,]+$/.test(options.organizer.email)) throw invalid('The organiser needs an email address.');
}

const localStamp = (instant: Date, zone: string): string => DateTime.fromJSDate(instant, { zone }).toFormat("yyyyLLdd'T'HHmmss");

/** The invite as iCalendar text: CRLF line endings, lines folded at 75 octets. */
export function meetingInvite(options: MeetingInviteOptions): string {
  check(options);
  const { timezone: zone } = options;
  const endsAt = new Date(options.startsAt.getTime() + options.durationMinutes * 60_000);
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    `PRODID:${ICS_PRODID}`,
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    ...buildVTimezone(zone, options.startsAt),
    'BEGIN:VEVENT',
    `UID:${options.uid.trim()}`,
    `DTSTAMP:${utcStamp(options.stamp ?? new Date())}`,
    `SEQUENCE:${options.sequence}`,
    `STATUS:${options.status}`,
    `DTSTART;TZID=${zone}:${localStamp(options.startsAt, zone)}`,
    `DTEND;TZID=${zone}:${localStamp(endsAt, zone)}`,
    `SUMMARY:${escapeText(options.status === 'CANCELLED' ? `Cancelled: ${options.title}` : options.title)}`,
    ...(options.venue.trim() ? [`LOCATION:${escapeText(options.venue.trim())}`] : []),
    ...(options.description.trim() ? [`DESCRIPTION:${escapeText(options.description)}`] : []),
    ...(options.url ? [`URL:${options.url}`] : []),
    ...(options.organizer ? [`ORGANIZER;CN=${paramValue(options.organizer.name)}:mailto:${options.organizer.email}`] : []),
    `TRANSP:${options.status === 'CANCELLED' ? 'TRANSPARENT' : 'OPAQUE'}`,
    'END:VEVENT',
    'END:VCALENDAR',
  ];
  return toIcs(lines);
}
