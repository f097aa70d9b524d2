// Apologies on Slack, continued, end to end through the real service: the board's settings
// (the clerk ticks "Names on the agenda card" in a modal and the posted card is updated in place
// with the names), the quorum warning sent again when the forecast recovers and falls a second
// time (once per fall, a double submission changes nothing), and paste to record with its
// confirmation step: the matches are shown to the clerk alone, nothing is recorded until Confirm,
// and a second click on Confirm records nothing twice.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { addApologiesRoster, type ApologiesRoster } from '../../support/apologies-roster.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { buttonIn, clickCard as clickPostedCard, postAgendaCard, type PostedCard, type SlackBlock } from './posted-agenda.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let roster: ApologiesRoster;
let meetingId: string;
let card: PostedCard;

type Modal = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string; element?: { type: string; initial_options?: { value: string }[] } }[] };

const user = (id: string) => ({ id, username: id, name: id, team_id: 'T0SEED' });
const command = (text: string, userId: string) => service.slack.command(slashCommand({ text, channel_id: 'CSCPB', user_id: userId, response_url: service.fake.responseUrl() }));
const checked = (on: boolean) => ({ type: 'checkboxes', selected_options: on ? [{ value: 'true' }] : [] });

function expectValid(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown) {
  const parsed = schema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

/** A click on the posted card in the channel, by this person. */
const clickCard = (label: string, userId: string) => clickPostedCard(service, card, label, userId);

/** The modal a command or click opened. */
async function openedModal(callbackId: string, open: () => Promise<unknown>): Promise<Modal> {
  await service.resetFake();
  await open();
  const opened = await service.fake.waitFor('views.open', (c) => (c.body.view as Modal).callback_id === callbackId);
  const view = opened.body.view as Modal;
  expectValid(slackModalSchema, view);
  return view;
}

const submit = (view: Modal, userId: string, values: Record<string, unknown>) =>
  service.slack.interaction(viewSubmission({ callback_id: view.callback_id, private_metadata: view.private_metadata, user: { id: userId }, values: values as never }));

async function sendApologies(userId: string): Promise<void> {
  const view = await openedModal('apologies.send', () => clickCard('Send apologies', userId));
  const res = await submit(view, userId, { substitute: { type: 'static_select', selected_option: null } });
  expect(res.body).toEqual({ response_action: 'clear' });
  await service.fake.waitFor('chat.postEphemeral', (c: RecordedCall) => c.body.user === userId && JSON.stringify(c.body).includes('are recorded'));
}

const warningsQueued = () => service.db.prisma.outboxMessage.count({ where: { template: 'apologies.quorum-warning' } });

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  roster = await addApologiesRoster(service.db.prisma, seed);
  ({ meetingId, card } = await postAgendaCard(service, seed.clerk.slackUserId));
});
afterAll(async () => {
  await service?.stop();
});

