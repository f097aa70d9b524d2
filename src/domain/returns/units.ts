// The units a board's figures come in, and what a valid figure is in each. The seed dashboards
// show all of them: counts (952 burglaries), rates per N (first-time entrants 293 per 100,000),
// percentages (sanction detection rate 27%), percentage points (re-offending down 2.4 points) and
// ranks out of N ("15/15" in the most similar group, 1 is best).
import { z } from 'zod';

export type Unit =
  | { kind: 'count' }
  | { kind: 'rate'; per: number }
  | { kind: 'percentage' }
  | { kind: 'points' }
  | { kind: 'rank'; outOf: number };

export type UnitKind = Unit['kind'];

/** Decimal places a figure may have: counts and ranks are whole, the rest to 2 places (20.2%,
 * 2.41 per 1,000). More than that is a typing slip or false precision. */
export const MAX_DECIMALS: Record<UnitKind, number> = { count: 0, rank: 0, rate: 2, percentage: 2, points: 2 };

/** Largest figure accepted in any unit: far beyond any borough's yearly crime count, and well
 * inside exact floating point. */
export const MAX_FIGURE = 1_000_000_000;
/** Largest "per N" and "out of N". */
export const MAX_BASE = 10_000_000;

export const unitSchema: z.ZodType<Unit> = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('count') }),
  z.object({ kind: z.literal('rate'), per: z.number().int().min(1).max(MAX_BASE) }),
  z.object({ kind: z.literal('percentage') }),
  z.object({ kind: z.literal('points') }),
  z.object({ kind: z.literal('rank'), outOf: z.number().int().min(2).max(MAX_BASE) }),
]);

const grouped = (n: number): string => n.toLocaleString('en-GB');

/** "count", "rate per 1,000", "percentage", "percentage points", "rank out of 15". */
export function describeUnit(unit: Unit): string {
  switch (unit.kind) {
    case 'count': return 'count';
    case 'rate': return `rate per ${grouped(unit.per)}`;
    case 'percentage': return 'percentage';
    case 'points': return 'percentage points';
    case 'rank': return `rank out of ${grouped(unit.outOf)}`;
  }
}

/** Reads what describeUnit writes, and the short forms a spreadsheet uses ("%", "pp", "rank/15",
 * "per 1000"). */
export function parseUnit(text: string): Unit | undefined {
  const t = text.trim().toLowerCase().replace(/\s+/g, ' ').replace(/(\d),(?=\d{3}\b)/g, '$1');
  if (t === 'count' || t === 'number' || t === 'volume') return { kind: 'count' };
  if (t === 'percentage' || t === 'percent' || t === '%') return { kind: 'percentage' };
  if (t === 'percentage points' || t === 'points' || t === 'pp' || t === 'pts') return { kind: 'points' };
  const rate = /^(?:rate )?per (\d+)$/.exec(t);
  if (rate) return checked({ kind: 'rate', per: Number(rate[1]) });
  const rank = /^rank(?: out of | ?\/ ?)(\d+)$/.exec(t);
  if (rank) return checked({ kind: 'rank', outOf: Number(rank[1]) });
  return undefined;
}

function checked(unit: Unit): Unit | undefined {
  return unitSchema.safeParse(unit).success ? unit : undefined;
}

