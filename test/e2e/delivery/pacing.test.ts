// Pacing through the real Slack client against a fake Slack that enforces its posting limit (one
// message a second per channel, 429 with Retry-After beyond it): a running dispatcher takes a
// paced channel up again the moment it frees, not at its next idle poll (here a minute away), and
// never goes over the limit; and within a channel, a card's update goes before the notice queued
// after it (the "agenda changed" notice follows the card it describes). The share of the allowed
// rate that one channel gets is a figure of `npm run bench -- fanout`, not asserted here: wall-clock
// rates depend on the machine.
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
import { agendaChangedData } from '../../support/templates.ts';

const logger = createLogger({ level: 'silent' });
const changed = (n: number) => agendaChangedData(n, `Change number ${n}`);

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

function startDispatcher(idleMs = 1_000): Dispatcher {
  const messenger = createSlackMessenger({ token: 'xoxb-pacing', apiUrl: fake.apiUrl, render: renderOutbound });
  // The service's own pacing for Slack and its idle poll: only the wake-up at the lane's next free
  // time can make the rate.
  dispatcher = new Dispatcher({ prisma: db.prisma, messengers: { slack: messenger }, templates: TEMPLATES, logger, idleMs });
  dispatcher.start();
  return dispatcher;
}

const accepted = (method: string) => fake.calls(method).filter((c) => c.status === 200);

describe('one Slack channel', () => {
  it('is taken up again each time the channel frees, not at the next idle poll, within the limit, each message once', async () => {
    const count = 6;
    await db.prisma.$transaction(async (tx) => {
      for (let n = 1; n <= count; n++) await enqueue(tx, { platform: 'slack', target: { kind: 'channel', id: 'CPACED' }, template: agendaChangedTemplate, data: changed(n) });
    });
    // Its idle poll is a minute away: only waking when the lane frees gets 6 messages out at 1 a second in time.
    startDispatcher(60_000);
    await eventually(async () => accepted('chat.postMessage').length >= count, 45_000);
    const posts = accepted('chat.postMessage');
    // Never over the fake's limit: no post was refused with a 429.
    expect(fake.calls('chat.postMessage').filter((c) => c.status === 429)).toEqual([]);
    const texts = posts.map((c) => JSON.stringify(c.body.blocks));
    for (let n = 1; n <= count; n++) expect(texts.filter((t) => new RegExp(`Change number ${n}\\b`).test(t)), `change ${n}`).toHaveLength(1);
    // The last post's row is marked sent just after the fake accepted it.
    await expect.poll(() => db.prisma.outboxMessage.count({ where: { status: 'sent' } }), { timeout: 10_000 }).toBe(count);
  }, 90_000);

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
