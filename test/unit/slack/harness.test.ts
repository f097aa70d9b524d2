// The Slack test harness itself: the fake Web API answers the official WebClient the way Slack
// does (bodies parsed, 429 with Retry-After, error codes, 5xx), and the signed-request client's
// signatures are the ones Bolt's own verifier accepts.
import { WebClient } from '@slack/web-api';
import { verifySlackRequest } from '@slack/bolt';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSlackMessenger } from '../../../adapters/slack/messenger.ts';
import { type OutboundMessage, DeliveryFailure } from '../../../src/delivery/port.ts';
import { manifestBotScopes, startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { signSlackRequest, slashCommand, viewSubmission, blockActions, button } from '../../support/slack-client.ts';

let fake: FakeSlackApi;
let client: WebClient;

beforeAll(async () => {
  fake = await startFakeSlackApi();
  client = new WebClient('xoxb-harness', { slackApiUrl: fake.apiUrl, retryConfig: { retries: 0 }, rejectRateLimitedCalls: true });
});
afterAll(async () => {
  await fake.close();
});
afterEach(() => fake.reset());

describe('fake Slack Web API', () => {
  it('records calls with their parsed arguments and token, and answers like Slack', async () => {
    const first = await client.chat.postMessage({ channel: 'C1', text: 'Agenda', blocks: [{ type: 'divider' }], metadata: { event_type: 'e', event_payload: { a: 1 } } });
    const second = await client.chat.postMessage({ channel: 'C1', text: 'Reminder' });
    expect(first).toMatchObject({ ok: true, channel: 'C1' });
    expect(Number(second.ts)).toBeGreaterThan(Number(first.ts));
    const [call] = fake.calls('chat.postMessage');
    expect(call).toMatchObject({ method: 'chat.postMessage', token: 'xoxb-harness', body: { channel: 'C1', text: 'Agenda', blocks: [{ type: 'divider' }] } });
    expect(call?.body.metadata).toEqual({ event_type: 'e', event_payload: { a: 1 } });
    const history = await client.conversations.history({ channel: 'C1' });
    expect(history.messages?.map((m) => m.text)).toEqual(['Reminder', 'Agenda']);
  });

  it('answers the methods the bot uses', async () => {
    expect(await client.auth.test()).toMatchObject({ ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T0SEED' });
    expect(await client.conversations.open({ users: 'U123' })).toMatchObject({ channel: { id: 'D123' } });
    expect(await client.views.open({ trigger_id: 't', view: { type: 'modal', title: { type: 'plain_text', text: 'T' }, blocks: [] } })).toMatchObject({
      view: { id: expect.stringMatching(/^V/), type: 'modal' },
    });
    expect(await client.views.publish({ user_id: 'U1', view: { type: 'home', blocks: [] } })).toMatchObject({ view: { type: 'home' } });
    fake.addUser({ id: 'U9', name: 'richard.norfolk', realName: 'Richard Norfolk', email: 'richard.norfolk@example.org' });
    expect(await client.users.lookupByEmail({ email: 'Richard.Norfolk@example.org' })).toMatchObject({ user: { id: 'U9' } });
    expect(await client.users.info({ user: 'U9' })).toMatchObject({ user: { real_name: 'Richard Norfolk' } });
    await expect(client.users.info({ user: 'U404' })).rejects.toMatchObject({ data: { error: 'user_not_found' } });
    await expect(client.apiCall('files.frobnicate')).rejects.toMatchObject({ data: { error: 'unknown_method' } });
  });

  it('fails on demand: 429 with Retry-After, a Slack error code, a 5xx, then answers again', async () => {
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    fake.failNext('chat.postMessage', { error: 'channel_not_found' });
    fake.failNext('chat.postMessage', { status: 503 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_rate_limited_error', retryAfter: 2 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ data: { error: 'channel_not_found' } });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).rejects.toMatchObject({ code: 'slack_webapi_http_error', statusCode: 503 });
    await expect(client.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    expect(fake.calls('chat.postMessage').map((c) => c.status)).toEqual([429, 200, 503, 200]);
  });

  const message = (outboxId: string): OutboundMessage => ({
    outboxId,
    template: 'delivery.failed',
    data: { boardName: 'SCPB', outboxId: 'x', template: 'agenda.card', targetKind: 'channel', targetId: 'C1', code: '404', reason: 'Gone' },
  });

  it('drives the outbox messenger\u2019s failure classification', async () => {
    const messenger = createSlackMessenger({ token: 'xoxb-harness', apiUrl: fake.apiUrl, render: () => ({ text: 'Agenda', blocks: [] }) });
    fake.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
    const failure = await messenger.send({ kind: 'channel', id: 'C1' }, [message('o1')]).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(DeliveryFailure);
    expect(failure).toMatchObject({ kind: 'rate_limited', retryAfterMs: 2_000 });
    const sent = await messenger.send({ kind: 'user', id: 'U7' }, [message('o2')]);
    expect(sent.conversationId).toBe('D7');
    expect(await messenger.findSent?.({ kind: 'user', id: 'U7' }, 'o2', new Date(Date.now() - 1000))).toEqual(sent);
  });

  it('finds a message sent before a crash with only the manifest\u2019s scopes, pages back to when it was queued', async () => {
    const messenger = createSlackMessenger({ token: 'xoxb-harness', apiUrl: fake.apiUrl, render: () => ({ text: 'Agenda', blocks: [] }) });
    const queuedAt = new Date(Date.now() - 1000);
    for (const channel of ['C1', 'G1']) {
      const sent = await messenger.send({ kind: 'channel', id: channel }, [message(`early-${channel}`)]);
      // 450 later messages in the channel: the one sent is on the third page of history.
      for (let i = 0; i < 450; i += 1) await client.chat.postMessage({ channel, text: `chatter ${i}` });
      expect(await messenger.findSent?.({ kind: 'channel', id: channel }, `early-${channel}`, queuedAt)).toEqual(sent);
      expect(await messenger.findSent?.({ kind: 'channel', id: channel }, 'never-sent', queuedAt)).toBeUndefined();
    }
    const pages = fake.calls('conversations.history');
    expect(pages.every((c) => c.status === 200 && Number(c.body.oldest) > 0)).toBe(true);
    expect(pages.length).toBeGreaterThanOrEqual(6);
  });

  it('answers missing_scope for a method the installed scopes do not allow, as Slack does', async () => {
    const narrow = await startFakeSlackApi({ scopes: ['chat:write'] });
    try {
      const narrowClient = new WebClient('xoxb-any', { slackApiUrl: narrow.apiUrl, retryConfig: { retries: 0 } });
      await expect(narrowClient.conversations.history({ channel: 'C1' })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'channels:history' } });
      await expect(narrowClient.conversations.history({ channel: 'G1' })).rejects.toMatchObject({ data: { error: 'missing_scope', needed: 'groups:history' } });
      await expect(narrowClient.chat.postMessage({ channel: 'C1', text: 'x' })).resolves.toMatchObject({ ok: true });
    } finally {
      await narrow.close();
    }
    expect(manifestBotScopes()).toEqual(expect.arrayContaining(['channels:history', 'groups:history', 'im:history', 'chat:write']));
  });

  it('waits for calls still to come, and says what it saw when they do not', async () => {
    const waiting = fake.waitFor('chat.update', (c) => c.body.ts === '1.0');
    setTimeout(() => void client.chat.update({ channel: 'C1', ts: '1.0', text: 'updated' }), 20);
    expect((await waiting).body.text).toBe('updated');
    await client.auth.test();
    const error = await fake.waitFor('chat.delete', undefined, 50).catch((e: unknown) => e as Error);
    expect(String(error)).toMatch(/no matching chat.delete call .*auth\.test/);
  });

  it('serves response_urls and records what is posted to them', async () => {
    const url = fake.responseUrl();
    await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ text: 'Done', response_type: 'ephemeral' }) });
    expect(fake.responses(url)).toEqual([expect.objectContaining({ body: { text: 'Done', response_type: 'ephemeral' } })]);
    expect((await fake.waitForResponse((r) => r.body.text === 'Done')).id).toBe(url.split('/').pop());
  });

  it('checks the token when told which one is valid', async () => {
    const strict = await startFakeSlackApi({ botToken: 'xoxb-right' });
    try {
      const wrong = new WebClient('xoxb-wrong', { slackApiUrl: strict.apiUrl, retryConfig: { retries: 0 } });
      await expect(wrong.auth.test()).rejects.toMatchObject({ data: { error: 'invalid_auth' } });
    } finally {
      await strict.close();
    }
  });
});

