// A stop waits for work in progress within one limit in all (STOP_WAIT_MS, src/main.ts), however
// many places the work is stuck in: here a request whose body never finishes arriving holds the
// front door's close, and a slash command whose answer goes to a slow or silent response_url holds
// the Slack adapter's work. Each step waits for what is left of the limit, so the stop takes the
// limit once, not once per step (it took one per step before: the door's, then the adapter's), and
// the log says what was still at work. And a response_url that never answers
// holds nothing for long: an answer through it is given up after its own limit
// (RESPOND_TIMEOUT_MS; Bolt's respond() sets none), logged, and the stop then finds nothing at work.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSeedBoard } from '../../support/fixtures.ts';
import { formEncode, slashCommand } from '../../support/slack-client.ts';
import { startSlowServer, type SlowServer } from '../../support/slow-server.ts';
import { startSlackService, type SlackService } from './service.ts';

/** Each test starts its own service (it stops it), which on a busy two-core machine can take tens of
 * seconds: the start is inside the test, so the test's time allows for it. */
const SERVICE_TEST_MS = 120_000;
/** The limit these tests give the stop (the service's is 10 s). */
const LIMIT_MS = 2_500;

let hanging: SlowServer;
const services: SlackService[] = [];
const sockets: Socket[] = [];

beforeAll(async () => {
  hanging = await startSlowServer('hang');
});
afterEach(async () => {
  for (const socket of sockets.splice(0)) socket.destroy();
  for (const service of services.splice(0)) await service.stop();
});
afterAll(async () => {
  await hanging.close();
});

async function started(start: NonNullable<Parameters<typeof startSlackService>[0]>['start'] = {}): Promise<{ service: SlackService; clerk: string }> {
  const service = await startSlackService({ start: { stopWaitMs: LIMIT_MS, ...start } });
  services.push(service);
  const seed = await createSeedBoard(service.db.prisma);
  return { service, clerk: seed.clerk.slackUserId };
}

/** A slash command whose answer goes to `responseUrl`, acknowledged, its answer on its way there. */
async function commandAnsweredAt(service: SlackService, clerk: string, server: SlowServer, path: string): Promise<void> {
  const ack = await service.slack.command(slashCommand({ text: 'help', user_id: clerk, response_url: server.url(path) }));
  expect(ack.status).toBe(200);
  await expect.poll(() => server.requests(path), { timeout: 30_000 }).toBe(1);
}

/** A request to the door whose body stops half way: the door's close waits for it. */
async function holdTheDoor(service: SlackService, clerk: string): Promise<void> {
  const body = formEncode(slashCommand({ text: 'help', user_id: clerk, response_url: service.fake.responseUrl('never-sent') }));
  const socket = connect(Number(new URL(service.quorum.url).port), '127.0.0.1');
  sockets.push(socket);
  await new Promise((resolve) => socket.once('connect', resolve));
  socket.write(`POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
  // The door has read the headers (the request is in progress there) before the stop begins.
  await new Promise((resolve) => setTimeout(resolve, 500));
}

async function timedStop(service: SlackService): Promise<number> {
  const begun = performance.now();
  await service.quorum.stop();
  return performance.now() - begun;
}

describe('stopping with work in progress', () => {
  it('with work stuck at the door and in the adapter, takes the one limit in all, not one per step, and logs both', async () => {
    const { service, clerk } = await started();
    await commandAnsweredAt(service, clerk, hanging, '/response/stuck');
    await holdTheDoor(service, clerk);
    const took = await timedStop(service);
    // It waited (the work was stuck), and for the limit once: one per step would be twice it or more.
    expect(took).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(took).toBeLessThan(2 * LIMIT_MS);
    expect(service.logs()).toContain('the HTTP front door did not finish handing requests over in time');
    expect(service.logs()).toContain('Slack: stopping with acknowledged requests still at work');
    // Stopped: nothing listens on the door's port any more.
    await expect(fetch(`${service.quorum.url}/healthz`)).rejects.toThrow();
  }, SERVICE_TEST_MS);
});

describe('stopping with no time to wait', () => {
  it('still hands the service every request the door acknowledged: each is acted on and answered', async () => {
    const { service, clerk } = await started({ stopWaitMs: 0 });
    const count = 30;
    const acks = await Promise.all(
      Array.from({ length: count }, (_, i) => service.slack.command(slashCommand({ text: 'help', user_id: clerk, response_url: service.fake.responseUrl(`acked-${i}`) }))),
    );
    expect(acks.map((ack) => ack.status)).toEqual(Array.from({ length: count }, () => 200));
    // The stop begins while the door is still handing them over.
    await service.quorum.stop();
    await expect.poll(() => Array.from({ length: count }, (_, i) => service.fake.responses(`acked-${i}`).length).filter((n) => n > 0).length, { timeout: 30_000 }).toBe(count);
  }, SERVICE_TEST_MS);
});

describe('a response_url that never answers', () => {
  it('is given up after the respond limit, logged, and leaves nothing at work for the stop', async () => {
    const { service, clerk } = await started({ slackRespondTimeoutMs: 300 });
    await commandAnsweredAt(service, clerk, hanging, '/response/given-up');
    await expect.poll(() => service.logs(), { timeout: 30_000 }).toContain('could not answer through the response_url');
    expect(await timedStop(service)).toBeLessThan(LIMIT_MS);
    expect(service.logs()).not.toContain('still at work');
  }, SERVICE_TEST_MS);
});
