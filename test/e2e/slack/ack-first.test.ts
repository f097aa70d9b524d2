// Acknowledge before any database work, through the real Bolt app over HTTP: with every database
// call held open (the real core on a database that never answers, its once-only claim included),
// slash commands, button clicks and form submissions still get their HTTP answer at once, and a
// form's bad fields still come back on the fields. With a core held open and then released, the answer follows through the
// response_url, and a refusal only the database can make reaches the person after the modal closed.
import type { Server } from 'node:http';
import express from 'express';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackAdapter } from '../../../adapters/slack/index.ts';
import { CATALOGUE, createCore, type Core, type Result } from '../../../src/core.ts';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { notice } from '../../../src/kernel/results.ts';
import type { PrismaClient } from '../../../src/persistence/generated/client.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { fakeCore } from '../../support/fake-core.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { blockActions, button, createSlackClient, slashCommand, viewSubmission, type SlackClient } from '../../support/slack-client.ts';

const signingSecret = 'ackfirst-0123456789abcdef0123456';
const UUID = '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e';
/** Well under Slack's 3 s: nothing here waits for anything but the ack. */
const PROMPT_MS = 1_000;
// With every database call held open the earlier tests' requests keep the after-ack queue's two
// places (adapters/slack/work-queue.ts); a later request's work starts when it has waited its
// 1.5 s, so the check that it started waits longer than that.
const WORK_STARTS = { timeout: 10_000 };

/** A Prisma client every call of which hangs until released; records what was asked. */
function heldDatabase() {
  const asked: string[] = [];
  const waiting: ((error: Error) => void)[] = [];
  const call = (path: string): unknown =>
    new Proxy(() => undefined, {
      get: (_target, key) => (key === 'then' || typeof key === 'symbol' ? undefined : call(`${path}.${key}`)),
      apply: () => {
        asked.push(path);
        return new Promise((_resolve, reject) => waiting.push(reject));
      },
    });
  return {
    prisma: call('prisma') as PrismaClient,
    asked,
    release: () => waiting.splice(0).forEach((reject) => reject(new Error('released by the test'))),
  };
}

/** A core whose calls wait until the test settles them. */
function heldCore() {
  const pending: { what: string; input: unknown; settle: (outcome: Result | Error) => void }[] = [];
  const hold = (what: string) => (input: unknown) =>
    new Promise<Result>((resolve, reject) => pending.push({ what, input, settle: (o) => (o instanceof Error ? reject(o) : resolve(o)) }));
  const core = fakeCore({
    runCommand: hold('runCommand'),
    clickButton: hold('clickButton'),
    submitForm: hold('submitForm'),
    recordConversation: async () => ({ id: 'c1', created: false }),
  });
  return { core, pending };
}

