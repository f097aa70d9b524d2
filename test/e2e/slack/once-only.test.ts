// Retries and replays act once, through the real service: Slack re-sends an event with the same
// event_id and X-Slack-Retry-Num; an attacker (or a proxy) re-sends a signed slash command or form
// submission byte for byte within Slack's 5 minutes. Each is applied once, on this instance or on
// another sharing the database. Every request is acknowledged before any database work
// (ack-first.ts), so a repeat gets the same ack as the first and its work is then not done again.
// A request stamped more than 5 minutes from now, either way, is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { startQuorum, type RunningQuorum } from '../../../src/main.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { appMention, createSlackClient, slashCommand, viewSubmission, type SlackClient } from '../../support/slack-client.ts';
import { BOT_TOKEN, settled, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
/** A second instance on the same database, as behind a load balancer. */
let other: RunningQuorum;
let otherSlack: SlackClient;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  const config = loadConfig({ SLACK_BOT_TOKEN: BOT_TOKEN, SLACK_SIGNING_SECRET: service.signingSecret, SLACK_API_URL: service.fake.apiUrl, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent' });
  other = await startQuorum({ config, logger: capturingLogger('info').logger, db: service.db, manualScheduler: true, dispatcher: { idleMs: 50 } });
  otherSlack = createSlackClient({ baseUrl: other.url, signingSecret: service.signingSecret });
});
afterAll(async () => {
  await other?.stop();
  await service?.stop();
});
beforeEach(() => service.resetFake());

const clerk = () => ({ user_id: seed.clerk.slackUserId, user_name: 'alex.dewsnap', channel_id: 'CSCPB', response_url: service.fake.responseUrl() });
const now = () => Math.floor(Date.now() / 1000);

async function newMeeting(date: string): Promise<void> {
  await service.slack.command(slashCommand({ text: 'meeting new', ...clerk() }));
  const open = await service.fake.waitFor('views.open');
  const meta = (open.body.view as { private_metadata: string }).private_metadata;
  const res = await service.slack.interaction(
    viewSubmission({ callback_id: 'meeting.create', private_metadata: meta, user: { id: seed.clerk.slackUserId }, values: { date: { type: 'datepicker', selected_date: date }, time: { type: 'timepicker', selected_time: '10:00' } } }),
  );
  expect(res.body).toEqual({ response_action: 'clear' });
  // The modal closes at once; the meeting is saved after, and the clerk told: waited for, so that
  // the meeting is there and the answer is not among the calls the test reads next.
  await service.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.body).includes('Meeting created'));
  await service.resetFake();
}

const nextMeeting = () =>
  service.db.prisma.meeting.findFirstOrThrow({ where: { status: { not: 'cancelled' } }, orderBy: { startsAt: 'asc' }, include: { items: { orderBy: { position: 'asc' } } } });

