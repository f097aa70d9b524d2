// A clerk sends a failed message again (after fixing what was wrong: inviting the bot back to the
// channel, correcting a member's account...).
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export async function retryMessage(
  deps: { prisma: PrismaClient; onQueued?: () => void },
  request: { actor: Actor; outboxId: string },
): Promise<{ board: Board; outboxId: string }> {
  const message = UUID.test(request.outboxId) ? await deps.prisma.outboxMessage.findUnique({ where: { id: request.outboxId }, include: { board: true } }) : null;
  if (!message || !message.board) throw new AppError(ErrorCode.MESSAGE_NOT_FOUND, 'That message no longer exists.');
  await requireClerk(deps.prisma, message.board, request.actor);
  const updated = await deps.prisma.outboxMessage.updateMany({
    where: { id: message.id, status: 'failed' },
    data: { status: 'pending', attempts: 0, notBefore: new Date(), errorCode: null, lastError: null },
  });
  if (updated.count === 0) {
    throw new AppError(ErrorCode.NOT_RETRYABLE, `That message is ${message.status} now, so there is nothing to retry.`, { log: `outbox ${message.id} is ${message.status}` });
  }
  deps.onQueued?.();
  return { board: message.board, outboxId: message.id };
}
