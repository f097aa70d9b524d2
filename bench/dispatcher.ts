// Outbox throughput: how fast one and two dispatchers claim, "send" (to a no-op messenger) and
// record messages, on PGlite or on the PostgreSQL server named by DATABASE_URL.
// Run: npx tsx bench/dispatcher.ts [messages=2000] [channels=50]
// Prints figures and ratios; no thresholds (shared machines are noisy).
import { Dispatcher } from '../src/delivery/dispatcher.ts';
import { enqueue } from '../src/delivery/outbox.ts';
import type { Messenger } from '../src/delivery/port.ts';
import { createLogger } from '../src/logger.ts';
import { createTestDatabase } from '../test/support/database.ts';
import { testTemplate, withTestTemplates } from '../test/support/templates.ts';

const total = Number(process.argv[2] ?? 2000);
const channels = Number(process.argv[3] ?? 50);
const logger = createLogger({ level: 'silent' });
const noop: Messenger = {
  platform: 'slack',
  send: async (target) => ({ conversationId: target.id, messageId: String(Math.random()) }),
  update: async () => undefined,
};

async function run(dispatchers: number): Promise<{ enqueueMs: number; drainMs: number }> {
  const db = await createTestDatabase();
  try {
    const started = performance.now();
    for (let i = 0; i < total; i += 100) {
      await db.prisma.$transaction(async (tx) => {
        for (let j = i; j < Math.min(total, i + 100); j++) {
          await enqueue(tx, { platform: 'slack', target: { kind: 'channel', id: `C${j % channels}` }, template: testTemplate('bench'), data: { j } });
        }
      });
    }
    const enqueued = performance.now();
    const pool = Array.from({ length: dispatchers }, (_, n) =>
      new Dispatcher({ prisma: db.prisma, messengers: { slack: noop }, templates: withTestTemplates('bench'), logger, instanceId: `d${n}`, batchSize: 50, pacing: { slack: { perConversationMs: 0, perSecond: 100_000 } } }),
    );
    let left = total;
    while (left > 0) {
      const rounds = await Promise.all(pool.map((d) => d.runOnce()));
      left -= rounds.reduce((n, r) => n + r.sent, 0);
    }
    return { enqueueMs: enqueued - started, drainMs: performance.now() - enqueued };
  } finally {
    await db.destroy();
  }
}

const one = await run(1);
const two = await run(2);
const rate = (ms: number) => Math.round((total / ms) * 1000);
// eslint-disable-next-line no-restricted-syntax -- a benchmark reports which database it measured
console.log(`database: ${process.env.DATABASE_URL ? 'PostgreSQL server' : 'PGlite'}; ${total} messages over ${channels} channels`);
console.log(`enqueue: ${rate(one.enqueueMs)} msg/s`);
console.log(`one dispatcher: ${rate(one.drainMs)} msg/s`);
console.log(`two dispatchers: ${rate(two.drainMs)} msg/s (ratio to one: ${(one.drainMs / two.drainMs).toFixed(2)})`);
