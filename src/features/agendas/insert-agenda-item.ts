// Placing items on an agenda: business goes before Any Other Business / Date of Next Meeting, and
// items are numbered by their place. The 40-item limit is checked inside the transaction that
// adds, with the meeting's row locked, so concurrent additions cannot pass it together.
import { AGENDA_ITEMS_MAX } from '../../domain/agenda/agenda-item.ts';
import type { Tx } from '../../delivery/outbox.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { CLOSING_STANDING } from '../meetings/standing-items.ts';
import type { ItemFields } from './agenda-item-form.ts';

/** Renumbers 1..n in position order. */
export async function renumber(tx: Tx, meetingId: string): Promise<void> {
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
  for (const [index, item] of items.entries()) {
    if (item.position !== index + 1 || item.number !== String(index + 1)) {
      await tx.agendaItem.update({ where: { id: item.id }, data: { position: index + 1, number: String(index + 1) } });
    }
  }
}

/** Holds the meeting's row for the rest of the transaction: one change to its agenda at a time. */
export async function lockMeeting(tx: Tx, meetingId: string): Promise<void> {
  await tx.$queryRaw`SELECT id FROM "meeting" WHERE id = ${meetingId}::uuid FOR UPDATE`;
}

/** Puts a business item before Any Other Business / Date of Next Meeting. */
export async function insertItemBeforeClosing(tx: Tx, meetingId: string, item: Partial<ItemFields> & { title: string }): Promise<{ id: string; number: string }> {
  await lockMeeting(tx, meetingId);
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  if (items.length >= AGENDA_ITEMS_MAX) throw new AppError(ErrorCode.AGENDA_FULL, `An agenda holds ${AGENDA_ITEMS_MAX} items at most.`);
  const closing = items.find((i) => i.standing && CLOSING_STANDING.has(i.standing));
  const position = closing ? closing.position : items.length + 1;
  await tx.agendaItem.updateMany({ where: { meetingId, position: { gte: position } }, data: { position: { increment: 1 } } });
  const created = await tx.agendaItem.create({
    data: {
      meetingId,
      position,
      number: String(position),
      title: item.title,
      subPoints: item.subPoints ?? [],
      reportOf: item.reportOf ?? null,
      pageFrom: item.pageFrom ?? null,
      pageTo: item.pageTo ?? null,
      minutes: item.minutes ?? null,
      links: item.links ?? [],
      exempt: item.exempt ?? false,
    },
  });
  await renumber(tx, meetingId);
  const fresh = await tx.agendaItem.findUniqueOrThrow({ where: { id: created.id } });
  return { id: fresh.id, number: fresh.number };
}
