import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dispatcher, type DispatcherOptions } from '../../../src/delivery/dispatcher.ts';
import { enqueue, enqueueUpdate } from '../../../src/delivery/outbox.ts';
import { recordConversation } from '../../../src/features/conversations/record-conversation.ts';
import { createLogger } from '../../../src/logger.ts';
import { testTemplate, withTestTemplates } from '../../support/templates.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { FakeMessenger, permanent, rateLimited, transient } from '../../support/fake-messenger.ts';

const logger = createLogger({ level: 'silent' });
let db: TestDatabase;
let seed: SeedBoard;
let now: number;
const clock = () => new Date(now);
const advance = (ms: number) => {
  now += ms;
};

// One database for the file, emptied before each test (test/support/database.ts).
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.reset();
  seed = await createSeedBoard(db.prisma);
  now = Date.now() + 1_000;
});

const templates = withTestTemplates('test.note', 't', 'action.chase');

function dispatcher(messenger: FakeMessenger, options: Partial<DispatcherOptions> = {}): Dispatcher {
  return new Dispatcher({
    prisma: db.prisma,
    messengers: { [messenger.platform]: messenger },
    templates,
    logger,
    clock,
    random: () => 0.5,
    ...options,
  });
}

const toChannel = (channel: string, extra: Partial<Parameters<typeof enqueue>[1]> = {}) =>
  enqueue(db.prisma, {
    boardId: seed.boardId,
    platform: 'slack',
    target: { kind: 'channel', id: channel },
    template: testTemplate('test.note'),
    data: { text: `to ${channel}` },
    ...extra,
  });

const status = async (id: string) => db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } });

describe('outbox', () => {
  it('enqueues a dedupe key once, even when asked twice', async () => {
    const a = await toChannel('C1', { dedupeKey: 'reminder:m1:P7D' });
    const b = await toChannel('C1', { dedupeKey: 'reminder:m1:P7D' });
    expect(b).toEqual({ id: a.id, created: false });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('is written in the caller\u2019s transaction: rolled back with it', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await enqueue(tx, { platform: 'slack', target: { kind: 'channel', id: 'C1' }, template: testTemplate('t'), data: {} });
        throw new Error('the change failed');
      }),
    ).rejects.toThrow('the change failed');
    expect(await db.prisma.outboxMessage.count()).toBe(0);
  });
});

