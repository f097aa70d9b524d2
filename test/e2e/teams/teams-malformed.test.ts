// Teams end to end, as for the Bot Framework Emulator (no app id), with hostile and malformed
// requests: each gets a 4xx or a clear refusal, never a 5xx, an error in the log or anything
// printed; handler tables are not reached by inherited names; without authentication only a
// loopback serviceUrl is answered; a conversation stored for one tenant is not re-pointed by
// another's activity.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { isLoopbackServiceUrl } from '../../../adapters/teams/activity.ts';
import { SERVICE_URL_REFUSED_BODY } from '../../../adapters/teams/receive.ts';
import { captureOutput, type CapturedOutput } from '../../support/capture-output.ts';
import { startFakeBotConnector } from '../../support/fake-bot-connector.ts';
import { TEAMS_DEFAULTS, type TeamsActivity } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';
import { logLinesSince, type LogLine } from '../../support/capture-logs.ts';

let service: TeamsService;
let output: CapturedOutput;
let logMark = 0;

beforeAll(async () => {
  output = captureOutput();
  service = await startTeamsService();
});
afterAll(async () => {
  await service?.stop();
  output?.release();
});
beforeEach(async () => {
  await service.resetFake();
  output.clear();
  logMark = service.logs().length;
});

const newLogLines = (): LogLine[] => logLinesSince(service.logs(), logMark);

/** Nothing went wrong on the service's side: no error in the log, nothing printed. */
function expectCalm() {
  expect(newLogLines().filter((line) => line.level >= 50)).toEqual([]);
  expect(output.lines()).toEqual([]);
}

async function post(body: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${service.quorum.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: text && (res.headers.get('content-type') ?? '').includes('json') ? (JSON.parse(text) as unknown) : text };
}

const message = (overrides: Record<string, unknown> = {}): TeamsActivity => ({ ...service.teams.message({ text: 'help' }), ...overrides });
const without = (key: string): Record<string, unknown> => {
  const activity: Record<string, unknown> = { ...message() };
  delete activity[key];
  return activity;
};

describe('a body that is not an activity Quorum can read', () => {
  const cases: [string, () => unknown, string][] = [
    ['JSON null', () => null, 'the body is not a JSON object'],
    ['an array', () => [message()], 'the body is not a JSON object'],
    ['a string', () => 'help', 'the body is not a JSON object'],
    ['a number', () => 42, 'the body is not a JSON object'],
    ['an empty object', () => ({}), 'type is missing'],
    ['a type that is not a string', () => message({ type: 5 }), 'type is not valid'],
    ['no from', () => without('from'), 'from is missing'],
    ['no conversation', () => without('conversation'), 'conversation is missing'],
    ['no recipient', () => without('recipient'), 'recipient is missing'],
    ['no serviceUrl', () => without('serviceUrl'), 'serviceUrl is missing'],
    ['no channelId', () => without('channelId'), 'channelId is missing'],
    ['a conversation id that is a number', () => message({ conversation: { id: 7 } }), 'conversation.id is not valid'],
    ['a sender without an id', () => message({ from: { name: 'Alex' } }), 'from.id is missing'],
    ['text that is an object', () => message({ text: { bold: true } }), 'text is not valid'],
    ['entities that are not a list', () => message({ entities: { type: 'mention' } }), 'entities is not valid'],
    ['a mention without its account', () => message({ entities: [{ type: 'mention', text: '<at>Quorum</at>' }] }), 'entities.0 is not valid'],
    ['an entity without a type', () => message({ entities: [{ text: 'x' }] }), 'entities.0.type is missing'],
    ['members added that are not accounts', () => ({ ...service.teams.botAdded(), membersAdded: ['28:bot'] }), 'membersAdded.0 is not valid'],
    ['a tenant id that is not a string', () => message({ channelData: { tenant: { id: { evil: true } } } }), 'channelData.tenant.id is not valid'],
    ['a serviceUrl that is not a URL', () => message({ serviceUrl: 'not a url' }), 'serviceUrl is not valid'],
    ['a serviceUrl that is not http', () => message({ serviceUrl: 'file:///etc/passwd' }), 'serviceUrl is not valid'],
  ];

  it.each(cases)('is refused with 400 when it is %s, naming what is wrong', async (_what, body, problem) => {
    const res = await post(body());
    expect(res.status).toBe(400);
    expect(res.body).toEqual({ error: 'invalid_activity', message: `Not a Bot Framework activity Quorum can read: ${problem}.` });
    expect(service.fake.calls()).toEqual([]);
    expectCalm();
  });

  it.each([
    ['not JSON', { 'Content-Type': 'application/json' }, '{not json', 400, 'the body is not a JSON object'],
    ['larger than 1 MB', { 'Content-Type': 'application/json' }, JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) }), 413, 'the body is larger than 1 MB'],
    ['in a charset JSON does not use', { 'Content-Type': 'application/json; charset=koi8-r' }, '{}', 415, 'the body could not be read'],
    ['in an encoding the service does not read', { 'Content-Type': 'application/json', 'Content-Encoding': 'compress' }, '{}', 415, 'the body could not be read'],
  ])('is refused with a 4xx when it is %s', async (_what, headers, body, status, problem) => {
    const res = await fetch(`${service.quorum.url}/api/messages`, { method: 'POST', headers, body });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual({ error: 'invalid_activity', message: `Not a Bot Framework activity Quorum can read: ${problem}.` });
    expectCalm();
  });

  it('keeps a "__proto__" key in the body from becoming the activity\u2019s prototype', async () => {
    // The activity is read into a fresh object (activity.ts); were the key its prototype,
    // "expectReplies" would make botbuilder answer in the HTTP body instead of the chat.
    const res = await post(JSON.parse(JSON.stringify(message()).replace(/^\{/, '{"__proto__":{"deliveryMode":"expectReplies"},')));
    expect(res.status).toBe(200);
    expect(res.body).toBe('');
    expect(service.fake.sent()).toHaveLength(1);
    expectCalm();
  });
});

