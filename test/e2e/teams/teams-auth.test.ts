// Teams with a Microsoft App ID and password, as in production, fully offline. Real: botbuilder's
// CloudAdapter and ConfigurationBotFrameworkAuthentication, its JWT validation against OpenID
// metadata and a JWKS fetched over HTTP, and an MSAL client-credentials grant over HTTPS. Pointed
// at the fake: the metadata URL, and the MSAL client's authority (see adapters/teams/auth.ts).
// Everything written to the console or stdout is captured: nothing may escape the JSON log.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { TURN_ERROR_TEXT } from '../../../adapters/teams/index.ts';
import { UNAUTHORIZED_BODY } from '../../../adapters/teams/receive.ts';
import { captureOutput, type CapturedOutput } from '../../support/capture-output.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let output: CapturedOutput;

beforeAll(async () => {
  output = captureOutput();
  service = await startTeamsService({ authenticated: true });
});
afterAll(async () => {
  await service?.stop();
  output?.release();
});
beforeEach(async () => {
  await service.resetFake();
  output.clear();
});

interface LogLine {
  level: number;
  msg: string;
  reason?: string;
  sdk?: { method: string; said: string }[];
}
const logLinesAbout = (activityId: string | undefined): LogLine[] =>
  service
    .logs()
    .split('\n')
    .filter((line) => activityId && line.includes(activityId))
    .map((line) => JSON.parse(line) as LogLine);

describe('an activity with a valid channel token', () => {
  it('is answered, and the reply carries a bearer token the bot obtained with its app id and password', async () => {
    const res = await service.teams.send(service.teams.message({ text: 'help' }));
    expect(res.status).toBe(200);
    const [reply] = service.fake.sent();
    expect(reply?.conversationId).toBe(TEAMS_DEFAULTS.personalConversationId);
    expect(reply?.body.from).toMatchObject({ id: `28:${service.appId}` });
    adaptiveCardOf(reply!.body);

    const tokenRequests = service.fake.tokenRequests();
    expect(tokenRequests.length).toBeGreaterThanOrEqual(1);
    const issued = tokenRequests.find((t) => t.status === 200);
    expect(issued).toMatchObject({
      tenant: 'botframework.com',
      grantType: 'client_credentials',
      clientId: service.appId,
      scope: expect.stringContaining('https://api.botframework.com/.default') as unknown,
      secretValid: true,
    });
    expect(reply?.authorization).toBe(`Bearer ${issued?.accessToken}`);
  });

  it('records where the bot was installed, and a proactive message is authenticated too', async () => {
    const res = await service.teams.send(service.teams.botAdded({ place: 'channel' }));
    expect(res.status).toBe(200);
    const row = await service.db.prisma.conversationReference.findUnique({
      where: { platform_conversationId: { platform: 'teams', conversationId: TEAMS_DEFAULTS.team.id } },
    });
    expect(row).toMatchObject({ kind: 'channel', tenantId: TEAMS_DEFAULTS.tenantId });
    await service.adapter.sendProactive(row!.reference as never, { type: 'message', text: 'Agenda published.' });
    const [posted] = service.fake.sent();
    expect(posted?.conversationId).toBe(TEAMS_DEFAULTS.team.id);
    expect(posted?.authorization).toMatch(/^Bearer ey/);
  });

  it('answers a card action invoke', async () => {
    const res = await service.teams.send(service.teams.cardAction({ verb: 'nothing.here' }));
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error' });
  });
});