describe('dispatcher', () => {
  it('sends a due message once and records the platform\u2019s ids', async () => {
    const messenger = new FakeMessenger();
    const { id } = await toChannel('C1');
    const summary = await dispatcher(messenger).runOnce();
    expect(summary).toMatchObject({ claimed: 1, sent: 1 });
    expect(messenger.sentOutboxIds()).toEqual([id]);
    expect(await status(id)).toMatchObject({ status: 'sent', sentConversationId: 'C1', sentMessageId: 'm1', attempts: 1 });
    expect(await dispatcher(messenger).runOnce()).toMatchObject({ claimed: 0 });
    expect(messenger.sends).toHaveLength(1);
  });

  it('two dispatchers on one database never send the same message twice', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 40; i++) ids.push((await toChannel(`C${i % 8}`)).id);
    const a = new FakeMessenger();
    const b = new FakeMessenger();
    const fast = { pacing: { slack: { perConversationMs: 0, perSecond: 1000 } } };
    const one = dispatcher(a, { ...fast, instanceId: 'one', batchSize: 7 });
    const two = dispatcher(b, { ...fast, instanceId: 'two', batchSize: 7 });
    for (let round = 0; round < 40; round++) {
      await Promise.all([one.runOnce(), two.runOnce(), one.runOnce(), two.runOnce()]);
      advance(100);
      if ((await db.prisma.outboxMessage.count({ where: { status: 'sent' } })) === ids.length) break;
    }
    const sent = [...a.sentOutboxIds(), ...b.sentOutboxIds()];
    expect(sent.sort()).toEqual([...ids].sort());
    expect(new Set(sent).size).toBe(sent.length);
  });

  it('a dispatcher killed between claiming and sending loses nothing: the message goes once after its lease', async () => {
    const { id } = await toChannel('C1');
    const dying = new FakeMessenger().next(() => new Promise<void>(() => undefined)); // never returns
    void dispatcher(dying, { instanceId: 'dying', leaseMs: 30_000 }).runOnce();
    await waitUntil(async () => (await status(id)).status === 'sending');
    expect(dying.sends).toHaveLength(0);

    const restarted = new FakeMessenger();
    const next = dispatcher(restarted, { instanceId: 'restarted', leaseMs: 30_000 });
    expect(await next.runOnce()).toMatchObject({ claimed: 0 }); // lease still held
    advance(31_000);
    expect(await next.runOnce()).toMatchObject({ sent: 1 });
    expect(restarted.sentOutboxIds()).toEqual([id]);
    expect(await status(id)).toMatchObject({ status: 'sent', attempts: 2 });
  });

  it('a dispatcher killed after posting but before recording does not post again where the platform can tell', async () => {
    const { id } = await toChannel('C1');
    const platform = new FakeMessenger();
    platform.canFindSent = true;
    // The post reaches the platform, then the process dies before it records the send.
    const dying = {
      platform: 'slack' as const,
      send: async (...args: Parameters<FakeMessenger['send']>) => {
        await platform.send(...args);
        return new Promise<never>(() => undefined);
      },
      update: platform.update.bind(platform),
    };
    void new Dispatcher({ prisma: db.prisma, messengers: { slack: dying }, templates, logger, clock, instanceId: 'dying' }).runOnce();
    await waitUntil(async () => platform.sends.length === 1);
    advance(61_000);
    expect(await dispatcher(platform).runOnce()).toMatchObject({ sent: 1 });
    expect(platform.sends).toHaveLength(1);
    expect(await status(id)).toMatchObject({ status: 'sent', sentMessageId: 'm1' });
  });

  it('honours Retry-After on 429 without counting it as a failed attempt', async () => {
    const { id } = await toChannel('C1');
    const messenger = new FakeMessenger().failNext(rateLimited(2_000)).failNext(rateLimited(2_000));
    const d = dispatcher(messenger);
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    expect(await status(id)).toMatchObject({ status: 'pending', attempts: 0, errorCode: '429' });
    advance(1_000);
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    advance(1_100);
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    advance(2_100);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect(await status(id)).toMatchObject({ status: 'sent', attempts: 1 });
  });

  it('retries 5xx and network errors with backoff, then fails and tells the clerks', async () => {
    const { id } = await toChannel('C1');
    const messenger = new FakeMessenger();
    for (let i = 0; i < 3; i++) messenger.failNext(transient());
    const d = dispatcher(messenger, { maxAttempts: 3 });
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    const first = await status(id);
    // attempt 1: base 2 s, equal jitter with random 0.5 -> 1.5 s
    expect(first.notBefore.getTime() - now).toBe(1_500);
    advance(1_500);
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    expect((await status(id)).notBefore.getTime() - now).toBe(3_000);
    advance(3_000);
    expect(await d.runOnce()).toMatchObject({ failed: 1 });
    expect(await status(id)).toMatchObject({ status: 'failed', errorCode: 'retries_exhausted:503' });

    const notices = await db.prisma.outboxMessage.findMany({ where: { template: 'delivery.failed' } });
    expect(notices.map((n) => n.targetId).sort()).toEqual([seed.chair.slackUserId, seed.clerk.slackUserId].sort());
    expect(notices[0]?.data).toMatchObject({ outboxId: id, code: 'retries_exhausted:503' });
  });

  it('stops at once on a permanent error, records it, and a failed notice never breeds another', async () => {
    const { id } = await toChannel('C1');
    const messenger = new FakeMessenger().failNext(permanent('channel_not_found'));
    const d = dispatcher(messenger, { pacing: { slack: { perConversationMs: 0, perSecond: 100 } } });
    expect(await d.runOnce()).toMatchObject({ failed: 1 });
    expect(await status(id)).toMatchObject({ status: 'failed', errorCode: 'channel_not_found', lastError: 'Slack said channel_not_found' });

    messenger.failNext(permanent('user_not_found')).failNext(permanent('user_not_found'));
    advance(1_000);
    await d.runOnce();
    const notices = await db.prisma.outboxMessage.findMany({ where: { template: 'delivery.failed' } });
    expect(notices).toHaveLength(2);
    expect(notices.every((n) => n.status === 'failed')).toBe(true);
    expect(await db.prisma.outboxMessage.count()).toBe(3);
  });

  it('groups direct messages due together for one person into one digest', async () => {
    const dm = (n: number) =>
      enqueue(db.prisma, {
        boardId: seed.boardId,
        platform: 'slack',
        target: { kind: 'user', id: seed.member.slackUserId },
        template: testTemplate('action.chase'),
        data: { n },
      });
    const ids = [(await dm(1)).id, (await dm(2)).id, (await dm(3)).id];
    const other = await enqueue(db.prisma, {
      platform: 'slack',
      target: { kind: 'user', id: 'UOTHER' },
      template: testTemplate('action.chase'),
      data: {},
    });
    const messenger = new FakeMessenger();
    expect(await dispatcher(messenger).runOnce()).toMatchObject({ sent: 4 });
    const toMember = messenger.sends.filter((s) => s.target.id === seed.member.slackUserId);
    expect(toMember).toHaveLength(1);
    expect(toMember[0]?.messages.map((m) => m.outboxId)).toEqual(ids);
    const rows = await db.prisma.outboxMessage.findMany({ where: { id: { in: ids } }, orderBy: { createdAt: 'asc' } });
    expect(rows.map((r) => r.status)).toEqual(['sent', 'sent', 'sent']);
    expect(rows.map((r) => r.digestOfId)).toEqual([null, ids[0], ids[0]]);
    expect((await status(other.id)).digestOfId).toBeNull();
  });

  it('paces messages to one channel and across the platform', async () => {
    const a = await toChannel('C1');
    const b = await toChannel('C1');
    const messenger = new FakeMessenger();
    const d = dispatcher(messenger);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    advance(1_100);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect(messenger.sentOutboxIds()).toEqual([a.id, b.id]);

    for (let i = 0; i < 5; i++) await toChannel(`CX${i}`);
    const capped = dispatcher(new FakeMessenger(), { pacing: { slack: { perConversationMs: 1_100, perSecond: 2 } } });
    advance(2_000);
    expect(await capped.runOnce()).toMatchObject({ sent: 2 });
    expect(await capped.runOnce()).toMatchObject({ claimed: 0 });
    advance(1_000);
    expect(await capped.runOnce()).toMatchObject({ sent: 2 });
  });

  it('paces messages to one Teams conversation 150 ms apart by default (the test harnesses pace faster)', async () => {
    // Quorum can reach a Teams channel once it has recorded its conversation (as when it is added there).
    const teams = async (conversationId: string) => {
      const serviceUrl = 'https://smba.example/';
      const reference = { conversation: { id: conversationId, conversationType: 'channel', tenantId: 'tenant-1' }, serviceUrl };
      await recordConversation(db, { platform: 'teams', conversationId, kind: 'channel', tenantId: 'tenant-1', serviceUrl, reference });
      return toChannel(conversationId, { platform: 'teams' });
    };
    const a = await teams('19:board@thread.tacv2');
    const b = await teams('19:board@thread.tacv2');
    const other = await teams('19:other@thread.tacv2');
    const messenger = new FakeMessenger('teams');
    const d = dispatcher(messenger);
    expect(await d.runOnce()).toMatchObject({ sent: 2 });
    // The board's lane is busy for 150 ms; its next message may be claimed half a gap ahead (75 ms)
    // and then waits for the slot. With a 100 ms gap it would be claimed here.
    advance(70);
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    advance(80);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    // The first run sends the two lanes' heads side by side, in either order; the board's second
    // message comes last, after its gap.
    const sent = messenger.sentOutboxIds();
    expect(sent.slice(0, 2).sort()).toEqual([a.id, other.id].sort());
    expect(sent.slice(2)).toEqual([b.id]);
  });

  it('skips, with a record, a message no longer relevant when it comes due', async () => {
    const { id } = await toChannel('C1', { expiresAt: new Date(now - 1) });
    const messenger = new FakeMessenger();
    expect(await dispatcher(messenger).runOnce()).toMatchObject({ skipped: 1, sent: 0 });
    expect(await status(id)).toMatchObject({ status: 'skipped', errorCode: 'expired' });
    expect(messenger.sends).toHaveLength(0);
  });

  it('updates a card in place once the original is sent, sending only the latest version', async () => {
    const original = await toChannel('C1');
    await enqueueUpdate(db.prisma, { originalId: original.id, template: testTemplate('test.note'), data: { v: 1 } });
    const messenger = new FakeMessenger();
    const d = dispatcher(messenger, { pacing: { slack: { perConversationMs: 0, perSecond: 100 } } });
    await d.runOnce(); // posts the original; the update, in the same lane, waits its turn
    expect(messenger.sends).toHaveLength(1);
    await enqueueUpdate(db.prisma, { originalId: original.id, template: testTemplate('test.note'), data: { v: 2 } });
    for (let i = 0; i < 3; i++) {
      advance(1_000);
      await d.runOnce();
    }
    expect(messenger.updates).toHaveLength(1);
    expect(messenger.updates[0]).toMatchObject({ sent: { conversationId: 'C1', messageId: 'm1' }, message: { data: { v: 2 } } });
    const skipped = await db.prisma.outboxMessage.findMany({ where: { operation: 'update', status: 'skipped' } });
    expect(skipped.map((s) => s.errorCode)).toEqual(['superseded']);
  });
});

