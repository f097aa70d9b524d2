// UK public bodies report by financial year, 1 April to 31 March. Q1 is April to June, Q2 July to
// September, Q3 October to December, Q4 January to March of the next calendar year: "Q3 2021/22"
// is October to December 2021, "Q4 2021/22" January to March 2022. The rolling 12 months of a
// quarter are the four quarters ending with it.
import { DateTime } from 'luxon';

export type QuarterNumber = 1 | 2 | 3 | 4;

export interface Quarter {
  /** The calendar year the financial year starts in: 2021 for 2021/22. */
  fyStart: number;
  quarter: QuarterNumber;
}

/** Financial years the board can report on; a guard against typing 20221 or 1021. */
export const FIRST_YEAR = 1990;
export const LAST_YEAR = 2100;

/** Quarters counted from Q1 of year 0, so quarters can be compared and stepped through. */
export function quarterIndex(q: Quarter): number {
  return q.fyStart * 4 + (q.quarter - 1);
}

export function quarterFromIndex(index: number): Quarter {
  return { fyStart: Math.floor(index / 4), quarter: ((index % 4) + 1) as QuarterNumber };
}

export function addQuarters(q: Quarter, n: number): Quarter {
  return quarterFromIndex(quarterIndex(q) + n);
}

export const previousQuarter = (q: Quarter): Quarter => addQuarters(q, -1);
export const yearEarlier = (q: Quarter): Quarter => addQuarters(q, -4);
export const sameQuarter = (a: Quarter, b: Quarter): boolean => quarterIndex(a) === quarterIndex(b);

/** The last `count` quarters ending with q, oldest first (a trend over 8 quarters). */
export function quartersEndingWith(q: Quarter, count: number): Quarter[] {
  const end = quarterIndex(q);
  return Array.from({ length: count }, (_, i) => quarterFromIndex(end - count + 1 + i));
}

/** The four quarters of the rolling 12 months ending with q, oldest first. */
export const rollingYear = (q: Quarter): Quarter[] => quartersEndingWith(q, 4);

/** The first month of the quarter: 4 (April), 7, 10 or 1, and its calendar year. */
function firstMonth(q: Quarter): { year: number; month: number } {
  const month = 4 + (q.quarter - 1) * 3;
  return month > 12 ? { year: q.fyStart + 1, month: month - 12 } : { year: q.fyStart, month };
}

/** First and last day of the quarter, as ISO dates. */
export function quarterDates(q: Quarter): { start: string; end: string } {
  const { year, month } = firstMonth(q);
  const start = DateTime.fromObject({ year, month, day: 1 }, { zone: 'UTC' });
  return { start: start.toISODate() as string, end: start.plus({ months: 3 }).minus({ days: 1 }).toISODate() as string };
}

/** The quarter a calendar date (YYYY-MM-DD, or year and month) falls in. */
export function quarterOfMonth(year: number, month: number): Quarter {
  const fyStart = month >= 4 ? year : year - 1;
  const quarter = (month >= 4 ? Math.floor((month - 4) / 3) + 1 : 4) as QuarterNumber;
  return { fyStart, quarter };
}

export function quarterOfDate(isoDate: string): Quarter {
  const d = DateTime.fromISO(isoDate, { zone: 'UTC' });
  return quarterOfMonth(d.year, d.month);
}

const yearLabel = (fyStart: number): string => `${fyStart}/${String((fyStart + 1) % 100).padStart(2, '0')}`;

/** "Q3 2021/22". */
export function formatQuarter(q: Quarter): string {
  return `Q${q.quarter} ${yearLabel(q.fyStart)}`;
}

/** A key that sorts and round-trips: "2021-Q3" (financial year starting 2021). */
export function quarterKey(q: Quarter): string {
  return `${q.fyStart}-Q${q.quarter}`;
}

function monthSpan(fromYear: number, fromMonth: number, toYear: number, toMonth: number): string {
  const from = DateTime.fromObject({ year: fromYear, month: fromMonth }).setLocale('en-GB');
  const to = DateTime.fromObject({ year: toYear, month: toMonth }).setLocale('en-GB');
  return fromYear === toYear ? `${from.toFormat('LLLL')} to ${to.toFormat('LLLL yyyy')}` : `${from.toFormat('LLLL yyyy')} to ${to.toFormat('LLLL yyyy')}`;
}

/** "October to December 2021". */
export function quarterMonths(q: Quarter): string {
  const { year, month } = firstMonth(q);
  return monthSpan(year, month, year, month + 2);
}

/** "January 2021 to December 2021": the rolling 12 months ending with q. */
export function rollingYearMonths(q: Quarter): string {
  const first = firstMonth(addQuarters(q, -3));
  const last = firstMonth(q);
  return monthSpan(first.year, first.month, last.year, last.month + 2);
}

export type ParsedQuarter = { ok: true; quarter: Quarter } | { ok: false; message: string };

const HOW = 'Write the quarter as Q1 to Q4 and the financial year, e.g. "Q3 2021/22" (October to December 2021).';

/** Reads "Q3 2021/22", "q3 2021-22", "2021/22 Q3", "Q3 21/22" or the key "2021-Q3". */
export function parseQuarter(text: string): ParsedQuarter {
  const t = text.trim().replace(/\s+/g, ' ');
  const key = /^(\d{4})-Q([1-4])$/i.exec(t);
  if (key) return checkYear(Number(key[1]), Number(key[2]) as QuarterNumber);
  const qFirst = /^Q([1-9]) (?:FY ?)?(\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4})$/i.exec(t);
  const yFirst = /^(?:FY ?)?(\d{2}|\d{4}) ?[/-] ?(\d{2}|\d{4}) Q([1-9])$/i.exec(t);
  const parts = qFirst ? { q: qFirst[1], a: qFirst[2], b: qFirst[3] } : yFirst ? { q: yFirst[3], a: yFirst[1], b: yFirst[2] } : undefined;
  if (!parts) return { ok: false, message: `"${text.trim()}" is not a quarter. ${HOW}` };
  const q = Number(parts.q);
  if (q < 1 || q > 4) return { ok: false, message: `There is no Q${q}: a financial year has quarters Q1 to Q4.` };
  const a = (parts.a as string).length === 2 ? 2000 + Number(parts.a) : Number(parts.a);
  const b = Number(parts.b);
  const bFull = (parts.b as string).length === 2 ? Math.floor(a / 100) * 100 + b + (b < a % 100 ? 100 : 0) : b;
  if (bFull !== a + 1) return { ok: false, message: `"${text.trim()}": a financial year runs from one year into the next, e.g. ${yearLabel(a)}.` };
  return checkYear(a, q as QuarterNumber);
}

function checkYear(fyStart: number, quarter: QuarterNumber): ParsedQuarter {
  if (fyStart < FIRST_YEAR || fyStart > LAST_YEAR) return { ok: false, message: `${yearLabel(fyStart)} is outside the years Quorum reports on (${FIRST_YEAR} to ${LAST_YEAR}).` };
  return { ok: true, quarter: { fyStart, quarter } };
}
