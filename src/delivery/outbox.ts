// Writing to the outbox. Call enqueue with the transaction client of the change that causes the
// message, so the change and the message are committed together or not at all.
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../persistence/generated/client.ts';
import type { Platform } from '../domain/platform.ts';

export type Tx = Prisma.TransactionClient | PrismaClient;

const enqueueInput = z.object({
  boardId: z.string().uuid().optional(),
  platform: z.enum(['slack', 'teams']),
  target: z.object({ kind: z.enum(['channel', 'user']), id: z.string().min(1) }),
  template: z.string().min(1),
  data: z.unknown(),
  dedupeKey: z.string().min(1).max(500).optional(),
  digestible: z.boolean().default(true),
  notBefore: z.date().optional(),
  expiresAt: z.date().optional(),
});

export interface EnqueueInput {
  boardId?: string;
  platform: Platform;
  target: { kind: 'channel' | 'user'; id: string };
  template: string;
  data: unknown;
  /** The same key is enqueued once; later enqueues with it change nothing. */
  dedupeKey?: string;
  digestible?: boolean;
  notBefore?: Date;
  /** Skip (with a record) rather than send after this instant. */
  expiresAt?: Date;
}

/** Adds a message to the outbox. Returns its id, or the existing id for a repeated dedupe key. */
export async function enqueue(tx: Tx, input: EnqueueInput): Promise<{ id: string; created: boolean }> {
  const m = enqueueInput.parse(input);
  const id = randomUUID();
  // ON CONFLICT DO NOTHING: two transactions enqueueing the same key at once must not fail
  // (a unique violation would abort the caller's whole transaction); the second gets the first's id.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "outbox_message"
      ("id", "board_id", "platform", "target_kind", "target_id", "template", "data", "dedupe_key",
       "digestible", "not_before", "expires_at", "updated_at")
    VALUES (${id}::uuid, ${m.boardId ?? null}::uuid, ${m.platform}::"Platform", ${m.target.kind}, ${m.target.id},
            ${m.template}, ${JSON.stringify(m.data ?? {})}::jsonb, ${m.dedupeKey ?? null}, ${m.digestible},
            COALESCE(${m.notBefore ?? null}::timestamptz, now()), ${m.expiresAt ?? null}::timestamptz, now())
    ON CONFLICT ("dedupe_key") DO NOTHING
    RETURNING "id"`;
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: m.dedupeKey as string }, select: { id: true } });
  return { id: existing.id, created: false };
}

/** Queues a replacement of the card sent for `original` (sent already, or still queued). */
export async function enqueueUpdate(
  tx: Tx,
  input: { originalId: string; template: string; data: unknown },
): Promise<{ id: string }> {
  const original = await tx.outboxMessage.findUniqueOrThrow({ where: { id: input.originalId } });
  const row = await tx.outboxMessage.create({
    data: {
      boardId: original.boardId,
      platform: original.platform,
      operation: 'update',
      targetKind: original.targetKind,
      targetId: original.targetId,
      updatesId: original.id,
      template: input.template,
      data: (input.data ?? {}) as object,
      digestible: false,
    },
    select: { id: true },
  });
  return row;
}