describe('dispatcher, after uncertain sends', () => {
  it('a send that timed out after reaching the platform is found there on retry, not posted twice', async () => {
    const { id } = await toChannel('C1');
    const messenger = new FakeMessenger();
    messenger.canFindSent = true;
    // The post lands, but the answer is lost (a timeout): the dispatcher sees a transient failure.
    messenger.next(async () => undefined);
    const realSend = messenger.send.bind(messenger);
    let first = true;
    messenger.send = async (target, messages) => {
      const sent = await realSend(target, messages);
      if (first) {
        first = false;
        throw transient();
      }
      return sent;
    };
    const d = dispatcher(messenger);
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    advance(2_000);
    expect(await d.runOnce()).toMatchObject({ sent: 1 });
    expect(messenger.sends).toHaveLength(1);
    expect(await status(id)).toMatchObject({ status: 'sent', sentMessageId: 'm1' });
  });

  it('a message whose every send is interrupted ends as failed, and the clerks are told', async () => {
    const { id } = await toChannel('C1');
    await db.prisma.outboxMessage.update({ where: { id }, data: { status: 'sending', attempts: 3, claimedBy: 'gone', claimedUntil: new Date(now - 1) } });
    expect(await dispatcher(new FakeMessenger(), { maxAttempts: 3 }).runOnce()).toMatchObject({ failed: 1 });
    expect(await status(id)).toMatchObject({ status: 'failed', errorCode: 'interrupted' });
    expect(await db.prisma.outboxMessage.count({ where: { template: 'delivery.failed' } })).toBe(2);
  });

  it('a dispatcher whose lease ran out cannot undo what another did since', async () => {
    const { id } = await toChannel('C1');
    let release: () => void = () => undefined;
    // Its send hangs past the lease, then fails: its failure must not put the message back.
    const slow = new FakeMessenger().next(() => new Promise<void>((_, reject) => (release = () => reject(transient()))));
    const late = dispatcher(slow, { instanceId: 'late', leaseMs: 1_000 }).runOnce();
    await waitUntil(async () => (await status(id)).status === 'sending');
    advance(2_000);
    const other = new FakeMessenger();
    expect(await dispatcher(other, { instanceId: 'other' }).runOnce()).toMatchObject({ sent: 1 });
    release();
    expect(await late).toMatchObject({ sent: 0 });
    expect(await status(id)).toMatchObject({ status: 'sent', sentMessageId: 'm1' });
    advance(10_000);
    expect(await dispatcher(other).runOnce()).toMatchObject({ claimed: 0 });
    expect(other.sends).toHaveLength(1);
  });
});

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('dispatcher, messages that follow another', () => {
  it('a part waits while the part before it is retried, then the parts go in order; a failed part does not hold back the next', async () => {
    const one = await toChannel('C1', { data: { text: 'part 1' }, notBefore: clock() });
    const two = await toChannel('C1', { data: { text: 'part 2' }, after: one.id, notBefore: clock() });
    const three = await toChannel('C1', { data: { text: 'part 3' }, after: two.id, notBefore: clock() });
    const messenger = new FakeMessenger().failNext(transient());
    const d = dispatcher(messenger, { pacing: { slack: { perConversationMs: 0, perSecond: 100 } } });
    expect(await d.runOnce()).toMatchObject({ retried: 1 });
    // Part 1 waits for its retry; parts 2 and 3 are due but wait for it.
    expect(await d.runOnce()).toMatchObject({ claimed: 0 });
    expect(messenger.sends).toHaveLength(0);
    advance(1_500);
    for (let i = 0; i < 3; i++) {
      await d.runOnce();
      advance(20); // the platform's pace: 100 a second
    }
    expect(messenger.sentOutboxIds()).toEqual([one.id, two.id, three.id]);

    const four = await toChannel('C2', { data: { text: 'part 1' }, notBefore: clock() });
    const five = await toChannel('C2', { data: { text: 'part 2' }, after: four.id, notBefore: clock() });
    messenger.failNext(permanent('msg_too_long'));
    await d.runOnce();
    expect(await status(four.id)).toMatchObject({ status: 'failed' });
    advance(20);
    await d.runOnce();
    expect(await status(five.id)).toMatchObject({ status: 'sent' });
  });
});
