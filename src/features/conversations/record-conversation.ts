// Remembers where the bot can speak: a channel it was added to, a personal chat, a group chat.
// Proactive messages (agendas, reminders, chases) are sent to these references later.
//
// A stored conversation keeps its workspace or tenant. Boards are found by tenant and conversation,
// and proactive posts (agendas, with what each audience may see) follow the stored reference, so an
// activity claiming a known conversation id from another tenant must not re-point it: its tenant and
// serviceUrl would send the next agenda wherever that activity said. The guard is in the UPDATE's
// WHERE clause, so two activities racing cannot slip past it. A conversation first recorded without
// a tenant takes the first one it is seen with.
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

export type RecordConversationResult =
  | { id: string; created: boolean; ignored?: undefined }
  /** The conversation is stored for another tenant (or workspace): nothing was changed. */
  | { id: string; created: false; ignored: 'other_tenant' };

export async function recordConversation(deps: { prisma: PrismaClient }, input: ConversationInput): Promise<RecordConversationResult> {
  const data = conversationInput.parse(input);
  const key = { platform: data.platform, conversationId: data.conversationId };
  const fields = {
    kind: data.kind,
    tenantId: data.tenantId ?? null,
    serviceUrl: data.serviceUrl ?? null,
    userId: data.userId ?? null,
    reference: data.reference as object,
  };
  // A Teams conversation already recorded for this tenant (every Teams message; every answer sent
  // to a personal chat): refreshed in one statement, the tenant guard in its WHERE clause, as below.
  // One not recorded yet, or stored for another tenant, is settled below as before.
  if (data.platform !== 'slack') {
    const [refreshed] = await deps.prisma.conversationReference.updateManyAndReturn({ where: { ...key, OR: [{ tenantId: fields.tenantId }, { tenantId: null }] }, data: fields, select: { id: true } });
    if (refreshed) return { id: refreshed.id, created: false };
  }
  const find = () =>
    deps.prisma.conversationReference.findUnique({ where: { platform_conversationId: key }, select: { id: true, kind: true, tenantId: true, serviceUrl: true, userId: true, reference: true } });

  let known = await find();
  if (!known) {
    try {
      const created = await deps.prisma.conversationReference.create({ data: { ...key, ...fields }, select: { id: true } });
      return { id: created.id, created: true };
    } catch (error) {
      // Another request recorded it first: fall through to the guarded update.
      if ((error as { code?: unknown }).code !== 'P2002') throw error;
    }
    known = await find();
    if (!known) throw new Error(`conversation ${data.platform}:${data.conversationId} vanished while being recorded`);
  }
  if (known.tenantId !== null && known.tenantId !== fields.tenantId) return { id: known.id, created: false, ignored: 'other_tenant' };
  // A Slack conversation seen again as it is stored (every slash command in a channel): nothing to
  // write. A Teams one is written even so: its updatedAt says where the person was last seen, and
  // delivery picks the newest reference by it (src/delivery/targets.ts).
  if (data.platform === 'slack' && known.tenantId === fields.tenantId && known.kind === fields.kind && known.serviceUrl === fields.serviceUrl && known.userId === fields.userId && sameJson(known.reference, fields.reference)) {
    return { id: known.id, created: false };
  }
  const updated = await deps.prisma.conversationReference.updateMany({
    where: { ...key, OR: [{ tenantId: fields.tenantId }, { tenantId: null }] },
    data: fields,
  });
  return updated.count === 0 ? { id: known.id, created: false, ignored: 'other_tenant' } : { id: known.id, created: false };
}

/** The same JSON value, whatever the order of object keys. */
function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null || Array.isArray(a) !== Array.isArray(b)) return false;
  const ak = Object.keys(a);
  const bk = Object.keys(b);
  return ak.length === bk.length && ak.every((k) => Object.hasOwn(b, k) && sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
}
