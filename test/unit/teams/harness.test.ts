// The Teams test harness itself: the fake Bot Connector answers and fails the way the delivery
// tests will rely on, and its identity side is well formed.
import { X509Certificate } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';

let fake: FakeBotConnector;

beforeAll(async () => {
  fake = await startFakeBotConnector();
});
afterAll(async () => {
  await fake?.close();
});
beforeEach(() => fake.reset());

const post = (path: string, body: unknown, method = 'POST') =>
  fetch(`${fake.url}${path}`, { method, headers: { 'Content-Type': 'application/json', Authorization: 'Bearer t0ken' }, body: JSON.stringify(body) });

describe('the fake Bot Connector', () => {
  it('records sends with their Authorization header and answers increasing ids', async () => {
    const first = await post('/v3/conversations/a%3Achat-1/activities', { type: 'message', text: 'one' });
    const second = await post('/v3/conversations/a%3Achat-1/activities/1700', { type: 'message', text: 'two' });
    expect(first.status).toBe(201);
    const ids = [((await first.json()) as { id: string }).id, ((await second.json()) as { id: string }).id];
    expect(Number(ids[1])).toBeGreaterThan(Number(ids[0]));
    expect(fake.sent('a:chat-1').map((c) => [c.route, c.body.text, c.authorization])).toEqual([
      ['send', 'one', 'Bearer t0ken'],
      ['reply', 'two', 'Bearer t0ken'],
    ]);
    expect(fake.calls('reply')[0]?.activityId).toBe('1700');
  });

  it('updates and deletes activities, creates conversations and lists members', async () => {
    expect((await post('/v3/conversations/c1/activities/42', { type: 'message' }, 'PUT')).status).toBe(200);
    expect((await fetch(`${fake.url}/v3/conversations/c1/activities/42`, { method: 'DELETE' })).status).toBe(200);
    const created = await post('/v3/conversations', { isGroup: false, members: [{ id: '29:someone' }], tenantId: 't' });
    expect(await created.json()).toMatchObject({ id: expect.stringMatching(/^a:/) as unknown, serviceUrl: fake.serviceUrl });
    fake.setMembers('c1', [{ id: '29:someone', name: 'Someone', aadObjectId: 'aad-1' }]);
    expect(await (await fetch(`${fake.url}/v3/conversations/c1/members`)).json()).toHaveLength(1);
    expect((await fetch(`${fake.url}/v3/conversations/c1/members/aad-1`)).status).toBe(200);
    expect((await fetch(`${fake.url}/v3/conversations/c1/members/nobody`)).status).toBe(404);
    expect(fake.calls().map((c) => c.route)).toEqual(['update', 'delete', 'createConversation', 'members', 'member', 'member']);
  });

  it('returns the same 1:1 chat for the same person, as Teams does, and a new conversation for a group', async () => {
    const create = async (body: unknown) => ((await (await post('/v3/conversations', body)).json()) as { id: string }).id;
    const first = await create({ isGroup: false, members: [{ id: '29:someone' }], tenantId: 't' });
    expect(await create({ isGroup: false, members: [{ id: '29:someone' }], tenantId: 't' })).toBe(first);
    expect(await create({ isGroup: false, members: [{ id: '29:someone-else' }], tenantId: 't' })).not.toBe(first);
    const group = { isGroup: true, members: [{ id: '29:a' }, { id: '29:b' }], tenantId: 't' };
    expect(await create(group)).not.toBe(await create(group));
    fake.setPersonalChat('29:alex', 'a:1personal-chat-alex');
    expect(await create({ isGroup: false, members: [{ id: '29:alex' }] })).toBe('a:1personal-chat-alex');
  });

  it('fails on demand: 429 with Retry-After, then 403 and 404 with the connector\u2019s codes, for one conversation', async () => {
    fake.failNext('send', { status: 429, retryAfter: 2 }, { conversationId: 'c2' });
    fake.failNext('send', { status: 403 }, { conversationId: 'c3' });
    fake.failNext('send', { status: 404 }, { conversationId: 'c3' });
    expect((await post('/v3/conversations/c1/activities', {})).status).toBe(201);
    const throttled = await post('/v3/conversations/c2/activities', {});
    expect(throttled.status).toBe(429);
    expect(throttled.headers.get('retry-after')).toBe('2');
    expect((await post('/v3/conversations/c2/activities', {})).status).toBe(201);
    const removed = await post('/v3/conversations/c3/activities', {});
    expect([removed.status, await removed.json()]).toEqual([403, { error: { code: 'BotNotInConversationRoster', message: expect.any(String) as unknown } }]);
    const gone = await post('/v3/conversations/c3/activities', {});
    expect([gone.status, ((await gone.json()) as { error: { code: string } }).error.code]).toEqual([404, 'ConversationNotFound']);
    expect(fake.sent().map((c) => c.conversationId)).toEqual(['c1', 'c2']);
  });

  it('fails several times, then answers again', async () => {
    fake.failNext('reply', { status: 503 }, { times: 2 });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await post('/v3/conversations/c/activities/1', {})).status);
    expect(statuses).toEqual([503, 503, 201]);
  });

  it('waits for a call still to come', async () => {
    const waiting = fake.waitFor((c) => c.route === 'send' && c.body.text === 'later');
    await post('/v3/conversations/c/activities', { text: 'later' });
    expect((await waiting).conversationId).toBe('c');
  });
});

describe('the fake identity endpoints', () => {
  it('serve the channel\u2019s OpenID metadata and an RSA key endorsed for msteams', async () => {
    const metadata = (await (await fetch(fake.openIdMetadataUrl)).json()) as { jwks_uri: string; issuer: string };
    expect(metadata.issuer).toBe('https://api.botframework.com');
    const { keys } = (await (await fetch(metadata.jwks_uri)).json()) as { keys: { kty: string; kid: string; endorsements: string[] }[] };
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatchObject({ kty: 'RSA', endorsements: expect.arrayContaining(['msteams']) as unknown });
    const token = fake.signChannelToken({ appId: 'app', serviceUrl: fake.serviceUrl });
    const header = JSON.parse(Buffer.from(token.split('.')[0] ?? '', 'base64url').toString()) as { kid: string; alg: string };
    expect(header).toMatchObject({ kid: keys[0]?.kid, alg: 'RS256' });
  });

  it('serve the login authority over HTTPS with a certificate for 127.0.0.1', () => {
    const certificate = new X509Certificate(fake.certificate);
    expect(certificate.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(certificate.verify(certificate.publicKey)).toBe(true);
    expect(fake.loginUrl).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
  });
});
