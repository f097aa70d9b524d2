// createSlackAdapter on its own (a fake core, the fake Slack API): what it mounts in each mode, and
// how it reports a token Slack refuses without stopping the service.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import type { Core } from '../../../src/core.ts';
import { createLogger } from '../../../src/logger.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { fakeCore } from '../../support/fake-core.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';

const core: Core = fakeCore();
const logger = createLogger({ level: 'silent' });
const signingSecret = '0123456789abcdef0123456789abcdef';

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

describe('HTTP mode', () => {
  it('mounts one router for /slack/events and reports on once auth.test passes', async () => {
    const adapter = await createSlackAdapter({ config: { mode: 'http', botToken: 'xoxb-1', signingSecret, apiUrl: fake.apiUrl }, core, logger });
    expect(adapter.platform).toBe('slack');
    expect(adapter.mounts).toHaveLength(1);
    expect(adapter.mounts[0]?.path).toBe('/');
    await adapter.start();
    expect(fake.calls('auth.test')).toHaveLength(1);
    expect(fake.calls('auth.test')[0]?.token).toBe('xoxb-1');
    expect(adapter.state()).toEqual({ state: 'on', detail: 'http /slack/events' });
    await adapter.stop();
  });

  it('reports a refused token with Slack\u2019s error code, without throwing', async () => {
    fake.failNext('auth.test', { error: 'invalid_auth' });
    const adapter = await createSlackAdapter({ config: { mode: 'http', botToken: 'xoxb-2', signingSecret, apiUrl: fake.apiUrl }, core, logger });
    await expect(adapter.start()).resolves.toBeUndefined();
    expect(adapter.state()).toEqual({ state: 'error', detail: 'auth.test failed: invalid_auth' });
  });

  it('reports Slack being unreachable, without throwing', async () => {
    fake.failNext('auth.test', { status: 503 });
    const adapter = await createSlackAdapter({ config: { mode: 'http', botToken: 'xoxb-3', signingSecret, apiUrl: fake.apiUrl }, core, logger });
    await adapter.start();
    expect(adapter.state()).toEqual({ state: 'error', detail: 'auth.test failed: HTTP 503' });
  });
});

describe('Socket Mode', () => {
  it('mounts nothing on the HTTP server', async () => {
    const adapter = await createSlackAdapter({
      config: { mode: 'socket', botToken: 'xoxb-4', appToken: 'xapp-1-A1-1-abc', apiUrl: fake.apiUrl },
      core,
      logger,
    });
    expect(adapter.mounts).toEqual([]);
    expect(adapter.state().state).toBe('on');
    await adapter.stop();
  });

  it('reports an app token Slack refuses as an error, and stops cleanly', async () => {
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    const adapter = await createSlackAdapter({
      config: { mode: 'socket', botToken: 'xoxb-5', appToken: 'xapp-1-A1-1-def', apiUrl: fake.apiUrl },
      core,
      logger,
    });
    await adapter.start();
    const call = fake.calls('apps.connections.open')[0];
    expect(call?.token).toBe('xapp-1-A1-1-def');
    expect(adapter.state()).toEqual({ state: 'error', detail: 'socket mode: invalid_auth' });
    await adapter.stop();
  });

  it('says Slack cannot be reached, not that a token is wrong, when nothing answers', async () => {
    const { logger: capturing, logs } = capturingLogger('error');
    // Port 9 (discard) on this machine: nothing listens there.
    const adapter = await createSlackAdapter({
      config: { mode: 'socket', botToken: 'xoxb-6', appToken: 'xapp-1-A1-1-ghi', apiUrl: 'http://127.0.0.1:9/api/' },
      core,
      logger: capturing,
    });
    await adapter.start();
    expect(adapter.state()).toMatchObject({ state: 'error', detail: expect.stringMatching(/^socket mode: unreachable/) });
    const said = logs();
    expect(said).toContain('Slack: could not reach Slack to check the bot token');
    expect(said).toContain('Slack Socket Mode could not connect: Slack cannot be reached from this machine');
    expect(said).not.toContain('until the token is fixed');
    expect(said).not.toContain('check SLACK_APP_TOKEN');
    await adapter.stop();
  });

  it('says which token Slack refused', async () => {
    fake.failNext('apps.connections.open', { error: 'invalid_auth' });
    const { logger: capturing, logs } = capturingLogger('error');
    const adapter = await createSlackAdapter({ config: { mode: 'socket', botToken: 'xoxb-7', appToken: 'xapp-1-A1-1-jkl', apiUrl: fake.apiUrl }, core, logger: capturing });
    await adapter.start();
    expect(logs()).toContain('Slack Socket Mode could not connect: Slack refused it (check SLACK_APP_TOKEN');
    await adapter.stop();
  });
});
