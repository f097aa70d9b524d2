// Remembers where the bot can speak: a channel it was added to, a personal chat, a group chat.
// Proactive messages (agendas, reminders, chases) are sent to these references later.
import { z } from 'zod';
import type { PrismaClient } from '../../persistence/database.ts';
import type { Platform } from '../../domain/platform.ts';

export const conversationInput = z.object({
  platform: z.enum(['slack', 'teams']),
  conversationId: z.string().min(1).max(512),
  kind: z.enum(['channel', 'personal', 'groupChat']),
  tenantId: z.string().max(256).optional(),
  serviceUrl: z.url().optional(),
  userId: z.string().max(256).optional(),
  /** The platform's own reference, kept whole so a later message can be addressed exactly. */
  reference: z.record(z.string(), z.unknown()),
});
export type ConversationInput = z.input<typeof conversationInput> & { platform: Platform };

export async function recordConversation(
  deps: { prisma: PrismaClient },
  input: ConversationInput,
): Promise<{ id: string; created: boolean }> {
  const data = conversationInput.parse(input);
  const existing = await deps.prisma.conversationReference.findUnique({
    where: { platform_conversationId: { platform: data.platform, conversationId: data.conversationId } },
    select: { id: true },
  });
  const fields = {
    kind: data.kind,
    tenantId: data.tenantId ?? null,
    serviceUrl: data.serviceUrl ?? null,
    userId: data.userId ?? null,
    reference: data.reference as object,
  };
  const saved = await deps.prisma.conversationReference.upsert({
    where: { platform_conversationId: { platform: data.platform, conversationId: data.conversationId } },
    create: { platform: data.platform, conversationId: data.conversationId, ...fields },
    update: fields,
    select: { id: true },
  });
  return { id: saved.id, created: !existing };
}
