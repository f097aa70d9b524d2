// The delivery guarantees through the real platform clients and the fake Slack and Teams servers:
// two dispatchers on one database, a dispatcher that dies mid-send, 429 bursts, a reminder that
// fell due while the service was down.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../../adapters/slack/messenger.ts';
import { renderOutbound } from '../../../adapters/slack/render.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { enqueue } from '../../../src/delivery/outbox.ts';
import type { Messenger } from '../../../src/delivery/port.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { agendaReminderJob } from '../../../src/features/agendas/agenda-reminder-job.ts';
import { TEMPLATES } from '../../../src/core.ts';
import { agendaChangedTemplate } from '../../../src/features/agendas/templates.ts';
import { testCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from '../teams/service.ts';
import { agendaChangedData } from '../../support/templates.ts';

const logger = createLogger({ level: 'silent' });
const FAST = { slack: { perConversationMs: 0, perSecond: 10_000 }, teams: { perConversationMs: 0, perSecond: 10_000 } };
const notice = (n: number) => agendaChangedData(n);

describe('on Slack, through the fake Web API', () => {
  let fake: FakeSlackApi;
  let db: TestDatabase;
  let seed: SeedBoard;
  const messenger = () => createSlackMessenger({ token: 'xoxb-test', apiUrl: fake.apiUrl, render: renderOutbound });
  const outboxIdsPosted = () =>
    fake.calls('chat.postMessage').filter((c) => c.status === 200).map((c) => (c.body.metadata as { event_payload: { outbox_id: string } }).event_payload.outbox_id);

  beforeAll(async () => {
    fake = await startFakeSlackApi();
  });
  afterAll(async () => {
    await fake.close();
  });
  // One database for the file, emptied before each test (test/support/database.ts).
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db.destroy();
  });
  beforeEach(async () => {
    fake.reset();
    await db.reset();
    seed = await createSeedBoard(db.prisma);
  });

  async function enqueueNotices(count: number, channels: number): Promise<string[]> {
    const ids: string[] = [];
    for (let i = 0; i < count; i++) {
      ids.push((await enqueue(db.prisma, { boardId: seed.boardId, platform: 'slack', target: { kind: 'channel', id: `C${i % channels}` }, template: agendaChangedTemplate, data: notice(i) })).id);
    }
    return ids;
  }

  async function drain(dispatchers: Dispatcher[], expected: number) {
    for (let round = 0; round < 200; round++) {
      await Promise.all(dispatchers.map((d) => d.runOnce()));
      if ((await db.prisma.outboxMessage.count({ where: { status: 'sent' } })) >= expected) return;
      await new Promise((r) => setTimeout(r, 20));
    }
  }

  it('two dispatchers on one database post every message exactly once', async () => {
    const ids = await enqueueNotices(30, 6);
    const one = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'one', batchSize: 4 });
    const two = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'two', batchSize: 4 });
    await drain([one, two, one, two], ids.length);
    const posted = outboxIdsPosted();
    expect([...posted].sort()).toEqual([...ids].sort());
  });

  it('absorbs a burst of 429s, honouring Retry-After, and posts each message once', async () => {
    const ids = await enqueueNotices(4, 2);
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 }, 3);
    const dispatcher = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST });
    const started = Date.now();
    await drain([dispatcher], ids.length);
    expect(fake.calls('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(3);
    expect([...outboxIdsPosted()].sort()).toEqual([...ids].sort());
    expect(Date.now() - started).toBeGreaterThanOrEqual(1_000);
  });

  it('a dispatcher killed after posting but before recording: the next one finds the post and does not repeat it', async () => {
    const [id] = await enqueueNotices(1, 1);
    const real = messenger();
    const dying: Messenger = { ...real, platform: 'slack', send: async (t, m) => { await real.send(t, m); return new Promise<never>(() => undefined); } };
    void new Dispatcher({ prisma: db.prisma, messengers: { slack: dying }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'dying', leaseMs: 300 }).runOnce();
    await fake.waitFor('chat.postMessage');
    await new Promise((r) => setTimeout(r, 400));
    const next = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'restarted', leaseMs: 300 });
    expect(await next.runOnce()).toMatchObject({ sent: 1 });
    expect(outboxIdsPosted()).toEqual([id]);
    expect(fake.calls('conversations.history')).toHaveLength(1);
  });

  it('a dispatcher killed between claiming and posting: the message goes once after the lease', async () => {
    const [id] = await enqueueNotices(1, 1);
    const hanging: Messenger = { ...messenger(), platform: 'slack', send: () => new Promise<never>(() => undefined) };
    void new Dispatcher({ prisma: db.prisma, messengers: { slack: hanging }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'dying', leaseMs: 300 }).runOnce();
    await expect.poll(async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: id as string } })).status).toBe('sending');
    await new Promise((r) => setTimeout(r, 400));
    await new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'restarted' }).runOnce();
    expect(outboxIdsPosted()).toEqual([id]);
  });

  it('a reminder that fell due while the service was down is posted once when it is back', async () => {
    let now = new Date('2030-01-01T09:00:00Z');
    const deps = { prisma: db.prisma, now: () => now, platforms: ['slack'] as const };
    const t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack'] });
    const clerk = { platform: 'slack' as const, userId: seed.clerk.slackUserId };
    await t.submit(clerk, 'meeting.create', { date: '2030-01-25', time: '10:00' }, { boardId: seed.boardId });
    await t.command(clerk, 'agenda post');
    const dispatcher = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger() }, templates: TEMPLATES, logger, pacing: FAST });
    await drain([dispatcher], 1);
    fake.reset();
    now = new Date('2030-01-24T12:00:00Z'); // back after being down over both reminder times
    const job = agendaReminderJob(deps);
    const [a, b] = [new Scheduler({ prisma: db.prisma, jobs: [job], logger, clock: () => now }), new Scheduler({ prisma: db.prisma, jobs: [job], logger, clock: () => now })];
    await Promise.all([a.tick(), b.tick(), a.tick()]);
    await drain([dispatcher], 2);
    const reminders = fake.calls('chat.postMessage').filter((c) => JSON.stringify(c.body.blocks).includes('Reminder: the meeting is tomorrow'));
    expect(reminders).toHaveLength(1);
    expect(fake.calls('chat.postMessage').filter((c) => JSON.stringify(c.body.blocks).includes('in 7 days'))).toHaveLength(0);
  });
});

