// A clerk sends a failed message again (after fixing what was wrong: inviting the bot back to the
// channel, correcting a member's account...).
import { z } from 'zod';
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/resolve-board.ts';

const input = z.object({ outboxId: z.string().uuid({ error: 'That is not a message id I know.' }) });

export async function retryMessage(
  deps: { prisma: PrismaClient; onQueued?: () => void },
  request: { actor: Actor; outboxId: string },
): Promise<{ boardId: string; outboxId: string }> {
  const parsed = input.safeParse(request);
  if (!parsed.success) throw new AppError(ErrorCode.MESSAGE_NOT_FOUND, 'That message no longer exists.');
  const message = await deps.prisma.outboxMessage.findUnique({ where: { id: parsed.data.outboxId }, include: { board: true } });
  if (!message || !message.board) throw new AppError(ErrorCode.MESSAGE_NOT_FOUND, 'That message no longer exists.');
  await requireClerk(deps.prisma, message.board, request.actor);
  const updated = await deps.prisma.outboxMessage.updateMany({
    where: { id: message.id, status: 'failed' },
    data: { status: 'pending', attempts: 0, notBefore: new Date(), errorCode: null, lastError: null },
  });
  if (updated.count === 0) {
    throw new AppError(ErrorCode.NOT_RETRYABLE, `That message is ${message.status} now, so there is nothing to retry.`);
  }
  deps.onQueued?.();
  return { boardId: message.board.id, outboxId: message.id };
}
