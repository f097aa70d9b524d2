// What a Slack request must look like before any listener reads it. Bolt trusts a correctly
// signed body, and listeners read `body.user.id`, `view.state.values`, `actions[0]`: a validly
// signed but malformed body (`payload=null`, `actions: []`, a view without state, a JSON body of
// `null`) failed deep inside with HTTP 500. Checked here, once, with a reason the caller can read;
// unknown kinds of interaction are refused, unknown event types acknowledged and left alone.
import { z } from 'zod';
import { isReadableText } from '../../src/kernel/readable-text.ts';

export type SlackRequestKind = 'event' | 'command' | 'action' | 'view' | 'shortcut' | 'ignored';

export type SlackRequestShape = { ok: true; kind: SlackRequestKind } | { ok: false; reason: string };

const id = z.string().min(1).max(255).refine(isReadableText, { error: 'has a NUL character or a lone surrogate' });
const name = z.string().max(255).refine(isReadableText, { error: 'has a NUL character or a lone surrogate' }).optional();
const user = z.looseObject({ id, name, username: name });
const optionalText = z.string().optional();

/** The events Quorum listens to, with the fields its listeners read. */
const EVENTS: ReadonlyMap<string, z.ZodType> = new Map<string, z.ZodType>([
  ['app_mention', z.looseObject({ user: optionalText, bot_id: optionalText, text: z.string(), channel: id, ts: id, thread_ts: optionalText, team: optionalText })],
  ['message', z.looseObject({ channel: id, channel_type: optionalText, subtype: optionalText, user: optionalText, bot_id: optionalText, text: optionalText })],
  ['member_joined_channel', z.looseObject({ user: id, channel: id, channel_type: optionalText, team: optionalText })],
  ['app_home_opened', z.looseObject({ user: id, channel: optionalText, tab: optionalText })],
]);

const eventCallback = z.looseObject({
  type: z.literal('event_callback'),
  event_id: id,
  team_id: optionalText,
  event: z.looseObject({ type: z.string() }),
});

const command = z.looseObject({
  command: z.string(),
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
const option = z.looseObject({ value: z.string() });
const inputState = z.looseObject({
  value: z.string().nullish(),
  selected_date: z.string().nullish(),
  selected_time: z.string().nullish(),
  selected_option: option.nullish(),
  selected_options: z.array(option).nullish(),
});

const blockActions = z.looseObject({
  type: z.literal('block_actions'),
  user,
  team: z.looseObject({ id }).nullable().optional(),
  channel: z.looseObject({ id }).optional(),
  container: z.looseObject({ is_ephemeral: z.boolean().optional() }).optional(),
  trigger_id: optionalText,
  actions: z.array(z.looseObject({ action_id: id, type: z.string(), value: optionalText })).min(1),
});

const viewSubmission = z.looseObject({
  type: z.literal('view_submission'),
  user,
  team: z.looseObject({ id }).nullable().optional(),
  trigger_id: optionalText,
  view: z.looseObject({
    callback_id: z.string(),
    private_metadata: optionalText,
    state: z.looseObject({ values: z.record(z.string(), z.record(z.string(), inputState)) }),
  }),
});

/** A message shortcut: the message's text becomes an action's description (listeners/shortcuts.ts). */
const messageAction = z.looseObject({
  type: z.literal('message_action'),
  callback_id: id,
  user,
  team: z.looseObject({ id }).nullable().optional(),
  channel: z.looseObject({ id }),
  trigger_id: id,
  response_url: z.string().min(1),
  message: z.looseObject({ text: optionalText, ts: optionalText }),
});

/** Reads a signed, parsed request body: which kind it is, or why it cannot be handled. */
export function readSlackRequest(body: unknown): SlackRequestShape {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, reason: 'the body is not an object' };
  const fields = body as Record<string, unknown>;
  if (fields.type === 'app_rate_limited' || fields.type === 'view_closed') return { ok: true, kind: 'ignored' };
  if ('event' in fields || fields.type === 'event_callback') {
    const envelope = check(eventCallback, body, 'event');
    if (!envelope.ok) return envelope;
    const event = (fields.event as { type: string });
    const schema = EVENTS.get(event.type);
    if (!schema) return { ok: true, kind: 'ignored' };
    const checked = check(schema, event, `${event.type.slice(0, 40)} event`);
    return checked.ok ? { ok: true, kind: 'event' } : checked;
  }
  if ('command' in fields) return withKind(check(command, body, 'slash command'), 'command');
  if (fields.type === 'block_actions') return withKind(check(blockActions, body, 'block_actions payload'), 'action');
  if (fields.type === 'view_submission') return withKind(check(viewSubmission, body, 'view_submission payload'), 'view');
  if (fields.type === 'message_action') return withKind(check(messageAction, body, 'message_action payload'), 'shortcut');
  return { ok: false, reason: 'it is not a kind of request Quorum handles' };
}

function check(schema: z.ZodType, value: unknown, what: string): { ok: true } | { ok: false; reason: string } {
  const parsed = schema.safeParse(value);
  if (parsed.success) return { ok: true };
  const issue = parsed.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.').slice(0, 80) : 'the body';
  return { ok: false, reason: `the ${what} has no valid ${where}` };
}

function withKind(result: { ok: true } | { ok: false; reason: string }, kind: SlackRequestKind): SlackRequestShape {
  return result.ok ? { ok: true, kind } : result;
}