/** Whether value has at most `places` decimal places (tolerant of binary floating point). */
export function hasAtMostDecimals(value: number, places: number): boolean {
  const scaled = value * 10 ** places;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** The rule for a figure of this unit, as a message, or undefined when it is valid. */
export function figureProblem(unit: Unit, value: number): string | undefined {
  if (!Number.isFinite(value)) return 'Enter a number.';
  const places = MAX_DECIMALS[unit.kind];
  switch (unit.kind) {
    case 'count':
      if (value < 0) return 'A count cannot be negative.';
      if (!Number.isInteger(value)) return 'A count is a whole number, without decimals.';
      if (value > MAX_FIGURE) return `A count cannot be more than ${grouped(MAX_FIGURE)}.`;
      return undefined;
    case 'rate':
      if (value < 0) return 'A rate cannot be negative.';
      if (value > unit.per) return `A rate per ${grouped(unit.per)} cannot be more than ${grouped(unit.per)}.`;
      break;
    case 'percentage':
      if (value < 0 || value > 100) return 'A percentage is between 0 and 100.';
      break;
    case 'points':
      if (value < -100 || value > 100) return 'A change in percentage points is between -100 and 100.';
      break;
    case 'rank':
      if (!Number.isInteger(value) || value < 1 || value > unit.outOf) return `A rank out of ${grouped(unit.outOf)} is a whole number from 1 (best) to ${grouped(unit.outOf)}.`;
      return undefined;
  }
  if (!hasAtMostDecimals(value, places)) return `Give at most ${places} decimal places.`;
  return undefined;
}

/** A stored figure in this unit (history loaded from a file, a value read back from the
 * database): a number that follows the unit's rule. */
export function figureValueSchema(unit: Unit): z.ZodType<number> {
  return z.number({ error: 'Enter a number.' }).superRefine((value, ctx) => {
    const problem = figureProblem(unit, value);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
}

const NUMBER = /^[+-]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?$/;

/** Reads a figure as typed into a form: "3,446", "20.2%", "-2.4 pts", "15/15" or "15" for a rank
 * out of 15. The result is the number, or a message saying what is wrong with it. */
export function readFigure(unit: Unit, text: string): { ok: true; value: number } | { ok: false; message: string } {
  let t = text.trim().replace(/\s+/g, ' ');
  if (t === '') return { ok: false, message: 'Enter a figure.' };
  if (unit.kind === 'percentage') t = t.replace(/ ?%$/, '');
  if (unit.kind === 'points') t = t.replace(/ ?(?:percentage points|points|pts|pp|%)$/i, '');
  if (unit.kind === 'rank') {
    const slash = /^(\d+) ?(?:\/|out of) ?(\d+)$/i.exec(t);
    if (slash) {
      if (Number(slash[2]) !== unit.outOf) return { ok: false, message: `This rank is out of ${grouped(unit.outOf)}, not ${slash[2]}: enter e.g. "3/${unit.outOf}" or "3".` };
      t = slash[1] as string;
    }
  }
  if (unit.kind === 'rate') {
    const per = / ?per ([\d,]+)$/i.exec(t);
    if (per) {
      if (Number((per[1] as string).replace(/,/g, '')) !== unit.per) return { ok: false, message: `This rate is per ${grouped(unit.per)}, not per ${per[1]}.` };
      t = t.slice(0, per.index);
    }
  }
  if (!NUMBER.test(t)) return { ok: false, message: `"${text.trim()}" is not a number. ${example(unit)}` };
  const value = Number(t.replace(/,/g, ''));
  const problem = figureProblem(unit, value);
  return problem ? { ok: false, message: problem } : { ok: true, value };
}

function example(unit: Unit): string {
  switch (unit.kind) {
    case 'count': return 'Enter a whole number, e.g. 952.';
    case 'rate': return `Enter the rate per ${grouped(unit.per)}, e.g. 2.41.`;
    case 'percentage': return 'Enter a percentage, e.g. 27 or 20.2%.';
    case 'points': return 'Enter the percentage points, e.g. -2.4.';
    case 'rank': return `Enter the rank from 1 (best) to ${grouped(unit.outOf)}, e.g. 3.`;
  }
}

/** A form field's figure: the typed text, read as this unit. */
export function figureTextSchema(unit: Unit): z.ZodType<number, string> {
  return z.string().transform((text, ctx) => {
    const read = readFigure(unit, text);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return read.value;
  });
}

/** A figure as the dashboard shows it: "3,446", "2.41", "20.2%", "-2.4 pts", "15/15". */
export function formatFigure(unit: Unit, value: number): string {
  const places = MAX_DECIMALS[unit.kind];
  const n = value.toLocaleString('en-GB', { maximumFractionDigits: places, minimumFractionDigits: 0 });
  switch (unit.kind) {
    case 'count': case 'rate': return n;
    case 'percentage': return `${n}%`;
    case 'points': return `${n} pts`;
    case 'rank': return `${value}/${unit.outOf}`;
  }
}

/** A figure as a form field is prefilled with it: readFigure reads it back to the same value. */
export function figureInputText(unit: Unit, value: number): string {
  const places = MAX_DECIMALS[unit.kind];
  return String(Number(value.toFixed(places)));
}
