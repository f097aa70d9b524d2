import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addQuarters, formatQuarter, parseQuarter, quarterDates, quarterFromIndex, quarterIndex, quarterKey, quarterMonths, quarterOfDate,
  quartersEndingWith, rollingYear, rollingYearMonths, yearEarlier, type Quarter, type QuarterNumber,
} from '../../../src/domain/returns/quarter.ts';

const q = (fyStart: number, quarter: QuarterNumber): Quarter => ({ fyStart, quarter });

describe('UK financial-year quarters', () => {
  it('Q1 is April to June, and "Q3 2021/22" is October to December 2021', () => {
    expect(quarterDates(q(2021, 1))).toEqual({ start: '2021-04-01', end: '2021-06-30' });
    expect(quarterDates(q(2021, 2))).toEqual({ start: '2021-07-01', end: '2021-09-30' });
    expect(quarterDates(q(2021, 3))).toEqual({ start: '2021-10-01', end: '2021-12-31' });
    expect(quarterDates(q(2021, 4))).toEqual({ start: '2022-01-01', end: '2022-03-31' });
    expect(quarterMonths(q(2021, 3))).toBe('October to December 2021');
    expect(quarterMonths(q(2021, 4))).toBe('January to March 2022');
    expect(formatQuarter(q(2021, 3))).toBe('Q3 2021/22');
    expect(formatQuarter(q(1999, 4))).toBe('Q4 1999/00');
  });

  it('a date falls in the quarter of its financial year', () => {
    expect(quarterOfDate('2021-10-01')).toEqual(q(2021, 3));
    expect(quarterOfDate('2021-12-31')).toEqual(q(2021, 3));
    expect(quarterOfDate('2022-03-31')).toEqual(q(2021, 4));
    expect(quarterOfDate('2022-04-01')).toEqual(q(2022, 1));
    // The seed dashboard's "Latest Quarter ... Oct to Dec" of its January 2018 meeting.
    expect(formatQuarter(quarterOfDate('2017-11-30'))).toBe('Q3 2017/18');
  });

  it('the rolling 12 months are the four quarters ending with the quarter', () => {
    expect(rollingYear(q(2021, 3)).map(formatQuarter)).toEqual(['Q4 2020/21', 'Q1 2021/22', 'Q2 2021/22', 'Q3 2021/22']);
    expect(rollingYearMonths(q(2021, 3))).toBe('January to December 2021');
    expect(rollingYearMonths(q(2021, 4))).toBe('April 2021 to March 2022');
    expect(quartersEndingWith(q(2021, 1), 8).map(formatQuarter)).toEqual([
      'Q2 2019/20', 'Q3 2019/20', 'Q4 2019/20', 'Q1 2020/21', 'Q2 2020/21', 'Q3 2020/21', 'Q4 2020/21', 'Q1 2021/22',
    ]);
    expect(yearEarlier(q(2021, 3))).toEqual(q(2020, 3));
  });

  it('reads the ways clerks write a quarter', () => {
    for (const text of ['Q3 2021/22', 'q3 2021-22', '2021/22 Q3', 'Q3 21/22', 'Q3 FY2021/22', ' Q3  2021 / 2022 ', '2021-Q3']) {
      expect(parseQuarter(text), text).toEqual({ ok: true, quarter: q(2021, 3) });
    }
    expect(parseQuarter('Q4 1999/00')).toEqual({ ok: true, quarter: q(1999, 4) });
  });

  it('says what is wrong with a quarter it cannot read', () => {
    const message = (text: string) => {
      const r = parseQuarter(text);
      return r.ok ? 'read' : r.message;
    };
    expect(message('Q5 2021/22')).toBe('There is no Q5: a financial year has quarters Q1 to Q4.');
    expect(message('Q3 2021/23')).toContain('a financial year runs from one year into the next, e.g. 2021/22');
    expect(message('October 2021')).toContain('"October 2021" is not a quarter.');
    expect(message('Q1 1850/51')).toContain('outside the years');
  });

  it('property: a quarter formats and reads back to itself, and stepping is consistent with dates', () => {
    const quarter = fc.record({ fyStart: fc.integer({ min: 1990, max: 2099 }), quarter: fc.constantFrom<QuarterNumber>(1, 2, 3, 4) });
    fc.assert(fc.property(quarter, (x) => {
      expect(parseQuarter(formatQuarter(x))).toEqual({ ok: true, quarter: x });
      expect(parseQuarter(quarterKey(x))).toEqual({ ok: true, quarter: x });
      expect(quarterFromIndex(quarterIndex(x))).toEqual(x);
      const { start, end } = quarterDates(x);
      expect(quarterOfDate(start)).toEqual(x);
      expect(quarterOfDate(end)).toEqual(x);
      // The day after a quarter ends is the first day of the next one.
      const next = addQuarters(x, 1);
      expect(new Date(`${end}T00:00:00Z`).getTime() + 86_400_000).toBe(new Date(`${quarterDates(next).start}T00:00:00Z`).getTime());
      expect(quarterKey(x) < quarterKey(next)).toBe(true);
    }));
  });
});
