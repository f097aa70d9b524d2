// Waiting for the outbox to have nothing pending or sending: what a scheduled run or a command
// queued has all been delivered (or has failed), so what the fakes received is final.
import type { PrismaClient } from '../../src/persistence/generated/client.ts';

export async function waitForEmptyOutbox(prisma: PrismaClient, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const left = await prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
    if (left === 0) return;
    if (Date.now() > deadline) throw new Error(`the outbox never emptied: ${left} message(s) still pending or sending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
