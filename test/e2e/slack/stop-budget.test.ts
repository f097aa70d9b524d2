// A stop waits for work in progress within one limit in all (STOP_WAIT_MS, src/main.ts), however
// many places the work is stuck in: here a request whose body never finishes arriving holds the
// front door's close, and a slash command whose answer goes to a response_url that never answers
// holds the Slack adapter's work. Each step gets what is left of the limit, so the stop takes the
// limit once, not once per step (it took one per step before: the door's, then the adapter's), and
// says in its log what was still at work. And a response_url that never answers holds nothing for
// long: an answer through it is given up after its own limit (RESPOND_TIMEOUT_MS; Bolt's respond()
// sets none), logged, and the stop that follows finds nothing at work.
import { connect, type Socket } from 'node:net';
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { formEncode, slashCommand } from '../../support/slack-client.ts';
import { startSlowServer, type SlowServer } from '../../support/slow-server.ts';
import { startSlackService, type SlackService } from './service.ts';

/** The limit this test gives the stop (the service's is 10 s). */
const LIMIT_MS = 2_500;

let service: SlackService | undefined;
let seed: SeedBoard;
let hanging: SlowServer;
let trickle: Socket | undefined;

beforeAll(async () => {
  hanging = await startSlowServer('hang');
  service = await startSlackService({ start: { stopWaitMs: LIMIT_MS } });
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  trickle?.destroy();
  await service?.stop();
  await hanging.close();
});

describe('stopping with work stuck in two places', () => {
  it('takes the one limit in all, not one per step, and logs what was still at work', async () => {
    const running = service as SlackService;
    // Stuck in the adapter: the command is acknowledged, and its answer never gets through.
    const ack = await running.slack.command(slashCommand({ text: 'help', user_id: seed.clerk.slackUserId, response_url: hanging.url('/response/stuck') }));
    expect(ack.status).toBe(200);
    await expect.poll(() => hanging.requests('/response/stuck'), { timeout: 10_000 }).toBe(1);
    // Stuck at the door: a request whose body stops half way.
    const body = formEncode(slashCommand({ text: 'help', user_id: seed.clerk.slackUserId, response_url: running.fake.responseUrl('never-sent') }));
    const { port } = new URL(running.quorum.url);
    trickle = connect(Number(port), '127.0.0.1');
    await new Promise((resolve) => trickle?.once('connect', resolve));
    trickle.write(`POST /slack/events HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nContent-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`);
    // The door has the request (its headers are read) before the stop begins.
    await new Promise((resolve) => setTimeout(resolve, 200));

    const started = performance.now();
    await running.quorum.stop();
    const took = performance.now() - started;
    // It waited (the work was stuck), and for the limit once: one per step would be twice it or more.
    expect(took).toBeGreaterThanOrEqual(LIMIT_MS - 50);
    expect(took).toBeLessThan(2 * LIMIT_MS);
    const logs = running.logs();
    expect(logs).toContain('the HTTP front door did not finish handing requests over in time');
    expect(logs).toContain('Slack: stopping with acknowledged requests still at work');
    // Stopped: nothing listens on the door's port any more.
    await expect(fetch(`${running.quorum.url}/healthz`)).rejects.toThrow();
  }, 30_000);
});

describe('a response_url that never answers', () => {
  it('is given up after the respond limit, logged, and leaves nothing at work for the stop', async () => {
    const own = await startSlackService({ start: { stopWaitMs: LIMIT_MS, slackRespondTimeoutMs: 300 } });
    try {
      const board = await createSeedBoard(own.db.prisma);
      const ack = await own.slack.command(slashCommand({ text: 'help', user_id: board.clerk.slackUserId, response_url: hanging.url('/response/given-up') }));
      expect(ack.status).toBe(200);
      await expect.poll(() => hanging.requests('/response/given-up'), { timeout: 10_000 }).toBe(1);
      await expect.poll(() => own.logs(), { timeout: 10_000 }).toContain('could not answer through the response_url');
      const started = performance.now();
      await own.quorum.stop();
      expect(performance.now() - started).toBeLessThan(LIMIT_MS);
      expect(own.logs()).not.toContain('still at work');
    } finally {
      await own.stop();
    }
  }, 30_000);
});
