// Which local dates are working days for a board: weekends and bank holidays off, the holidays
// from date-holidays (maintained data, substitute days included), never a hand-typed list.
// England and Wales share one list of bank holidays ("GB-ENG"). Dates are ISO local dates
// ("2026-12-28") in the board's timezone. No I/O.
import { createRequire } from 'node:module';
import type HolidaysClass from 'date-holidays';
import { DateTime } from 'luxon';
import { z } from 'zod';

/** GB-ENG: England and Wales; GB-SCT: Scotland; GB-NIR: Northern Ireland; none: no holidays. */
export const HOLIDAY_REGIONS = ['GB-ENG', 'GB-SCT', 'GB-NIR', 'none'] as const;
export type HolidayRegion = (typeof HOLIDAY_REGIONS)[number];

export const workingDayRuleSchema = z.object({
  skipWeekends: z.boolean().default(true),
  holidays: z.enum(HOLIDAY_REGIONS).default('GB-ENG'),
});
export type WorkingDayRule = z.infer<typeof workingDayRuleSchema>;

export const ENGLAND_AND_WALES: WorkingDayRule = { skipWeekends: true, holidays: 'GB-ENG' };

const calendars = new Map<string, Set<string>>();

// date-holidays (every country's calendar, about 8 MiB) is loaded the first time a holiday is
// asked for, not when the service starts.
const load = createRequire(import.meta.url);
let Holidays: typeof HolidaysClass | undefined;

/** The bank holidays of a region in a year, as ISO dates. */
export function bankHolidays(region: HolidayRegion, year: number): ReadonlySet<string> {
  const key = `${region}:${year}`;
  const known = calendars.get(key);
  if (known) return known;
  const dates = new Set<string>();
  if (region !== 'none') {
    const [country, state] = region.split('-');
    Holidays ??= load('date-holidays') as typeof HolidaysClass;
    const holidays = new Holidays(country ?? 'GB', state ?? '');
    for (const h of holidays.getHolidays(year)) if (h.type === 'public' || h.type === 'bank') dates.add(h.date.slice(0, 10));
  }
  calendars.set(key, dates);
  return dates;
}

function parse(isoDate: string): DateTime {
  const d = DateTime.fromISO(isoDate, { zone: 'utc' });
  if (!d.isValid) throw new Error(`Not an ISO date: ${isoDate}`);
  return d;
}

export function isWorkingDay(isoDate: string, rule: WorkingDayRule): boolean {
  const d = parse(isoDate);
  if (rule.skipWeekends && d.weekday >= 6) return false;
  return !bankHolidays(rule.holidays, d.year).has(isoDate);
}

export function addDays(isoDate: string, days: number): string {
  return parse(isoDate).plus({ days }).toISODate() ?? isoDate;
}

/** The date itself when it is a working day, else the next one. */
export function onOrAfterWorkingDay(isoDate: string, rule: WorkingDayRule): string {
  let d = isoDate;
  for (let i = 0; i < 30 && !isWorkingDay(d, rule); i++) d = addDays(d, 1);
  return d;
}

/** The date itself when it is a working day, else the one before. */
export function onOrBeforeWorkingDay(isoDate: string, rule: WorkingDayRule): string {
  let d = isoDate;
  for (let i = 0; i < 30 && !isWorkingDay(d, rule); i++) d = addDays(d, -1);
  return d;
}
