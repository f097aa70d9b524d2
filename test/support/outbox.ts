// Waiting for the outbox, from the tests that run the service against the platform fakes:
//  - waitForDelivered: until what is already due has been delivered (or has failed), the step
//    before a fake forgets the calls it recorded (the harnesses' resetFake), so that a call for a
//    message queued earlier cannot arrive after it and be counted with what follows;
//  - waitForEmptyOutbox: until nothing is pending or sending at all, so what a scheduled run or a
//    command queued has all been delivered (or has failed) and what the fakes received is final.
import type { Pacing } from '../../src/delivery/dispatcher.ts';
import type { Platform } from '../../src/domain/platform.ts';
import type { PrismaClient } from '../../src/persistence/generated/client.ts';

/** Waits until every outbox message for the platform that is already due has been sent (or has
 * failed, or was skipped): none pending whose time (not_before) has come, none being sent. Returns
 * at once when there is none. Not waited for: what is queued for later (a scheduled send, a retry
 * after a 429 or a 5xx, an update waiting for its card), and what a request acknowledged a moment
 * ago has not queued yet. Only the service's platform is looked at: its dispatcher sends nothing
 * else, so anything else would never be delivered. */
export async function waitForDelivered(prisma: PrismaClient, platform: Platform, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const due = { platform, status: { in: ['pending' as const, 'sending' as const] }, notBefore: { lte: new Date() } };
    if ((await prisma.outboxMessage.count({ where: due })) === 0) return;
    if (Date.now() > deadline) {
      const left = await prisma.outboxMessage.findMany({ where: due, orderBy: { createdAt: 'asc' }, take: 5 });
      const said = left.map((m) => `${m.template} to ${m.targetKind} ${m.targetId}: ${m.status}, ${m.attempts} attempt(s)${m.lastError ? ` (${m.lastError})` : ''}`);
      throw new Error(`outbox messages already due were not delivered within ${timeoutMs} ms: ${said.join('; ')}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** A harness's two delivery steps for its service's platform, the same on Slack and Teams. */
export interface HarnessDelivery {
  /** Waits until every outbox message already due is sent (or has failed): waitForDelivered. */
  delivered(): Promise<void>;
  /** delivered(), then the fake's reset: the fake forgets its calls once nothing queued before is
   * still on its way, so what it records next is only what follows (a message queued before and
   * sent after would be counted with it). The tests reset the fake this way rather than with its
   * reset() alone. Returns at once when nothing is due. */
  resetFake(): Promise<void>;
}

export function harnessDelivery(prisma: PrismaClient, platform: Platform, fake: { reset(): void }): HarnessDelivery {
  const delivered = () => waitForDelivered(prisma, platform);
  return {
    delivered,
    resetFake: async () => {
      await delivered();
      fake.reset();
    },
  };
}

/** Waits until no message is pending or sending at all, due now or later. */
export async function waitForEmptyOutbox(prisma: PrismaClient, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox never emptied: ${left} message(s) still pending or sending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** The dispatcher's pacing for a service under test whose fakes do not enforce the platforms'
 * limits: messages to one conversation 20 ms apart, where the service's own pace is Slack's second
 * (Teams' 150 ms), so that a test that posts, updates and tells one channel does not wait out real
 * seconds. Pacing against an enforced limit is proved for Slack in test/e2e/delivery/pacing.test.ts,
 * the dispatcher's database tests and the drills; the dispatcher paces both platforms the same way. */
export const HARNESS_PACING: Record<Platform, Pacing> = {
  slack: { perConversationMs: 20, perSecond: 200 },
  teams: { perConversationMs: 20, perSecond: 200 },
};
