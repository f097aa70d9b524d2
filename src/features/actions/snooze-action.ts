// An owner snoozes an action's reminders until a date: no chase for them before it (the schedule,
// src/domain/actions/chase-schedule.ts, picks up on the first working day from then). A clerk's
// snooze holds the reminders of every owner. The date must be after today and no later than the
// due date: past the due date is "Need more time", for the clerk to decide. Once an action is
// overdue, a snooze can reach at most four weeks ahead. A repeated submission changes nothing.
import { DateTime } from 'luxon';
import { z } from 'zod';
import { localDate } from '../../domain/time.ts';
import { addDays } from '../../domain/working-days.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { dbDate, isoOf, showDate } from './action-dates.ts';
import { loadActionForAccess, requireOpen, requireOwnerOrClerk, type ActionForAccess } from './action-access.ts';
import { actionAnswer, type ActionResult } from './action-answer.ts';
import { applyOnce } from './apply-once.ts';

/** How far ahead an overdue action's reminders can be snoozed. */
export const OVERDUE_SNOOZE_DAYS = 28;

/** The latest date a snooze may run to, from today: the due date, or four weeks once overdue. */
export function snoozeLimit(dueIso: string, today: string): string {
  return dueIso >= today ? dueIso : addDays(today, OVERDUE_SNOOZE_DAYS);
}

export function snoozeUntil(today: string, dueIso?: string) {
  const limit = dueIso ? snoozeLimit(dueIso, today) : undefined;
  return z
    .string({ error: 'Choose the date to snooze until.' })
    .trim()
    .superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'Enter the date as YYYY-MM-DD, e.g. 2026-12-04.' });
      if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) return void ctx.addIssue({ code: 'custom', message: `${value} is not a date in the calendar.` });
      if (value <= today) return void ctx.addIssue({ code: 'custom', message: 'Choose a date after today.' });
      if (dueIso && limit && value > limit) {
        ctx.addIssue({
          code: 'custom',
          message: dueIso >= today ? `Choose a date up to the due date, ${showDate(dueIso)}. To go past it, ask for more time.` : `Choose a date up to ${showDate(limit)}: an overdue action can be snoozed for four weeks at most.`,
        });
      }
    });
}

/** What can be checked before the database (the platform is answered first): a date in the
 * calendar, not before today anywhere (UTC's yesterday); the due date is checked after. */
export function snoozeCheck(now: Date) {
  return z.object({ until: snoozeUntil(DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days: 1 }).toISODate() as string) });
}

export const today = (deps: CoreDeps, action: ActionForAccess) => localDate(deps.now(), action.meeting.board.timezone);

export async function snoozeValues(deps: CoreDeps, metadata: { actionId: string }) {
  const action = await loadActionForAccess(deps.prisma, metadata.actionId);
  return z.object({ until: snoozeUntil(today(deps, action), isoOf(action.dueDate)) });
}

export async function snoozeAction(deps: CoreDeps, input: Invocation & { actionId: string; key: string; until: string }): Promise<ActionResult> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const rights = await requireOwnerOrClerk(deps.prisma, action, input.actor);
  requireOpen(action, 'snooze its reminders');
  const whose = rights.isOwner ? 'your' : 'the owners\u2019';
  const applied = await applyOnce(deps, action.id, input.key, async (tx) => {
    await tx.actionOwner.updateMany({ where: { actionId: action.id, ...(rights.isOwner ? { memberId: rights.member.id } : {}) }, data: { snoozedUntil: dbDate(input.until) } });
    await tx.actionUpdate.create({
      data: { createdAt: deps.now(), actionId: action.id, memberId: rights.member.id, kind: 'snoozed', text: `Reminders snoozed until ${showDate(input.until)}`, requestKey: input.key },
    });
  });
  return actionAnswer(deps, {
    actionId: action.id,
    actor: input.actor,
    loaded: applied,
    notice: applied ? `Snoozed: no reminders to ${whose === 'your' ? 'you' : 'its owners'} about this action until ${showDate(input.until)}.` : 'That snooze was already saved.',
  });
}