describe('signed-request client', () => {
  it('signs the way Slack does: Bolt\u2019s verifier accepts it, and rejects it with another secret', () => {
    const secret = 'a'.repeat(32);
    const body = new URLSearchParams({ text: 'help' }).toString();
    const ts = Math.floor(Date.now() / 1000);
    const headers = { 'x-slack-signature': signSlackRequest(secret, ts, body), 'x-slack-request-timestamp': ts };
    expect(() => verifySlackRequest({ signingSecret: secret, body, headers })).not.toThrow();
    expect(() => verifySlackRequest({ signingSecret: 'b'.repeat(32), body, headers })).toThrow(/signature mismatch/i);
  });

  it('builds complete payloads with overrides', () => {
    expect(slashCommand({ text: 'agenda post' })).toMatchObject({ command: '/quorum', text: 'agenda post', team_id: 'T0SEED', trigger_id: expect.any(String) });
    const click = blockActions({ actions: [button({ action_id: 'outbox.retry', value: '{"outboxId":"o1"}' })] });
    expect(click).toMatchObject({ type: 'block_actions', actions: [{ type: 'button', action_id: 'outbox.retry' }], container: { type: 'message' } });
    const submit = viewSubmission({ callback_id: 'meeting.create', values: { title: 'Board', date: { type: 'datepicker', selected_date: '2027-01-20' } }, private_metadata: '{"board":"scpb"}' });
    expect(submit.view.state.values).toEqual({
      title: { title: { type: 'plain_text_input', value: 'Board' } },
      date: { date: { type: 'datepicker', selected_date: '2027-01-20' } },
    });
  });
});
