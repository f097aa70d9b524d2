// The snooze form (a date, checked against the action's due date when it is submitted) and the
// Snooze button that opens it, for an owner or a clerk of an open action.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { CoreDeps } from '../../kernel/deps.ts';
import { form, type Invocation } from '../../kernel/feature.ts';
import { openForm, type FormRequest } from '../../kernel/results.ts';
import { isoOf, showDate } from './action-dates.ts';
import { loadActionForAccess, requireOpen, requireOwnerOrClerk } from './action-access.ts';
import { snoozeAction, snoozeCheck, snoozeLimit, snoozeValues, today } from './snooze-action.ts';

export const actionSnoozeForm = form({
  id: 'action.snooze',
  metadata: z.object({ actionId: z.uuid(), key: z.uuid() }),
  values: (deps, metadata) => snoozeValues(deps, metadata),
  check: snoozeCheck,
  run: (deps, input) => snoozeAction(deps, { ...input, ...input.metadata, until: input.values.until }),
});

export async function openSnoozeForm(deps: CoreDeps, input: Invocation & { actionId: string }): Promise<FormRequest> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  await requireOwnerOrClerk(deps.prisma, action, input.actor);
  requireOpen(action, 'snooze its reminders');
  const due = isoOf(action.dueDate);
  const limit = snoozeLimit(due, today(deps, action));
  return openForm(actionSnoozeForm, {
    metadata: { actionId: action.id, key: randomUUID() },
    context: `${action.description.slice(0, 200)} (due ${showDate(due)}). No reminders until the date you choose, at the latest ${showDate(limit)}.`,
  });
}
