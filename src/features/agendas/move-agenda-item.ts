// A clerk moves an item to another place; the items are renumbered.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { itemLabel } from './add-agenda-item.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { editableMeeting } from './editable-meeting.ts';
import { findItemByNumber } from './find-agenda-item.ts';
import { lockMeeting } from './insert-agenda-item.ts';

export async function moveAgendaItem(deps: CoreDeps, input: Invocation & { meetingId: string; number: string; to: number }): Promise<AgendaResult> {
  await editableMeeting(deps, input.actor, input.meetingId);
  const outcome = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, input.meetingId);
    const item = await findItemByNumber(tx, input.meetingId, input.number);
    const count = await tx.agendaItem.count({ where: { meetingId: input.meetingId } });
    if (!Number.isInteger(input.to) || input.to < 1 || input.to > count) {
      throw new AppError(ErrorCode.PLACE_OUT_OF_RANGE, `Move it to a place from 1 to ${count}.`);
    }
    if (input.to === item.position) return { moved: false as const };
    const others = (await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, orderBy: { position: 'asc' } })).filter((i) => i.id !== item.id);
    others.splice(input.to - 1, 0, item);
    for (const [index, each] of others.entries()) {
      await tx.agendaItem.update({ where: { id: each.id }, data: { position: index + 1, number: String(index + 1) } });
    }
    await announceAgendaChange(tx, input.meetingId, [`Item "${itemLabel(item.title, item.exempt)}" moved from ${item.number} to ${input.to}; items renumbered`], deps);
    return { moved: true as const };
  });
  if (outcome.moved) deps.onQueued?.();
  const notice = outcome.moved ? `Moved to ${input.to}; the items are renumbered.` : 'Nothing moved: the item is already there.';
  return agendaAnswer(deps, { meetingId: input.meetingId, invocation: input, notice, clerk: true });
}
