// Apologies on Teams, continued, end to end through the real service with Bot Framework
// authentication: the clerk's settings form (asked for in the channel, opened in the clerk's own
// chat) turns names on, and the channel's agenda card is updated in place with them; paste to
// record answers in the invoke response with the matches and a Confirm button, records only on
// Confirm and once however often it is clicked; nothing of it is posted in the channel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { addApologiesRoster, type ApologiesRoster } from '../../support/apologies-roster.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { postAgendaCard } from './posted-agenda.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let roster: ApologiesRoster;
let meetingId: string;
let cardActivityId: string;

const CHANNEL = TEAMS_DEFAULTS.channel.id;
const ALEX = { ...TEAMS_DEFAULTS.user };
const RICHARD_CHAT = 'a:1personal-chat-richard-norfolk';
const richard = () => ({ id: '29:1richard-norfolk', name: 'Richard Norfolk', aadObjectId: seed.member.teamsAadId });

type InvokeBody = { statusCode: number; type: string; value: unknown };
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send' || c.route === 'update') && c.status < 300;
const inChannel = () => service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true);

async function action(verb: string, data: Record<string, unknown>, place: 'personal' | 'channel', from: { id: string; name: string; aadObjectId: string }) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place, from: { ...from } }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

/** The data of the card's Action.Execute with this verb, wherever it sits in the card. */
function actionData(card: unknown, verb: string): Record<string, unknown> | undefined {
  if (Array.isArray(card)) return card.map((c) => actionData(c, verb)).find(Boolean);
  if (card && typeof card === 'object') {
    const node = card as Record<string, unknown>;
    if (node.type === 'Action.Execute' && node.verb === verb) return node.data as Record<string, unknown>;
    return Object.values(node).map((v) => actionData(v, verb)).find(Boolean);
  }
  return undefined;
}

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  roster = await addApologiesRoster(service.db.prisma, seed);
  ({ meetingId, cardActivityId } = await postAgendaCard(service, seed));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, TEAMS_DEFAULTS.personalConversationId);
  service.fake.setPersonalChat(richard().id, RICHARD_CHAT);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }, { ...richard() }]);
});

