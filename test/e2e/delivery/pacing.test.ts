// Pacing through the real Slack client against a fake Slack that enforces its posting limit (one
// message a second per channel, 429 with Retry-After beyond it): a running dispatcher takes a
// paced channel up again the moment it frees, not at its next idle poll, so one channel gets at
// least 0.9 of the rate the fake allows; and within a channel, a card's update goes before the
// notice queued after it (the "agenda changed" notice follows the card it describes).
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../../adapters/slack/messenger.ts';
import { renderOutbound } from '../../../adapters/slack/render.ts';
import { TEMPLATES } from '../../../src/core.ts';
import { Dispatcher } from '../../../src/delivery/dispatcher.ts';
import { enqueue, enqueueUpdate } from '../../../src/delivery/outbox.ts';
import { agendaChangedTemplate } from '../../../src/features/agendas/templates.ts';
import { createLogger } from '../../../src/logger.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { eventually } from '../slack/service.ts';

const logger = createLogger({ level: 'silent' });
const changed = (n: number) => ({
  meeting: {
    id: '00000000-0000-4000-8000-000000000001',
    boardName: 'SCPB',
    title: 'SCPB',
    status: 'agenda_published' as const,
    version: n,
    startsAt: '2030-12-06T10:00:00.000Z',
    timezone: 'Europe/London',
    date: 'Friday 6 December 2030',
    time: '10:00',
    short: `Fri ${n} Dec 2030, 10:00`,
    durationMinutes: 120,
  },
  changes: [`Change number ${n}`],
});

let fake: FakeSlackApi;
let db: TestDatabase;
let dispatcher: Dispatcher | undefined;

beforeAll(async () => {
  fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
});
afterAll(async () => {
  await fake.close();
});
beforeEach(async () => {
  fake.reset();
  db = await createTestDatabase();
});
afterEach(async () => {
  await dispatcher?.stop();
  dispatcher = undefined;
  await db.destroy();
});

function startDispatcher(): Dispatcher {
  const messenger = createSlackMessenger({ token: 'xoxb-pacing', apiUrl: fake.apiUrl, render: renderOutbound });
  // The service's own pacing for Slack and its idle poll: only the wake-up at the lane's next free
  // time can make the rate.
  dispatcher = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger }, templates: TEMPLATES, logger, idleMs: 1_000 });
  dispatcher.start();
  return dispatcher;
}

const accepted = (method: string) => fake.calls(method).filter((c) => c.status === 200);

describe('one Slack channel', () => {
  it('receives at least 0.9 of the rate the fake allows, each message once', async () => {
    const count = 12;
    await db.prisma.$transaction(async (tx) => {
      for (let n = 1; n <= count; n++) await enqueue(tx, { platform: 'slack', target: { kind: 'channel', id: 'CPACED' }, template: agendaChangedTemplate, data: changed(n) });
    });
    startDispatcher();
    await eventually(async () => accepted('chat.postMessage').length >= count, 30_000);
    const posts = accepted('chat.postMessage');
    const spanSeconds = ((posts.at(-1)?.at ?? 0) - (posts[0]?.at ?? 0)) / 1000;
    const rate = (count - 1) / spanSeconds;
    // The fake allows 1 a second in this channel: the rate is the share of it that was used.
    expect(rate).toBeGreaterThanOrEqual(0.9);
    expect(rate).toBeLessThanOrEqual(1);
    const texts = posts.map((c) => JSON.stringify(c.body.blocks));
    for (let n = 1; n <= count; n++) expect(texts.filter((t) => t.includes(`Change number ${n}`))).toHaveLength(1);
    expect(await db.prisma.outboxMessage.count({ where: { status: 'sent' } })).toBe(count);
  }, 60_000);

  it('updates a card before posting the notice queued after it', async () => {
    const original = await enqueue(db.prisma, { platform: 'slack', target: { kind: 'channel', id: 'CORDER' }, template: agendaChangedTemplate, data: changed(1) });
    startDispatcher();
    await eventually(async () => (await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: original.id } })).status === 'sent', 10_000);
    // As announceAgendaChange does: the card's update, then the notice, in one transaction.
    await db.prisma.$transaction(async (tx) => {
      await enqueueUpdate(tx, { originalId: original.id, template: agendaChangedTemplate, data: changed(2) });
      await enqueue(tx, { platform: 'slack', target: { kind: 'channel', id: 'CORDER' }, template: agendaChangedTemplate, data: changed(3) });
    });
    dispatcher?.poke();
    const notice = await fake.waitFor('chat.postMessage', (c) => c.status === 200 && JSON.stringify(c.body.blocks).includes('Change number 3'), 15_000);
    const update = accepted('chat.update');
    expect(update).toHaveLength(1);
    expect(JSON.stringify(update[0]?.body.blocks)).toContain('Change number 2');
    expect(update[0]?.at).toBeLessThanOrEqual(notice.at);
    expect(fake.calls().filter((c) => c.status === 429)).toEqual([]);
  }, 30_000);
});