describe('an activity of a kind or shape the bot does not expect', () => {
  const answered: [string, () => TeamsActivity][] = [
    ['a message without text (a card\u2019s message-back)', () => message({ text: undefined, value: { any: 'thing' } })],
    ['a message with a mention and no text', () => ({ ...service.teams.message({ text: 'help', mention: true, place: 'channel' }), text: undefined })],
    ['an activity of type "__proto__"', () => message({ type: '__proto__' })],
    ['an activity of type "constructor"', () => message({ type: 'constructor' })],
    ['an activity of type "toString"', () => message({ type: 'toString' })],
    ['a conversation update with an event named "__proto__"', () => service.teams.conversationUpdate({ place: 'channel', channelData: { eventType: '__proto__' } })],
    ['a message reaction with reactions that are not a list', () => message({ type: 'messageReaction', reactionsAdded: 'like' })],
  ];

  it.each(answered)('answers %s without an error', async (_what, activity) => {
    const res = await service.teams.send(activity());
    expect(res.status).toBe(200);
    expectCalm();
  });

  const invokes: [string, unknown][] = [
    ['fileConsent/invoke', null],
    ['task/fetch', 5],
    ['composeExtension/query', null],
    ['config/fetch', []],
    ['signin/verifyState', null],
    ['__proto__', {}],
    ['constructor', {}],
  ];

  it.each(invokes)('answers an invoke named "%s", which Quorum does not offer, with 501', async (name, value) => {
    const res = await service.teams.send({ ...service.teams.cardAction({ verb: 'x' }), name, value });
    expect(res.status).toBe(501);
    expectCalm();
  });

  it('answers an invoke without a name with 501', async () => {
    const { name: _name, ...activity } = service.teams.cardAction({ verb: 'x' });
    const res = await service.teams.send({ ...activity, value: null });
    expect(res.status).toBe(501);
    expectCalm();
  });
});

