// The roster on Slack, end to end through signed requests: "members" answered privately (an
// ephemeral answer to the person who asked), and refusals that name who can help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { settled, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  await service.db.prisma.organisation.updateMany({ where: { boardId: seed.boardId, name: 'Metropolitan Police Service' }, data: { shortName: 'Met Police' } });
  await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Kiran Vagarwal', title: 'Strategic Lead', role: 'adviser', countsTowardsQuorum: false } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

// Every command is acked empty; its answer arrives through its response_url.
const command = (text: string, user: string) => service.ask(slashCommand({ text, channel_id: 'CSCPB', user_id: user }));

/** The private answer (chat.postEphemeral, after the modal closed) to a form `user` sent, containing `text`. */
const privateAnswer = async (user: string, text: string) =>
  JSON.stringify((await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === user && JSON.stringify(c.body).includes(text))).body);

describe('members on Slack', () => {
  it('shows the roster by organisation to a member, privately', async () => {
    const res = await command('members', seed.member.slackUserId);
    expect(res.ack.status).toBe(200);
    const body = res.body as { response_type?: string; text: string; blocks: unknown[] };
    expect(body.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(slackMessageSchema.safeParse({ text: body.text, blocks: body.blocks }).success).toBe(true);
    const shown = JSON.stringify(body.blocks);
    expect(shown).toContain('Members of Safer Communities Partnership Board');
    expect(shown).toContain('*Metropolitan Police Service*');
    expect(shown).toContain('*Richard Norfolk*, Borough Commander');
    expect(shown).toContain('*Alex Dewsnap*, Governance Officer \u00b7 clerk');
    expect(shown).toContain('*Kiran Vagarwal*, Strategic Lead \u00b7 adviser (also attends) \u00b7 not counted for quorum \u00b7 not linked');
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('names the clerk and the chair when refusing', async () => {
    const stranger = await command('members', 'U0NEWCOMER');
    expect(JSON.stringify(stranger.body)).toContain('If you are on the board, ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to add you.');
    const member = await command('meeting new', seed.member.slackUserId);
    expect(JSON.stringify(member.body)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
    expect(service.fake.calls('views.open')).toEqual([]);
  });
});

interface OpenedView {
  callback_id: string;
  private_metadata: string;
  blocks: { type: string; block_id?: string; element?: { type: string; options?: { text: { text: string }; value: string }[]; initial_user?: string; initial_value?: string; initial_option?: { value: string } } }[];
}

async function openedModal(text: string, user = seed.clerk.slackUserId): Promise<OpenedView> {
  const ack = await service.slack.command(slashCommand({ text, channel_id: 'CSCPB', user_id: user, response_url: service.fake.responseUrl() }));
  expect([ack.status, ack.text]).toEqual([200, '']);
  const call = await service.fake.waitFor('views.open');
  const parsed = slackModalSchema.safeParse(call.body.view);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
  return call.body.view as OpenedView;
}

const submit = (view: OpenedView, values: Parameters<typeof viewSubmission>[0]['values'], user = seed.clerk.slackUserId) =>
  service.slack.interaction(viewSubmission({ callback_id: view.callback_id, private_metadata: view.private_metadata, user: { id: user }, values }));

const people = (...ids: string[]) => ({ type: 'multi_users_select', selected_users: ids }) as never;
const choices = (...ids: string[]) => ({ type: 'multi_static_select', selected_options: ids.map((value) => ({ value })) }) as never;
const choice = (value: string) => ({ type: 'static_select', selected_option: { value } }) as never;
const checked = (on: boolean) => ({ type: 'checkboxes', selected_options: on ? [{ value: 'true' }] : [] }) as never;

describe('changing the roster on Slack', () => {
  beforeEach(() => {
    service.fake.addUser({ id: 'U0SAM', name: 'sam.patel', realName: 'Sam Patel', email: 'Sam.Patel@met.police.example' });
    service.fake.addUser({ id: 'U0PAT', name: 'pat.lee', realName: 'Pat Lee' });
    service.fake.addUser({ id: 'U0JO', name: 'jo.king', realName: 'Jo King' });
    service.fake.setChannelMembers('CSCPB', [seed.clerk.slackUserId, 'U0PAT', 'UBOT', 'U0JO']);
  });

  it('adds people picked in the modal and from the channel\'s members, once each however often it is sent', async () => {
    const view = await openedModal('members add');
    expect(view.callback_id).toBe('members.add');
    const picker = view.blocks.find((b) => b.block_id === 'people');
    expect(picker?.element?.type).toBe('multi_users_select');
    const channel = view.blocks.find((b) => b.block_id === 'fromChannel');
    // The channel's members not on the roster yet (not the clerk, not the bot).
    expect(channel?.element?.options?.map((o) => [o.text.text, o.value])).toEqual([
      ['Pat Lee', 'U0PAT'],
      ['Jo King', 'U0JO'],
    ]);
    expect(service.fake.calls('conversations.members')[0]?.status).toBe(200);

    const values = { people: people('U0SAM'), fromChannel: choices('U0PAT'), organisation: 'Met Police', title: 'Inspector', role: choice('member') };
    const [first, second] = await Promise.all([submit(view, values), submit(view, values)]);
    expect(first.body).toEqual({ response_action: 'clear' });
    expect(second.body).toEqual({ response_action: 'clear' });
    await service.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.body.blocks).includes('Already on the board'));
    await service.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.body.blocks).includes('Added Sam Patel and Pat Lee.'));
    const answers = service.fake.calls('chat.postEphemeral').map((c) => JSON.stringify(c.body.blocks));
    expect(answers, answers.join('\n')).toHaveLength(2);
    expect(answers.some((a) => a.includes('Added Sam Patel and Pat Lee.'))).toBe(true);
    expect(answers.some((a) => a.includes('Already on the board: Sam Patel and Pat Lee.'))).toBe(true);
    const added = await service.db.prisma.member.findMany({ where: { boardId: seed.boardId, slackUserId: { in: ['U0SAM', 'U0PAT'] } }, include: { organisation: true } });
    expect(added.map((m) => [m.name, m.title, m.organisation?.name, m.email, m.slackTeamId]).sort()).toEqual([
      ['Pat Lee', 'Inspector', 'Metropolitan Police Service', null, 'T0SEED'],
      ['Sam Patel', 'Inspector', 'Metropolitan Police Service', 'sam.patel@met.police.example', 'T0SEED'],
    ]);
  });

  it('refuses nobody chosen on the field, an unknown user and a member who is not a clerk privately, changing nothing', async () => {
    const view = await openedModal('members add');
    const before = await service.db.prisma.member.count();
    // Nobody chosen needs no database: refused in the ack, under its field, the modal still open.
    const none = await submit(view, { role: choice('member') });
    expect(none.body).toEqual({ response_action: 'errors', errors: { people: 'Choose at least one person, here or from the channel\u2019s members.' } });
    // Whether Slack knows the person, and whether the sender is a clerk, are known only after the
    // ack (which closes the modal): the refusal, with the field's problem, comes privately.
    const bad = await submit(view, { people: people('U0GHOST'), role: choice('member') });
    expect(bad.body).toEqual({ response_action: 'clear' });
    expect(await privateAnswer(seed.clerk.slackUserId, 'One person chosen is not known to Slack (U0GHOST). Choose again.')).toContain('CSCPB');
    const notClerk = await submit(view, { people: people('U0JO'), role: choice('member') }, seed.member.slackUserId);
    expect(notClerk.body).toEqual({ response_action: 'clear' });
    await privateAnswer(seed.member.slackUserId, 'Only the clerk or the chair of Safer Communities Partnership Board can do that. Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
    const refused = await command('members add', seed.member.slackUserId);
    expect(JSON.stringify(refused.body)).toContain('Only the clerk or the chair');
    expect(service.fake.calls('views.open')).toHaveLength(1);
    expect(await service.db.prisma.member.count()).toBe(before);
  });

  it('uses only the scopes the manifest grants: without them the form still opens and says why', async () => {
    service.fake.scopes.delete('channels:read');
    service.fake.scopes.delete('groups:read');
    try {
      const view = await openedModal('members add');
      expect(JSON.stringify(view.blocks)).toContain('lacks a permission');
      expect(service.fake.calls('conversations.members')[0]?.status).toBe(200);
    } finally {
      service.fake.scopes.add('channels:read');
      service.fake.scopes.add('groups:read');
    }
  });

  it('edits someone with the form: board role, deputy, quorum and figures flags; a taken email is refused, naming the field\u2019s problem', async () => {
    const view = await openedModal('members edit richard');
    expect(view.callback_id).toBe('members.edit');
    expect(view.blocks.find((b) => b.block_id === 'name')?.element?.initial_value).toBe('Richard Norfolk');
    const kiran = await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Kiran Vagarwal' } });
    const base = { name: 'Richard Norfolk', title: 'Borough Commander', organisation: 'Metropolitan Police Service', role: choice('member'), boardRole: choice('vice-chair'), deputy: choice(kiran.id), countsTowardsQuorum: checked(true), submitsFigures: checked(true) };
    // A taken email is known only to the database: after the ack, the refusal names the field's problem privately.
    const taken = await submit(view, { ...base, email: 'alex.dewsnap@example.org' });
    expect(taken.body).toEqual({ response_action: 'clear' });
    await privateAnswer(seed.clerk.slackUserId, 'Another person on the roster has alex.dewsnap@example.org.');
    expect((await service.db.prisma.member.findUniqueOrThrow({ where: { id: seed.member.id } })).email).not.toBe('alex.dewsnap@example.org');
    const saved = await submit(view, { ...base, email: 'richard.norfolk@met.police.example' });
    expect(saved.body).toEqual({ response_action: 'clear' });
    await settled(async () => (await service.db.prisma.member.findUniqueOrThrow({ where: { id: seed.member.id } })).email === 'richard.norfolk@met.police.example', 'the edit saved');
    const richard = await service.db.prisma.member.findUniqueOrThrow({ where: { id: seed.member.id }, include: { roles: true } });
    expect(richard).toMatchObject({ standingDeputyId: kiran.id, submitsFigures: true, countsTowardsQuorum: true, email: 'richard.norfolk@met.police.example' });
    expect(richard.roles.map((r) => r.role)).toEqual(['vice_chair']);
  });

  it('removes someone after the clerk confirms; their row (history) stays, and a second click changes nothing', async () => {
    const ask = await command('members remove pat lee', seed.clerk.slackUserId);
    const shown = JSON.stringify(ask.body);
    expect(shown).toContain('Remove *Pat Lee, Inspector* from Safer Communities Partnership Board?');
    const pat = await service.db.prisma.member.findFirstOrThrow({ where: { slackUserId: 'U0PAT' } });
    expect(shown).toContain(JSON.stringify({ memberId: pat.id }).replace(/"/g, '\\"'));
    const click = (user: string) =>
      service.slack.interaction(
        blockActions({
          user: { id: user, username: 'x', name: 'x', team_id: 'T0SEED' },
          container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
          response_url: service.fake.responseUrl(),
          actions: [button({ action_id: 'members.remove', value: JSON.stringify({ memberId: pat.id }) })],
        }),
      );
    // Richard Norfolk is vice-chair now (edited above), who may; Sam Patel is a member, who may not.
    await click('U0SAM');
    const refused = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Only the clerk or the chair')).catch(() => {
      throw new Error(`responses: ${JSON.stringify(service.fake.responses())}`);
    });
    expect(refused).toBeDefined();
    expect((await service.db.prisma.member.findUniqueOrThrow({ where: { id: pat.id } })).active).toBe(true);
    await click(seed.clerk.slackUserId);
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Pat Lee is no longer on Safer Communities Partnership Board'));
    await click(seed.clerk.slackUserId);
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Pat Lee was already removed'));
    expect(await service.db.prisma.member.findUniqueOrThrow({ where: { id: pat.id } })).toMatchObject({ active: false, name: 'Pat Lee' });
    const roster = JSON.stringify((await command('members', seed.member.slackUserId)).body);
    expect(roster).not.toContain('Pat Lee');
  });

  it('links people on the roster to their Slack account by email (users.lookupByEmail, a scope the manifest grants)', async () => {
    await service.db.prisma.member.updateMany({ where: { name: 'Kiran Vagarwal' }, data: { email: 'kiran.vagarwal@harrow.example' } });
    await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Nobody Online', email: 'nobody@harrow.example' } });
    service.fake.addUser({ id: 'U0KIRAN', name: 'kiran', realName: 'Kiran V', email: 'Kiran.Vagarwal@harrow.example' });
    const refused = await command('members link', 'U0SAM');
    expect(JSON.stringify(refused.body)).toContain('Only the clerk or the chair');
    expect(service.fake.calls('users.lookupByEmail')).toEqual([]);
    const res = await command('members link', seed.clerk.slackUserId);
    const shown = JSON.stringify(res.body);
    expect(shown).toContain('Linked on Slack by email: Kiran Vagarwal.');
    expect(shown).toContain('No Slack account has the email of Nobody Online.');
    expect(service.fake.calls('users.lookupByEmail').every((c) => c.status === 200)).toBe(true);
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Kiran Vagarwal' } })).toMatchObject({ slackUserId: 'U0KIRAN', slackTeamId: 'T0SEED' });
  });
});
