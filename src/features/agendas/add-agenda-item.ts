// A clerk adds an item; it goes before Any Other Business and the items are renumbered. On a
// published agenda the posted cards are updated and the channel is told what changed.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import type { ItemFields } from './agenda-item-form.ts';
import { editableMeeting } from './editable-meeting.ts';
import { insertItemBeforeClosing } from './insert-agenda-item.ts';

/** How a change names an item in a channel: an exempt item never by its title. */
export const itemLabel = (title: string, exempt: boolean): string => (exempt ? 'an exempt item' : title);

export async function addAgendaItem(deps: CoreDeps, input: Invocation & { meetingId: string; fields: ItemFields }): Promise<AgendaResult> {
  await editableMeeting(deps, input.actor, input.meetingId);
  const number = await deps.prisma.$transaction(async (tx) => {
    const added = await insertItemBeforeClosing(tx, input.meetingId, input.fields);
    await announceAgendaChange(tx, input.meetingId, [`Item ${added.number} added: ${itemLabel(input.fields.title, input.fields.exempt)}`], deps);
    return added.number;
  });
  deps.onQueued?.();
  return agendaAnswer(deps, { meetingId: input.meetingId, invocation: input, notice: `Added as item ${number}.`, clerk: true });
}
