// A clerk changes an item. The edit form is opened for the item's id, so the item edited is the
// one the clerk chose even if items were renumbered meanwhile.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { itemLabel } from './add-agenda-item.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import type { ItemFields } from './agenda-item-form.ts';
import { editableMeeting } from './editable-meeting.ts';
import { lockMeeting } from './insert-agenda-item.ts';

export async function editAgendaItem(deps: CoreDeps, input: Invocation & { meetingId: string; itemId: string; fields: ItemFields }): Promise<AgendaResult> {
  await editableMeeting(deps, input.actor, input.meetingId);
  const number = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const item = await tx.agendaItem.findFirst({ where: { id: input.itemId, meetingId: input.meetingId } });
    if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, 'That item is no longer on the agenda.', { log: `item ${input.itemId} gone` });
    await tx.agendaItem.update({ where: { id: item.id }, data: input.fields });
    await announceAgendaChange(tx, input.meetingId, [`Item ${item.number} changed: ${itemLabel(input.fields.title, input.fields.exempt)}`], deps);
    return item.number;
  });
  deps.onQueued?.();
  return agendaAnswer(deps, { meetingId: input.meetingId, invocation: input, notice: `Item ${number} saved.`, clerk: true });
}
