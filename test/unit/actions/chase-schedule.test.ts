import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHASE_RULE,
  chaseRuleSchema,
  chaseSlots,
  decideChase,
  defaultDueDate,
  type ChaseRule,
  type ChaseState,
} from '../../../src/domain/actions/chase-schedule.ts';
import { localDate } from '../../../src/domain/time.ts';
import { bankHolidays, isWorkingDay, onOrAfterWorkingDay, onOrBeforeWorkingDay } from '../../../src/domain/working-days.ts';

const first = (n: number, due: string, rule: ChaseRule = DEFAULT_CHASE_RULE): string[] => {
  const out: string[] = [];
  for (const s of chaseSlots(due, rule)) {
    out.push(s);
    if (out.length === n) break;
  }
  return out;
};

/** Runs the daily tick from one date to another with a clock that says each day in turn, applying
 * what it decides; returns what happened on which day. */
function simulate(state: ChaseState, from: string, to: string, rule: ChaseRule = DEFAULT_CHASE_RULE): string[] {
  const events: string[] = [];
  const s = { ...state };
  for (let day = DateTime.fromISO(from, { zone: 'Europe/London' }).set({ hour: 9 }); localDate(day.toJSDate(), 'Europe/London') <= to; day = day.plus({ days: 1 })) {
    const today = localDate(day.toJSDate(), 'Europe/London');
    const decision = decideChase(s, today, rule);
    if (decision.kind === 'chase') {
      s.chasesSent += 1;
      s.lastChasedOn = today;
      events.push(`${today} chase ${s.chasesSent}`);
    } else if (decision.kind === 'escalate') {
      s.escalatedOn = today;
      events.push(`${today} tell the clerk`);
    }
  }
  return events;
}

const open = (dueDate: string, notifiedOn: string): ChaseState => ({ dueDate, notifiedOn, chasesSent: 0, lastChasedOn: null, escalatedOn: null, snoozedUntil: null });

describe('working days in England and Wales', () => {
  it('takes the bank holidays from date-holidays, substitute days included', () => {
    expect([...bankHolidays('GB-ENG', 2026)]).toEqual([
      '2026-01-01',
      '2026-04-03',
      '2026-04-06',
      '2026-05-04',
      '2026-05-25',
      '2026-08-31',
      '2026-12-25',
      '2026-12-26',
      '2026-12-28',
    ]);
    expect(bankHolidays('GB-SCT', 2026).has('2026-01-02')).toBe(true);
    expect(bankHolidays('GB-ENG', 2026).has('2026-01-02')).toBe(false);
    expect(bankHolidays('none', 2026).size).toBe(0);
  });

  it('skips weekends and bank holidays, unless the rule says otherwise', () => {
    const rule = DEFAULT_CHASE_RULE.workingDays;
    expect(isWorkingDay('2026-12-24', rule)).toBe(true);
    expect(['2026-12-25', '2026-12-26', '2026-12-27', '2026-12-28'].map((d) => isWorkingDay(d, rule))).toEqual([false, false, false, false]);
    expect(onOrAfterWorkingDay('2026-12-25', rule)).toBe('2026-12-29');
    expect(onOrBeforeWorkingDay('2026-12-28', rule)).toBe('2026-12-24');
    expect(isWorkingDay('2026-12-28', { skipWeekends: true, holidays: 'none' })).toBe(true);
    expect(isWorkingDay('2026-12-27', { skipWeekends: false, holidays: 'none' })).toBe(true);
  });
});

describe('chase slots', () => {
  it('are a week before, on the due date, then weekly, all on working days', () => {
    expect(first(4, '2026-11-19')).toEqual(['2026-11-12', '2026-11-19', '2026-11-26', '2026-12-03']);
  });

  it('move to the working day before a bank holiday when due, and after it when overdue', () => {
    // Due on the Boxing Day substitute Monday: the due-date chase comes on Christmas Eve.
    expect(first(3, '2026-12-28')).toEqual(['2026-12-21', '2026-12-24', '2027-01-04']);
    // Due Monday 26 April 2027: the first overdue chase falls on the early May bank holiday.
    expect(first(4, '2027-04-26')).toEqual(['2027-04-19', '2027-04-26', '2027-05-04', '2027-05-10']);
  });

  it('move to the Friday before a weekend when due, and the Monday after when overdue', () => {
    expect(first(3, '2027-06-12')).toEqual(['2027-06-04', '2027-06-11', '2027-06-21']);
  });

  it('follow a board\'s own rule', () => {
    const rule = chaseRuleSchema.parse({ daysBeforeDue: null, everyDaysOverdue: 3, workingDays: { skipWeekends: false, holidays: 'none' } });
    expect(first(3, '2026-12-26', rule)).toEqual(['2026-12-26', '2026-12-29', '2027-01-01']);
  });
});

