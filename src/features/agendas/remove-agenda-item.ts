// A clerk withdraws an item; the items are renumbered.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { itemLabel } from './add-agenda-item.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { editableMeeting } from './editable-meeting.ts';
import { findItemByNumber } from './find-agenda-item.ts';
import { lockMeeting, renumber } from './insert-agenda-item.ts';

export async function removeAgendaItem(deps: CoreDeps, input: Invocation & { meetingId: string; number: string }): Promise<AgendaResult> {
  await editableMeeting(deps, input.actor, input.meetingId);
  const number = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const item = await findItemByNumber(tx, input.meetingId, input.number);
    await tx.agendaItem.delete({ where: { id: item.id } });
    await renumber(tx, input.meetingId);
    await announceAgendaChange(tx, input.meetingId, [`Item ${item.number} withdrawn: ${itemLabel(item.title, item.exempt)}; items renumbered`], deps);
    return item.number;
  });
  deps.onQueued?.();
  return agendaAnswer(deps, { meetingId: input.meetingId, invocation: input, notice: `Item ${number} removed; the items are renumbered.`, clerk: true });
}
