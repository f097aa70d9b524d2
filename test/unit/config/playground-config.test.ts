// When the playground is on, and where the server listens because of it.
import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig } from '../../../src/config.ts';

const SLACK = { SLACK_BOT_TOKEN: 'xoxb-token', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef' };
const TEAMS = { MICROSOFT_APP_ID: '3f2c1b0a-9d8e-4f7a-8b6c-5d4e3f2a1b0c', MICROSOFT_APP_PASSWORD: 'secret' };

describe('the playground setting', () => {
  it('is on with no platform credentials, on loopback only, with the demo board', () => {
    const config = loadConfig({});
    expect(config.playground).toEqual({ enabled: true, reason: expect.stringMatching(/no Slack or Teams credentials/), allowRemote: false, demo: true });
    expect(config.host).toBe('127.0.0.1');
    expect(describeConfig(config).join('\n')).toMatch(/Playground: on .* for browsers on this machine only/);
  });

  it.each([
    ['Slack', SLACK],
    ['Teams', TEAMS],
    ['the Teams emulator mode', { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }],
  ])('is off when %s is configured, and the server listens on every interface as before', (_what, env) => {
    const config = loadConfig(env);
    expect(config.playground.enabled).toBe(false);
    expect(config.host).toBe('0.0.0.0');
    expect(describeConfig(config).join('\n')).toMatch(/Playground: off \(Slack or Teams is configured; set PLAYGROUND=on/);
  });

  it('is off in production unless turned on', () => {
    expect(loadConfig({ NODE_ENV: 'production' }).playground).toMatchObject({ enabled: false, reason: expect.stringMatching(/NODE_ENV=production/) });
    expect(loadConfig({ NODE_ENV: 'production', PLAYGROUND: 'on' }).playground.enabled).toBe(true);
  });

  it('PLAYGROUND=on turns it on beside the platforms, and keeps the server on loopback unless HOST says otherwise', () => {
    const on = loadConfig({ ...SLACK, PLAYGROUND: 'on' });
    expect(on.playground.enabled).toBe(true);
    expect(on.host).toBe('127.0.0.1');
    expect(loadConfig({ ...SLACK, PLAYGROUND: 'on', HOST: '0.0.0.0' }).host).toBe('0.0.0.0');
  });

  it('PLAYGROUND=off turns it off; other browsers and the demo are switched separately', () => {
    expect(loadConfig({ PLAYGROUND: 'off' })).toMatchObject({ playground: { enabled: false }, host: '0.0.0.0' });
    expect(loadConfig({ PLAYGROUND_ALLOW_REMOTE: 'true', PLAYGROUND_DEMO: 'off' }).playground).toMatchObject({ enabled: true, allowRemote: true, demo: false });
    expect(describeConfig(loadConfig({ PLAYGROUND_ALLOW_REMOTE: 'true' })).join('\n')).toMatch(/for browsers on any machine \(PLAYGROUND_ALLOW_REMOTE=true\)/);
  });

  it('names the variable when its value is not one it knows', () => {
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(ConfigError);
    expect(() => loadConfig({ PLAYGROUND: 'maybe' })).toThrow(/PLAYGROUND: expected auto, on or off/);
    expect(() => loadConfig({ PLAYGROUND_DEMO: 'sometimes' })).toThrow(/PLAYGROUND_DEMO: expected on or off/);
  });
});