describe('a card action (adaptiveCard/action) of the wrong shape', () => {
  const values: [string, unknown][] = [
    ['no value', null],
    ['a list', []],
    ['a string', 'agenda.post'],
    ['no action', { trigger: 'manual' }],
    ['an action that is not Action.Execute', { action: { type: 'Action.Submit', verb: 'x' } }],
    ['a verb that is a number', { action: { type: 'Action.Execute', verb: 5 } }],
    ['an empty verb', { action: { type: 'Action.Execute', verb: '' } }],
    ['data that is a list', { action: { type: 'Action.Execute', verb: 'x', data: [] } }],
  ];

  it.each(values)('is refused in the Universal Actions way when it has %s', async (_what, value) => {
    const res = await service.teams.send({ ...service.teams.cardAction({ verb: 'x' }), value });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
    expectCalm();
  });

  const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', '__defineGetter__', 'isPrototypeOf'];

  it.each(inherited)('treats the verb "%s" as unknown, as a button and as a form, never reaching Object\u2019s members', async (verb) => {
    for (const data of [{}, { form: verb, metadata: {} }]) {
      const res = await service.teams.send(service.teams.cardAction({ verb, data }));
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ statusCode: 400, value: { code: 'BadRequest', message: expect.stringContaining('Unknown action') as unknown } });
    }
    expectCalm();
  });
});

describe('without authentication', () => {
  const elsewhere = [
    'https://smba.trafficmanager.net/emea/',
    'http://10.0.0.1:3978/',
    'http://169.254.169.254/latest/',
    'http://[::ffff:127.0.0.1]:3978/',
    'http://127.0.0.1.nip.io/',
    'http://localhost.evil.example/',
  ];

  it.each(elsewhere)('refuses an activity whose serviceUrl is %s: nothing sent, nothing recorded', async (serviceUrl) => {
    const activity = service.teams.botAdded({ place: 'channel', serviceUrl });
    const res = await service.teams.send(activity);
    expect(res.status).toBe(403);
    expect(res.body).toEqual(SERVICE_URL_REFUSED_BODY);
    expect(service.fake.calls()).toEqual([]);
    expect(await service.db.prisma.conversationReference.count({ where: { serviceUrl } })).toBe(0);
    expect(newLogLines().map((line) => line.msg)).toEqual(['Teams activity refused: its serviceUrl is not a loopback address, and nothing is authenticated']);
    expect(output.lines()).toEqual([]);
  });

  it('accepts loopback addresses however they are written', () => {
    for (const url of ['http://127.0.0.1:3978/', 'http://127.8.9.10/', 'http://localhost:3978', 'http://LOCALHOST/', 'http://[::1]:3978/', 'http://2130706433/']) {
      expect(isLoopbackServiceUrl(url), url).toBe(true);
    }
    for (const url of ['http://128.0.0.1/', 'http://[::2]/', 'http://0.0.0.0/', 'not a url']) expect(isLoopbackServiceUrl(url), url).toBe(false);
  });
});

describe('a conversation stored for one tenant', () => {
  it('is not re-pointed by an activity from another tenant naming the same conversation', async () => {
    const first = await service.teams.send(service.teams.message({ place: 'channel', mention: true, text: 'help' }));
    expect(first.status).toBe(200);
    const where = { platform_conversationId: { platform: 'teams' as const, conversationId: TEAMS_DEFAULTS.channel.id } };
    const before = await service.db.prisma.conversationReference.findUniqueOrThrow({ where });
    expect(before.tenantId).toBe(TEAMS_DEFAULTS.tenantId);

    // The other tenant's activity names a connector of its own (loopback, as this mode requires).
    const elsewhere = await startFakeBotConnector();
    const other = 'b7e1c2d3-0000-4000-8000-00000000beef';
    const impostor = service.teams.message({ place: 'channel', mention: true, text: 'help' });
    const res = await service.teams.send({
      ...impostor,
      serviceUrl: elsewhere.serviceUrl,
      conversation: { ...impostor.conversation!, tenantId: other },
      channelData: { ...(impostor.channelData as Record<string, unknown>), tenant: { id: other } },
    });
    expect(res.status).toBe(200);
    expect(elsewhere.sent()).toHaveLength(1);
    await elsewhere.close();

    const after = await service.db.prisma.conversationReference.findUniqueOrThrow({ where });
    expect(after).toEqual(before);
    const refusals = newLogLines().filter((line) => line.msg === 'conversation stored for another tenant: not re-pointed');
    expect(refusals).toHaveLength(1);
    expect(refusals[0]).toMatchObject({ level: 40, conversationId: TEAMS_DEFAULTS.channel.id, tenantId: other });
    expectCalm();
  });
});
