// Teams has no private replies in channels: what the bot says for one person (forms, previews,
// clerk-only results, refusals) goes to that person's own chat, with one line in the channel saying
// so, or is an invoke response only the clicker sees. End to end through the real service with Bot
// Framework authentication on; the fake Bot Connector records every activity, so the tests read
// exactly what each conversation was sent.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ORIGIN_NOT_MEMBER, ORIGIN_UNCHECKED } from '../../../adapters/teams/card-actions.ts';
import { pointerText } from '../../../adapters/teams/answer.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS, type TeamsActivity } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let exempt: { number: string; id: string };
let meetingId: string;

const CHANNEL = TEAMS_DEFAULTS.channel.id;
const GROUP = TEAMS_DEFAULTS.groupChatId;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
interface Person {
  id: string;
  name: string;
  aadObjectId: string;
}
const ALEX: Person = { ...TEAMS_DEFAULTS.user };
const STRANGER: Person = { id: '29:1stranger', name: 'Sam Stranger', aadObjectId: '7f0e2b1c-0000-4000-8000-00000000beef' };
/** What only the clerk may read: the exempt item's title and sub-points. */
const SECRETS = ['CCTV maintenance', 'tender prices', 'Site visit', 'licensing appeal'];

const SENT = 'I\u2019ve sent that to you in our chat, Alex Dewsnap.';

const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send' || c.route === 'update') && c.status < 300;
/** Everything sent into a channel of the team (its threads too) or the group chat. */
const sharedCalls = () => service.fake.calls().filter((c) => posted(c) && [CHANNEL, TEAMS_DEFAULTS.team.id, GROUP].some((id) => c.conversationId?.startsWith(id)));
const callsIn = (conversationId: string) => service.fake.calls().filter((c) => posted(c) && c.conversationId === conversationId);

function expectNothingPrivate(calls: ConnectorCall[]) {
  for (const call of calls) {
    const shown = JSON.stringify(call.body);
    for (const secret of SECRETS) expect(shown, `${call.route} ${call.conversationId}`).not.toContain(secret);
    expect(shown.toLowerCase()).not.toContain('only you can see');
  }
}

async function send(activity: TeamsActivity) {
  const res = await service.teams.send(activity);
  expect(res.status).toBe(200);
  return res;
}

const typed = (text: string, place: 'channel' | 'groupChat' | 'personal' = 'channel', from = ALEX) =>
  service.teams.message({ text, place, mention: place !== 'personal', from: { ...from } });

/** A card action in the clerk's own chat (a form's submit or a button). */
async function click(verb: string, data: Record<string, unknown>, place: 'personal' | 'channel' = 'personal', extra: Partial<TeamsActivity> = {}, from = ALEX) {
  const res = await send(service.teams.cardAction({ verb, data, place, from: { ...from }, ...extra }));
  return res.body as { statusCode: number; type: string; value: unknown };
}

/** The submit button's data of the form card sent in this activity (what Teams sends back). */
function submitData(activity: ConnectorCall['body'], verb: string): Record<string, unknown> {
  const actions = adaptiveCardOf(activity).actions as { verb?: string; data?: Record<string, unknown> }[];
  const data = actions.find((a) => a.verb === verb)?.data;
  expect(data, `the form has a "${verb}" submit`).toBeDefined();
  return { ...data };
}

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  const seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: ALEX.aadObjectId } });
  await send(service.teams.botAdded({ place: 'channel' }));
  await send(service.teams.installationUpdate({ action: 'add' }));
  // The clerk builds the meeting in their own chat; one item is exempt business.
  const created = await click('meeting.create', { form: 'meeting.create', metadata: { boardId: seed.boardId }, date: '2030-01-25', time: '10:00', venue: 'Hendon Town Hall' });
  expect(JSON.stringify(created.value)).toContain('Meeting created');
  meetingId = (await service.db.prisma.meeting.findFirstOrThrow()).id;
  await click('agenda.item.add', { form: 'agenda.item.add', metadata: { meetingId }, title: 'Police Update', exempt: 'false' });
  const added = await click('agenda.item.add', {
    form: 'agenda.item.add',
    metadata: { meetingId },
    title: 'Contract award: CCTV maintenance',
    subPoints: 'Commercially sensitive: tender prices',
    exempt: 'true',
  });
  expect(added.statusCode).toBe(200);
  const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { exempt: true } });
  exempt = { number: item.number, id: item.id };
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }]);
  service.fake.setMembers(GROUP, [{ ...ALEX }]);
});

