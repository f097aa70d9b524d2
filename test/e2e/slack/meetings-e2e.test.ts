// A clerk's Friday morning on Slack, end to end through the real service: create a meeting in a
// modal (and get field errors the Slack way), add an item, post the agenda (the outbox delivers it
// through the fake Web API, within Slack's limits), change it (the posted card is updated in place
// and the channel told), see a failed delivery and retry it from the outbox card.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

const clerk = () => ({ user_id: seed.clerk.slackUserId, user_name: 'alex.dewsnap' });
const command = (text: string, who = clerk()) =>
  service.slack.command(slashCommand({ text, channel_id: 'CSCPB', response_url: service.fake.responseUrl(), ...who }));
/** The answer to a command, posted to its response_url after the empty ack. */
const ask = (text: string, who = clerk()) => service.ask(slashCommand({ text, channel_id: 'CSCPB', ...who }));

function expectValid(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown) {
  const parsed = schema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

async function openedModal(text: string) {
  await command(text);
  const call = await service.fake.waitFor('views.open');
  const view = call.body.view as { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string }[] };
  expectValid(slackModalSchema, view);
  return view;
}

describe('meetings and agendas on Slack', () => {
  it('creates a meeting through the modal, with field errors shown on the fields and nothing saved', async () => {
    const view = await openedModal('meeting new');
    expect(view.callback_id).toBe('meeting.create');
    expect(view.blocks.filter((b) => b.type === 'input').map((b) => b.block_id)).toEqual(['title', 'date', 'time', 'duration', 'venue']);

    const bad = await service.slack.interaction(
      viewSubmission({
        callback_id: 'meeting.create',
        private_metadata: view.private_metadata,
        user: { id: seed.clerk.slackUserId },
        values: { date: { type: 'datepicker', selected_date: '2020-01-10' }, time: { type: 'timepicker', selected_time: '10:00' }, duration: { type: 'number_input', value: '5' } },
      }),
    );
    expect(bad.status).toBe(200);
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { date: 'That date and time has passed. Choose a time in the future.', duration: 'A meeting lasts at least 15 minutes.' },
    });
    expect(await service.db.prisma.meeting.count()).toBe(0);

    const good = await service.slack.interaction(
      viewSubmission({
        callback_id: 'meeting.create',
        private_metadata: view.private_metadata,
        user: { id: seed.clerk.slackUserId },
        values: {
          date: { type: 'datepicker', selected_date: '2030-01-25' },
          time: { type: 'timepicker', selected_time: '10:00' },
          venue: { type: 'plain_text_input', value: 'Hendon Town Hall' },
        },
      }),
    );
    expect(good.body).toEqual({ response_action: 'clear' });
    const answer = await service.fake.waitFor('chat.postEphemeral');
    expect(answer.body).toMatchObject({ channel: 'CSCPB', user: seed.clerk.slackUserId });
    expectValid(slackMessageSchema, { text: answer.body.text, blocks: answer.body.blocks });
    expect(JSON.stringify(answer.body.blocks)).toContain('Meeting created for Fri 25 Jan 2030, 10:00');
    expect(await service.db.prisma.meeting.count()).toBe(1);
  });

  it('adds an item, posts the agenda through the outbox, and updates the posted card in place after a change', async () => {
    const add = await openedModal('agenda add');
    const added = await service.slack.interaction(
      viewSubmission({
        callback_id: 'agenda.item.add',
        private_metadata: add.private_metadata,
        user: { id: seed.clerk.slackUserId },
        values: {
          title: { type: 'plain_text_input', value: 'Police Update <!channel>' },
          subPoints: { type: 'plain_text_input', value: 'Performance\nCrime trends' },
          pages: { type: 'plain_text_input', value: '13 - 18' },
          exempt: { type: 'checkboxes', selected_options: [] },
        },
      }),
    );
    expect(added.body).toEqual({ response_action: 'clear' });
    // The modal closed at once; the item is saved after, and the clerk told.
    await service.fake.waitFor('chat.postEphemeral');

    const post = await ask('agenda post');
    expect(JSON.stringify(post.body)).toContain('posted to the Slack channel');
    const posted = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB');
    expectValid(slackMessageSchema, { text: posted.body.text, blocks: posted.body.blocks });
    const card = JSON.stringify(posted.body.blocks);
    expect(card).toContain('Order of business');
    expect(card).toContain('Police Update &lt;!channel&gt;');
    expect(card).not.toContain('<!channel>');
    const outbox = await eventually(async () => {
      const row = await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } });
      return row ?? undefined;
    });
    expect(outbox.sentConversationId).toBe('CSCPB');
    expect(outbox.sentMessageId).toBeTruthy();

    await command('agenda move 5 to 6');
    const updated = await service.fake.waitFor('chat.update');
    expect(updated.body).toMatchObject({ channel: 'CSCPB', ts: outbox.sentMessageId });
    expectValid(slackMessageSchema, { text: updated.body.text, blocks: updated.body.blocks });
    const notice = await service.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.body.blocks).includes('has changed'));
    expect(JSON.stringify(notice.body.blocks)).toContain('moved from 5 to 6');
  });

  it('refuses clerk commands from members, saying who can', async () => {
    const res = await ask('agenda post', { user_id: seed.member.slackUserId, user_name: 'richard.norfolk' });
    expect(JSON.stringify(res.body)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that');
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('waits out a 429, and shows a permanent failure to the clerk, who retries it from the outbox card', async () => {
    service.fake.failNext('chat.postMessage', { status: 429, retryAfter: 1 });
    await command('agenda remind');
    const reminder = await service.fake.waitFor('chat.postMessage', (c) => c.status === 200 && JSON.stringify(c.body.blocks).includes('Reminder from the clerk'), 8_000);
    expect(reminder.body.channel).toBe('CSCPB');
    expect(service.fake.calls('chat.postMessage').filter((c) => c.status === 429)).toHaveLength(1);

    await service.resetFake();
    // The board channel refuses posts (the reminder may be joined by other posts, such as a quorum
    // warning to the clerk and chair by direct message, which still go through).
    let posted = 0;
    service.fake.handle('chat.postMessage', (c) =>
      c.body.channel === 'CSCPB' ? { ok: false, error: 'not_in_channel' } : { channel: c.body.channel, ts: `${Math.floor(Date.now() / 1000)}.${String(++posted).padStart(6, '0')}` },
    );
    // On-demand reminders are deduplicated per minute: clear the first so this one is new.
    await service.db.prisma.outboxMessage.deleteMany({ where: { template: 'agenda.reminder' } });
    await command('agenda remind');
    const failed = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.reminder', status: 'failed' } })) ?? undefined);
    expect(failed).toMatchObject({ errorCode: 'not_in_channel' });
    // The clerk and the chair are told, by direct message.
    const dm = await service.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.body.blocks ?? '').includes('could not be delivered'));
    expect(JSON.stringify(dm.body.blocks)).toContain('Quorum is not in the channel');
    // Quorum has been invited to the channel again.
    await service.resetFake();

    const status = await ask('outbox');
    const body = JSON.stringify(status.body);
    expect(body).toContain('Failed: fix the cause, then retry');
    expect(body).toContain('outbox.retry');
    const responseUrl = service.fake.responseUrl();
    const click = await service.slack.interaction(
      blockActions({
        user: { id: seed.clerk.slackUserId, username: 'alex.dewsnap', name: 'alex.dewsnap', team_id: 'T0SEED' },
        container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
        response_url: responseUrl,
        actions: [button({ action_id: 'outbox.retry', value: JSON.stringify({ outboxId: failed.id }) })],
      }),
    );
    expect(click.status).toBe(200);
    const replaced = await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`));
    expect(JSON.stringify(replaced.body)).toContain('Messages for');
    expect(replaced.body).toMatchObject({ replace_original: true });
    await eventually(async () => (await service.db.prisma.outboxMessage.findUniqueOrThrow({ where: { id: failed.id } })).status === 'sent');
  });
});
