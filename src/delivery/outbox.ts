// Writing to the outbox. Call enqueue with the transaction client of the change that causes the
// message, so the change and the message are committed together or not at all. A message names
// its template by the template's declaration, so its data is type-checked against the template's
// schema here, and parsed with it again when it is sent (src/delivery/templates.ts).
//
// Hand-written rather than a queue library: the message must be written in the caller's own
// database transaction, which no maintained Node queue on PostgreSQL/PGlite offers.
import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Platform } from '../domain/platform.ts';
import type { TemplateSpec } from '../kernel/feature.ts';
import type { Prisma, PrismaClient } from '../persistence/generated/client.ts';

export type Tx = Prisma.TransactionClient | PrismaClient;

export interface EnqueueInput<S extends TemplateSpec> {
  boardId?: string;
  platform: Platform;
  target: { kind: 'channel' | 'user'; id: string };
  template: S;
  data: z.input<S['data']>;
  /** The same key is enqueued once; later enqueues with it change nothing. */
  dedupeKey?: string;
  digestible?: boolean;
  notBefore?: Date;
  /** Skip (with a record) rather than send after this instant. */
  expiresAt?: Date;
  /** The id of a message to the same target this one must follow: it is not sent while that one
   * is pending or being sent (the parts of a long message, in order, whatever delays one). */
  after?: string;
}

/** Adds a message to the outbox. Returns its id, or the existing id for a repeated dedupe key.
 * created_at is the database's clock at the insert (clock_timestamp(), not the transaction's
 * start), so messages queued one after the other in a transaction keep their order (lanes send in
 * that order: the dispatcher's claim). */
export async function enqueue<S extends TemplateSpec>(tx: Tx, input: EnqueueInput<S>): Promise<{ id: string; created: boolean }> {
  // Checked on the way in too: a message that could not be rendered must not be stored.
  const data = input.template.data.parse(input.data);
  if (input.target.id === '') throw new Error('an outbox message needs a target');
  const id = randomUUID();
  // ON CONFLICT DO NOTHING: two transactions enqueueing the same key at once must not fail
  // (a unique violation would abort the caller's whole transaction); the second gets the first's id.
  const inserted = await tx.$queryRaw<{ id: string }[]>`
    INSERT INTO "outbox_message"
      ("id", "board_id", "platform", "target_kind", "target_id", "template", "data", "dedupe_key",
       "digestible", "not_before", "expires_at", "after_id", "created_at", "updated_at")
    VALUES (${id}::uuid, ${input.boardId ?? null}::uuid, ${input.platform}::"Platform", ${input.target.kind}, ${input.target.id},
            ${input.template.id}, ${JSON.stringify(data ?? {})}::jsonb, ${input.dedupeKey ?? null}, ${input.digestible ?? true},
            COALESCE(${input.notBefore ?? null}::timestamptz, now()), ${input.expiresAt ?? null}::timestamptz, ${input.after ?? null}::uuid, clock_timestamp(), now())
    ON CONFLICT ("dedupe_key") DO NOTHING
    RETURNING "id"`;
  if (inserted[0]) return { id: inserted[0].id, created: true };
  const existing = await tx.outboxMessage.findUniqueOrThrow({ where: { dedupeKey: input.dedupeKey as string }, select: { id: true } });
  return { id: existing.id, created: false };
}

/** What an update copies from the message it replaces. */
export const ORIGINAL_FIELDS = { id: true, boardId: true, platform: true, targetKind: true, targetId: true } as const;
export type OriginalMessage = Prisma.OutboxMessageGetPayload<{ select: typeof ORIGINAL_FIELDS }>;

/** Queues a replacement of the card sent for `original` (sent already, or still queued). Updates
 * of one card still waiting to go are replaced by this newest one: only the latest matters. */
export async function enqueueUpdate<S extends TemplateSpec>(
  tx: Tx,
  input: { originalId: string; template: S; data: z.input<S['data']>; original?: OriginalMessage },
): Promise<{ id: string }> {
  const data = input.template.data.parse(input.data);
  // The caller may have read the original already (in this transaction): it is not read again.
  const original = input.original?.id === input.originalId ? input.original : await tx.outboxMessage.findUniqueOrThrow({ where: { id: input.originalId }, select: ORIGINAL_FIELDS });
  await tx.outboxMessage.updateMany({
    where: { updatesId: original.id, operation: 'update', status: 'pending' },
    data: { status: 'skipped', errorCode: 'superseded', lastError: 'A newer version of the card was queued instead' },
  });
  const id = randomUUID();
  await tx.$executeRaw`
    INSERT INTO "outbox_message"
      ("id", "board_id", "platform", "operation", "target_kind", "target_id", "updates_id", "template", "data",
       "digestible", "not_before", "created_at", "updated_at")
    VALUES (${id}::uuid, ${original.boardId}::uuid, ${original.platform}::"Platform", 'update'::"OutboxOperation", ${original.targetKind}, ${original.targetId},
            ${original.id}::uuid, ${input.template.id}, ${JSON.stringify(data ?? {})}::jsonb, false, now(), clock_timestamp(), now())`;
  return { id };
}