describe('a request applied once', () => {
  it('cancels one meeting when Slack retries the app_mention "meeting cancel" with the same event_id', async () => {
    await newMeeting('2031-02-10');
    await newMeeting('2031-03-10');
    const mention = appMention({ command: 'meeting cancel', user: seed.clerk.slackUserId });
    const first = await service.slack.event(mention);
    expect(first.status).toBe(200);
    const answers = () => service.fake.calls('chat.postEphemeral').filter((c) => c.body.thread_ts === mention.event.ts);
    await service.fake.waitFor('chat.postEphemeral', (c) => c.body.thread_ts === mention.event.ts);
    // Slack did not see the ack in time and retries, with a fresh signature and the retry headers.
    const retry = await service.slack.event(mention, { retryNum: 1, retryReason: 'http_timeout' });
    expect(retry.status).toBe(200);
    // ...and once more, to the other instance.
    const again = await otherSlack.event(mention, { retryNum: 2, retryReason: 'http_timeout' });
    expect(again.status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const meetings = await service.db.prisma.meeting.findMany({ orderBy: { startsAt: 'asc' } });
    expect(meetings.map((m) => [m.startsAt.toISOString().slice(0, 10), m.status])).toEqual([
      ['2031-02-10', 'cancelled'],
      ['2031-03-10', 'draft'],
    ]);
    expect(answers()).toHaveLength(1);
    expect(service.logs()).toContain('Slack request already handled: not applied again');
  });

  it('removes and moves an item once when the signed slash command is replayed, and answers the replay as the first', async () => {
    const before = (await nextMeeting()).items.map((i) => i.title);
    const remove = slashCommand({ text: 'agenda remove 2', ...clerk() });
    const timestamp = now();
    const first = await service.slack.command(remove, { timestamp });
    const replay = await service.slack.command(remove, { timestamp });
    const onOther = await otherSlack.command(remove, { timestamp });
    for (const answer of [replay, onOther]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual(first.body);
    }
    const afterRemove = before.filter((_, i) => i !== 1);
    await settled(async () => JSON.stringify((await nextMeeting()).items.map((i) => i.title)) === JSON.stringify(afterRemove), 'item 2 removed once');
    const answered = service.fake.responses(remove.response_url);
    expect(answered).toHaveLength(1);
    expect(JSON.stringify(answered[0]?.body)).toContain('Item 2 removed');

    const move = slashCommand({ text: 'agenda move 1 to 3', ...clerk() });
    await service.slack.command(move, { timestamp });
    await service.slack.command(move, { timestamp });
    await otherSlack.command(move, { timestamp });
    const [a, b, c, ...rest] = afterRemove;
    await settled(async () => JSON.stringify((await nextMeeting()).items.map((i) => i.title)) === JSON.stringify([b, c, a, ...rest]), 'item 1 moved to 3 once');
    expect(service.fake.responses(move.response_url)).toHaveLength(1);
  });

  it('adds one item and one proposal when their form submissions are replayed', async () => {
    const meeting = await nextMeeting();
    const count = meeting.items.length;
    const add = viewSubmission({
      callback_id: 'agenda.item.add',
      private_metadata: JSON.stringify({ meetingId: meeting.id }),
      user: { id: seed.clerk.slackUserId },
      values: { title: { type: 'plain_text_input', value: 'Police update' }, exempt: { type: 'checkboxes', selected_options: [] } },
    });
    const timestamp = now();
    const results = await Promise.all([service.slack.interaction(add, { timestamp }), service.slack.interaction(add, { timestamp }), otherSlack.interaction(add, { timestamp })]);
    expect(results.map((r) => [r.status, r.body])).toEqual([200, 200, 200].map((status) => [status, { response_action: 'clear' }]));
    await settled(async () => (await nextMeeting()).items.length === count + 1, 'one item added');
    expect(await service.db.prisma.handledRequest.count({ where: { key: `slack:trigger:${add.trigger_id}` } })).toBe(1);
    expect((await service.slack.interaction(add, { timestamp })).body).toEqual({ response_action: 'clear' });

    const propose = viewSubmission({
      callback_id: 'plan.propose',
      private_metadata: JSON.stringify({ boardId: seed.boardId }),
      user: { id: seed.member.slackUserId },
      values: { title: { type: 'plain_text_input', value: 'Knife crime review' } },
    });
    await service.slack.interaction(propose, { timestamp });
    await service.slack.interaction(propose, { timestamp });
    await otherSlack.interaction(propose, { timestamp });
    await settled(async () => (await service.db.prisma.forwardPlanItem.count({ where: { title: 'Knife crime review' } })) === 1, 'one proposal');
  });

  it('still applies a new request that says the same thing (a fresh trigger_id is a new click)', async () => {
    const count = (await nextMeeting()).items.length;
    await service.slack.command(slashCommand({ text: 'agenda remove 1', ...clerk() }));
    await settled(async () => (await nextMeeting()).items.length === count - 1, 'the first removal');
    await service.slack.command(slashCommand({ text: 'agenda remove 1', ...clerk() }));
    await settled(async () => (await nextMeeting()).items.length === count - 2, 'the second removal');
  });

  it('refuses a request stamped more than 5 minutes ahead or behind, and applies nothing', async () => {
    const count = (await nextMeeting()).items.length;
    for (const timestamp of [now() + 3600, now() + 360, now() - 400]) {
      const res = await service.slack.command(slashCommand({ text: 'agenda remove 1', ...clerk() }), { timestamp });
      expect(res.status).toBe(401);
      expect(res.body).toEqual({ error: 'request_time_out_of_range', message: 'The request timestamp (X-Slack-Request-Timestamp) is more than 5 minutes from now.' });
    }
    const ahead = await service.slack.event(appMention({ command: 'meeting cancel', user: seed.clerk.slackUserId }), { timestamp: now() + 3600 });
    expect(ahead.status).toBe(401);
    // A little clock drift is fine.
    const help = slashCommand({ text: 'help', ...clerk() });
    const drift = await service.slack.command(help, { timestamp: now() + 120 });
    expect(drift.status).toBe(200);
    await service.fake.waitForResponse((r) => help.response_url.endsWith(r.id));
    expect((await nextMeeting()).items).toHaveLength(count);
    expect(await service.db.prisma.meeting.count({ where: { status: 'cancelled' } })).toBe(1);
  });
});
