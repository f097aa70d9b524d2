// A message that cannot be delivered is never lost silently: the board's clerks (and chair) get
// a direct message saying what failed and why, and the outbox keeps it for a retry.
import { z } from 'zod';
import type { Platform } from '../domain/platform.ts';
import { template } from '../kernel/feature.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';
import { enqueue } from './outbox.ts';

export const deliveryFailedTemplate = template(
  'delivery.failed',
  z.object({
    boardName: z.string(),
    outboxId: z.string(),
    template: z.string(),
    targetKind: z.string(),
    targetId: z.string(),
    code: z.string(),
    reason: z.string(),
  }),
);

export interface FailedMessage {
  id: string;
  boardId: string | null;
  platform: Platform;
  template: string;
  targetKind: string;
  targetId: string;
  code: string;
  message: string;
}

export async function notifyClerksOfFailure(prisma: PrismaClient, failed: FailedMessage): Promise<number> {
  // A notice about a failed notice would only fail again; the outbox view still shows both.
  if (!failed.boardId || failed.template === deliveryFailedTemplate.id) return 0;
  const board = await prisma.board.findUnique({ where: { id: failed.boardId }, select: { name: true } });
  const roles = await prisma.boardRole.findMany({
    where: { boardId: failed.boardId, role: { in: ['clerk', 'chair'] } },
    include: { member: true },
  });
  const recipients = new Set<string>();
  for (const { member } of roles) {
    const userId = failed.platform === 'slack' ? member.slackUserId : member.teamsAadId;
    if (userId && !(failed.targetKind === 'user' && failed.targetId === userId)) recipients.add(userId);
  }
  for (const userId of recipients) {
    await enqueue(prisma, {
      boardId: failed.boardId,
      platform: failed.platform,
      target: { kind: 'user', id: userId },
      template: deliveryFailedTemplate,
      data: {
        boardName: board?.name ?? '',
        outboxId: failed.id,
        template: failed.template,
        targetKind: failed.targetKind,
        targetId: failed.targetId,
        code: failed.code,
        reason: failed.message,
      },
      dedupeKey: `${deliveryFailedTemplate.id}:${failed.id}:${userId}`,
      digestible: false,
    });
  }
  return recipients.size;
}
