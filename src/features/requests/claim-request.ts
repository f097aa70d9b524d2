// Every state-changing request is applied once. The adapter names a request by a key the platform
// repeats on a retry or a replay (Slack's event_id, trigger_id or the signed body; a Teams activity
// id in its conversation); inserting that key is the claim. The database, not process memory,
// decides, so two instances behind a load balancer agree. A repeat is told it is one, with the
// first answer when that was stored.
import { createHash } from 'node:crypto';
import type { Platform } from '../../domain/platform.ts';
import { isReadableText } from '../../kernel/readable-text.ts';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';

export type RequestClaim = { first: true } | { first: false; answer?: unknown };

export interface ClaimRequestInput {
  platform: Platform;
  key: string;
}

/** Keys longer than this, or that PostgreSQL could not store as text, are kept as their hash. */
const MAX_KEY_LENGTH = 300;

const storedKey = (key: string): string =>
  key.length <= MAX_KEY_LENGTH && isReadableText(key) ? key : `sha256:${createHash('sha256').update(key, 'utf8').digest('hex')}`;

export async function claimRequest(deps: { prisma: PrismaClient }, input: ClaimRequestInput): Promise<RequestClaim> {
  const key = storedKey(input.key);
  const { count } = await deps.prisma.handledRequest.createMany({ data: [{ key, platform: input.platform }], skipDuplicates: true });
  if (count === 1) return { first: true };
  const row = await deps.prisma.handledRequest.findUnique({ where: { key }, select: { answer: true } });
  return row?.answer === null || row?.answer === undefined ? { first: false } : { first: false, answer: row.answer };
}

/** Stores the answer the first request was given, for its repeats. */
export async function recordRequestAnswer(deps: { prisma: PrismaClient; now: () => Date }, input: { key: string; answer: unknown }): Promise<void> {
  await deps.prisma.handledRequest.updateMany({
    where: { key: storedKey(input.key), answeredAt: null },
    data: { answer: input.answer as Prisma.InputJsonValue, answeredAt: deps.now() },
  });
}
