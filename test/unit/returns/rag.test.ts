// The RAG rule on every row of the seed dashboards, the rule's own table, and the delivery plan's
// RAG Guidance.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeBetween, directionOf, roundChange, type Change } from '../../../src/domain/returns/comparisons.ts';
import {
  ACHIEVEMENTS, milestoneRag, NEARLY_ALL, rateRow, ragOf, RISKS, signalOfChange, signalOfRank, type Signal,
} from '../../../src/domain/returns/rag.ts';
import { SEED_003_ROWS, SEED_004_ROWS, SEED_DASHBOARD_ROWS, type SeedIndicator } from '../../fixtures/returns/seed-dashboards.ts';

function changeOf(indicator: Extract<SeedIndicator, { kind: 'change' }>): Change {
  if (indicator.stated) return indicator.stated;
  const { unit, then, now } = indicator.figures as NonNullable<typeof indicator.figures>;
  return changeBetween(unit, then, now) as Change;
}

function signalsOf(indicators: SeedIndicator[]): Signal[] {
  return indicators.map((i) => (i.kind === 'rank' ? signalOfRank(i.rank, i.outOf) : signalOfChange(changeOf(i), i.polarity)));
}

describe('the glossary\u2019s RAG rule on the seed dashboards', () => {
  it('covers every row of both seeds\u2019 tables', () => {
    expect(SEED_003_ROWS).toHaveLength(10);
    expect(SEED_004_ROWS).toHaveLength(24);
  });

  it.each(SEED_DASHBOARD_ROWS.map((row) => [`${row.seed} ${row.table}: ${row.name}`, row] as const))('%s', (_, row) => {
    expect(ragOf(signalsOf(row.indicators)), row.why).toBe(row.expected);
  });

  it('where a seed row gives both figures and the change, the change computed from the figures has the same sign', () => {
    for (const row of SEED_DASHBOARD_ROWS) {
      for (const i of row.indicators) {
        if (i.kind !== 'change' || !i.figures || !i.stated) continue;
        const computed = changeBetween(i.figures.unit, i.figures.then, i.figures.now) as Change;
        expect(directionOf(computed, i.polarity), `${row.name}: ${i.what}`).toBe(directionOf(i.stated, i.polarity));
      }
    }
  });

  it('a dashboard row of a metric (changes and ranks) rates the same way', () => {
    const burglary = rateRow({ polarity: 'lower', yearOnYear: { kind: 'percent', value: 18 }, rolling: { kind: 'percent', value: -1 }, ranks: [{ rank: 15, outOf: 15 }, { rank: 22, outOf: 33 }] });
    expect(burglary).toEqual({ rag: 'red', signals: ['negative', 'positive', 'negative', 'negative'] });
    expect(rateRow({ polarity: 'higher' })).toEqual({ rag: undefined, signals: [] });
  });
});

describe('the rule itself', () => {
  it('"nearly all" is two thirds of the indicators that are positive or negative', () => {
    expect(NEARLY_ALL).toEqual({ negative: 2, of: 3 });
    const row = (pos: number, neg: number, neutral = 0): Signal[] => [
      ...Array<Signal>(pos).fill('positive'), ...Array<Signal>(neg).fill('negative'), ...Array<Signal>(neutral).fill('neutral'),
    ];
    expect(ragOf(row(3, 0))).toBe('green');
    expect(ragOf(row(1, 0, 3))).toBe('green');
    expect(ragOf(row(0, 1))).toBe('red');
    expect(ragOf(row(1, 1))).toBe('amber');
    expect(ragOf(row(1, 2))).toBe('red');
    expect(ragOf(row(2, 2))).toBe('amber');
    expect(ragOf(row(1, 3))).toBe('red');
    expect(ragOf(row(2, 3))).toBe('amber');
    expect(ragOf(row(1, 4))).toBe('red');
    expect(ragOf(row(2, 4))).toBe('red');
    expect(ragOf(row(3, 4))).toBe('amber');
    expect(ragOf(row(0, 0, 2))).toBeUndefined();
    expect(ragOf([])).toBeUndefined();
  });

  it('property: green iff none negative, red iff at least two thirds negative, order and neutrals do not matter', () => {
    const signals = fc.array(fc.constantFrom<Signal>('positive', 'negative', 'neutral'), { maxLength: 20 });
    fc.assert(fc.property(signals, (s) => {
      const pos = s.filter((x) => x === 'positive').length;
      const neg = s.filter((x) => x === 'negative').length;
      const rag = ragOf(s);
      if (pos + neg === 0) {
        expect(rag).toBeUndefined();
        return;
      }
      expect(rag === 'green').toBe(neg === 0);
      expect(rag === 'red').toBe(neg / (pos + neg) >= 2 / 3 - 1e-12);
      expect(ragOf([...s].reverse())).toBe(rag);
      expect(ragOf([...s, 'neutral'])).toBe(rag);
      // One more negative indicator never makes a rating better.
      const order = { green: 0, amber: 1, red: 2 } as const;
      expect(order[ragOf([...s, 'negative']) as 'red']).toBeGreaterThanOrEqual(order[rag as 'red']);
    }));
  });

  it('changes: better or worse by polarity; ranks always lower is better; no change is neutral', () => {
    expect(signalOfChange({ kind: 'percent', value: -1 }, 'lower')).toBe('positive');
    expect(signalOfChange({ kind: 'percent', value: 18 }, 'lower')).toBe('negative');
    expect(signalOfChange({ kind: 'points', value: 1 }, 'higher')).toBe('positive');
    expect(signalOfChange({ kind: 'points', value: -6 }, 'higher')).toBe('negative');
    expect(signalOfChange({ kind: 'places', value: -3 }, 'higher')).toBe('positive');
    expect(signalOfChange({ kind: 'percent', value: 0.04 }, 'lower')).toBe('neutral');
    expect(roundChange({ kind: 'percent', value: 0.04 })).toBe(0);
  });

  it('ranks: better half positive, worse half negative, the exact middle neutral', () => {
    expect(signalOfRank(1, 15)).toBe('positive');
    expect(signalOfRank(7, 15)).toBe('positive');
    expect(signalOfRank(8, 15)).toBe('neutral');
    expect(signalOfRank(9, 15)).toBe('negative');
    expect(signalOfRank(16, 32)).toBe('positive');
    expect(signalOfRank(17, 32)).toBe('negative');
    fc.assert(fc.property(fc.integer({ min: 2, max: 500 }), (n) => {
      for (let r = 1; r <= n; r++) expect(signalOfRank(r, n)).toBe(signalOfRank(n + 1 - r, n) === 'positive' ? 'negative' : signalOfRank(n + 1 - r, n) === 'negative' ? 'positive' : 'neutral');
    }), { numRuns: 50 });
  });
});

describe('the delivery plan\u2019s RAG Guidance (seed 004)', () => {
  it('Red: not achieved, partly achieved, or risks threaten future performance; Amber: met with a risk; Green: met, no risks', () => {
    const table = Object.fromEntries(ACHIEVEMENTS.flatMap((a) => RISKS.map((r) => [`${a}/${r}`, milestoneRag(a, r)])));
    expect(table).toEqual({
      'met/none': 'green',
      'met/identified': 'amber',
      'met/threatens': 'red',
      'partly/none': 'red',
      'partly/identified': 'red',
      'partly/threatens': 'red',
      'not_met/none': 'red',
      'not_met/identified': 'red',
      'not_met/threatens': 'red',
    });
  });
});
