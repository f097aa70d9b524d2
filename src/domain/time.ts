// Local dates and times in a board's timezone, and instants in UTC. Every conversion goes
// through here (luxon), so a meeting at 10:00 in London stays at 10:00 across clock changes.
import { DateTime, IANAZone } from 'luxon';

export type LocalToInstant = { ok: true; instant: Date } | { ok: false; field: 'date' | 'time'; message: string };

export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/** "2026-12-04" + "10:00" in the zone → the instant. Rejects impossible dates and times that do
 * not exist on that day (the hour skipped when clocks go forward). */
export function localToInstant(date: string, time: string, zone: string): LocalToInstant {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!d) return { ok: false, field: 'date', message: 'Enter the date as YYYY-MM-DD, e.g. 2026-12-04.' };
  const t = /^(\d{1,2}):(\d{2})(?::\d{2})?$/.exec(time.trim());
  if (!t) return { ok: false, field: 'time', message: 'Enter the time as HH:MM, e.g. 10:00.' };
  const [year, month, day] = [Number(d[1]), Number(d[2]), Number(d[3])];
  const [hour, minute] = [Number(t[1]), Number(t[2])];
  const local = DateTime.fromObject({ year, month, day, hour, minute }, { zone });
  if (!local.isValid) {
    const dateOnly = DateTime.fromObject({ year, month, day }, { zone });
    return dateOnly.isValid
      ? { ok: false, field: 'time', message: `${time} is not a time of day.` }
      : { ok: false, field: 'date', message: `${date} is not a date in the calendar.` };
  }
  if (local.hour !== hour || local.minute !== minute) {
    return { ok: false, field: 'time', message: `${time} does not exist on ${date} in ${zone}: the clocks go forward. Choose another time.` };
  }
  return { ok: true, instant: local.toUTC().toJSDate() };
}

export interface LocalParts {
  /** "Friday 4 December 2026" */
  date: string;
  /** "10:00" */
  time: string;
  /** "2026-12-04" */
  isoDate: string;
  /** "Fri 4 Dec 2026, 10:00" */
  short: string;
}

export function toLocalParts(instant: Date, zone: string): LocalParts {
  const local = DateTime.fromJSDate(instant, { zone }).setLocale('en-GB');
  return {
    date: local.toFormat('cccc d LLLL yyyy'),
    time: local.toFormat('HH:mm'),
    isoDate: local.toFormat('yyyy-LL-dd'),
    short: local.toFormat('ccc d LLL yyyy, HH:mm'),
  };
}

/** The local date ("2026-12-28") of an instant in a zone: what "today" is for a board. */
export function localDate(instant: Date, zone: string): string {
  return DateTime.fromJSDate(instant, { zone }).toFormat('yyyy-LL-dd');
}
