// The buttons on an action card that open a form: add an update, need more time (owners and
// clerks); reassign, new date, drop (the chair and clerks). Checked here before the form opens,
// and again when it is submitted.
import { randomUUID } from 'node:crypto';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm, type FormRequest } from '../../kernel/results.ts';
import { isoOf, showDate } from './action-dates.ts';
import { loadActionForAccess, requireManager, requireOpen, requireOwnerOrClerk } from './action-access.ts';
import { rosterChoices, rosterOf } from './action-fields.ts';
import { actionDropForm, actionExtendForm, actionMoreTimeForm, actionReassignForm, actionUpdateForm } from './forms.ts';

export const CHANGE_FORMS = ['update', 'more-time', 'reassign', 'extend', 'drop'] as const;
export type ChangeForm = (typeof CHANGE_FORMS)[number];

export async function openChangeForm(deps: CoreDeps, input: Invocation & { actionId: string; form: ChangeForm }): Promise<FormRequest> {
  const action = await loadActionForAccess(deps.prisma, input.actionId);
  const metadata = { actionId: action.id, key: randomUUID() };
  const context = `${action.description.slice(0, 200)} (due ${showDate(isoOf(action.dueDate))})`;
  switch (input.form) {
    case 'update':
      await requireOwnerOrClerk(deps.prisma, action, input.actor);
      return openForm(actionUpdateForm, { metadata, context });
    case 'more-time':
      await requireOwnerOrClerk(deps.prisma, action, input.actor);
      requireOpen(action, 'ask for more time');
      return openForm(actionMoreTimeForm, { metadata, context });
    case 'reassign': {
      await requireManager(deps.prisma, action, input.actor, 'reassign actions');
      requireOpen(action, 'reassign it');
      const roster = await rosterOf(deps.prisma, action.boardId);
      return openForm(actionReassignForm, { metadata, context, values: { owners: action.owners.map((o) => o.memberId) }, options: { owners: rosterChoices(roster) } });
    }
    case 'extend':
      await requireManager(deps.prisma, action, input.actor, 'change due dates');
      requireOpen(action, 'give it a new date');
      return openForm(actionExtendForm, { metadata, context, values: { due: isoOf(action.dueDate) } });
    case 'drop':
      await requireManager(deps.prisma, action, input.actor, 'drop actions');
      requireOpen(action, 'drop it');
      return openForm(actionDropForm, { metadata, context });
  }
}
