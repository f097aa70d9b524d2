// When an open action's owner is chased. The default rule, per board: a week before the due
// date, on the due date, then weekly while overdue; at most 3 chases, then the clerk is told
// (once). Chases fall on working days only: one due on a weekend or bank holiday moves to the
// working day before when it is on or before the due date (a reminder must arrive before the
// deadline), and to the working day after when the action is overdue. An owner may snooze an
// action until a date. What is due is computed from the dates alone, so a missed tick catches up
// with one chase, never several, and a chase sent by hand ("actions chase") counts.
// Dates are ISO local dates in the board's timezone; "today" comes from the caller's clock.
import { z } from 'zod';
import { ENGLAND_AND_WALES, addDays, isWorkingDay, onOrAfterWorkingDay, onOrBeforeWorkingDay, workingDayRuleSchema } from '../working-days.ts';

export const chaseRuleSchema = z.object({
  /** Days before the due date of the first chase; null: no chase before the due date. */
  daysBeforeDue: z.number().int().min(1).max(60).nullable().default(7),
  /** Chase on the due date itself. */
  onDueDate: z.boolean().default(true),
  /** Days between chases while overdue. */
  everyDaysOverdue: z.number().int().min(1).max(60).default(7),
  /** Chases before the clerk is told instead. */
  maxChases: z.number().int().min(1).max(10).default(3),
  workingDays: workingDayRuleSchema.default(ENGLAND_AND_WALES),
});
export type ChaseRule = z.infer<typeof chaseRuleSchema>;

export const DEFAULT_CHASE_RULE: ChaseRule = chaseRuleSchema.parse({});

export interface ChaseState {
  /** ISO local date the action is due. */
  dueDate: string;
  /** ISO local date the owner was first told of the action (their card counts as notice). */
  notifiedOn: string;
  chasesSent: number;
  /** ISO local date of the last chase, by schedule or by hand. */
  lastChasedOn: string | null;
  /** ISO local date the clerk was told the chases ran out. */
  escalatedOn: string | null;
  /** No chase before this ISO local date. */
  snoozedUntil: string | null;
}

export type ChaseDecision =
  | { kind: 'chase'; slot: string }
  | { kind: 'escalate'; slot: string }
  /** Nothing today; `next` is the next date something may be due (null: never again). */
  | { kind: 'wait'; next: string | null };

/** The chase dates of an action due on a date, in order, moved onto working days. */
export function* chaseSlots(dueDate: string, rule: ChaseRule): Generator<string> {
  const nominal: string[] = [];
  if (rule.daysBeforeDue !== null) nominal.push(addDays(dueDate, -rule.daysBeforeDue));
  if (rule.onDueDate) nominal.push(dueDate);
  let previous = '';
  const emit = function* (d: string): Generator<string> {
    if (d > previous) {
      previous = d;
      yield d;
    }
  };
  for (const d of nominal) yield* emit(onOrBeforeWorkingDay(d, rule.workingDays));
  for (let k = 1; ; k++) yield* emit(onOrAfterWorkingDay(addDays(dueDate, k * rule.everyDaysOverdue), rule.workingDays));
}

/** The first chase date strictly after a date. */
export function slotAfter(date: string, dueDate: string, rule: ChaseRule): string {
  for (const slot of chaseSlots(dueDate, rule)) if (slot > date) return slot;
  throw new Error('unreachable: chase slots never end');
}

/** What is due for one open action today. */
export function decideChase(state: ChaseState, today: string, rule: ChaseRule): ChaseDecision {
  const done = state.chasesSent >= rule.maxChases && state.escalatedOn !== null;
  if (done) return { kind: 'wait', next: null };
  const slot = slotAfter(state.lastChasedOn ?? state.notifiedOn, state.dueDate, rule);
  const snooze = state.snoozedUntil && state.snoozedUntil > slot ? onOrAfterWorkingDay(state.snoozedUntil, rule.workingDays) : null;
  const dueOn = snooze ?? slot;
  if (today < dueOn || !isWorkingDay(today, rule.workingDays)) return { kind: 'wait', next: today < dueOn ? dueOn : onOrAfterWorkingDay(today, rule.workingDays) };
  return state.chasesSent < rule.maxChases ? { kind: 'chase', slot } : { kind: 'escalate', slot };
}

/** The default due date of an action: the day before the next meeting (ISO local dates). */
export function defaultDueDate(nextMeetingDate: string): string {
  return addDays(nextMeetingDate, -1);
}
