// A board's chase rule as the clerk sets it in the form (text fields, a checkbox, a region), read
// into the schedule's rule, and the schedule it gives across a bank holiday and a weekend: the
// same due date is chased on different days in England and Wales and in Scotland.
import { describe, expect, it } from 'vitest';
import { chaseSlots, decideChase, type ChaseRule } from '../../../src/domain/actions/chase-schedule.ts';
import { describeChaseRule } from '../../../src/domain/actions/describe-chase-rule.ts';
import { chaseRuleValues } from '../../../src/features/actions/chase-rule.ts';

const fromForm = (over: Record<string, unknown> = {}): ChaseRule => chaseRuleValues.parse({ daysBefore: '1', onDueDate: true, everyDays: '5', maxChases: '3', holidays: 'GB-ENG', ...over });
const first = (n: number, due: string, rule: ChaseRule) => {
  const out: string[] = [];
  for (const slot of chaseSlots(due, rule)) if (out.push(slot) >= n) break;
  return out;
};

describe('a board\u2019s chase rule', () => {
  it('is read from the form: empty days-before means no reminder before the due date', () => {
    expect(fromForm()).toEqual({ daysBeforeDue: 1, onDueDate: true, everyDaysOverdue: 5, maxChases: 3, workingDays: { skipWeekends: true, holidays: 'GB-ENG' } });
    expect(fromForm({ daysBefore: undefined, onDueDate: false, holidays: 'none' })).toMatchObject({ daysBeforeDue: null, onDueDate: false, workingDays: { holidays: 'none' } });
    const refused = chaseRuleValues.safeParse({ daysBefore: '0', everyDays: 'weekly', maxChases: '11', holidays: 'GB-WLS' });
    expect(refused.success ? {} : Object.fromEntries(refused.error.issues.map((i) => [i.path.join('.'), i.message]))).toEqual({
      daysBefore: 'Enter the days before the due date from 1 to 60.',
      everyDays: 'Enter the days between chases as a whole number.',
      maxChases: 'Enter the number of chases from 1 to 10.',
      holidays: 'Choose whose bank holidays are days off.',
    });
  });

  it('moves chases off a bank holiday and a weekend, by the board\u2019s own holidays', () => {
    // Due Tue 5 Jan 2027. The day before is Mon 4 Jan: a working day in England and Wales, but the
    // Scottish substitute for 2 January; Scotland's reminder goes back past the weekend and New
    // Year's Day to Thu 31 Dec. Overdue every 5 days: Sun 10 Jan moves to Mon 11 Jan.
    expect(first(3, '2027-01-05', fromForm())).toEqual(['2027-01-04', '2027-01-05', '2027-01-11']);
    expect(first(3, '2027-01-05', fromForm({ holidays: 'GB-SCT' }))).toEqual(['2026-12-31', '2027-01-05', '2027-01-11']);
    // Next overdue chase: Fri 15 Jan, then Wed 20 Jan.
    expect(first(5, '2027-01-05', fromForm()).slice(3)).toEqual(['2027-01-15', '2027-01-20']);

    const state = { dueDate: '2027-01-05', notifiedOn: '2026-12-18', chasesSent: 0, lastChasedOn: null, escalatedOn: null, snoozedUntil: null };
    expect(decideChase(state, '2026-12-31', fromForm({ holidays: 'GB-SCT' }))).toEqual({ kind: 'chase', slot: '2026-12-31' });
    expect(decideChase(state, '2026-12-31', fromForm())).toEqual({ kind: 'wait', next: '2027-01-04' });
    // With no bank holidays, New Year's Day is a working day like any Friday.
    expect(first(1, '2027-01-02', fromForm({ holidays: 'none' }))).toEqual(['2027-01-01']);
  });

  it('reads back in words', () => {
    expect(describeChaseRule(fromForm({ holidays: 'GB-SCT' }))).toBe('1 day before the due date, on the due date, then every 5 days while overdue; at most 3 chases, then the clerk is told. No chases on weekends or Scotland bank holidays.');
    expect(describeChaseRule(fromForm({ daysBefore: undefined, onDueDate: false, everyDays: '1', maxChases: '1', holidays: 'none' }))).toBe('Every 1 day while overdue; at most 1 chase, then the clerk is told. No chases on weekends.');
  });
});
