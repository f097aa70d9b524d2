// What an inbound Bot Framework activity must look like before botbuilder or the bot touches it.
// botbuilder checks only that `type` is a string; the rest it and the bot read as they find it, so
// an activity without `from` or `conversation`, a mention without its `mentioned` account, or a
// `text` that is not a string failed deep inside a turn (a 500, or a stack trace in the log).
// Everything read is checked here; everything else passes through as Teams sent it.
import type { Activity } from 'botbuilder';
import { z } from 'zod';
import { isReadableText } from '../../src/kernel/readable-text.ts';

/** A field Teams may leave out or send as null: read as absent either way. */
const absentOr = <T extends z.ZodType>(schema: T) => schema.nullish().transform((value) => value ?? undefined);

/** Ids and names are stored (names in conversation references): a NUL character or a lone
 * surrogate in one is refused here. A person's text is the core's to check, with a clear answer. */
const readable = { error: 'has a NUL character or a lone surrogate' };
const id = z.string().min(1).max(1024).refine(isReadableText, readable);
const optionalId = (max: number) => absentOr(z.string().max(max).refine(isReadableText, readable));
const account = z.looseObject({
  id,
  name: optionalId(1024),
  aadObjectId: optionalId(256),
  role: absentOr(z.string().max(64)),
});
const conversation = z.looseObject({
  id,
  tenantId: optionalId(256),
  conversationType: optionalId(64),
  isGroup: absentOr(z.boolean()),
  name: optionalId(1024),
});
const entity = z.looseObject({ type: z.string().max(256) }).superRefine((value, ctx) => {
  // botbuilder strips the bot's @mention by reading mentioned.id and text.
  if (value.type.toLowerCase() !== 'mention') return;
  const mention = z.looseObject({ mentioned: account, text: z.string().max(1024) }).safeParse(value);
  if (!mention.success) ctx.addIssue({ code: 'custom', message: 'a mention needs its mentioned account and text' });
});
const channelData = z.looseObject({
  tenant: absentOr(z.looseObject({ id: optionalId(256) })),
  team: absentOr(z.looseObject({ id: optionalId(1024), name: optionalId(1024) })),
  channel: absentOr(z.looseObject({ id: optionalId(1024), name: optionalId(1024) })),
  eventType: absentOr(z.string().max(256)),
});
/** botbuilder turns these into Dates (keeping the text in raw*), as its own route does. */
const timestamp = absentOr(z.string().max(64));

const inboundActivity = z.looseObject({
  type: z.string().min(1).max(64),
  id: optionalId(1024),
  channelId: z.string().min(1).max(64),
  serviceUrl: z.url({ protocol: /^https?$/ }).max(2048),
  from: account,
  recipient: account,
  conversation,
  channelData: absentOr(channelData),
  text: absentOr(z.string().max(100_000)),
  name: absentOr(z.string().max(256)),
  action: absentOr(z.string().max(64)),
  replyToId: optionalId(1024),
  entities: absentOr(z.array(entity).max(100)),
  membersAdded: absentOr(z.array(account).max(1000)),
  membersRemoved: absentOr(z.array(account).max(1000)),
  timestamp,
  localTimestamp: timestamp,
  expiration: timestamp,
});

export type ActivityReading = { ok: true; activity: Activity } | { ok: false; message: string };

/** The request body as an activity, or what is wrong with it (the first problem, by its path). */
export const NOT_AN_ACTIVITY = 'Not a Bot Framework activity Quorum can read';

export function readActivity(body: unknown): ActivityReading {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) return { ok: false, message: `${NOT_AN_ACTIVITY}: the body is not a JSON object.` };
  const parsed = inboundActivity.safeParse(body);
  if (!parsed.success) {
    const [issue] = parsed.error.issues;
    const where = issue?.path.length ? issue.path.join('.') : 'the body';
    const what = issue && valueAt(body, issue.path) === undefined ? 'is missing' : 'is not valid';
    return { ok: false, message: `${NOT_AN_ACTIVITY}: ${where} ${what}.` };
  }
  const activity = parsed.data as Record<string, unknown>;
  for (const [field, raw] of [
    ['timestamp', 'rawTimestamp'],
    ['localTimestamp', 'rawLocalTimestamp'],
    ['expiration', 'rawExpiration'],
  ] as const) {
    const value = activity[field];
    if (typeof value === 'string') {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return { ok: true, activity: activity as unknown as Activity };
}

function valueAt(body: unknown, path: readonly PropertyKey[]): unknown {
  let value = body;
  for (const key of path) {
    if (value === null || typeof value !== 'object' || !Object.hasOwn(value, key)) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * Without authentication (TEAMS_ALLOW_UNAUTHENTICATED, a local emulator) nobody vouches for an
 * activity's serviceUrl, and the bot posts its answers there, with its stored reference pointing
 * there for every later message. Only loopback addresses are accepted: the emulator runs on the
 * same machine, and anything else would let whoever reaches the port make the bot post elsewhere.
 */
export function isLoopbackServiceUrl(serviceUrl: string): boolean {
  let host: string;
  try {
    host = new URL(serviceUrl).hostname;
  } catch {
    return false;
  }
  // URL has already normalised the host: IPv4 in dotted decimal, IPv6 in brackets, names lowercased.
  if (host === 'localhost' || host === '[::1]') return true;
  const octets = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(host);
  return octets !== null && octets[1] === '127';
}
