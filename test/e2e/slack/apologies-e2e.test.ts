// Apologies on Slack, end to end through the real service: a member clicks "Send apologies" on the
// posted agenda card, fills in the modal (the standing deputy pre-filled), and gets a confirmation
// only they see; the card's counts are updated in place; a double submission changes nothing; the
// clerk and chair are warned once when the quorum is at risk; the clerk's list chases the rest
// once, and the minutes paragraph is ready to paste. A stranger is refused, saying whom to ask.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { addApologiesRoster, type ApologiesRoster } from '../../support/apologies-roster.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { appHomeOpened, blockActions, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { buttonIn, clickCard as clickPostedCard, postAgendaCard, type PostedCard, type SlackBlock } from './posted-agenda.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let roster: ApologiesRoster;
let meetingId: string;
let card: PostedCard;

type Modal = { callback_id: string; private_metadata: string; blocks: { type: string; block_id?: string; element?: { initial_option?: { value: string }; options?: { value: string; text: { text: string } }[] } }[] };

const user = (id: string) => ({ id, username: id, name: id, team_id: 'T0SEED' });
/** A command's answer: acknowledged at once, then sent to the command's response_url. */
async function commandAnswer(text: string, userId: string): Promise<{ body: Record<string, unknown> }> {
  const url = service.fake.responseUrl();
  await service.slack.command(slashCommand({ text, channel_id: 'CSCPB', user_id: userId, response_url: url }));
  const [answer] = await eventually(async () => (service.fake.responses(url).length > 0 ? service.fake.responses(url) : undefined));
  return { body: answer?.body ?? {} };
}

function expectValid(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown) {
  const parsed = schema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

/** A click on the posted card in the channel, by this person. */
const clickCard = (label: string, userId: string) => clickPostedCard(service, card, label, userId);

async function openedApologyForm(userId: string): Promise<Modal> {
  await service.resetFake();
  const res = await clickCard('Send apologies', userId);
  expect(res.status).toBe(200);
  const opened = await service.fake.waitFor('views.open');
  const view = opened.body.view as Modal;
  expectValid(slackModalSchema, view);
  expect(view.callback_id).toBe('apologies.send');
  return view;
}

const submitApology = (view: Modal, userId: string, values: Record<string, unknown>) =>
  service.slack.interaction(viewSubmission({ callback_id: 'apologies.send', private_metadata: view.private_metadata, user: { id: userId }, values: values as never }));

const sentOf = (template: string) => service.db.prisma.outboxMessage.findMany({ where: { template, status: 'sent' } });
const ephemeralTo = (userId: string, text: string) => service.fake.waitFor('chat.postEphemeral', (c: RecordedCall) => c.body.user === userId && JSON.stringify(c.body).includes(text));

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  roster = await addApologiesRoster(service.db.prisma, seed);
  await service.db.prisma.member.update({ where: { id: seed.member.id }, data: { title: 'Borough Commander' } });
  // The clerk creates the meeting and posts the agenda, as on any Friday.
  ({ meetingId, card } = await postAgendaCard(service, seed.clerk.slackUserId));
});
afterAll(async () => {
  await service?.stop();
});

