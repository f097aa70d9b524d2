// Every state-changing request is applied once. The adapter names a request by a key the platform
// repeats on a retry or a replay (Slack's event_id, trigger_id or the signed body; a Teams activity
// id in its conversation); inserting that key is the claim. The database, not process memory,
// decides, so two instances behind a load balancer agree. A repeat is told it is one, with the
// first answer when that was stored.
import type { Platform } from '../../domain/platform.ts';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';

export type RequestClaim = { first: true } | { first: false; answer?: unknown };

export interface ClaimRequestInput {
  platform: Platform;
  key: string;
}

/** Keys longer than this are cut (a fingerprint or an id is far shorter). */
const MAX_KEY_LENGTH = 300;

export async function claimRequest(deps: { prisma: PrismaClient }, input: ClaimRequestInput): Promise<RequestClaim> {
  const key = input.key.slice(0, MAX_KEY_LENGTH);
  const { count } = await deps.prisma.handledRequest.createMany({ data: [{ key, platform: input.platform }], skipDuplicates: true });
  if (count === 1) return { first: true };
  const row = await deps.prisma.handledRequest.findUnique({ where: { key }, select: { answer: true } });
  return row?.answer === null || row?.answer === undefined ? { first: false } : { first: false, answer: row.answer };
}

/** Stores the answer the first request was given, for its repeats. */
export async function recordRequestAnswer(deps: { prisma: PrismaClient; now: () => Date }, input: { key: string; answer: unknown }): Promise<void> {
  await deps.prisma.handledRequest.updateMany({
    where: { key: input.key.slice(0, MAX_KEY_LENGTH), answeredAt: null },
    data: { answer: input.answer as Prisma.InputJsonValue, answeredAt: deps.now() },
  });
}
