// Hand-written: the maintained ICS libraries (ical.js, ics) do not write a VTIMEZONE from the tz
// database on Node 20 without a bundled zone table of their own.
// The VTIMEZONE of a board's IANA zone, generated from the tz database luxon reads (through
// Intl), so it is right for any zone and any year without a table of our own. Outlook needs it
// to place a DTSTART;TZID=… time; other calendars use it when they do not know the TZID.
//
// For a zone with regular clock changes (Europe/London: last Sunday of March at 01:00 GMT,
// last Sunday of October at 02:00 BST) it writes one DAYLIGHT and one STANDARD observance with a
// yearly RRULE, the form Outlook writes itself. Where the rule does not hold across the years
// around the meeting, it writes each change as its own observance; where the zone has no clock
// changes, one STANDARD observance.
import { DateTime, IANAZone } from 'luxon';
import { utcOffset } from './ics-text.ts';

interface Transition {
  /** The instant of the change, in ms since the epoch. */
  at: number;
  offsetFrom: number;
  offsetTo: number;
}

const DAY_MS = 86_400_000;
const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;

function transitionsIn(zone: IANAZone, year: number): Transition[] {
  const start = Date.UTC(year, 0, 1);
  const end = Date.UTC(year + 1, 0, 1);
  const out: Transition[] = [];
  let before = zone.offset(start);
  for (let t = start; t < end; t += DAY_MS) {
    const next = Math.min(t + DAY_MS, end);
    const after = zone.offset(next);
    if (after === before) continue;
    let lo = t;
    let hi = next;
    while (hi - lo > 1000) {
      const mid = Math.floor((lo + hi) / 2);
      if (zone.offset(mid) === before) lo = mid;
      else hi = mid;
    }
    out.push({ at: Math.round(hi / 1000) * 1000, offsetFrom: before, offsetTo: after });
    before = after;
  }
  return out;
}

/** Wall-clock time just before the change, as the observance's DTSTART (local, no zone). */
function localStart(t: Transition): DateTime {
  return DateTime.fromMillis(t.at + t.offsetFrom * 60_000, { zone: 'UTC' });
}

const localStamp = (d: DateTime): string => d.toFormat("yyyyLLdd'T'HHmmss");

function tzName(zone: string, at: number, offset: number): string {
  const name = DateTime.fromMillis(at, { zone }).setLocale('en-GB').offsetNameShort;
  return name && !/^GMT[+-]/.test(name) ? name : `UTC${utcOffset(offset)}`;
}

/** "BYMONTH=3;BYDAY=-1SU" when every change of this kind follows one yearly rule, else undefined. */
function yearlyRule(changes: Transition[]): string | undefined {
  const starts = changes.map(localStart);
  const first = starts[0];
  if (!first) return undefined;
  const sameShape = starts.every(
    (d, i) =>
      d.month === first.month &&
      d.weekday === first.weekday &&
      d.toFormat('HHmmss') === first.toFormat('HHmmss') &&
      changes[i]?.offsetFrom === changes[0]?.offsetFrom &&
      changes[i]?.offsetTo === changes[0]?.offsetTo,
  );
  if (!sameShape) return undefined;
  const byDay = WEEKDAYS[first.weekday - 1];
  if (starts.every((d) => d.day + 7 > (d.daysInMonth ?? 31))) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=-1${byDay}`;
  const nth = Math.ceil(first.day / 7);
  if (starts.every((d) => Math.ceil(d.day / 7) === nth)) return `FREQ=YEARLY;BYMONTH=${first.month};BYDAY=${nth}${byDay}`;
  return undefined;
}

function observance(kind: 'STANDARD' | 'DAYLIGHT', zone: string, t: Transition, rrule?: string): string[] {
  return [
    `BEGIN:${kind}`,
    `TZOFFSETFROM:${utcOffset(t.offsetFrom)}`,
    `TZOFFSETTO:${utcOffset(t.offsetTo)}`,
    `TZNAME:${tzName(zone, t.at, t.offsetTo)}`,
    `DTSTART:${localStamp(localStart(t))}`,
    ...(rrule ? [`RRULE:${rrule}`] : []),
    `END:${kind}`,
  ];
}

/**
 * The VTIMEZONE content lines for `zone`, covering the year of `around` and the years either
 * side (so a meeting, its end and a calendar's reminder all fall inside it).
 */
export function buildVTimezone(zone: string, around: Date): string[] {
  const iana = IANAZone.create(zone);
  if (!iana.isValid) throw new Error(`Unknown timezone ${zone}`);
  const year = DateTime.fromJSDate(around, { zone }).year;
  const years = [year - 1, year, year + 1];
  const byYear = years.map((y) => transitionsIn(iana, y));
  const all = byYear.flat();
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`, `X-LIC-LOCATION:${zone}`];
  if (all.length === 0) {
    const offset = iana.offset(around.getTime());
    lines.push(...observance('STANDARD', zone, { at: Date.UTC(1970, 0, 1), offsetFrom: offset, offsetTo: offset }));
    lines.push('END:VTIMEZONE');
    return lines;
  }
  const kindOf = (t: Transition): 'STANDARD' | 'DAYLIGHT' => (t.offsetTo > t.offsetFrom ? 'DAYLIGHT' : 'STANDARD');
  const regular = byYear.every((list) => list.length === 2 && kindOf(list[0] as Transition) !== kindOf(list[1] as Transition));
  if (regular) {
    const rules = (['DAYLIGHT', 'STANDARD'] as const).map((kind) => {
      const changes = all.filter((t) => kindOf(t) === kind);
      return { kind, first: changes[0] as Transition, rule: yearlyRule(changes) };
    });
    if (rules.every((r) => r.rule !== undefined)) {
      for (const r of rules) lines.push(...observance(r.kind, zone, r.first, r.rule));
      lines.push('END:VTIMEZONE');
      return lines;
    }
  }
  // Irregular changes: each one written out. An observance before the first change keeps times
  // early in the first year covered.
  const firstChange = all[0] as Transition;
  const opening = { at: Date.UTC(years[0] as number, 0, 1), offsetFrom: firstChange.offsetFrom, offsetTo: firstChange.offsetFrom };
  lines.push(...observance('STANDARD', zone, opening));
  for (const t of all) lines.push(...observance(kindOf(t), zone, t));
  lines.push('END:VTIMEZONE');
  return lines;
}
