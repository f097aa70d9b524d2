// Where an outbox message goes, as the messenger needs it. Slack needs only the id; Teams needs a
// stored conversation reference (the channel, the person's chat, or for a person never messaged
// before, any conversation in the board's own tenant to create the 1:1 chat from).
import type { Platform } from '../domain/platform.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';
import { DeliveryFailure, type DeliveryTarget } from './port.ts';

export interface TargetRow {
  platform: Platform;
  target_kind: 'channel' | 'user';
  target_id: string;
  board_id: string | null;
}

export async function resolveTarget(prisma: PrismaClient, row: TargetRow): Promise<DeliveryTarget> {
  const target: DeliveryTarget = { kind: row.target_kind, id: row.target_id };
  if (row.platform !== 'teams') return target;
  const exact = await prisma.conversationReference.findFirst({
    where:
      row.target_kind === 'channel'
        ? { platform: 'teams', conversationId: row.target_id }
        : { platform: 'teams', kind: 'personal', userId: row.target_id },
    orderBy: { updatedAt: 'desc' },
  });
  if (exact) return { ...target, reference: exact.reference as Record<string, unknown> };
  if (row.target_kind === 'user') {
    // No personal chat yet: the messenger creates one, only ever through the board's own tenant,
    // from a channel or group chat when there is one, else from any chat of the tenant. Someone
    // else's 1:1 chat lends only its service address and tenant: the Teams messenger never posts
    // into a personal chat that is not the target's own (adapters/teams/messenger.ts).
    const board = row.board_id ? await prisma.board.findUnique({ where: { id: row.board_id } }) : null;
    const inTenant = { platform: 'teams' as const, tenantId: board?.teamsTenantId ?? '' };
    const any = board?.teamsTenantId
      ? ((await prisma.conversationReference.findFirst({ where: { ...inTenant, kind: { not: 'personal' } }, orderBy: { updatedAt: 'desc' } })) ??
        (await prisma.conversationReference.findFirst({ where: inTenant, orderBy: { updatedAt: 'desc' } })))
      : null;
    if (any) return { ...target, reference: any.reference as Record<string, unknown> };
  }
  throw new DeliveryFailure('permanent', 'no_conversation_reference', 'Quorum has not been installed where it can reach this conversation in Teams');
}
