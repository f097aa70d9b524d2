// A clerk creates a meeting; the standing items are added in the board's usual order. Not at a
// time the board already meets (meeting-time.ts, checked with the board locked).
import { randomBytes } from 'node:crypto';
import { toLocalParts } from '../../domain/time.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findFormBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from '../agendas/agenda-answer.ts';
import type { MeetingDetails } from './meeting-form.ts';
import { lockBoard, requireFreeTime } from './meeting-time.ts';
import { STANDING_ITEMS } from './standing-items.ts';

export async function createMeeting(deps: CoreDeps, input: Invocation & { boardId: string; details: MeetingDetails }): Promise<AgendaResult> {
  const { details } = input;
  const board = await findFormBoard(deps.prisma, input.boardId);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await deps.prisma.$transaction(async (tx) => {
    await lockBoard(tx, board.id);
    await requireFreeTime(tx, board, details.startsAt);
    return tx.meeting.create({
      data: {
        boardId: board.id,
        ...details,
        calendarToken: randomBytes(18).toString('base64url'),
        items: { create: STANDING_ITEMS.map((item, index) => ({ position: index + 1, number: String(index + 1), title: item.title, standing: item.standing })) },
      },
    });
  });
  const notice = `Meeting created for ${toLocalParts(meeting.startsAt, board.timezone).short}, with the standing items. Add the business items, then post the agenda with "agenda post".`;
  return agendaAnswer(deps, { meetingId: meeting.id, invocation: input, notice, clerk: true });
}
