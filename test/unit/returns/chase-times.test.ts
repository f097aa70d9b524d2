// When a round's chases go: part way, the day before the deadline, and after it, on the board's
// working days (England and Wales by default: weekends and bank holidays off, from date-holidays).
import { describe, expect, it } from 'vitest';
import { DateTime } from 'luxon';
import { chaseTimes } from '../../../src/features/returns/returns-chase-job.ts';

const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
const local = (dates: Date[]) => dates.map((d) => DateTime.fromJSDate(d, { zone: 'Europe/London' }).toFormat('ccc d LLL yyyy HH:mm'));
const endOf = (isoDate: string) => DateTime.fromISO(isoDate, { zone: 'Europe/London' }).endOf('day').toJSDate();

describe('chase times on working days', () => {
  it('a chase on a Sunday goes on Monday at 9; one after a Christmas Eve deadline waits for Christmas, the weekend and the Boxing Day substitute', () => {
    // Opened Tuesday 1 December 2026; due by the end of Thursday 24 December. Part way falls on
    // Sunday 13 December; the day after the deadline is Christmas Day, then Saturday, Sunday and
    // Monday 28 December (the substitute for Boxing Day, a Saturday).
    const round = { createdAt: london('2026-12-01T09:00'), deadline: endOf('2026-12-24') };
    expect(local(chaseTimes(round, 'Europe/London'))).toEqual(['Mon 14 Dec 2026 09:00', 'Wed 23 Dec 2026 09:00', 'Tue 29 Dec 2026 09:00']);
  });

  it('on a working day a chase keeps its time', () => {
    // Part way between Monday 11 January 10:00 and the end of Friday 29 January is Wednesday 20th.
    const round = { createdAt: london('2027-01-11T10:00'), deadline: endOf('2027-01-29') };
    expect(local(chaseTimes(round, 'Europe/London'))).toEqual(['Wed 20 Jan 2027 16:59', 'Thu 28 Jan 2027 09:00', 'Mon 1 Feb 2027 09:00']);
  });

  it('a reminder before the deadline that the next working day would put after it goes on the working day before', () => {
    // Due by the end of Tuesday 30 March 2027: the day before is Easter Monday; the next working day
    // is the deadline itself (Tuesday), which is still in time.
    expect(local(chaseTimes({ createdAt: london('2027-03-15T09:00'), deadline: endOf('2027-03-30') }, 'Europe/London')).slice(1)).toEqual(['Tue 30 Mar 2027 09:00', 'Wed 31 Mar 2027 00:00']);
    // Due by the end of Monday 3 May 2027 (Early May bank holiday): the day before is Sunday, and the
    // next working day (Tuesday 4 May) is after the deadline: Friday 30 April instead. The clerk is
    // told on Tuesday 4 May at midnight, a working day.
    expect(local(chaseTimes({ createdAt: london('2027-04-12T09:00'), deadline: endOf('2027-05-03') }, 'Europe/London')).slice(1)).toEqual(['Fri 30 Apr 2027 09:00', 'Tue 4 May 2027 00:00']);
  });

  it('a board without holiday pauses chases on any day', () => {
    const round = { createdAt: london('2026-12-01T09:00'), deadline: endOf('2026-12-24') };
    expect(local(chaseTimes(round, 'Europe/London', { skipWeekends: false, holidays: 'none' }))).toEqual(['Sun 13 Dec 2026 04:29', 'Wed 23 Dec 2026 09:00', 'Fri 25 Dec 2026 00:00']);
  });
});