describe('on Teams, through the fake Bot Connector', () => {
  let service: TeamsService;
  beforeAll(async () => {
    service = await startTeamsService({ authenticated: true });
    // Added to the team (its General channel), then spoken to in the board's channel, which makes
    // that channel known too.
    await service.teams.send(service.teams.botAdded({ place: 'channel' }));
    await service.teams.send(service.teams.message({ text: 'help', place: 'channel', mention: true }));
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('the service\u2019s dispatcher and a second one never send the same message twice', async () => {
    await service.resetFake();
    const ids: string[] = [];
    for (let i = 0; i < 20; i++) {
      ids.push((await enqueue(service.db.prisma, { platform: 'teams', target: { kind: 'channel', id: TEAMS_DEFAULTS.channel.id }, template: agendaChangedTemplate, data: notice(i) })).id);
    }
    const messenger = service.quorum.adapters.find((a) => a.platform === 'teams')?.messenger as Messenger;
    const second = new Dispatcher({ prisma: service.db.prisma, messengers: { teams: messenger }, templates: TEMPLATES, logger, pacing: FAST, instanceId: 'second', batchSize: 3 });
    for (let round = 0; round < 100; round++) {
      await second.runOnce();
      service.quorum.dispatcher.poke();
      if ((await service.db.prisma.outboxMessage.count({ where: { status: 'sent' } })) === ids.length) break;
      await new Promise((r) => setTimeout(r, 30));
    }
    const texts = service.fake.sent().map((c) => JSON.stringify(c.body)).filter((t) => t.includes('Change '));
    expect(texts).toHaveLength(ids.length);
    for (let i = 0; i < ids.length; i++) expect(texts.filter((t) => t.includes(`"Change ${i}"`))).toHaveLength(1);
  });
});
