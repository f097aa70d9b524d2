// What a figure is compared with: the same quarter a year earlier, and the rolling 12 months
// against the 12 months before them. Computed from the figures already stored for the metric when
// they exist; otherwise from what the submitter entered (a board's first round has no history).
import { type Quarter, quarterKey, rollingYear, yearEarlier } from './quarter.ts';
import type { Unit } from './units.ts';

/** Lower is better for crime; higher is better for sanction detection rates or confidence. Ranks
 * are always lower-is-better (1 is best), whatever the metric's polarity. */
export type Polarity = 'lower' | 'higher';

/** How a change is measured: a percentage for counts and rates ("18%"), a difference in
 * percentage points for percentages ("2.4 points"), a difference in places for ranks. */
export type ChangeKind = 'percent' | 'points' | 'places';

export interface Change {
  kind: ChangeKind;
  /** now minus then, in the kind's measure: +18 for an 18% rise. */
  value: number;
}

export function changeKindOf(unit: Unit): ChangeKind {
  switch (unit.kind) {
    case 'count': case 'rate': return 'percent';
    case 'percentage': case 'points': return 'points';
    case 'rank': return 'places';
  }
}

/** The change from `then` to `now`. A percentage change from nothing (0 then) is not a number:
 * undefined, and the dashboard shows the two figures instead. */
export function changeBetween(unit: Unit, then: number, now: number): Change | undefined {
  const kind = changeKindOf(unit);
  if (kind === 'percent') return then === 0 ? undefined : { kind, value: ((now - then) / then) * 100 };
  return { kind, value: now - then };
}

/** "+18%", "-1%", "-2.4 pts", "+3 places", "no change". Percentages to whole numbers below 10%
 * keep one decimal (the seeds write "9.8% increase" and "-1%"). */
export function formatChange(change: Change): string {
  const rounded = roundChange(change);
  if (rounded === 0) return 'no change';
  const sign = rounded > 0 ? '+' : '-';
  const abs = Math.abs(rounded).toLocaleString('en-GB', { maximumFractionDigits: 1 });
  switch (change.kind) {
    case 'percent': return `${sign}${abs}%`;
    case 'points': return `${sign}${abs} pts`;
    case 'places': return `${sign}${abs} ${Math.abs(rounded) === 1 ? 'place' : 'places'}`;
  }
}

/** The change rounded as it is shown: percentages and points to one decimal, places whole. */
export function roundChange(change: Change): number {
  return change.kind === 'places' ? Math.round(change.value) : Math.round(change.value * 10) / 10;
}

/** Whether the change is good news for a metric of this polarity (ranks: lower is better). */
export function directionOf(change: Change, polarity: Polarity): 'better' | 'worse' | 'same' {
  const v = roundChange(change);
  if (v === 0) return 'same';
  const lowerIsBetter = change.kind === 'places' || polarity === 'lower';
  return (v < 0) === lowerIsBetter ? 'better' : 'worse';
}

/** Values of one metric by quarter (quarterKey → value). */
export type History = ReadonlyMap<string, number>;

/** What a submitter typed for the comparisons, used only where the history has no figure. */
export interface EnteredComparisons {
  /** The same quarter a year earlier. */
  yearEarlier?: number;
  /** The rolling 12 months ending with this quarter. */
  rolling?: number;
  /** The 12 months before those. */
  rollingEarlier?: number;
}

export type Source = 'history' | 'entered';

export interface Comparisons {
  yearEarlier?: { value: number; source: Source; change?: Change };
  rolling?: { value: number; source: Source; earlier?: { value: number; source: Source }; change?: Change };
}

/** Rolling 12 months are a sum of the four quarters: meaningful for counts (and for rates per
 * head of a population that does not change within the year). Percentages and ranks of a year
 * are not the sum of their quarters, so they are entered. */
export function rollingIsSum(unit: Unit): boolean {
  return unit.kind === 'count' || unit.kind === 'rate';
}

