// One running Quorum with Slack on over HTTP, for the Slack end-to-end tests: a fresh database,
// the fake Slack Web API, a signed-request client and the service's logs captured as text.
import { randomBytes } from 'node:crypto';
import { loadConfig } from '../../../src/config.ts';
import { startQuorum, type RunningQuorum, type StartOptions } from '../../../src/main.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { HARNESS_PACING, harnessDelivery, type HarnessDelivery } from '../../support/outbox.ts';
import { startFakeSlackApi, type FakeSlackApi, type FakeSlackOptions } from '../../support/fake-slack-api.ts';
import { createSlackClient, type SlackClient, type SlackResponse } from '../../support/slack-client.ts';
import type { SlashCommand } from '@slack/bolt';
import { expect } from 'vitest';

export const BOT_TOKEN = `xoxb-1234-5678-${randomBytes(12).toString('hex')}`;

export interface SlackService extends HarnessDelivery {
  quorum: RunningQuorum;
  db: TestDatabase;
  fake: FakeSlackApi;
  slack: SlackClient;
  signingSecret: string;
  botToken: string;
  /** Everything the service logged so far, as JSON lines. */
  logs(): string;
  /** Sends a slash command with a fresh response_url and waits for the answer posted there (every
   * command is acked empty first, then answered through its response_url). */
  ask(command: SlashCommand): Promise<{ ack: SlackResponse; body: Record<string, unknown> }>;
  stop(): Promise<void>;
}

export async function startSlackService(
  options: {
    fake?: FakeSlackOptions;
    beforeStart?: (fake: FakeSlackApi) => void;
    logLevel?: string;
    /** Extra configuration (e.g. PUBLIC_BASE_URL) and start options (e.g. fetchForImports). */
    env?: Record<string, string>;
    start?: Pick<StartOptions, 'fetchForImports' | 'clock' | 'stopWaitMs' | 'slackRespondTimeoutMs'>;
  } = {},
): Promise<SlackService> {
  const signingSecret = randomBytes(16).toString('hex');
  const fake = await startFakeSlackApi(options.fake);
  options.beforeStart?.(fake);
  const db = await createTestDatabase();
  const { logger, logs } = capturingLogger(options.logLevel ?? 'debug');
  const config = loadConfig({
    SLACK_BOT_TOKEN: BOT_TOKEN,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  // The service's own pace (Slack's second per channel) only when a test asks the fake to enforce
  // Slack's limits (options.fake.limits); otherwise the harnesses' (test/support/outbox.ts).
  const pacing = options.fake?.limits ? {} : { dispatcher: { pacing: { slack: HARNESS_PACING.slack } } };
  const quorum = await startQuorum({ config, logger, db, manualScheduler: true, ...pacing, ...options.start });
  const slack = createSlackClient({ baseUrl: quorum.url, signingSecret });
  return {
    quorum,
    db,
    fake,
    slack,
    signingSecret,
    botToken: BOT_TOKEN,
    logs,
    ask: async (command) => {
      const responseUrl = fake.responseUrl();
      const ack = await slack.command({ ...command, response_url: responseUrl });
      if (ack.status !== 200 || ack.text !== '') throw new Error(`the command was not acked empty: ${ack.status} ${ack.text}`);
      const answer = await fake.waitForResponse((r) => responseUrl.endsWith(`/${encodeURIComponent(r.id)}`));
      return { ack, body: answer.body };
    },
    ...harnessDelivery(db.prisma, 'slack', fake),
    stop: async () => {
      await quorum.stop();
      await db.destroy();
      await fake.close();
    },
  };
}

/** Polls until `check` returns something other than undefined/false. */
export async function eventually<T>(check: () => Promise<T | undefined | false>, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

/** Polls until `check` holds, then checks it still holds a moment later: for work that follows
 * an ack, that it happened, and happened once. */
export async function settled(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + 15_000;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`never saw: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  await new Promise((resolve) => setTimeout(resolve, 500));
  expect(await check(), `${what}, and nothing more after it`).toBe(true);
}