describe('a command typed in a channel or a group chat', () => {
  it('"agenda edit" of the exempt item: the form goes to the clerk\u2019s own chat, a pointer to the channel', async () => {
    const message = typed(`agenda edit ${exempt.number}`);
    await send(message);

    const [created] = service.fake.calls('createConversation');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: ALEX.id }], tenantId: TEAMS_DEFAULTS.tenantId });
    const [form] = callsIn(PERSONAL);
    const card = JSON.stringify(adaptiveCardOf(form!.body));
    expect(card).toContain('Contract award: CCTV maintenance');
    expect(card).toContain('tender prices');
    // It carries the channel it was asked in, for its submission from the personal chat.
    expect(submitData(form!.body, 'agenda.item.edit')).toMatchObject({ form: 'agenda.item.edit', origin: CHANNEL, metadata: { meetingId, itemId: exempt.id } });

    const channel = sharedCalls();
    expect(channel).toHaveLength(1);
    expect(channel[0]).toMatchObject({ route: 'reply', activityId: message.id, body: { text: SENT } });
    expect(channel[0]?.body.attachments ?? []).toEqual([]);
    expectNothingPrivate(channel);

    // The chat is remembered, so the outbox can reach the clerk there too.
    const chat = await service.db.prisma.conversationReference.findUnique({ where: { platform_conversationId: { platform: 'teams', conversationId: PERSONAL } } });
    expect(chat).toMatchObject({ kind: 'personal', userId: ALEX.aadObjectId, tenantId: TEAMS_DEFAULTS.tenantId });
  });

  it('"agenda edit" in a group chat: the same', async () => {
    await send(typed(`agenda edit ${exempt.number}`, 'groupChat'));
    expect(JSON.stringify(callsIn(PERSONAL)[0]?.body)).toContain('CCTV maintenance');
    const group = sharedCalls();
    expect(group.map((c) => [c.conversationId, c.body.text])).toEqual([[GROUP, SENT]]);
    expectNothingPrivate(group);
  });

  it.each([
    ['agenda preview', 'A preview of the agenda card as members will see it'],
    ['agenda', 'The draft agenda, as members will see it once it is posted.'],
    ['outbox', 'Safer Communities Partnership Board'],
    ['meeting new', 'Input.Date'],
    ['plan propose', 'plan.propose'],
  ])('"%s": answered in the clerk\u2019s own chat, a pointer in the channel', async (text, expected) => {
    await send(typed(text));
    const answers = callsIn(PERSONAL);
    expect(answers).toHaveLength(1);
    expect(JSON.stringify(answers[0]?.body)).toContain(expected);
    expect(sharedCalls().map((c) => c.body.text)).toEqual([SENT]);
    expectNothingPrivate(sharedCalls());
  });

  it('a refusal goes to the person refused, in their own chat', async () => {
    await send(typed(`agenda edit ${exempt.number}`, 'channel', STRANGER));
    const [created] = service.fake.calls('createConversation');
    expect(created?.body).toMatchObject({ members: [{ id: STRANGER.id }] });
    const refusal = callsIn(created!.id!);
    expect(refusal).toHaveLength(1);
    expect(refusal[0]?.body.text).toMatch(/clerk|chair/i);
    expect(sharedCalls().map((c) => c.body.text)).toEqual(['I\u2019ve sent that to you in our chat, Sam Stranger.']);
    expectNothingPrivate(sharedCalls());
  });

  it('help and a mistyped command are answered where they were typed', async () => {
    await send(typed('help'));
    await send(typed('agenda frobnicate'));
    expect(service.fake.calls('createConversation')).toEqual([]);
    const [help, mistake] = sharedCalls();
    expect(JSON.stringify(adaptiveCardOf(help!.body))).toContain('agenda edit');
    expect(mistake?.body.text).toMatch(/agenda/);
    expect(mistake?.body.attachments ?? []).toEqual([]);
    expect(callsIn(PERSONAL)).toEqual([]);
  });

  it('when the bot may not start a chat with the person, the channel says how to fix it and the answer goes nowhere', async () => {
    service.fake.failNext('createConversation', { status: 403 });
    await send(typed(`agenda edit ${exempt.number}`));
    expect(sharedCalls().map((c) => c.body.text)).toEqual([pointerText('not_installed', 'Alex Dewsnap')]);
    expect(pointerText('not_installed')).toMatch(/Add the Quorum app for yourself .* or open a chat with Quorum/);
    expect(callsIn(PERSONAL)).toEqual([]);
    expectNothingPrivate(service.fake.calls());

    // The connector client tries a 5xx again a few times before giving up (Retry-After: 0, so
    // that it tries again at once rather than after its back-off).
    service.fake.failNext('createConversation', { status: 503, retryAfter: 0 }, { times: 4 });
    await send(typed('agenda preview'));
    expect(service.fake.calls('createConversation').filter((c) => c.status === 503)).toHaveLength(4);
    expect(sharedCalls().at(-1)?.body.text).toBe(pointerText('unreachable', 'Alex Dewsnap'));
    expectNothingPrivate(service.fake.calls());
  });
});