describe('apologies on Slack', () => {
  it('the posted card carries "Send apologies" and "I\u2019ll attend"', () => {
    const labels = card.blocks.flatMap((b) => b.elements ?? []).map((e) => e.text?.text);
    expect(labels).toEqual(expect.arrayContaining(['Send apologies', 'I\u2019ll attend']));
    expect(JSON.stringify(card.blocks)).toContain('Replies: 0 apologies, 0 attending');
  });

  it('click, form with the deputy pre-filled, confirmation only the member sees, card updated in place; a double submission changes nothing', async () => {
    const view = await openedApologyForm(seed.member.slackUserId);
    const substitute = view.blocks.find((b) => b.block_id === 'substitute')?.element;
    expect(substitute?.initial_option?.value).toBe(roster.deputy.id);
    expect(substitute?.options?.map((o) => o.text.text)).toContain('Ms Lynne Abram (standing deputy)');

    const values = { reason: { type: 'plain_text_input', value: 'On leave' }, substitute: { type: 'static_select', selected_option: { value: roster.deputy.id, text: { type: 'plain_text', text: 'Ms Lynne Abram' } } } };
    const submitted = await submitApology(view, seed.member.slackUserId, values);
    expect(submitted.body).toEqual({ response_action: 'clear' });
    const confirmation = await ephemeralTo(seed.member.slackUserId, 'apologies for the meeting of Fri 25 Jan 2030, 10:00 are recorded, with Ms Lynne Abram substituting');
    expect(confirmation.body.channel).toBe('CSCPB');
    expectValid(slackMessageSchema, { text: confirmation.body.text, blocks: confirmation.body.blocks });

    const updated = await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('Replies: 1 apology'));
    expect(updated.body).toMatchObject({ channel: 'CSCPB', ts: card.ts });
    expect(JSON.stringify(updated.body.blocks)).not.toContain('Richard Norfolk');
    expectValid(slackMessageSchema, { text: updated.body.text, blocks: updated.body.blocks });

    // The same form sent again (a second click on Submit): nothing new, no second card update.
    await submitApology(view, seed.member.slackUserId, values);
    await ephemeralTo(seed.member.slackUserId, 'no change: that was already recorded');
    expect(await service.db.prisma.meetingReply.count()).toBe(1);
    expect(service.fake.calls('chat.update')).toHaveLength(1);
  });

  it('the member sees their own reply on the App Home tab, with buttons to change it', async () => {
    await service.resetFake();
    await service.slack.event(appHomeOpened({ user: seed.member.slackUserId }));
    const published = await service.fake.waitFor('views.publish', (c) => c.body.user_id === seed.member.slackUserId);
    const home = JSON.stringify(published.body.view);
    expect(home).toContain('Your reply: apologies (Ms Lynne Abram substituting)');
    expect(home).toContain('"action_id":"apologies.attend"');
    expect(home).toContain('"action_id":"apologies.withdraw"');
  });

  it('"I\u2019ll attend" answers the clicker alone and updates the count', async () => {
    await service.resetFake();
    await clickCard('I\u2019ll attend', seed.chair.slackUserId);
    const answer = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('down as attending'));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', replace_original: false });
    await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('1 apology, 1 attending'));
  });

  it('warns the clerk and chair once when the forecast falls to the quorum, however many apologies follow', async () => {
    for (const person of [roster.fire, roster.colleague]) {
      const view = await openedApologyForm(person.slackUserId);
      await submitApology(view, person.slackUserId, { substitute: { type: 'static_select', selected_option: null } });
    }
    // 5 count: 3 apologies, 1 deputy substituting → 3 expected, at the quorum of 3.
    const warnings = await eventually(async () => {
      const sent = await sentOf('apologies.quorum-warning');
      return sent.length === 2 ? sent : undefined;
    });
    expect(warnings.map((w) => w.targetId).sort()).toEqual([seed.clerk.slackUserId, seed.chair.slackUserId].sort());
    const dm = await service.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.body.blocks ?? '').includes('Quorum at risk'));
    expect(JSON.stringify(dm.body.blocks)).toContain('3 of 5 members who count are expected, at the quorum of 3');
    // The chair changes their reply to apologies: below the quorum now, but no second warning.
    const view = await openedApologyForm(seed.chair.slackUserId);
    await submitApology(view, seed.chair.slackUserId, {});
    await ephemeralTo(seed.chair.slackUserId, 'apologies for the meeting');
    await service.fake.waitFor('chat.update', (c) => JSON.stringify(c.body.blocks).includes('4 apologies, 0 attending'));
    expect(await service.db.prisma.outboxMessage.count({ where: { template: 'apologies.quorum-warning' } })).toBe(2);
  });

  it('the clerk\u2019s list with names and the forecast; "Chase the rest" chases each non-replier once', async () => {
    await service.resetFake();
    const list = await commandAnswer('apologies list', seed.clerk.slackUserId);
    const shown = JSON.stringify(list.body);
    expect(shown).toContain('Richard Norfolk');
    expect(shown).toContain('Reason: On leave');
    expect(shown).toContain('below the quorum');
    const blocks = (list.body as { blocks: SlackBlock[] }).blocks;
    const chase = buttonIn(blocks, 'Chase the rest');
    const click = () =>
      service.slack.interaction(
        blockActions({
          user: user(seed.clerk.slackUserId),
          container: { type: 'message', message_ts: '2.2', channel_id: 'CSCPB', is_ephemeral: true },
          response_url: service.fake.responseUrl(),
          actions: [chase],
        }),
      );
    await click();
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Chased 1 member who had not replied'));
    // The standing deputy is the only one who has not replied (the clerk asked).
    const chased = await eventually(async () => {
      const sent = await sentOf('apologies.chase');
      return sent.length === 1 ? sent : undefined;
    });
    expect(chased[0]?.targetId).toBe(roster.deputy.slackUserId);
    await click();
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('nobody was chased twice'));
    expect(await service.db.prisma.outboxMessage.count({ where: { template: 'apologies.chase' } })).toBe(1);
  });

  it('the paragraph for the minutes, ready to paste', async () => {
    const res = await commandAnswer('apologies minutes titles', seed.clerk.slackUserId);
    // In the order the replies came; three or more with titles are kept apart by semicolons.
    expect(JSON.stringify(res.body)).toContain(
      'Apologies were received from Richard Norfolk, Borough Commander, Metropolitan Police Service (Ms Abram was substituting); Cllr Krishna Suresh, Chair, London Borough of Harrow; Steve Leader of London Fire Brigade; and Chief Inspector Mark Strugnell of Metropolitan Police Service.',
    );
    expect(JSON.stringify(res.body)).toContain('"action_id":"apologies.minutes"');
  });

  it('refuses a stranger, saying whom to ask, and changes nothing', async () => {
    await service.resetFake();
    await clickCard('I\u2019ll attend', roster.stranger.slackUserId);
    const refusal = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('not on the roster'));
    expect(JSON.stringify(refusal.body)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair)');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId } })).toBe(4);
  });
});
