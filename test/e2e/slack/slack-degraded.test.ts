// A bot token Slack refuses must not take the service down: /healthz says what is wrong, with
// Slack's own error code, and what can still work (answers carried on the ack) still works.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slashCommand } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;

beforeAll(async () => {
  service = await startSlackService({ beforeStart: (fake) => fake.failNext('auth.test', { error: 'invalid_auth' }) });
});
afterAll(async () => {
  await service?.stop();
});

describe('Slack refuses the bot token at start', () => {
  it('starts anyway and reports the Slack error on /healthz', async () => {
    const res = await fetch(`${service.quorum.url}/healthz`);
    expect(res.status).toBe(503);
    expect(await res.json()).toMatchObject({
      status: 'degraded',
      database: { ok: true },
      slack: { state: 'error', detail: 'auth.test failed: invalid_auth' },
    });
    expect(service.logs()).toContain('auth.test failed');
  });

  it('still answers /quorum help, which needs no Web API call', async () => {
    const { body } = await service.ask(slashCommand({ text: 'help' }));
    expect(body).toMatchObject({ response_type: 'ephemeral', blocks: expect.any(Array) });
  });
});