describe('the same commands in the person\u2019s own chat', () => {
  it.each([`agenda edit {n}`, 'agenda preview', 'outbox', 'meeting new', 'agenda frobnicate', 'help'])('"%s" is answered there, with no pointer anywhere', async (command) => {
    const message = typed(command.replace('{n}', exempt.number), 'personal');
    await send(message);
    const answers = callsIn(PERSONAL);
    expect(answers).toHaveLength(1);
    expect(answers[0]).toMatchObject({ route: 'reply', activityId: message.id });
    expect(JSON.stringify(answers[0]?.body)).not.toContain(SENT);
    expect(service.fake.calls('createConversation')).toEqual([]);
    expect(sharedCalls()).toEqual([]);
  });

  it('a form from the channel keeps its origin when it comes back with errors', async () => {
    await send(typed(`agenda edit ${exempt.number}`));
    const data = submitData(callsIn(PERSONAL)[0]!.body, 'agenda.item.edit');
    const bad = await click('agenda.item.edit', { ...data, title: '' });
    expect(bad.type).toBe('application/vnd.microsoft.card.adaptive');
    const again = (bad.value as { actions: { verb: string; data: Record<string, unknown> }[] }).actions.find((a) => a.verb === 'agenda.item.edit');
    expect(again?.data.origin).toBe(CHANNEL);
  });
});

describe('a form sent from a channel to the person\u2019s own chat', () => {
  const NEW_CHANNEL = '19:new-board-channel@thread.tacv2';
  const inNewChannel = (text: string, channelId = NEW_CHANNEL) => {
    const base = typed(text);
    return { ...base, conversation: { ...base.conversation!, id: `${channelId};messageid=${base.id}` }, channelData: { ...(base.channelData as object), teamsChannelId: channelId, channel: { id: channelId } } };
  };

  it('"board setup": the board\u2019s channel is the one it was asked in, once the connector confirms the person is in it', async () => {
    await send(inNewChannel('board setup'));
    const data = submitData(callsIn(PERSONAL)[0]!.body, 'board.setup');
    expect(data.origin).toBe(NEW_CHANNEL);
    const fields = { name: 'Harrow Health and Wellbeing Board', slug: 'hwb', timezone: 'Europe/London', quorum: '4' };

    // Not (or no longer) a member of that channel: refused, nothing made.
    const refused = await click('board.setup', { ...data, ...fields });
    expect(refused).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: ORIGIN_NOT_MEMBER });
    expect(service.fake.calls('member')[0]).toMatchObject({ conversationId: NEW_CHANNEL, userId: ALEX.id });
    // The connector could not be asked: refused too.
    service.fake.setMembers(NEW_CHANNEL, [{ ...ALEX }]);
    service.fake.failNext('member', { status: 503, retryAfter: 0 }, { times: 4 });
    expect((await click('board.setup', { ...data, ...fields })).value).toBe(ORIGIN_UNCHECKED);
    expect(service.fake.calls('member').filter((c) => c.status === 503)).toHaveLength(4);
    expect(await service.db.prisma.board.findUnique({ where: { slug: 'hwb' } })).toBeNull();

    const made = await click('board.setup', { ...data, ...fields });
    expect(JSON.stringify(made.value)).toContain('with this channel as its board channel');
    expect(await service.db.prisma.board.findUniqueOrThrow({ where: { slug: 'hwb' } })).toMatchObject({ teamsChannelId: NEW_CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
    expect(service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(NEW_CHANNEL)).map((c) => c.body.text)).toEqual([SENT]);
  });

  it('an origin edited to name another channel is believed only if the person is in that one', async () => {
    await send(inNewChannel('board setup', '19:another-new-channel@thread.tacv2'));
    const data = submitData(callsIn(PERSONAL)[0]!.body, 'board.setup');
    const forged = await click('board.setup', { ...data, origin: '19:someone-elses-channel@thread.tacv2', name: 'Impostor Board', slug: 'impostor' });
    expect(forged.value).toBe(ORIGIN_NOT_MEMBER);
    expect(await service.db.prisma.board.findUnique({ where: { slug: 'impostor' } })).toBeNull();
  });
});