describe('apologies settings and the paste confirmation on Slack', () => {
  it('names are off by default; the clerk ticks them on in the settings modal and the posted card is updated in place with them', async () => {
    await sendApologies(seed.member.slackUserId);
    const counted = await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('Replies: 1 apology'));
    expect(JSON.stringify(counted.body.blocks)).not.toContain('Richard Norfolk');

    const view = await openedModal('apologies.settings', () => command('apologies settings', seed.clerk.slackUserId));
    // As the board has it: names off, named substitutes counting.
    const initial = Object.fromEntries(view.blocks.filter((b) => b.block_id).map((b) => [b.block_id, (b.element?.initial_options ?? []).map((o) => o.value)]));
    expect(initial).toEqual({ showNames: [], namedSubstitutesCount: ['true'] });
    // A member cannot open it.
    await service.resetFake();
    const url = service.fake.responseUrl();
    await service.slack.command(slashCommand({ text: 'apologies settings', channel_id: 'CSCPB', user_id: seed.member.slackUserId, response_url: url }));
    const refusal = await eventually(async () => service.fake.responses(url)[0]);
    expect(JSON.stringify(refusal.body)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');

    const res = await submit(view, seed.clerk.slackUserId, { showNames: checked(true), namedSubstitutesCount: checked(true) });
    expect(res.body).toEqual({ response_action: 'clear' });
    await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === seed.clerk.slackUserId && JSON.stringify(c.body).includes('names who sent apologies'));
    const named = await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('Apologies: Richard Norfolk'));
    expect(named.body).toMatchObject({ channel: 'CSCPB', ts: card.ts });
    expectValid(slackMessageSchema, { text: named.body.text, blocks: named.body.blocks });
  });

  it('the quorum warning comes again after the forecast recovers and falls a second time, once per fall', async () => {
    await sendApologies(roster.fire.slackUserId); // 5 count: 2 apologies → 3, at the quorum
    await eventually(async () => ((await warningsQueued()) === 2 ? true : undefined));
    // Delivered before the fake forgets its calls (resetFake): the direct messages counted below are the second fall's.
    await service.resetFake();
    // Steve Leader will attend after all: 4 expected, recovered.
    await clickCard('I\u2019ll attend', roster.fire.slackUserId);
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('down as attending'));
    await eventually(async () => ((await service.db.prisma.quorumWarning.findFirst({ where: { meetingId, recoveredAt: { not: null } } })) ? true : undefined));
    expect(await warningsQueued()).toBe(2);
    // He sends apologies again: a new fall, a new warning to the clerk and the chair.
    const view = await openedModal('apologies.send', () => clickCard('Send apologies', roster.fire.slackUserId));
    await submit(view, roster.fire.slackUserId, {});
    await submit(view, roster.fire.slackUserId, {}); // a double submission
    const sent = await eventually(async () => {
      const rows = await service.db.prisma.outboxMessage.findMany({ where: { template: 'apologies.quorum-warning', status: 'sent' }, orderBy: { createdAt: 'asc' } });
      return rows.length >= 4 ? rows : undefined;
    });
    expect(sent).toHaveLength(4);
    expect(sent.slice(2).map((w) => w.targetId).sort()).toEqual([seed.clerk.slackUserId, seed.chair.slackUserId].sort());
    // Two direct messages since the form was opened (one each), saying where the forecast stands.
    // Counted as they arrived (HTTP 200: a call the fake refused with a 429 posted nothing), and
    // waited for until there are two, then compared: a third would fail here, naming itself.
    const arrived = () => service.fake.calls('chat.postMessage').filter((c) => c.status === 200 && JSON.stringify(c.body.blocks ?? '').includes('Quorum at risk'));
    await eventually(async () => (arrived().length >= 2 ? true : undefined));
    const dms = arrived();
    expect(dms).toHaveLength(2);
    for (const dm of dms) expect(JSON.stringify(dm.body.blocks)).toContain('3 of 5 members who count are expected, at the quorum of 3');
    await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('Apologies: Richard Norfolk, Steve Leader'));
    expect(await warningsQueued()).toBe(4);
  });

  it('paste to record: the matches and the unmatched names shown to the clerk alone, an unmatched name chosen in a modal, recorded only on Confirm, once', async () => {
    const view = await openedModal('apologies.paste', () => command('apologies paste', seed.clerk.slackUserId));
    const res = await submit(view, seed.clerk.slackUserId, { text: { type: 'plain_text_input', value: 'Apologies were received from Chief Inspector Mark Strugnell and Ms Jane Nobody.' } });
    expect(res.body).toEqual({ response_action: 'clear' });
    const preview = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === seed.clerk.slackUserId && JSON.stringify(c.body).includes('Check before recording'));
    expectValid(slackMessageSchema, { text: preview.body.text, blocks: preview.body.blocks });
    const shown = JSON.stringify(preview.body.blocks);
    expect(shown).toContain('Chief Inspector Mark Strugnell');
    expect(shown).toContain('Not matched: 1 to resolve');
    expect(shown).toContain('Ms Jane Nobody');
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId, memberId: roster.colleague.id } })).toBe(0);

    // The clerk says who "Ms Jane Nobody" is, in a modal opened from the preview.
    const choose = buttonIn(preview.body.blocks as SlackBlock[], 'Choose who the unmatched names are');
    const resolveView = await openedModal('apologies.paste.resolve', () =>
      service.slack.interaction(
        blockActions({
          user: user(seed.clerk.slackUserId),
          container: { type: 'message', message_ts: '3.2', channel_id: 'CSCPB', is_ephemeral: true },
          response_url: service.fake.responseUrl(),
          actions: [choose],
        }),
      ),
    );
    expect(resolveView.blocks.some((b) => b.block_id === 'who_0')).toBe(true);
    const resolved = await submit(resolveView, seed.clerk.slackUserId, { who_0: { type: 'static_select', selected_option: { value: roster.deputy.id, text: { type: 'plain_text', text: 'Ms Lynne Abram' } } } });
    expect(resolved.body).toEqual({ response_action: 'clear' });
    const second = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === seed.clerk.slackUserId && JSON.stringify(c.body).includes('Confirm and record 2'));
    expect(JSON.stringify(second.body.blocks)).not.toContain('Not matched');
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId, memberId: { in: [roster.colleague.id, roster.deputy.id] } } })).toBe(0);

    const confirm = buttonIn(second.body.blocks as SlackBlock[], 'Confirm and record 2');
    const click = () =>
      service.slack.interaction(
        blockActions({
          user: user(seed.clerk.slackUserId),
          container: { type: 'message', message_ts: '3.3', channel_id: 'CSCPB', is_ephemeral: true },
          response_url: service.fake.responseUrl(),
          actions: [confirm],
        }),
      );
    await click();
    const recorded = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Recorded as apologies'));
    // The preview is replaced in place, saying how the chosen name was written.
    expect(recorded.body).toMatchObject({ response_type: 'ephemeral', replace_original: true });
    expect(JSON.stringify(recorded.body)).toContain('Written as \\"Ms Jane Nobody\\"');
    expect(await service.db.prisma.meetingReply.findFirst({ where: { meetingId, memberId: roster.colleague.id } })).toMatchObject({ reply: 'apologies', recordedVia: 'minutes' });
    expect(await service.db.prisma.meetingReply.findFirst({ where: { meetingId, memberId: roster.deputy.id } })).toMatchObject({ reply: 'apologies', recordedVia: 'minutes' });
    await click();
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Already recorded'));
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId } })).toBe(4);
    await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('Apologies: Richard Norfolk, Steve Leader, Chief Inspector Mark Strugnell, Ms Lynne Abram'));
  });
});