describe('decideChase with a clock, day by day', () => {
  it('chases three times across a bank holiday, then tells the clerk once, never on a weekend or holiday', () => {
    const events = simulate(open('2027-04-26', '2027-04-01'), '2027-04-01', '2027-07-01');
    expect(events).toEqual(['2027-04-19 chase 1', '2027-04-26 chase 2', '2027-05-04 chase 3', '2027-05-10 tell the clerk']);
  });

  it('chases across Christmas and a weekend', () => {
    const events = simulate(open('2026-12-28', '2026-12-01'), '2026-12-01', '2027-02-01');
    expect(events).toEqual(['2026-12-21 chase 1', '2026-12-24 chase 2', '2027-01-04 chase 3', '2027-01-11 tell the clerk']);
  });

  it('does not chase before the owner was told of the action', () => {
    // Recorded four days before it is due: the week-before chase has passed; the first is on the due date.
    const events = simulate(open('2027-04-26', '2027-04-22'), '2027-04-22', '2027-05-31');
    expect(events).toEqual(['2027-04-26 chase 1', '2027-05-04 chase 2', '2027-05-10 chase 3', '2027-05-17 tell the clerk']);
  });

  it('catches up with one chase after missed days, never several', () => {
    const state = { ...open('2027-04-26', '2027-04-01'), chasesSent: 1, lastChasedOn: '2027-04-19' };
    expect(decideChase(state, '2027-05-12', DEFAULT_CHASE_RULE)).toEqual({ kind: 'chase', slot: '2027-04-26' });
    const after = { ...state, chasesSent: 2, lastChasedOn: '2027-05-12' };
    expect(decideChase(after, '2027-05-13', DEFAULT_CHASE_RULE)).toEqual({ kind: 'wait', next: '2027-05-17' });
  });

  it('counts a chase sent by hand', () => {
    const state = { ...open('2027-04-26', '2027-04-01'), chasesSent: 1, lastChasedOn: '2027-04-27' };
    expect(decideChase(state, '2027-04-28', DEFAULT_CHASE_RULE)).toEqual({ kind: 'wait', next: '2027-05-04' });
  });

  it('waits while snoozed, and resumes on the first working day from the snooze date', () => {
    const snoozed = { ...open('2027-04-26', '2027-04-01'), chasesSent: 1, lastChasedOn: '2027-04-19', snoozedUntil: '2027-05-01' };
    // 1 May 2027 is a Saturday and 3 May a bank holiday.
    expect(decideChase(snoozed, '2027-04-26', DEFAULT_CHASE_RULE)).toEqual({ kind: 'wait', next: '2027-05-04' });
    expect(simulate(snoozed, '2027-04-20', '2027-05-31')).toEqual(['2027-05-04 chase 2', '2027-05-10 chase 3', '2027-05-17 tell the clerk']);
  });

  it('says nothing more once the clerk has been told', () => {
    const state = { ...open('2027-04-26', '2027-04-01'), chasesSent: 3, lastChasedOn: '2027-05-04', escalatedOn: '2027-05-10' };
    expect(decideChase(state, '2027-06-01', DEFAULT_CHASE_RULE)).toEqual({ kind: 'wait', next: null });
  });

  it('waits on a weekend even when a chase is overdue', () => {
    const state = { ...open('2027-04-26', '2027-04-01'), chasesSent: 1, lastChasedOn: '2027-04-19' };
    expect(decideChase(state, '2027-05-01', DEFAULT_CHASE_RULE)).toEqual({ kind: 'wait', next: '2027-05-04' });
  });
});

describe('the board\'s local date from an instant', () => {
  it('is the London date, in winter and in summer time', () => {
    expect(localDate(new Date('2026-12-27T23:30:00Z'), 'Europe/London')).toBe('2026-12-27');
    expect(localDate(new Date('2027-06-30T23:30:00Z'), 'Europe/London')).toBe('2027-07-01');
  });
});

describe('defaultDueDate', () => {
  it('is the day before the next meeting', () => {
    expect(defaultDueDate('2027-01-26')).toBe('2027-01-25');
    expect(defaultDueDate('2027-03-01')).toBe('2027-02-28');
  });
});
