// An item by the number a clerk typed ("5" or "5.").
import type { Tx } from '../../delivery/outbox.ts';
import { AppError, ErrorCode } from '../../errors.ts';

export async function findItemByNumber(tx: Tx, meetingId: string, number: string) {
  const item = await tx.agendaItem.findFirst({ where: { meetingId, number: number.replace(/\.$/, '') } });
  if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, `The agenda has no item ${number.slice(0, 10)}.`, { log: 'no item with that number' });
  return item;
}
