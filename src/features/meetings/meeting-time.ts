// One meeting of a board at a time: a new or moved meeting may not start when another of the
// board's (not cancelled) meetings does. Checked inside the transaction that saves it, with the
// board's row locked, so two forms for the same time arriving together cannot both pass.
import { toLocalParts } from '../../domain/time.ts';
import type { Tx } from '../../delivery/outbox.ts';
import { formInvalid } from '../../errors.ts';

/** Holds the board's row for the rest of the transaction: one new or moved meeting at a time. */
export async function lockBoard(tx: Tx, boardId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "board" WHERE id = ${boardId}::uuid FOR UPDATE`;
}

/** Refuses a start the board already meets at (the meeting being moved aside). Lock the board first. */
export async function requireFreeTime(tx: Tx, board: { id: string; name: string; timezone: string }, startsAt: Date, movingMeetingId?: string): Promise<void> {
  const clash = await tx.meeting.findFirst({
    where: { boardId: board.id, startsAt, status: { not: 'cancelled' }, ...(movingMeetingId ? { id: { not: movingMeetingId } } : {}) },
  });
  if (clash) throw formInvalid({ time: `${board.name} already meets at ${toLocalParts(startsAt, board.timezone).short}.` }, 'There is already a meeting at that time.');
}