describe('a card button clicked in a channel', () => {
  async function postedAgendaId(): Promise<string> {
    const row = await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } });
    if (row?.sentMessageId) return row.sentMessageId;
    await send(typed('agenda post'));
    await expect.poll(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } }))?.sentMessageId, { timeout: 8_000 }).toBeTruthy();
    return (await service.db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.card', status: 'sent' } })).sentMessageId as string;
  }

  it('answers the clicker alone: its card goes to their own chat, nothing is posted and the shared card is not replaced', async () => {
    const cardId = await postedAgendaId();
    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const body = await click('agenda.post', { meetingId }, 'channel', { replyToId: cardId });
    expect(body).toEqual({ statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: SENT });
    expect(JSON.stringify(callsIn(PERSONAL)[0]?.body)).toContain('already posted');
    expect(service.fake.calls('update')).toEqual([]);
    expect(sharedCalls()).toEqual([]);
  });

  it('a refusal is a message only the clicker sees', async () => {
    const cardId = await postedAgendaId();
    await service.resetFake();
    const body = await click('agenda.post', { meetingId }, 'channel', { replyToId: cardId }, STRANGER);
    expect(body.type).toBe('application/vnd.microsoft.activity.message');
    expect(body.value).toMatch(/clerk|chair/i);
    expect(service.fake.calls().filter(posted)).toEqual([]);
  });
});

describe('a whole session in the board\u2019s channel and a group chat', () => {
  const outboxIdle = () =>
    expect.poll(async () => service.db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } }), { timeout: 15_000, interval: 100 }).toBe(0);

  /** The form a command typed in the channel sent to the clerk's own chat, as its submit sends it back. */
  async function formFromChannel(text: string, verb: string) {
    const before = callsIn(PERSONAL).length;
    await send(typed(text));
    const sent = callsIn(PERSONAL)[before];
    expect(sent, `"${text}" sent a form to the clerk's own chat`).toBeDefined();
    return submitData(sent!.body, verb);
  }

  it('sends no exempt business, and no "only you can see", into any of them', async () => {
    const say = (text: string, place: 'channel' | 'groupChat' = 'channel', from = ALEX) => send(typed(text, place, from));
    const clicked: { statusCode: number; type: string; value: unknown }[] = [];

    for (const text of ['help', 'agenda', 'agenda preview', `agenda edit ${exempt.number}`, 'agenda add', 'agenda paste', 'outbox', 'meetings', 'meeting new', 'meeting edit', 'plan', 'plan propose', 'board reminders', 'agenda frobnicate']) {
      await say(text);
    }
    for (const text of [`agenda edit ${exempt.number}`, 'agenda preview', 'agenda']) await say(text, 'groupChat');
    for (const text of [`agenda edit ${exempt.number}`, 'agenda', 'agenda post', 'outbox']) await say(text, 'channel', STRANGER);

    // The agenda goes out; then the clerk changes the exempt business through forms asked for in
    // the channel and filled in in their own chat: the posted card is updated, a notice follows.
    await say('agenda post');
    await outboxIdle();
    const edit = await formFromChannel(`agenda edit ${exempt.number}`, 'agenda.item.edit');
    const edited = await click('agenda.item.edit', { ...edit, subPoints: 'Commercially sensitive: tender prices\nSite visit on 12 January' });
    expect(JSON.stringify(edited.value)).toContain('Site visit');
    const add = await formFromChannel('agenda add', 'agenda.item.add');
    await click('agenda.item.add', { ...add, title: 'Legal advice: licensing appeal', exempt: 'true' });
    const added = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { title: 'Legal advice: licensing appeal' } });
    await say(`agenda move ${added.number} to 5`);
    await say('agenda remind');
    await outboxIdle();

    // Buttons clicked on the posted card and older cards in the channel.
    const cardId = (await service.db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'agenda.card', status: 'sent' } })).sentMessageId ?? undefined;
    clicked.push(await click('agenda.post', { meetingId }, 'channel', cardId ? { replyToId: cardId } : {}));
    clicked.push(await click('agenda.post', { meetingId }, 'channel', cardId ? { replyToId: cardId } : {}, STRANGER));
    clicked.push(await click('outbox.retry', { outboxId: '00000000-0000-4000-8000-000000000000' }, 'channel'));
    clicked.push(await click('agenda.item.edit', { ...edit, subPoints: 'Site visit cancelled' }, 'channel'));
    const refreshed = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { id: added.id } });
    await say(`agenda remove ${refreshed.number}`);
    await outboxIdle();

    const shared = sharedCalls();
    // What the channel did get: the pointers, the posted card with its exempt lines withheld, its
    // updates and the notices of change.
    expect(shared.filter((c) => c.body.text === SENT).length).toBeGreaterThan(15);
    expect(shared.some((c) => c.route === 'update')).toBe(true);
    expect(shared.some((c) => JSON.stringify(c.body).includes('Exempt item'))).toBe(true);
    expectNothingPrivate(shared);
    for (const body of clicked) {
      expect(body.type).not.toBe('application/vnd.microsoft.card.adaptive');
      for (const secret of SECRETS) expect(JSON.stringify(body)).not.toContain(secret);
    }
    // And the clerk's own chat got the exempt business in full, so the scan above had something to miss.
    expect(callsIn(PERSONAL).some((c) => JSON.stringify(c.body).includes('CCTV maintenance'))).toBe(true);
  });
});