describe('an activity that does not prove it comes from the Bot Framework', () => {
  const cases: [string, Parameters<TeamsService['teams']['send']>[1]][] = [
    ['no Authorization header', { auth: 'none' }],
    ['a token signed with another key', { auth: { token: { key: 'stranger' } } }],
    ['a token signed with a key the JWKS does not list', { auth: { token: { key: 'stranger', kid: 'unknown-kid' } } }],
    ['a token for another bot', { auth: { token: { audience: '00000000-0000-4000-8000-000000000000' } } }],
    ['a token from another issuer', { auth: { token: { issuer: 'https://sts.example.org/' } } }],
    ['an expired token', { auth: { token: { expiresIn: -3600 } } }],
    ['a token not valid yet', { auth: { token: { notBefore: 3600 } } }],
    ['a token for another serviceUrl', { auth: { token: { serviceUrl: 'https://smba.trafficmanager.net/emea/' } } }],
    ['a malformed header', { auth: { header: 'Bearer not-a-jwt' } }],
    ['a header that is not a bearer token', { auth: { header: 'Basic dXNlcjpwYXNz' } }],
  ];

  it.each(cases)('is refused with 401 and a fixed body when it has %s: nothing sent or recorded, one log line, nothing printed', async (_what, options) => {
    const activity = service.teams.message({ text: 'help', conversation: { ...service.teams.where('personal').conversation, id: `a:refused-${Date.now()}` } });
    const res = await service.teams.send(activity, options);
    expect(res.status).toBe(401);
    expect(res.body).toEqual(UNAUTHORIZED_BODY);
    expect(service.fake.calls()).toEqual([]);
    const rows = await service.db.prisma.conversationReference.count({ where: { conversationId: activity.conversation!.id } });
    expect(rows).toBe(0);
    const lines = logLinesAbout(activity.id);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ level: 40, msg: 'Teams activity refused: it did not prove it comes from the Bot Framework' });
    expect(output.lines()).toEqual([]);
  });

  it('folds what botbuilder printed about a well-formed but unverifiable token into that one line', async () => {
    const activity = service.teams.message({ text: 'help' });
    const token = service.fake.signChannelToken({ appId: service.appId, serviceUrl: service.fake.serviceUrl, key: 'stranger' });
    const res = await service.teams.send(activity, { auth: { header: `Bearer ${token}` } });
    expect(res.status).toBe(401);
    expect(res.text).not.toMatch(/signature|botframework|Error|at /);
    const [line] = logLinesAbout(activity.id);
    expect(line?.reason).toBe('invalid signature');
    // botbuilder's JwtTokenExtractor prints the signing key it tried (a PEM): kept as one short entry.
    expect(line?.sdk).toEqual([{ method: 'error', said: 'Error finding key for token. Available keys: [key]' }]);
    expect(service.logs()).not.toContain(token);
    expect(service.logs()).not.toContain('BEGIN PUBLIC KEY');
    expect(output.lines()).toEqual([]);
  });

  it('folds botbuilder\u2019s stack trace for an expired token into one line, without the stack', async () => {
    const activity = service.teams.message({ text: 'help' });
    const res = await service.teams.send(activity, { auth: { token: { expiresIn: -3600 } } });
    expect(res.status).toBe(401);
    const [line] = logLinesAbout(activity.id);
    expect(line).toMatchObject({ reason: 'The token has expired', sdk: [{ method: 'error', said: expect.stringMatching(/^TokenExpiredError: jwt expired/) as unknown }] });
    expect(JSON.stringify(line)).not.toMatch(/\bat \S+ \(/);
    expect(output.lines()).toEqual([]);
  });
});

describe('when the connector fails', () => {
  it('tells the person the turn failed, and logs no token', async () => {
    service.fake.failNext('reply', { status: 403 });
    const res = await service.teams.send(service.teams.message({ text: 'help' }));
    expect(res.status).toBe(200);
    const replies = service.fake.calls('reply');
    expect(replies.map((c) => c.status)).toEqual([403, 201]);
    expect(replies[1]?.body.text).toBe(TURN_ERROR_TEXT);
    const logs = service.logs();
    expect(logs).toContain('Teams turn failed');
    for (const call of replies) expect(logs).not.toContain(call.authorization?.slice('Bearer '.length));
  });

  it('is retried by botbuilder itself after Retry-After on a 429 (the outbox sees only what is left)', async () => {
    service.fake.failNext('reply', { status: 429, retryAfter: 1 });
    const started = Date.now();
    const res = await service.teams.send(service.teams.message({ text: 'help' }));
    expect(res.status).toBe(200);
    expect(service.fake.calls('reply').map((c) => c.status)).toEqual([429, 201]);
    expect(Date.now() - started).toBeGreaterThanOrEqual(900);
  });
});

describe('the service', () => {
  it('shows Teams on for the app in /healthz', async () => {
    const res = await fetch(`${service.quorum.url}/healthz`);
    expect(await res.json()).toMatchObject({ teams: { state: 'on', detail: expect.stringContaining(service.appId) as unknown } });
  });

  it('never logs the app password or a token', async () => {
    await service.teams.send(service.teams.message({ text: 'help' }));
    await service.teams.send(service.teams.message({ text: 'help' }), { auth: { token: { key: 'stranger' } } });
    const logs = service.logs();
    expect(logs.length).toBeGreaterThan(0);
    expect(logs).not.toContain(service.appPassword);
    for (const request of service.fake.tokenRequests()) if (request.accessToken) expect(logs).not.toContain(request.accessToken);
  });
});
