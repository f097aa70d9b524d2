// A board's chase rule in words, as the clerk reads it back after setting it. No I/O.
import type { HolidayRegion } from '../working-days.ts';
import type { ChaseRule } from './chase-schedule.ts';

export const HOLIDAY_NAMES: Record<HolidayRegion, string> = {
  'GB-ENG': 'England and Wales',
  'GB-SCT': 'Scotland',
  'GB-NIR': 'Northern Ireland',
  none: 'no bank holidays',
};

const days = (n: number) => (n === 1 ? '1 day' : `${n} days`);

/** "7 days before the due date, on the due date, then every 7 days while overdue; at most 3
 * chases, then the clerk is told. Not on weekends or England and Wales bank holidays." */
export function describeChaseRule(rule: ChaseRule): string {
  const when = [
    ...(rule.daysBeforeDue !== null ? [`${days(rule.daysBeforeDue)} before the due date`] : []),
    ...(rule.onDueDate ? ['on the due date'] : []),
    `${rule.daysBeforeDue !== null || rule.onDueDate ? 'then ' : ''}every ${days(rule.everyDaysOverdue)} while overdue`,
  ].join(', ');
  const off = [rule.workingDays.skipWeekends ? 'weekends' : undefined, rule.workingDays.holidays !== 'none' ? `${HOLIDAY_NAMES[rule.workingDays.holidays]} bank holidays` : undefined].filter(Boolean);
  const notOn = off.length > 0 ? ` No chases on ${off.join(' or ')}.` : ' Chases on any day.';
  return `${when.charAt(0).toUpperCase()}${when.slice(1)}; at most ${rule.maxChases} chase${rule.maxChases === 1 ? '' : 's'}, then the clerk is told.${notOn}`;
}