async function serve(core: Core, fake: FakeSlackApi) {
  const { logger, logs } = capturingLogger('info');
  const adapter = await createSlackAdapter({ config: { mode: 'http', botToken: 'xoxb-ackfirst', signingSecret, apiUrl: fake.apiUrl }, core, logger });
  const app = express();
  for (const mount of adapter.mounts) app.use(mount.path, mount.router);
  const server = await new Promise<Server>((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  const port = (server.address() as { port: number }).port;
  const slack = createSlackClient({ baseUrl: `http://127.0.0.1:${port}`, signingSecret });
  return { slack, logs, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

async function timed<T>(work: Promise<T>): Promise<{ value: T; ms: number }> {
  const started = performance.now();
  const value = await work;
  return { value, ms: performance.now() - started };
}

let fake: FakeSlackApi;
beforeAll(async () => {
  fake = await startFakeSlackApi();
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

describe('with every database call held open (the real core)', () => {
  const db = heldDatabase();
  const core = createCore({ prisma: db.prisma, logger: capturingLogger('silent').logger, platforms: ['slack'], now: () => new Date('2026-11-30T12:00:00Z'), fetchModernGov: () => Promise.reject(new Error('unused')) });
  let service: Awaited<ReturnType<typeof serve>>;
  let slack: SlackClient;
  beforeAll(async () => {
    service = await serve(core, fake);
    slack = service.slack;
  });
  afterAll(async () => {
    db.release();
    await service.close();
  });

  it('acks a slash command empty, at once, while its work waits on the database', async () => {
    const before = db.asked.length;
    const { value: res, ms } = await timed(slack.command(slashCommand({ text: 'agenda post', response_url: fake.responseUrl() })));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(ms).toBeLessThan(PROMPT_MS);
    // The work did start after the ack, and is still waiting on the database.
    await expect.poll(() => db.asked.length, WORK_STARTS).toBeGreaterThan(before);
  });

  it('acks a button click at once, while its work waits on the database', async () => {
    const before = db.asked.length;
    const click = blockActions({ actions: [button({ action_id: 'agenda.post', value: JSON.stringify({ meetingId: UUID }) })], response_url: fake.responseUrl() });
    const { value: res, ms } = await timed(slack.interaction(click));
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(ms).toBeLessThan(PROMPT_MS);
    await expect.poll(() => db.asked.length, WORK_STARTS).toBeGreaterThan(before);
  });

  it('answers a form\u2019s bad fields on the fields, without asking the database', async () => {
    const before = db.asked.length;
    const submission = viewSubmission({
      callback_id: 'meeting.create',
      private_metadata: JSON.stringify({ boardId: UUID }),
      values: { date: { type: 'datepicker', selected_date: '2020-01-10' }, time: { type: 'timepicker', selected_time: '10:00' }, duration: { type: 'number_input', value: '5' } },
    });
    const { value: res, ms } = await timed(slack.interaction(submission));
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(res.body).toEqual({
      response_action: 'errors',
      errors: { date: 'That date and time has passed. Choose a time in the future.', duration: 'A meeting lasts at least 15 minutes.' },
    });
    expect(db.asked.slice(before)).toEqual([]);
  });

  it('closes the modal of a good submission at once, and saves it after', async () => {
    const before = db.asked.length;
    const submission = viewSubmission({ callback_id: 'agenda.paste', private_metadata: JSON.stringify({ meetingId: UUID }), values: { text: { type: 'plain_text_input', value: '1. Welcome' } } });
    const { value: res, ms } = await timed(slack.interaction(submission));
    expect(ms).toBeLessThan(PROMPT_MS);
    expect(res.body).toEqual({ response_action: 'clear' });
    await expect.poll(() => db.asked.length, WORK_STARTS).toBeGreaterThan(before);
  });

  it('refuses a stale form (metadata that is not the form\u2019s) in the ack', async () => {
    const res = await slack.interaction(viewSubmission({ callback_id: 'agenda.paste', private_metadata: JSON.stringify({ meetingId: 'not-an-id' }), values: { text: { type: 'plain_text_input', value: '1. Welcome' } } }));
    expect(res.body).toEqual({ response_action: 'errors', errors: { text: 'This form is out of date. Close it and run the command again.' } });
  });
});

describe('with a core held open, then released', () => {
  const held = heldCore();
  let service: Awaited<ReturnType<typeof serve>>;
  beforeAll(async () => {
    service = await serve(held.core, fake);
  });
  afterAll(async () => {
    held.pending.splice(0).forEach((p) => p.settle(new Error('released by the test')));
    await service.close();
  });

  it('answers a slash command through its response_url once the work is done', async () => {
    const responseUrl = fake.responseUrl();
    const res = await service.slack.command(slashCommand({ text: 'help', response_url: responseUrl }));
    expect(res.text).toBe('');
    await expect.poll(() => held.pending.length).toBe(1);
    expect(fake.responses(responseUrl)).toEqual([]);
    held.pending.shift()?.settle({ kind: 'help', commands: CATALOGUE });
    const answer = await fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`));
    expect(answer.body).toMatchObject({ response_type: 'ephemeral', blocks: expect.any(Array) });
  });

  it('answers a click through its response_url once the work is done', async () => {
    const responseUrl = fake.responseUrl();
    const res = await service.slack.interaction(blockActions({ actions: [button({ action_id: 'agenda.post', value: JSON.stringify({ meetingId: UUID }) })], response_url: responseUrl }));
    expect(res.text).toBe('');
    await expect.poll(() => held.pending.length).toBe(1);
    held.pending.shift()?.settle(notice('Agenda queued.'));
    const answer = await fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`));
    expect(JSON.stringify(answer.body)).toContain('Agenda queued.');
  });

  it('tells the person, after the modal closed, of a refusal only the database could make', async () => {
    const submission = viewSubmission({ callback_id: 'agenda.paste', private_metadata: JSON.stringify({ meetingId: UUID, slackChannel: 'CBOARD' }), values: { text: { type: 'plain_text_input', value: '1. Welcome' } } });
    const res = await service.slack.interaction(submission);
    expect(res.body).toEqual({ response_action: 'clear' });
    await expect.poll(() => held.pending.length).toBe(1);
    held.pending.shift()?.settle(new AppError(ErrorCode.NOT_A_CLERK, 'Only the clerk or the chair of the board can do that.'));
    const told = await fake.waitFor('chat.postEphemeral');
    expect(told.body).toMatchObject({ channel: 'CBOARD', user: 'UCLERK1' });
    expect(String(told.body.text)).toContain('Only the clerk or the chair of the board can do that.');
    expect(service.logs()).toContain('NOT_A_CLERK');
  });
});
