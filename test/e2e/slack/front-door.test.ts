// The HTTP front door (src/http/front-door-worker.mjs) answers Slack's clicks and slash commands on
// a thread of its own: with the service's thread blocked outright (this test's thread, held by
// spawnSync while a child process sends the request), the click still gets its 200, and once the
// thread is free the click is applied and answered through its response_url. What the service must
// answer itself still comes from it: a form's field errors, a bad signature's 401, a malformed
// body's 400 (slack-malformed.test.ts), Teams and /healthz (their own tests), all through the door.
import { spawnSync } from 'node:child_process';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, button, formEncode, signSlackRequest, slashCommand } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService();
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

/** Sends one signed request from another process while this thread (the service's) waits, blocked, for it to finish. */
function sendWhileBlocked(body: string): { status: number; ms: number } {
  const stamp = Math.floor(Date.now() / 1000);
  const headers = { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(stamp), 'x-slack-signature': signSlackRequest(service.signingSecret, stamp, body) };
  const script = `
    const t0 = performance.now();
    fetch(process.env.URL, { method: 'POST', headers: JSON.parse(process.env.HEADERS), body: process.env.BODY, signal: AbortSignal.timeout(10000) })
      .then((r) => r.text().then(() => r.status), () => 0)
      .then((status) => process.stdout.write(JSON.stringify({ status, ms: performance.now() - t0 })));`;
  const child = spawnSync(process.execPath, ['-e', script], { env: { URL: `${service.quorum.url}/slack/events`, HEADERS: JSON.stringify(headers), BODY: body }, encoding: 'utf8', timeout: 20_000 });
  return JSON.parse(child.stdout) as { status: number; ms: number };
}

describe('the front door', () => {
  it('acknowledges a click while the service thread is blocked, and the click is applied once it is free', () => {
    const responseUrl = service.fake.responseUrl('blocked-click');
    const click = formEncode({ payload: JSON.stringify(blockActions({ user: { id: seed.clerk.slackUserId, username: 'clerk', name: 'clerk', team_id: 'T0SEED' }, actions: [button({ action_id: 'outbox.retry', value: JSON.stringify({ outboxId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }) })], response_url: responseUrl })) });
    const answered = sendWhileBlocked(click);
    expect(answered.status).toBe(200);
    return expect(service.fake.waitForResponse((r) => r.id === 'blocked-click', 10_000)).resolves.toMatchObject({ id: 'blocked-click' });
  });

  it('acknowledges a slash command while the service thread is blocked, and answers it once the thread is free', async () => {
    const answered = sendWhileBlocked(formEncode(slashCommand({ text: 'help', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl('blocked-command') })));
    expect(answered.status).toBe(200);
    const reply = await service.fake.waitForResponse((r) => r.id === 'blocked-command', 10_000);
    expect(JSON.stringify(reply.body)).toContain('agenda');
  });

  it('passes a badly signed click on to the service, which refuses it with 401 and applies nothing', async () => {
    const body = formEncode({ payload: JSON.stringify(blockActions({ actions: [button({ action_id: 'outbox.retry', value: '{}' })], response_url: service.fake.responseUrl('forged') })) });
    const stamp = Math.floor(Date.now() / 1000);
    const res = await fetch(`${service.quorum.url}/slack/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', 'x-slack-request-timestamp': String(stamp), 'x-slack-signature': signSlackRequest('not-the-secret', stamp, body) },
      body,
    });
    expect(res.status).toBe(401);
    await service.delivered();
    expect(service.fake.responses('forged')).toHaveLength(0);
  });
});
