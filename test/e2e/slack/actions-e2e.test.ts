// Actions on Slack, end to end through the real service: the clerk records an action in a modal
// (field errors the Slack way), the owner gets the card in their direct messages through the
// outbox, Done updates it in place (chat.update), Need more time opens a modal and the clerk is
// sent Accept/Decline; accepting updates the owner's card in place too.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { sendOwnerCards } from '../../../src/features/actions/action-delivery.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let heldId: string;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  const held = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token', items: { create: [{ position: 1, number: '5', title: 'Police Update' }] } },
  });
  heldId = held.id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-01-22T10:00:00Z'), calendarToken: 'next-token' } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

const dmOf = (userId: string) => `D${userId.replace(/^U/, '')}`;
const blocksOf = (call: RecordedCall) => JSON.stringify(call.body.blocks ?? []);
function expectValid(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown) {
  const parsed = schema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

/** The button with this action name on a posted card: its action_id and value, as Slack sends them back. */
function buttonOn(call: RecordedCall, name: string, carrying: Record<string, string> = {}): { action_id: string; value: string } {
  const blocks = call.body.blocks as { type: string; elements?: { action_id?: string; value?: string }[]; accessory?: { action_id?: string; value?: string } }[];
  for (const block of blocks) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.action_id?.replace(/#\d+$/, '') !== name || !element.value) continue;
      const value = JSON.parse(element.value) as Record<string, unknown>;
      if (Object.entries(carrying).every(([k, v]) => value[k] === v)) return { action_id: element.action_id, value: element.value };
    }
  }
  throw new Error(`no ${name} button on the card`);
}

async function click(userId: string, card: RecordedCall, name: string, ts: string, carrying: Record<string, string> = {}) {
  const { action_id, value } = buttonOn(card, name, carrying);
  const channel = String(card.body.channel);
  return service.slack.interaction(
    blockActions({
      user: { id: userId, username: 'someone', name: 'someone', team_id: 'T0SEED' },
      channel: { id: channel, name: 'directmessage' },
      container: { type: 'message', message_ts: ts, channel_id: channel, is_ephemeral: false },
      message: { type: 'message', ts, user: 'UBOT', bot_id: 'BBOT', text: '', blocks: [] },
      response_url: service.fake.responseUrl(),
      actions: [button({ action_id, value })],
    }),
  );
}