describe('apologies settings and the paste confirmation on Teams', () => {
  it('names off by default; the clerk turns them on in the settings form and the channel card is updated in place with them', async () => {
    const sent = await action('apologies.send', { form: 'apologies.send', metadata: { meetingId, memberId: seed.member.id }, reason: 'On leave' }, 'personal', richard());
    expect(JSON.stringify(sent.value)).toContain('Your apologies for the meeting of Fri 25 Jan 2030, 10:00 are recorded');
    const counted = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === cardActivityId && JSON.stringify(c.body).includes('Replies: 1 apology'), 8_000);
    expect(JSON.stringify(adaptiveCardOf(counted.body))).not.toContain('Richard Norfolk');

    // Asked for in the channel: the form goes to the clerk's own chat, the channel gets a pointer.
    const message = service.teams.message({ text: 'apologies settings', place: 'channel', mention: true, from: { ...ALEX } });
    await service.teams.send(message);
    const formMessage = await service.fake.waitFor((c) => posted(c) && c.conversationId === TEAMS_DEFAULTS.personalConversationId && JSON.stringify(c.body).includes('Apologies settings'));
    const form = adaptiveCardOf(formMessage.body);
    expect(validateAdaptiveCard(form)).toEqual([]);
    const toggles = Object.fromEntries((form.body as { type: string; id?: string; value?: string }[]).filter((e) => e.type === 'Input.Toggle').map((e) => [e.id, e.value]));
    expect(toggles).toEqual({ showNames: 'false', namedSubstitutesCount: 'true' });
    const submit = actionData(form, 'apologies.settings');
    expect(submit).toMatchObject({ form: 'apologies.settings', metadata: { boardId: seed.boardId } });

    // A member cannot change them.
    const refused = await action('apologies.settings', { ...submit, showNames: 'true', namedSubstitutesCount: 'true' }, 'personal', richard());
    expect(JSON.stringify(refused.value)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');

    const saved = await action('apologies.settings', { ...submit, showNames: 'true', namedSubstitutesCount: 'true' }, 'personal', ALEX);
    expect(JSON.stringify(saved.value)).toContain('The agenda card in the channel names who sent apologies');
    const named = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === cardActivityId && JSON.stringify(c.body).includes('Apologies: Richard Norfolk'), 8_000);
    const card = adaptiveCardOf(named.body);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).not.toContain('On leave');
    expect(inChannel().filter((c) => c.route !== 'update' && c.activityId !== message.id)).toEqual([]);
  });

  it('paste to record: the matches in the invoke response with Confirm, an unmatched name chosen in a form; recorded only on Confirm, once; nothing in the channel', async () => {
    const preview = await action('apologies.paste', { form: 'apologies.paste', metadata: { meetingId }, text: 'Apologies were received from Steve Leader and Ms Jane Nobody.' }, 'personal', ALEX);
    expect(preview.type).toBe('application/vnd.microsoft.card.adaptive');
    const shown = JSON.stringify(preview.value);
    expect(shown).toContain('Check before recording');
    expect(shown).toContain('Steve Leader');
    expect(shown).toContain('Ms Jane Nobody');
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId, memberId: roster.fire.id } })).toBe(0);

    // "Choose who the unmatched names are": the form in the invoke response, one choice per name.
    const choose = await action('apologies.paste.resolve', actionData(preview.value, 'apologies.paste.resolve') ?? {}, 'personal', ALEX);
    expect(choose.type).toBe('application/vnd.microsoft.card.adaptive');
    const chooser = (choose.value as { body: { type: string; id?: string; choices?: { title: string; value: string }[] }[] }).body.find((e) => e.id === 'who_0');
    expect(chooser?.type).toBe('Input.ChoiceSet');
    expect(chooser?.choices?.some((c) => c.value === roster.deputy.id && c.title === 'Ms Lynne Abram')).toBe(true);
    const submit = actionData(choose.value, 'apologies.paste.resolve');
    expect(submit).toMatchObject({ form: 'apologies.paste.resolve' });
    const resolved = await action('apologies.paste.resolve', { ...submit, who_0: roster.deputy.id }, 'personal', ALEX);
    expect(JSON.stringify(resolved.value)).toContain('Confirm and record 2');
    expect(JSON.stringify(resolved.value)).not.toContain('Not matched');

    const confirm = actionData(resolved.value, 'apologies.paste.confirm');
    expect(confirm).toBeDefined();
    const recorded = await action('apologies.paste.confirm', confirm ?? {}, 'personal', ALEX);
    expect(JSON.stringify(recorded.value)).toContain('Recorded as apologies');
    expect(JSON.stringify(recorded.value)).toContain('Written as \\"Ms Jane Nobody\\"');
    expect(await service.db.prisma.meetingReply.findFirst({ where: { meetingId, memberId: roster.deputy.id } })).toMatchObject({ reply: 'apologies', recordedVia: 'minutes' });
    expect(await service.db.prisma.meetingReply.findFirst({ where: { meetingId, memberId: roster.fire.id } })).toMatchObject({ reply: 'apologies', recordedVia: 'minutes' });
    const again = await action('apologies.paste.confirm', confirm ?? {}, 'personal', ALEX);
    expect(JSON.stringify(again.value)).toContain('Already recorded');
    expect(await service.db.prisma.meetingReply.count({ where: { meetingId } })).toBe(3);
    await service.fake.waitFor((c) => c.route === 'update' && c.activityId === cardActivityId && JSON.stringify(c.body).includes('Apologies: Richard Norfolk, Steve Leader, Ms Lynne Abram'), 8_000);
    expect(inChannel().filter((c) => c.route !== 'update')).toEqual([]);
  });
});
