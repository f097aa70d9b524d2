import { describe, expect, it } from 'vitest';
import { ConfigError, describeConfig, loadConfig, redactUrl } from '../../../src/config.ts';

const SECRET = '0123456789abcdef0123456789abcdef';

function problems(env: Record<string, string>): { variable: string; message: string }[] {
  try {
    loadConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) return error.problems;
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadConfig', () => {
  it('starts with nothing set: PGlite in ./data, port 3978, both platforms off', () => {
    const config = loadConfig({});
    expect(config.port).toBe(3978);
    expect(config.database).toEqual({ kind: 'pglite', dataDir: './data' });
    expect(config.slack).toEqual({ mode: 'off' });
    expect(config.teams).toEqual({ mode: 'off' });
  });

  it('switches to a PostgreSQL server with DATABASE_URL', () => {
    expect(loadConfig({ DATABASE_URL: 'postgres://u:p@db:5432/quorum' }).database).toEqual({
      kind: 'postgres',
      url: 'postgres://u:p@db:5432/quorum',
    });
  });

  it('treats empty values as unset', () => {
    expect(loadConfig({ DATABASE_URL: '', SLACK_BOT_TOKEN: '  ', PORT: '' }).database.kind).toBe('pglite');
  });

  it('names the variable and what is expected when a value is malformed', () => {
    expect(problems({ PORT: 'eighty' })).toEqual([{ variable: 'PORT', message: 'expected a TCP port number such as 3978' }]);
    expect(problems({ PORT: '70000' })[0]?.variable).toBe('PORT');
    expect(problems({ DATABASE_URL: 'mysql://x' })[0]).toMatchObject({ variable: 'DATABASE_URL', message: expect.stringMatching(/PostgreSQL URL/) });
    expect(problems({ SLACK_BOT_TOKEN: 'xoxp-user-token', SLACK_SIGNING_SECRET: SECRET })[0]).toMatchObject({
      variable: 'SLACK_BOT_TOKEN',
      message: expect.stringMatching(/xoxb-/),
    });
    expect(problems({ LOG_LEVEL: 'loud' })[0]?.variable).toBe('LOG_LEVEL');
    expect(problems({ MICROSOFT_APP_ID: 'not-a-guid', MICROSOFT_APP_PASSWORD: 'x' })[0]?.variable).toBe('MICROSOFT_APP_ID');
  });

  it('requires the variables that go together', () => {
    expect(problems({ SLACK_BOT_TOKEN: 'xoxb-1' }).map((p) => p.variable)).toEqual(['SLACK_SIGNING_SECRET']);
    expect(problems({ SLACK_SIGNING_SECRET: SECRET }).map((p) => p.variable)).toEqual(['SLACK_BOT_TOKEN']);
    expect(problems({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001' }).map((p) => p.variable)).toEqual([
      'MICROSOFT_APP_PASSWORD',
    ]);
    expect(
      problems({
        MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001',
        MICROSOFT_APP_PASSWORD: 'pw',
        MICROSOFT_APP_TYPE: 'SingleTenant',
      }).map((p) => p.variable),
    ).toEqual(['MICROSOFT_APP_TENANT_ID']);
  });

  it('the error message lists every problem, one per line, without secret values', () => {
    try {
      loadConfig({ PORT: 'x', SLACK_BOT_TOKEN: 'xoxb-very-secret' });
      expect.unreachable();
    } catch (error) {
      const message = (error as Error).message;
      expect(message).toMatch(/PORT: /);
      expect(message).toMatch(/SLACK_SIGNING_SECRET: required/);
      expect(message).not.toMatch(/very-secret/);
    }
  });

  it('chooses Slack HTTP or Socket Mode, and Teams authenticated or emulator mode', () => {
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_SIGNING_SECRET: SECRET }).slack.mode).toBe('http');
    expect(loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' }).slack.mode).toBe('socket');
    expect(
      loadConfig({ MICROSOFT_APP_ID: '00000000-0000-0000-0000-000000000001', MICROSOFT_APP_PASSWORD: 'pw' }).teams,
    ).toMatchObject({ mode: 'authenticated', appType: 'MultiTenant' });
    expect(loadConfig({ TEAMS_ALLOW_UNAUTHENTICATED: 'true' }).teams.mode).toBe('unauthenticated');
    expect(problems({ TEAMS_ALLOW_UNAUTHENTICATED: 'true', NODE_ENV: 'production' })[0]).toMatchObject({
      variable: 'TEAMS_ALLOW_UNAUTHENTICATED',
      message: expect.stringMatching(/refused when NODE_ENV=production/),
    });
  });

  it('describes what is on and off and which variables switch each on, with no secrets', () => {
    const lines = describeConfig(
      loadConfig({
        SLACK_BOT_TOKEN: 'xoxb-secret-token',
        SLACK_SIGNING_SECRET: SECRET,
        DATABASE_URL: 'postgres://quorum:hunter2@db:5432/quorum',
      }),
    ).join('\n');
    expect(lines).toMatch(/Slack: on/);
    expect(lines).toMatch(/Teams: off \(set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/);
    expect(lines).not.toMatch(/xoxb-secret-token|hunter2|0123456789abcdef/);
    expect(describeConfig(loadConfig({})).join('\n')).toMatch(/Slack: off \(set SLACK_BOT_TOKEN/);
  });

  it('redacts passwords from database URLs', () => {
    expect(redactUrl('postgres://quorum:hunter2@db:5432/quorum')).toBe('postgres://quorum:***@db:5432/quorum');
    expect(redactUrl('nonsense')).toBe('(unparseable URL)');
  });
});
