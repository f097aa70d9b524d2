// Changes against a year earlier and the rolling 12 months, from stored history or what was
// entered; and the outlier check. The seeds' own "% Change" columns are the reference.
import { describe, expect, it } from 'vitest';
import {
  changeBetween, compare, comparisonsToEnter, formatChange, isOutlier, outlierReference, roundChange, type Change, type History,
} from '../../../src/domain/returns/comparisons.ts';
import { addQuarters, quarterKey, type Quarter } from '../../../src/domain/returns/quarter.ts';
import type { Unit } from '../../../src/domain/returns/units.ts';
import { SEED_004_ROWS, SEED_004_WEEKLY_CHANGES } from '../../fixtures/returns/seed-dashboards.ts';

const COUNT: Unit = { kind: 'count' };
const PCT: Unit = { kind: 'percentage' };
const Q3_2021: Quarter = { fyStart: 2021, quarter: 3 };

function history(values: [Quarter, number][]): History {
  return new Map(values.map(([q, v]) => [quarterKey(q), v]));
}

describe('changes', () => {
  it('reproduces every "% Change" of seed 004\u2019s crime summary from its offences last year and this year', () => {
    for (const row of SEED_004_ROWS) {
      const offences = row.indicators[0];
      if (offences?.kind !== 'change' || !offences.figures || !offences.stated) throw new Error(`row ${row.name} has no offences`);
      const change = changeBetween(COUNT, offences.figures.then, offences.figures.now) as Change;
      expect(roundChange(change), row.name).toBe(offences.stated.value);
    }
  });

  it('reproduces seed 004\u2019s weekly "% Change" rows', () => {
    for (const table of SEED_004_WEEKLY_CHANGES) {
      for (const [then, now, stated] of table.rows) expect(roundChange(changeBetween(COUNT, then, now) as Change), `${table.table} ${then}→${now}`).toBe(stated);
    }
  });

  it('percentages change in points (the re-offending rate: 22.6 to 20.2 is 2.4 points down)', () => {
    expect(changeBetween(PCT, 22.6, 20.2)?.kind).toBe('points');
    expect(formatChange(changeBetween(PCT, 22.6, 20.2) as Change)).toBe('-2.4 pts');
    expect(formatChange(changeBetween(COUNT, 807 / 1.098, 807) as Change)).toBe('+9.8%');
    expect(formatChange({ kind: 'percent', value: 18.04 })).toBe('+18%');
    expect(formatChange({ kind: 'places', value: -1 })).toBe('-1 place');
    expect(formatChange({ kind: 'percent', value: 0.01 })).toBe('no change');
    expect(changeBetween(COUNT, 0, 5)).toBeUndefined();
  });
});

describe('comparisons from history, else entered', () => {
  const options = { unit: COUNT, yearOnYear: true, rolling: true };

  it('with eight quarters stored, both comparisons come from history and nothing is asked', () => {
    // Seven earlier quarters of 100 and the quarter itself: 952 against 800 a year earlier.
    const past: [Quarter, number][] = Array.from({ length: 7 }, (_, i) => [addQuarters(Q3_2021, -7 + i), i === 3 ? 800 : 100]);
    const h = history(past);
    expect(comparisonsToEnter(options, h, Q3_2021)).toEqual([]);
    const c = compare(options, h, Q3_2021, 952);
    expect(c.yearEarlier).toEqual({ value: 800, source: 'history', change: { kind: 'percent', value: 19 } });
    // Rolling: the three quarters before and this one (100 + 100 + 100 + 952) against the four before (100 × 3 + 800).
    expect(c.rolling?.value).toBe(1252);
    expect(c.rolling?.earlier).toEqual({ value: 1100, source: 'history' });
    expect(c.rolling?.source).toBe('history');
    expect(roundChange(c.rolling?.change as Change)).toBe(13.8);
  });

  it('a board\u2019s first round has no history: the form asks, and what was entered is used', () => {
    const empty = history([]);
    expect(comparisonsToEnter(options, empty, Q3_2021)).toEqual(['yearEarlier', 'rolling', 'rollingEarlier']);
    const c = compare(options, empty, Q3_2021, 952, { yearEarlier: 807, rolling: 3446, rollingEarlier: 3481 });
    expect(c.yearEarlier).toEqual({ value: 807, source: 'entered', change: changeBetween(COUNT, 807, 952) });
    expect(c.rolling).toMatchObject({ value: 3446, source: 'entered', earlier: { value: 3481, source: 'entered' } });
    expect(formatChange(c.rolling?.change as Change)).toBe('-1%');
  });

  it('stored history wins over what was entered', () => {
    const h = history([[addQuarters(Q3_2021, -4), 800]]);
    expect(compare(options, h, Q3_2021, 952, { yearEarlier: 1 }).yearEarlier?.source).toBe('history');
    expect(comparisonsToEnter(options, h, Q3_2021)).toEqual(['rolling', 'rollingEarlier']);
  });

  it('percentages have no rolling sum: always entered; comparisons that do not apply are neither asked nor computed', () => {
    const h = history(Array.from({ length: 8 }, (_, i) => [addQuarters(Q3_2021, -8 + i), 20] as [Quarter, number]));
    expect(comparisonsToEnter({ unit: PCT, yearOnYear: true, rolling: true }, h, Q3_2021)).toEqual(['rolling', 'rollingEarlier']);
    expect(comparisonsToEnter({ unit: PCT, yearOnYear: false, rolling: false }, history([]), Q3_2021)).toEqual([]);
    expect(compare({ unit: PCT, yearOnYear: false, rolling: false }, h, Q3_2021, 27)).toEqual({});
  });
});

describe('the outlier check', () => {
  it('ten times last year (or a tenth of it) asks for confirmation; less does not; ranks never', () => {
    expect(isOutlier(COUNT, 9520, 952)).toBe(true);
    expect(isOutlier(COUNT, 9519, 952)).toBe(false);
    expect(isOutlier(COUNT, 95, 952)).toBe(true);
    expect(isOutlier(COUNT, 96, 952)).toBe(false);
    expect(isOutlier(COUNT, 5, undefined)).toBe(false);
    expect(isOutlier(COUNT, 5, 0)).toBe(false);
    expect(isOutlier({ kind: 'rank', outOf: 33 }, 30, 2)).toBe(false);
  });

  it('compares with the same quarter a year earlier, else what was entered, else the latest figure before', () => {
    const h = history([[addQuarters(Q3_2021, -6), 10], [addQuarters(Q3_2021, -2), 40]]);
    expect(outlierReference(h, Q3_2021)).toBe(40);
    expect(outlierReference(h, Q3_2021, 70)).toBe(70);
    expect(outlierReference(history([[addQuarters(Q3_2021, -4), 5], [addQuarters(Q3_2021, -1), 40]]), Q3_2021, 70)).toBe(5);
    expect(outlierReference(history([[addQuarters(Q3_2021, 1), 40]]), Q3_2021)).toBeUndefined();
  });
});
