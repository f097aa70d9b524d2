// What a Slack request must look like before any listener reads it. Bolt trusts a correctly
// signed body, and listeners read `body.user.id`, `view.state.values`, `actions[0]`: a validly
// signed but malformed body (`payload=null`, `actions: []`, a view without state, a JSON body of
// `null`) failed deep inside with HTTP 500. Checked here, once, with a reason the caller can read;
// unknown kinds of interaction are refused, unknown event types acknowledged and left alone.
//
// Plain JavaScript with its own small checks rather than zod: the HTTP front door's worker thread
// (src/http/front-door-worker.mjs) reads every request with this before acknowledging it, and
// zod would make that thread hold about 10 MiB more (`npm run bench -- memory`). The checks keep
// zod's meaning: loose objects, and the first failing field's path as the reason.
import { isReadableText } from '../../src/kernel/readable-text-rule.mjs';

/** @typedef {(string | number)[]} Path */
/** A check: undefined when the value fits, otherwise the path of the first thing that does not. @typedef {(value: unknown, path: Path) => Path | undefined} Check */

/** @param {{ min?: number; max?: number; readable?: boolean }} [rules] @returns {Check} */
const string =
  ({ min = 0, max = Infinity, readable = false } = {}) =>
  (value, path) =>
    typeof value === 'string' && value.length >= min && value.length <= max && (!readable || isReadableText(value)) ? undefined : path;
/** @param {Check} check @returns {Check} */
const optional = (check) => (value, path) => (value === undefined ? undefined : check(value, path));
/** @param {Check} check @returns {Check} */
const nullish = (check) => (value, path) => (value === undefined || value === null ? undefined : check(value, path));
/** @param {unknown} expected @returns {Check} */
const literal = (expected) => (value, path) => (value === expected ? undefined : path);
/** @type {Check} */
const boolean = (value, path) => (typeof value === 'boolean' ? undefined : path);
/** @param {unknown} value @returns {value is Record<string, unknown>} */
const isObject = (value) => typeof value === 'object' && value !== null && !Array.isArray(value);
/** An object with at least these fields (others allowed), checked in this order. @param {Record<string, Check>} shape @returns {Check} */
const object = (shape) => (value, path) => {
  if (!isObject(value)) return path;
  for (const [key, check] of Object.entries(shape)) {
    const bad = check(value[key], [...path, key]);
    if (bad) return bad;
  }
  return undefined;
};
/** @param {Check} item @param {{ min?: number }} [rules] @returns {Check} */
const array =
  (item, { min = 0 } = {}) =>
  (value, path) => {
    if (!Array.isArray(value)) return path;
    for (let i = 0; i < value.length; i += 1) {
      const bad = item(value[i], [...path, i]);
      if (bad) return bad;
    }
    return value.length < min ? path : undefined;
  };
/** An object whose every field fits. @param {Check} check @returns {Check} */
const record = (check) => (value, path) => {
  if (!isObject(value)) return path;
  for (const [key, field] of Object.entries(value)) {
    const bad = check(field, [...path, key]);
    if (bad) return bad;
  }
  return undefined;
};

const id = string({ min: 1, max: 255, readable: true });
const name = optional(string({ max: 255, readable: true }));
const user = object({ id, name, username: name });
const optionalText = optional(string());
const team = nullish(object({ id }));

/** The events Quorum listens to, with the fields its listeners read. @type {ReadonlyMap<string, Check>} */
const EVENTS = new Map([
  ['app_mention', object({ user: optionalText, bot_id: optionalText, text: string(), channel: id, ts: id, thread_ts: optionalText, team: optionalText })],
  ['message', object({ channel: id, channel_type: optionalText, subtype: optionalText, user: optionalText, bot_id: optionalText, text: optionalText })],
  ['member_joined_channel', object({ user: id, channel: id, channel_type: optionalText, team: optionalText })],
  ['app_home_opened', object({ user: id, channel: optionalText, tab: optionalText })],
]);

const eventCallback = object({
  type: literal('event_callback'),
  event_id: id,
  team_id: optionalText,
  event: object({ type: string() }),
});

const command = object({
  command: string(),
  user_id: id,
  team_id: id,
  user_name: name,
  channel_id: optionalText,
  channel_name: optionalText,
  text: optionalText,
  trigger_id: optionalText,
  response_url: optionalText,
});

/** One input's state, as the form reader (cards' readSlackViewValues) reads it. */
const option = object({ value: string() });
const inputState = object({
  value: nullish(string()),
  selected_date: nullish(string()),
  selected_time: nullish(string()),
  selected_option: nullish(option),
  selected_options: nullish(array(option)),
});

const blockActions = object({
  type: literal('block_actions'),
  user,
  team,
  channel: optional(object({ id })),
  container: optional(object({ is_ephemeral: optional(boolean) })),
  trigger_id: optionalText,
  actions: array(object({ action_id: id, type: string(), value: optionalText }), { min: 1 }),
});

const viewSubmission = object({
  type: literal('view_submission'),
  user,
  team,
  trigger_id: optionalText,
  view: object({
    callback_id: string(),
    private_metadata: optionalText,
    state: object({ values: record(record(inputState)) }),
  }),
});

/** A message shortcut: the message's text becomes an action's description (listeners/shortcuts.ts). */
const messageAction = object({
  type: literal('message_action'),
  callback_id: id,
  user,
  team,
  channel: object({ id }),
  trigger_id: id,
  response_url: string({ min: 1 }),
  message: object({ text: optionalText, ts: optionalText }),
});

/** Reads a signed, parsed request body: which kind it is, or why it cannot be handled.
 * @param {unknown} body
 * @returns {import('./request-shape.d.mts').SlackRequestShape} */
export function readSlackRequest(body) {
  if (!isObject(body)) return { ok: false, reason: 'the body is not an object' };
  if (body.type === 'app_rate_limited' || body.type === 'view_closed') return { ok: true, kind: 'ignored' };
  if ('event' in body || body.type === 'event_callback') {
    const envelope = check(eventCallback, body, 'event');
    if (!envelope.ok) return envelope;
    const event = /** @type {{ type: string }} */ (body.event);
    const schema = EVENTS.get(event.type);
    if (!schema) return { ok: true, kind: 'ignored' };
    const checked = check(schema, event, `${event.type.slice(0, 40)} event`);
    return checked.ok ? { ok: true, kind: 'event' } : checked;
  }
  if ('command' in body) return withKind(check(command, body, 'slash command'), 'command');
  if (body.type === 'block_actions') return withKind(check(blockActions, body, 'block_actions payload'), 'action');
  if (body.type === 'view_submission') return withKind(check(viewSubmission, body, 'view_submission payload'), 'view');
  if (body.type === 'message_action') return withKind(check(messageAction, body, 'message_action payload'), 'shortcut');
  return { ok: false, reason: 'it is not a kind of request Quorum handles' };
}

/** @param {Check} schema @param {unknown} value @param {string} what @returns {{ ok: true } | { ok: false; reason: string }} */
function check(schema, value, what) {
  const bad = schema(value, []);
  if (!bad) return { ok: true };
  const where = bad.length > 0 ? bad.map(String).join('.').slice(0, 80) : 'the body';
  return { ok: false, reason: `the ${what} has no valid ${where}` };
}

/** @param {{ ok: true } | { ok: false; reason: string }} result @param {import('./request-shape.d.mts').SlackRequestKind} kind @returns {import('./request-shape.d.mts').SlackRequestShape} */
function withKind(result, kind) {
  return result.ok ? { ok: true, kind } : result;
}