describe('actions on Slack', () => {
  it('records an action in a modal, sends the owner the card, and Done updates it in place', async () => {
    await service.slack.command(slashCommand({ text: 'action new', channel_id: 'CSCPB', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() }));
    const opened = await service.fake.waitFor('views.open');
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    expectValid(slackModalSchema, opened.body.view);
    expect(view.callback_id).toBe('action.create');
    const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: heldId } });

    const submit = (values: Record<string, unknown>) =>
      service.slack.interaction(viewSubmission({ callback_id: 'action.create', private_metadata: view.private_metadata, user: { id: seed.clerk.slackUserId }, values: values as never }));
    const bad = await submit({
      description: { type: 'plain_text_input', value: ' ' },
      owners: { type: 'multi_static_select', selected_options: [] },
      due: { type: 'datepicker', selected_date: '2026-11-01' },
    });
    expect(bad.body).toEqual({
      response_action: 'errors',
      errors: { description: 'Describe the action.', owners: 'Choose at least one owner from the roster.', due: 'Sun 1 Nov 2026 has passed. Choose today or a later date.' },
    });
    expect(await service.db.prisma.action.count()).toBe(0);

    const good = await submit({
      description: { type: 'plain_text_input', value: 'Bring the ward burglary figures <!channel>' },
      owners: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Richard Norfolk' }, value: seed.member.id }] },
      item: { type: 'static_select', selected_option: { text: { type: 'plain_text', text: '5. Police Update' }, value: item.id } },
      due: { type: 'datepicker', selected_date: '2027-01-21' },
    });
    expect(good.body).toEqual({ response_action: 'clear' });

    const card = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(seed.member.slackUserId));
    expectValid(slackMessageSchema, { text: card.body.text, blocks: card.body.blocks });
    expect(blocksOf(card)).toContain('Bring the ward burglary figures &lt;!channel&gt;');
    expect(blocksOf(card)).toContain('Thu 21 Jan 2027');
    expect(blocksOf(card)).toContain('5. Police Update');
    const sent = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'action.card', status: 'sent' } })) ?? undefined);

    await click(seed.member.slackUserId, card, 'action.done', String(sent.sentMessageId));
    const updated = await service.fake.waitFor('chat.update', (c) => c.body.channel === dmOf(seed.member.slackUserId) && blocksOf(c).includes('Marked done'));
    expect(updated.body.ts).toBe(sent.sentMessageId);
    expectValid(slackMessageSchema, { text: updated.body.text, blocks: updated.body.blocks });
    expect(blocksOf(updated)).not.toContain('action.done');
    // The outbox brings the same card up to date too; a second click changes nothing.
    await service.fake.waitFor('chat.update', (c) => c.body.ts === sent.sentMessageId && !blocksOf(c).includes('Marked done') && blocksOf(c).includes('Done'));
    await click(seed.member.slackUserId, card, 'action.done', String(sent.sentMessageId));
    await service.fake.waitFor('chat.update', (c) => blocksOf(c).includes('This action is already done'));
    expect(await service.db.prisma.actionUpdate.count({ where: { kind: 'done' } })).toBe(1);
  });

  it('Need more time opens a modal; the clerk gets Accept and Decline, and accepting updates the owner\u2019s card', async () => {
    const action = await service.db.prisma.action.create({
      data: {
        boardId: seed.boardId,
        meetingId: heldId,
        description: 'Invite DVIP to the next board meeting.',
        dueDate: new Date('2027-01-21T00:00:00Z'),
        owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-24T00:00:00Z') }] },
      },
    });
    // The owner's card, sent the way the outbox sends it.
    await service.db.prisma.$transaction((tx) => sendOwnerCards(tx, action.id, { platforms: ['slack'], now: () => new Date('2026-11-24T09:00:00Z') }));
    service.quorum.dispatcher.poke();
    const card = await service.fake.waitFor('chat.postMessage', (c) => blocksOf(c).includes('Invite DVIP'));
    const sent = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'action.card', status: 'sent', data: { path: ['action', 'id'], equals: action.id } } })) ?? undefined);

    await click(seed.member.slackUserId, card, 'action.form', String(sent.sentMessageId), { form: 'more-time' });
    const modal = await service.fake.waitFor('views.open', (c) => (c.body.view as { callback_id: string }).callback_id === 'action.more-time');
    const meta = (modal.body.view as { private_metadata: string }).private_metadata;
    const asked = await service.slack.interaction(
      viewSubmission({
        callback_id: 'action.more-time',
        private_metadata: meta,
        user: { id: seed.member.slackUserId },
        values: { due: { type: 'datepicker', selected_date: '2027-02-28' }, reason: { type: 'plain_text_input', value: 'The analyst is away.' } },
      }),
    );
    expect(asked.body).toEqual({ response_action: 'clear' });

    const toClerk = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(seed.clerk.slackUserId) && blocksOf(c).includes('asked for more time'));
    expectValid(slackMessageSchema, { text: toClerk.body.text, blocks: toClerk.body.blocks });
    expect(blocksOf(toClerk)).toContain('The analyst is away.');
    await click(seed.clerk.slackUserId, toClerk, 'action.decide', 'clerk-card-ts', { decision: 'accept' });
    await service.fake.waitFor('chat.update', (c) => c.body.channel === dmOf(seed.clerk.slackUserId) && blocksOf(c).includes('More time given: now due Sun 28 Feb 2027'));
    const ownerCard = await service.fake.waitFor('chat.update', (c) => c.body.ts === sent.sentMessageId && blocksOf(c).includes('Sun 28 Feb 2027') && !blocksOf(c).includes('asked for'));
    expectValid(slackMessageSchema, { text: ownerCard.body.text, blocks: ownerCard.body.blocks });
  });

  it('refuses someone who is not an owner, beside the card, changing nothing', async () => {
    const action = await service.db.prisma.action.findFirstOrThrow({ where: { description: 'Invite DVIP to the next board meeting.' } });
    const fakeCard = { method: 'chat.postMessage', body: { channel: dmOf('UNOTONBOARD'), blocks: [{ type: 'actions', elements: [{ action_id: 'action.done', value: JSON.stringify({ actionId: action.id }) }] }] } } as unknown as RecordedCall;
    await click('UNOTONBOARD', fakeCard, 'action.done', '1.1');
    const refusal = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('owners or the clerk'));
    expect(refusal.body).toMatchObject({ replace_original: false });
    expect(service.fake.calls('chat.update').filter((c) => c.body.channel === dmOf('UNOTONBOARD'))).toEqual([]);
    expect((await service.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).status).toBe('open');
  });
});
