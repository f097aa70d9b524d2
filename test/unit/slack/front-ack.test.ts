// The Slack requests the HTTP front door acknowledges on its own thread (adapters/slack/front-ack.mjs):
// only what the service would acknowledge with an empty 200 as its first step (correctly signed, in
// time, well formed, and a click, a slash command, a message shortcut or an event), with the body
// as Bolt's receiver would have parsed it (handed to the service with it); everything else is
// passed on, so that the service refuses it or answers it with content, as before.
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import { earlyAnswer } from '../../../adapters/slack/front-ack.mjs';
import { appMention, blockActions, button, eventCallback, formEncode, messageShortcut, signSlackRequest, slashCommand, viewSubmission } from '../../support/slack-client.ts';

const SECRET = 'front-door-test-secret';
const NOW = Date.parse('2031-04-01T09:00:00Z');
const FORM = 'application/x-www-form-urlencoded';

function request(body: string, contentType: string, overrides: { stamp?: number | string; signature?: string; secret?: string; method?: string } = {}) {
  const stamp = overrides.stamp ?? Math.floor(NOW / 1000);
  const signature = overrides.signature ?? signSlackRequest(overrides.secret ?? SECRET, Number(stamp), body);
  return earlyAnswer(
    { method: overrides.method ?? 'POST', headers: { 'content-type': contentType, 'x-slack-request-timestamp': String(stamp), 'x-slack-signature': signature }, body: Buffer.from(body) },
    { signingSecret: SECRET },
    NOW,
  );
}
const click = () => formEncode({ payload: JSON.stringify(blockActions({ actions: [button({ action_id: 'outbox.retry', value: '{}' })] })) });
const asPayload = (payload: unknown) => formEncode({ payload: JSON.stringify(payload) });
/** The body as Bolt's HTTP receiver parses it: a form's `payload` as JSON, other forms as fields, JSON as JSON. */
function asBoltReadsIt(body: string, contentType: string): unknown {
  if (contentType !== FORM) return JSON.parse(body);
  const fields = Object.fromEntries(new URLSearchParams(body));
  return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
}

describe('the front door acknowledges itself', () => {
  it.each([
    ['a button click', click(), FORM],
    ['a slash command', formEncode(slashCommand({ text: 'agenda' })), FORM],
    ['a message shortcut', asPayload(messageShortcut()), FORM],
    ['an app_mention event', JSON.stringify(appMention({ text: 'hello' })), 'application/json'],
    ['an event Quorum does not listen to', JSON.stringify(eventCallback({ type: 'reaction_added', user: 'U1' })), 'application/json'],
    ['a closed form', asPayload({ type: 'view_closed', user: { id: 'U1' }, view: { callback_id: 'x' } }), FORM],
  ])('%s, correctly signed and in time, with an empty 200 and the body as Bolt reads it', (_name, body, type) => {
    expect(request(body, type)).toEqual({ status: 200, body: asBoltReadsIt(body, type) });
  });

  it('a request stamped up to 5 minutes less 30 seconds either side of now (nearer the edge, the service decides)', () => {
    const now = Math.floor(NOW / 1000);
    expect(request(click(), FORM, { stamp: now - 270 })).toMatchObject({ status: 200 });
    expect(request(click(), FORM, { stamp: now + 270 })).toMatchObject({ status: 200 });
    expect(request(click(), FORM, { stamp: now - 271 })).toBeUndefined();
    expect(request(click(), FORM, { stamp: now + 271 })).toBeUndefined();
  });
});

describe('the front door passes on, for the service to answer', () => {
  it.each([
    ['a form submission (its ack can carry field errors)', asPayload(viewSubmission({ callback_id: 'agenda.item.add', values: { title: 'x' } })), FORM],
    ['a URL verification challenge', JSON.stringify({ type: 'url_verification', challenge: 'c', token: 't' }), 'application/json'],
    ['an SSL check', formEncode({ ssl_check: '1', token: 't' }), FORM],
    ['a block_suggestion (no select menu loads options)', asPayload({ type: 'block_suggestion', user: { id: 'U1' }, action_id: 'x', value: 'a' }), FORM],
    ['a global shortcut (not offered)', asPayload({ type: 'shortcut', callback_id: 'x', trigger_id: '1', user: { id: 'U1' }, team: { id: 'T1' } }), FORM],
    ['block_actions with actions: []', asPayload(blockActions({ actions: [] })), FORM],
    ['block_actions with an action that is null', asPayload(blockActions({ actions: [null as never] })), FORM],
    ['a user id with a NUL character', asPayload(blockActions({ user: { id: 'U\u0000X', username: 'a', name: 'a', team_id: 'T1' }, actions: [button({ action_id: 'outbox.retry' })] })), FORM],
    ['a slash command without user_id', new URLSearchParams({ command: '/quorum', team_id: 'T1', text: 'help' }).toString(), FORM],
    ['payload=null', 'payload=null', FORM],
    ['a payload that is not JSON', 'payload=%7Bnot-json', FORM],
    ['a JSON body of null', 'null', 'application/json'],
    ['an event without event_id', JSON.stringify({ ...eventCallback({ type: 'app_mention' }), event_id: undefined }), 'application/json'],
    ['a form body whose content type has a charset (Bolt reads it as JSON, and fails)', click(), `${FORM}; charset=utf-8`],
    ['a click with a top-level name (Bolt takes it for an options request)', asPayload({ ...blockActions({ actions: [button({ action_id: 'outbox.retry', value: '{}' })] }), name: 'x' }), FORM],
    ['an event whose item is not an object (Bolt reads it as one)', JSON.stringify(eventCallback({ type: 'reaction_added', user: 'U1', item: 'not an object' } as never)), 'application/json'],
    ['an event whose channel is null (Bolt reads it as an object)', JSON.stringify(eventCallback({ type: 'reaction_added', user: 'U1', channel: null } as never)), 'application/json'],
  ])('%s', (_name, body, type) => {
    expect(request(body, type)).toBeUndefined();
  });

  it('a request whose signature is wrong, made with another secret, in capitals, of another version, or missing', () => {
    const body = click();
    const good = signSlackRequest(SECRET, Math.floor(NOW / 1000), body);
    expect(request(body, FORM, { secret: 'another-secret' })).toBeUndefined();
    expect(request(body, FORM, { signature: `v0=${good.slice(3).toUpperCase()}` })).toBeUndefined();
    expect(request(body, FORM, { signature: `v1=${good.slice(3)}` })).toBeUndefined();
    expect(request(body, FORM, { signature: good.slice(0, -2) })).toBeUndefined();
    expect(request(body, FORM, { signature: '' })).toBeUndefined();
    expect(request(`${body}&extra=1`, FORM, { signature: good })).toBeUndefined();
  });

  it('a request stamped more than 5 minutes from now, either way, or not a number', () => {
    const now = Math.floor(NOW / 1000);
    expect(request(click(), FORM, { stamp: now - 301 })).toBeUndefined();
    expect(request(click(), FORM, { stamp: now + 301 })).toBeUndefined();
    expect(request(click(), FORM, { stamp: 'soon', signature: signSlackRequest(SECRET, Number.NaN, click()) })).toBeUndefined();
  });

  it('anything but a POST', () => {
    expect(request(click(), FORM, { method: 'GET' })).toBeUndefined();
  });
});