function sumOf(history: History, quarters: Quarter[]): number | undefined {
  let total = 0;
  for (const q of quarters) {
    const v = history.get(quarterKey(q));
    if (v === undefined) return undefined;
    total += v;
  }
  return total;
}

export interface ComparisonOptions {
  unit: Unit;
  /** Which comparisons apply to the metric. */
  yearOnYear: boolean;
  rolling: boolean;
}

/** The comparisons of `value` for `quarter`, from history first, then what was entered. */
export function compare(options: ComparisonOptions, history: History, quarter: Quarter, value: number, entered: EnteredComparisons = {}): Comparisons {
  const { unit } = options;
  const result: Comparisons = {};
  if (options.yearOnYear) {
    const stored = history.get(quarterKey(yearEarlier(quarter)));
    const earlier = stored !== undefined ? { value: stored, source: 'history' as const } : entered.yearEarlier !== undefined ? { value: entered.yearEarlier, source: 'entered' as const } : undefined;
    if (earlier) {
      const change = changeBetween(unit, earlier.value, value);
      result.yearEarlier = { ...earlier, ...(change ? { change } : {}) };
    }
  }
  if (options.rolling) {
    const withThis = new Map(history).set(quarterKey(quarter), value);
    const storedNow = rollingIsSum(unit) ? sumOf(withThis, rollingYear(quarter)) : undefined;
    const storedThen = rollingIsSum(unit) ? sumOf(withThis, rollingYear(yearEarlier(quarter))) : undefined;
    const now = storedNow !== undefined ? { value: storedNow, source: 'history' as const } : entered.rolling !== undefined ? { value: entered.rolling, source: 'entered' as const } : undefined;
    const then = storedThen !== undefined ? { value: storedThen, source: 'history' as const } : entered.rollingEarlier !== undefined ? { value: entered.rollingEarlier, source: 'entered' as const } : undefined;
    if (now) {
      const change = then ? changeBetween(unit, then.value, now.value) : undefined;
      result.rolling = { ...now, ...(then ? { earlier: then } : {}), ...(change ? { change } : {}) };
    }
  }
  return result;
}

/** Which of the comparisons cannot be computed from history for this quarter, so the form asks
 * for them. */
export function comparisonsToEnter(options: ComparisonOptions, history: History, quarter: Quarter): (keyof EnteredComparisons)[] {
  const ask: (keyof EnteredComparisons)[] = [];
  if (options.yearOnYear && !history.has(quarterKey(yearEarlier(quarter)))) ask.push('yearEarlier');
  if (options.rolling) {
    const earlierThree = rollingYear(quarter).slice(0, 3);
    if (!rollingIsSum(options.unit) || sumOf(history, earlierThree) === undefined) ask.push('rolling');
    if (!rollingIsSum(options.unit) || sumOf(history, rollingYear(yearEarlier(quarter))) === undefined) ask.push('rollingEarlier');
  }
  return ask;
}

/** A figure far outside the metric's history asks for confirmation rather than being refused:
 * ten times the same quarter a year earlier (or a tenth of it), or when that is missing the
 * latest earlier figure. Ranks are bounded by their N and never asked about. */
export const OUTLIER_FACTOR = 10;

export function isOutlier(unit: Unit, value: number, reference: number | undefined): boolean {
  if (unit.kind === 'rank' || reference === undefined || reference <= 0) return false;
  return value >= reference * OUTLIER_FACTOR || value * OUTLIER_FACTOR <= reference;
}

/** The figure an outlier check compares with: a year earlier if stored, else the latest before. */
export function outlierReference(history: History, quarter: Quarter, entered?: number): number | undefined {
  const stored = history.get(quarterKey(yearEarlier(quarter)));
  if (stored !== undefined) return stored;
  if (entered !== undefined) return entered;
  const before = [...history.entries()].filter(([key]) => key < quarterKey(quarter)).sort(([a], [b]) => (a < b ? -1 : 1));
  return before.at(-1)?.[1];
}
