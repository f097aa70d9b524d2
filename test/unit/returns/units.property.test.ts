// Properties of the figure rules, per unit: every valid figure is accepted as typed and as shown,
// and reads back to the same value; every invalid one is refused with its unit's message.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  figureInputText, figureTextSchema, figureValueSchema, formatFigure, MAX_DECIMALS, parseUnit, readFigure, describeUnit, type Unit,
} from '../../../src/domain/returns/units.ts';

const per = fc.constantFrom(100, 1000, 10_000, 100_000);
const outOf = fc.integer({ min: 2, max: 400 });
const unit: fc.Arbitrary<Unit> = fc.oneof(
  fc.constant<Unit>({ kind: 'count' }),
  per.map((p): Unit => ({ kind: 'rate', per: p })),
  fc.constant<Unit>({ kind: 'percentage' }),
  fc.constant<Unit>({ kind: 'points' }),
  outOf.map((n): Unit => ({ kind: 'rank', outOf: n })),
);

/** A number with exactly `places` decimal places at most, between min and max (in hundredths). */
const decimal = (min: number, max: number, places: number) =>
  fc.integer({ min: Math.ceil(min * 10 ** places), max: Math.floor(max * 10 ** places) }).map((n) => n / 10 ** places + 0); // + 0: never -0

function validValue(u: Unit): fc.Arbitrary<number> {
  switch (u.kind) {
    case 'count': return fc.integer({ min: 0, max: 5_000_000 });
    case 'rate': return decimal(0, u.per, 2);
    case 'percentage': return decimal(0, 100, 2);
    case 'points': return decimal(-100, 100, 2);
    case 'rank': return fc.integer({ min: 1, max: u.outOf });
  }
}

const ok = (u: Unit, text: string) => readFigure(u, text);

describe('figures per unit (property tests)', () => {
  it('every valid figure is accepted as typed, as shown on the dashboard and as prefilled, with the same value', () => {
    fc.assert(fc.property(unit.chain((u) => fc.tuple(fc.constant(u), validValue(u))), ([u, v]) => {
      expect(ok(u, String(v))).toEqual({ ok: true, value: v });
      expect(ok(u, formatFigure(u, v))).toEqual({ ok: true, value: v });
      expect(ok(u, figureInputText(u, v))).toEqual({ ok: true, value: v });
      expect(figureValueSchema(u).safeParse(v).success).toBe(true);
      expect(figureTextSchema(u).safeParse(` ${v} `).data).toBe(v);
    }), { numRuns: 500 });
  });

  it('no negative counts or rates', () => {
    const negative = fc.integer({ min: 1, max: 1_000_000 }).map((n) => -n);
    fc.assert(fc.property(negative, per, (n, p) => {
      expect(ok({ kind: 'count' }, String(n))).toEqual({ ok: false, message: 'A count cannot be negative.' });
      expect(ok({ kind: 'rate', per: p }, String(n / 100))).toEqual({ ok: false, message: 'A rate cannot be negative.' });
      expect(figureValueSchema({ kind: 'count' }).safeParse(n).success).toBe(false);
    }));
  });

  it('counts and ranks are whole numbers', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 9 }), (n, tenths) => {
      const text = `${n}.${tenths}`;
      expect(ok({ kind: 'count' }, text)).toEqual({ ok: false, message: 'A count is a whole number, without decimals.' });
      expect(ok({ kind: 'rank', outOf: 100_001 }, text)).toEqual({ ok: false, message: 'A rank out of 100,001 is a whole number from 1 (best) to 100,001.' });
    }));
  });

  it('percentages are between 0 and 100', () => {
    const outside = fc.oneof(decimal(100.01, 10_000, 2), decimal(-10_000, -0.01, 2));
    fc.assert(fc.property(outside, (v) => {
      expect(ok({ kind: 'percentage' }, `${v}%`)).toEqual({ ok: false, message: 'A percentage is between 0 and 100.' });
    }));
  });

  it('percentage points are between -100 and 100', () => {
    const outside = fc.oneof(decimal(100.01, 10_000, 2), decimal(-10_000, -100.01, 2));
    fc.assert(fc.property(outside, (v) => {
      expect(ok({ kind: 'points' }, String(v))).toEqual({ ok: false, message: 'A change in percentage points is between -100 and 100.' });
    }));
  });

  it('ranks are 1..N', () => {
    fc.assert(fc.property(outOf, fc.integer({ min: 1, max: 1000 }), (n, over) => {
      const u: Unit = { kind: 'rank', outOf: n };
      const message = `A rank out of ${n.toLocaleString('en-GB')} is a whole number from 1 (best) to ${n.toLocaleString('en-GB')}.`;
      expect(ok(u, String(n + over))).toEqual({ ok: false, message });
      expect(ok(u, '0')).toEqual({ ok: false, message });
      expect(ok(u, `${n}/${n}`)).toEqual({ ok: true, value: n });
      expect(ok(u, `1/${n + over}`)).toEqual({ ok: false, message: `This rank is out of ${n.toLocaleString('en-GB')}, not ${n + over}: enter e.g. "3/${n}" or "3".` });
    }));
  });

  it('at most the unit\u2019s decimal places', () => {
    const tooPrecise = fc.tuple(fc.integer({ min: 0, max: 99 }), fc.integer({ min: 1, max: 9 })).map(([whole, last]) => `${whole}.12${last}`);
    fc.assert(fc.property(fc.constantFrom<Unit>({ kind: 'rate', per: 1000 }, { kind: 'percentage' }, { kind: 'points' }), tooPrecise, (u, text) => {
      expect(MAX_DECIMALS[u.kind]).toBe(2);
      expect(ok(u, text)).toEqual({ ok: false, message: 'Give at most 2 decimal places.' });
    }));
  });

  it('text that is not a number says so, with an example in the unit', () => {
    const junk = fc.constantFrom('abc', '12abc', '1..2', '--3', '1,23', '', '   ', 'twelve', '1e5', 'NaN', 'Infinity', '0x10');
    fc.assert(fc.property(unit, junk, (u, text) => {
      const r = ok(u, text);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(text.trim() === '' ? /^Enter a figure\.$/ : /is not a number\. Enter/);
    }));
  });

  it('units read back from how they are described', () => {
    fc.assert(fc.property(unit, (u) => {
      expect(parseUnit(describeUnit(u))).toEqual(u);
    }));
    expect(parseUnit('Rate per 1,000')).toEqual({ kind: 'rate', per: 1000 });
    expect(parseUnit('%')).toEqual({ kind: 'percentage' });
    expect(parseUnit('pp')).toEqual({ kind: 'points' });
    expect(parseUnit('rank/33')).toEqual({ kind: 'rank', outOf: 33 });
    expect(parseUnit('rank out of 1')).toBeUndefined();
    expect(parseUnit('furlongs')).toBeUndefined();
  });
});
