// Teams with a Microsoft App ID, when Microsoft's side does not answer: the channel's metadata
// host, the login authority or the Bot Connector accepts the connection and then says nothing.
// Each request to the bot still ends within a bounded time, as a clear refusal or an apology,
// with one JSON log line and nothing printed. Real: botbuilder's CloudAdapter and token checks,
// Quorum's bounded MSAL client over HTTPS; the time limits are shortened through the endpoint
// overrides (1 s instead of 5 for signing keys and tokens, 1 s instead of 20 for the connector),
// so that the test does not wait for the production ones.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { TURN_ERROR_TEXT } from '../../../adapters/teams/index.ts';
import { UNAUTHORIZED_BODY } from '../../../adapters/teams/receive.ts';
import { captureOutput, type CapturedOutput } from '../../support/capture-output.ts';
import { startSlowServer, type SlowServer } from '../../support/slow-server.ts';
import { startTeamsService, type TeamsService } from './service.ts';

/** The identity time limit these services are given (production: IDENTITY_TIMEOUT_MS, 5 s). */
const IDENTITY_TIMEOUT_MS = 1_000;

let output: CapturedOutput;
beforeAll(() => {
  output = captureOutput();
});
afterAll(() => {
  output.release();
});

interface LogLine {
  level: number;
  msg: string;
  [key: string]: unknown;
}
const logLinesAbout = (service: TeamsService, activityId: string | undefined): LogLine[] =>
  service
    .logs()
    .split('\n')
    .filter((line) => activityId && line.includes(activityId))
    .map((line) => JSON.parse(line) as LogLine);

describe('a channel metadata host that never answers', () => {
  let slow: SlowServer;
  let service: TeamsService;
  beforeAll(async () => {
    slow = await startSlowServer('hang');
    const metadataUrl = slow.url('/v1/.well-known/openidconfiguration');
    service = await startTeamsService({ authenticated: true, endpoints: { channelOpenIdMetadataUrl: metadataUrl, emulatorOpenIdMetadataUrl: metadataUrl, signingKeysTimeoutMs: IDENTITY_TIMEOUT_MS } });
  });
  afterAll(async () => {
    await service?.stop();
    await slow?.close();
  });

  it('leaves validly signed activities refused with 401 within the identity time limit, one fetch shared by all', async () => {
    const activities = [1, 2, 3].map(() => service.teams.message({ text: 'help' }));
    const started = Date.now();
    const answers = await Promise.all(activities.map((activity) => service.teams.send(activity)));
    const elapsed = Date.now() - started;

    for (const answer of answers) {
      expect(answer.status).toBe(401);
      expect(answer.body).toEqual(UNAUTHORIZED_BODY);
    }
    expect(elapsed).toBeGreaterThanOrEqual(IDENTITY_TIMEOUT_MS - 500);
    expect(elapsed).toBeLessThan(IDENTITY_TIMEOUT_MS + 3_000);
    expect(slow.requests()).toBe(1);
    expect(service.fake.calls()).toEqual([]);

    const [line, ...more] = logLinesAbout(service, activities[0]?.id);
    expect(more).toEqual([]);
    expect(line).toMatchObject({
      level: 50,
      msg: 'Teams activity refused: its token could not be checked (signing keys unavailable)',
      reason: expect.stringContaining(`no complete answer within ${IDENTITY_TIMEOUT_MS} ms`) as unknown,
    });
    expect(output.lines()).toEqual([]);
  });
});

describe('a login authority that never answers a token request', () => {
  let service: TeamsService;
  beforeAll(async () => {
    // Only the token request is shortened: the fake's own signing keys keep the default limit.
    service = await startTeamsService({ authenticated: true, endpoints: { loginTimeoutMs: IDENTITY_TIMEOUT_MS } });
  });
  afterAll(async () => {
    await service?.stop();
  });

  it('fails the reply within the time limit: the activity is answered, the failure logged once, nothing printed', async () => {
    service.fake.hangTokenEndpoint(true);
    const activity = service.teams.message({ text: 'help' });
    const started = Date.now();
    const answer = await service.teams.send(activity);
    const elapsed = Date.now() - started;

    expect(answer.status).toBe(200);
    // The reply waits for one token, the apology for another: two time limits at most.
    expect(elapsed).toBeLessThan(2 * IDENTITY_TIMEOUT_MS + 3_000);
    expect(service.fake.tokenRequests().map((t) => t.status)).toEqual([0, 0]);
    expect(service.fake.sent()).toEqual([]);
    const lines = logLinesAbout(service, activity.id);
    expect(lines.map((l) => l.msg)).toEqual(['Teams turn failed', 'could not tell the person the turn failed']);
    expect(JSON.stringify(lines)).not.toContain(service.appPassword);
    expect(output.lines()).toEqual([]);
  });
});

describe('a Bot Connector that never answers', () => {
  let service: TeamsService;
  beforeAll(async () => {
    service = await startTeamsService({ authenticated: true, endpoints: { connectorTimeoutMs: 1_000 } });
  });
  afterAll(async () => {
    await service?.stop();
  });
  afterEach(async () => {
    await service.resetFake();
    output.clear();
  });

  it('gives up on the reply at the deadline and apologises in a second reply', async () => {
    service.fake.failNext('reply', { hang: true });
    const activity = service.teams.message({ text: 'help' });
    const started = Date.now();
    const answer = await service.teams.send(activity);

    expect(answer.status).toBe(200);
    expect(Date.now() - started).toBeLessThan(4_000);
    const replies = service.fake.calls('reply');
    expect(replies.map((c) => c.status)).toEqual([0, 201]);
    expect(replies[1]?.body.text).toBe(TURN_ERROR_TEXT);
    expect(logLinesAbout(service, activity.id).map((l) => l.msg)).toEqual(['Teams turn failed']);
    expect(output.lines()).toEqual([]);
  });

  it('gives up on an outbox post at the deadline, as a transient failure the outbox retries', async () => {
    await service.teams.send(service.teams.botAdded({ place: 'channel' }));
    const row = await service.db.prisma.conversationReference.findFirstOrThrow({ where: { platform: 'teams', kind: 'channel' } });
    // botbuilder sends a proactive message as a reply to the continuation activity it makes up.
    service.fake.failNext('reply', { hang: true });
    const started = Date.now();
    const failed = { outboxId: '00000000-0000-4000-8000-000000000001', template: 'delivery.failed' as const, data: { boardName: 'Board', template: 'agenda.card', targetKind: 'channel', targetId: 'C1', code: '404', reason: 'Gone', outboxId: 'x' } };
    const sending = service.adapter.messenger!.send({ kind: 'channel', id: row.conversationId, reference: row.reference as Record<string, unknown> }, [failed]);
    await expect(sending).rejects.toMatchObject({ name: 'DeliveryFailure', kind: 'transient' });
    expect(Date.now() - started).toBeLessThan(4_000);
    expect(output.lines()).toEqual([]);
  });
});
