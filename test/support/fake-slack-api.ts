// A local stand-in for Slack's Web API, for tests: a real HTTP server on 127.0.0.1 that the
// service's WebClient talks to (`SLACK_API_URL=${fake.apiUrl}`). It records every call, answers
// the methods Quorum uses the way Slack does, fails on demand (429 with Retry-After, a Slack error
// code, a 5xx), and serves response_urls so that `respond()` calls can be read back.
//
//   const slack = await startFakeSlackApi();
//   ... SLACK_API_URL: slack.apiUrl ...
//   slack.failNext('chat.postMessage', { status: 429, retryAfter: 2 });
//   const call = await slack.waitFor('views.publish', (c) => c.body.user_id === 'U1');
//   await slack.close();
import { once } from 'node:events';
import { createServer, type IncomingHttpHeaders, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { readFileSync } from 'node:fs';

/** One Web API call as the fake received it. */
export interface RecordedCall {
  /** The Web API method, e.g. "chat.postMessage". */
  method: string;
  /** The arguments, parsed from a form or JSON body. Form fields holding JSON (blocks, view,
   * metadata...) are parsed too; `raw` keeps the body as sent. */
  body: Record<string, unknown>;
  raw: string;
  contentType: string;
  /** The token, from the Authorization header or the body. */
  token: string | undefined;
  headers: IncomingHttpHeaders;
  /** The HTTP status the fake answered with. */
  status: number;
  at: number;
  /** For a 429 from `limits`: whether the call broke the pace or drew the random share. */
  throttled?: 'pace' | 'random';
}

/** What was posted to a response_url (what Bolt's `respond()` sends). */
export interface RecordedResponse {
  id: string;
  body: Record<string, unknown>;
  at: number;
}

/** How the next call(s) of a method fail. */
export type FakeFailure =
  /** HTTP 429 with a Retry-After header (seconds), as Slack rate limits. */
  | { status: 429; retryAfter?: number }
  /** Any other HTTP error status (500, 502, 503...), with an empty body. */
  | { status: number }
  /** HTTP 200 with `{ ok: false, error }`, as Slack reports most failures. */
  | { error: string; extra?: Record<string, unknown> };

export interface FakeUser {
  id: string;
  name: string;
  realName?: string;
  email?: string;
  teamId?: string;
  isBot?: boolean;
  tz?: string;
}

export interface FakeSlackIdentity {
  /** The bot's user id (what auth.test returns as user_id). */
  botUserId: string;
  botId: string;
  teamId: string;
  team: string;
  appId: string;
}

/** Answer a method yourself: return the JSON body (ok: true is added when missing). */
export type MethodHandler = (call: RecordedCall) => Record<string, unknown>;

export interface FakeSlackApi {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** http://127.0.0.1:PORT/api/ : the value for SLACK_API_URL / slackApiUrl. */
  readonly apiUrl: string;
  readonly identity: FakeSlackIdentity;
  /** Recorded calls, oldest first: all of them, or those of one method. */
  calls(method?: string): RecordedCall[];
  /** Resolves with the first call (already recorded or still to come) of the method that matches. */
  waitFor(method: string, predicate?: (call: RecordedCall) => boolean, timeoutMs?: number): Promise<RecordedCall>;
  /** The next `times` calls of the method fail as described (then it answers normally again). */
  failNext(method: string, failure: FakeFailure, times?: number): void;
  /** An outage: for `ms` from now, every Web API call but auth.test is answered with HTTP `status`
   * (503 unless given) and an empty body, as Slack's edge answers when Slack is down. */
  outage(ms: number, status?: number): void;
  /** The next `times` calls of the method are answered only after `ms` milliseconds. */
  delayNext(method: string, ms: number, times?: number): void;
  /** Replace the fake's answer to a method (until reset). */
  handle(method: string, handler: MethodHandler): void;
  /** Users known to users.info and users.lookupByEmail. */
  addUser(user: FakeUser): void;
  /** A file someone uploaded (a form's file_input): files.info describes it (with `reportedSize`
   * in place of its real size, if given) and its url_private_download serves `content` to the bot token. */
  addFile(file: FakeFile): void;
  /** Who conversations.members says is in a channel (user ids). */
  setChannelMembers(channel: string, userIds: string[]): void;
  /** The bot token's scopes: the Slack manifest's, unless a test takes some away. */
  readonly scopes: Set<string>;
  /** A fresh response_url on this server; what is posted to it is recorded. */
  responseUrl(id?: string): string;
  /** What was posted to response_urls: all, or to one (by id or by the URL itself). */
  responses(idOrUrl?: string): RecordedResponse[];
  waitForResponse(predicate?: (response: RecordedResponse) => boolean, timeoutMs?: number): Promise<RecordedResponse>;
  /** Forgets calls, responses, failures, handlers, users and posted messages. */
  reset(): void;
  close(): Promise<void>;
}

export interface FakeSlackOptions {
  identity?: Partial<FakeSlackIdentity>;
  /** The bot token's scopes; by default exactly those manifest/slack/manifest.json asks for. */
  scopes?: string[];
  /** When set, calls made with another token get `invalid_auth` (a missing one `not_authed`). */
  botToken?: string;
  /** Slack's limits on posting, enforced: chat.postMessage and chat.update to one channel at most
   * `perChannelPerSecond` a second (429 with Retry-After for the rest of the second), and, to be
   * unkind, `randomShare` of those calls answered 429 (Retry-After 1) whatever the pace. */
  limits?: { perChannelPerSecond?: number; randomShare?: number; random?: () => number };
}

export interface FakeFile {
  id: string;
  name: string;
  mimetype: string;
  filetype: string;
  content: Buffer;
  reportedSize?: number;
}

/** The methods the fake paces per channel, as Slack paces posting. */
const PACED_METHODS = new Set(['chat.postMessage', 'chat.update']);

interface PostedMessage {
  channel: string;
  ts: string;
  text?: unknown;
  blocks?: unknown;
  metadata?: unknown;
  thread_ts?: unknown;
  user: string;
  bot_id: string;
}

const DEFAULT_IDENTITY: FakeSlackIdentity = {
  botUserId: 'UBOT',
  botId: 'BBOT',
  teamId: 'T0SEED',
  team: 'Harrow Partnerships',
  appId: 'AQUORUM',
};

/** The scopes the Slack manifest asks for: what an installed bot token holds. */
export function manifestScopes(): string[] {
  const manifest = JSON.parse(readFileSync(new URL('../../manifest/slack/manifest.json', import.meta.url), 'utf8')) as { oauth_config: { scopes: { bot: string[] } } };
  return manifest.oauth_config.scopes.bot;
}

/** The scope(s) a method needs, as Slack documents them (any one of a list will do). Methods the
 * fake answers without a listed scope need none beyond the token (auth.test) or are not checked. */
const METHOD_SCOPES: Record<string, (body: Record<string, unknown>) => string[]> = {
  'chat.postMessage': () => ['chat:write'],
  'chat.postEphemeral': () => ['chat:write'],
  'chat.update': () => ['chat:write'],
  'chat.delete': () => ['chat:write'],
  'users.info': () => ['users:read'],
  'users.lookupByEmail': () => ['users:read.email'],
  // A file's url_private_download needs it too (checked where the fake serves it, recorded as 'files.download').
  'files.info': () => ['files:read'],
  'conversations.members': (body) => (String(body.channel ?? '').startsWith('G') ? ['groups:read'] : ['channels:read', 'groups:read']),
  'conversations.info': () => ['channels:read', 'groups:read', 'im:read', 'mpim:read'],
  'conversations.open': () => ['im:write', 'mpim:write'],
  // By the kind of conversation its id names: a public channel's history needs channels:history.
  'conversations.history': (body) => {
    const id = String(body.channel ?? '');
    return [id.startsWith('C') ? 'channels:history' : id.startsWith('D') ? 'im:history' : 'groups:history'];
  },
};

/** Form fields Slack's clients send as JSON text. */
const JSON_FIELDS = new Set(['blocks', 'attachments', 'view', 'metadata', 'user_auth_blocks', 'include_all_metadata']);

export async function startFakeSlackApi(options: FakeSlackOptions = {}): Promise<FakeSlackApi> {
  const identity: FakeSlackIdentity = { ...DEFAULT_IDENTITY, ...options.identity };
  let calls: RecordedCall[] = [];
  let responses: RecordedResponse[] = [];
  let failures = new Map<string, FakeFailure[]>();
  let delays = new Map<string, number[]>();
  let handlers = new Map<string, MethodHandler>();
  let users = new Map<string, FakeUser>();
  let channelMembers = new Map<string, string[]>();
  let files = new Map<string, FakeFile>();
  const scopes = new Set(options.scopes ?? manifestScopes());
  let messages: PostedMessage[] = [];
  let counter = 0;
  let responseCounter = 0;
  const waiters = new Set<() => void>();
  const notify = () => {
    for (const wake of [...waiters]) wake();
  };

  const nextTs = () => {
    counter += 1;
    // Real seconds, as Slack's are (`oldest` in conversations.history compares with them); the
    // counter keeps every ts unique and increasing.
    return `${Math.floor(Date.now() / 1000)}.${String(counter).padStart(6, '0')}`;
  };
  const viewId = () => `V${String(++counter).padStart(8, '0')}`;

  const answers: Record<string, MethodHandler> = {
    'auth.test': () => ({
      url: 'https://harrow-partnerships.slack.com/',
      team: identity.team,
      user: 'quorum',
      team_id: identity.teamId,
      user_id: identity.botUserId,
      bot_id: identity.botId,
      is_enterprise_install: false,
    }),
    'chat.postMessage': ({ body }) => {
      const message: PostedMessage = {
        channel: String(body.channel ?? ''),
        ts: nextTs(),
        text: body.text,
        blocks: body.blocks,
        metadata: body.metadata,
        thread_ts: body.thread_ts,
        user: identity.botUserId,
        bot_id: identity.botId,
      };
      if (!message.channel) return { ok: false, error: 'channel_not_found' };
      messages.push(message);
      const { channel, ...rest } = message;
      return { channel, ts: message.ts, message: { type: 'message', ...rest } };
    },
    'chat.update': ({ body }) => {
      const found = messages.find((m) => m.channel === body.channel && m.ts === body.ts);
      if (found) Object.assign(found, { text: body.text, blocks: body.blocks });
      return { channel: body.channel, ts: body.ts, text: body.text, message: { text: body.text, blocks: body.blocks } };
    },
    'chat.delete': ({ body }) => {
      messages = messages.filter((m) => !(m.channel === body.channel && m.ts === body.ts));
      return { channel: body.channel, ts: body.ts };
    },
    'chat.postEphemeral': () => ({ message_ts: nextTs() }),
    'views.open': ({ body }) => ({ view: viewOutput(body.view, viewId(), identity) }),
    'views.push': ({ body }) => ({ view: viewOutput(body.view, viewId(), identity) }),
    'views.update': ({ body }) => ({ view: viewOutput(body.view, String(body.view_id ?? viewId()), identity) }),
    'views.publish': ({ body }) => ({ view: viewOutput(body.view, viewId(), identity) }),
    'conversations.open': ({ body }) => {
      const ids = String(body.users ?? body.channel ?? '').split(',').filter(Boolean);
      if (ids.length === 0) return { ok: false, error: 'users_list_not_supplied' };
      const id = ids.length === 1 ? `D${ids[0]?.replace(/^[UW]/, '')}` : `G${ids.join('').replace(/[UW]/g, '').slice(0, 10)}`;
      return { channel: { id, is_im: ids.length === 1 } };
    },
    'conversations.info': ({ body }) => {
      const id = String(body.channel ?? '');
      if (!id) return { ok: false, error: 'channel_not_found' };
      const isIm = id.startsWith('D');
      return {
        channel: {
          id,
          name: isIm ? undefined : `channel-${id.toLowerCase()}`,
          is_channel: id.startsWith('C'),
          is_group: id.startsWith('G'),
          is_im: isIm,
          is_private: !id.startsWith('C'),
          is_member: true,
          context_team_id: identity.teamId,
        },
      };
    },
    'conversations.history': ({ body }) => {
      // Newest first, from `oldest`, a page of `limit` at a time (the cursor is the offset).
      const oldest = Number(body.oldest ?? 0);
      const limit = Math.min(Number(body.limit ?? 100) || 100, 999);
      const offset = Number(body.cursor ?? 0) || 0;
      const found = messages.filter((m) => m.channel === body.channel && Number(m.ts) >= oldest).reverse();
      const page = found.slice(offset, offset + limit);
      const more = offset + limit < found.length;
      return {
        messages: page.map((m) => ({ type: 'message', ts: m.ts, text: m.text, blocks: m.blocks, metadata: m.metadata, user: m.user, bot_id: m.bot_id })),
        has_more: more,
        response_metadata: { next_cursor: more ? String(offset + limit) : '' },
      };
    },
    'conversations.members': ({ body }) => {
      const members = channelMembers.get(String(body.channel ?? ''));
      if (!members) return { ok: false, error: 'channel_not_found' };
      const limit = Math.max(1, Math.min(Number(body.limit ?? 100) || 100, 1000));
      const start = Number(body.cursor ? String(body.cursor).replace(/^next:/, '') : 0) || 0;
      const next = start + limit < members.length ? `next:${start + limit}` : '';
      return { members: members.slice(start, start + limit), response_metadata: { next_cursor: next } };
    },
    'users.info': ({ body }) => {
      const user = users.get(String(body.user ?? ''));
      return user ? { user: userOutput(user, identity) } : { ok: false, error: 'user_not_found' };
    },
    'files.info': ({ body }) => {
      const file = files.get(String(body.file ?? ''));
      if (!file) return { ok: false, error: 'file_not_found' };
      const download = `${url}/files-pri/${identity.teamId}-${file.id}/download/${encodeURIComponent(file.name)}`;
      return { file: { id: file.id, name: file.name, title: file.name, mimetype: file.mimetype, filetype: file.filetype, size: file.reportedSize ?? file.content.length, url_private: download.replace('/download/', '/'), url_private_download: download } };
    },
    'users.lookupByEmail': ({ body }) => {
      const email = String(body.email ?? '').toLowerCase();
      const user = [...users.values()].find((u) => u.email?.toLowerCase() === email);
      return user ? { user: userOutput(user, identity) } : { ok: false, error: 'users_not_found' };
    },
  };

  const server: Server = createServer((req, res) => {
    void handleRequest(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end(String(error));
    });
  });

  let outageUntil = 0;
  let outageStatus = 503;

  /** When each channel last took a paced call (limits.perChannelPerSecond). */
  let lastPaced = new Map<string, number>();

  async function handleRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    const contentType = String(req.headers['content-type'] ?? '');

    const responseMatch = /^\/response\/([^/]+)$/.exec(path);
    if (responseMatch && req.method === 'POST') {
      responses.push({ id: decodeURIComponent(responseMatch[1] as string), body: parseBody(raw, contentType), at: Date.now() });
      notify();
      return send(res, 200, { ok: true });
    }
    const fileMatch = /^\/files-pri\/[A-Z0-9]+-([A-Z0-9]+)\/download\/[^/]+$/.exec(path);
    if (fileMatch && req.method === 'GET') {
      download(fileMatch[1] as string, req, res, raw, contentType);
      return;
    }
    const apiMatch = /^\/api\/([A-Za-z0-9_.]+)$/.exec(path);
    if (!apiMatch) return send(res, 404, { ok: false, error: 'not_found' });

    const method = apiMatch[1] as string;
    const body = parseBody(raw, contentType);
    const bearer = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const token = bearer ?? (typeof body.token === 'string' ? body.token : undefined);
    const call: RecordedCall = { method, body, raw, contentType, token, headers: req.headers, status: 200, at: Date.now() };

    const delay = delays.get(method)?.shift();
    if (delay) await new Promise((resolve) => setTimeout(resolve, delay));

    if (Date.now() < outageUntil && method !== 'auth.test') return record(call, res, outageStatus);

    const limited = rateLimited(method, body);
    if (limited !== undefined) {
      call.throttled = limited.why;
      return record(call, res, 429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(limited.seconds) });
    }

    const failure = failures.get(method)?.shift();
    if (failure) {
      if ('error' in failure) return record(call, res, 200, { ok: false, error: failure.error, ...failure.extra });
      const headers: Record<string, string> = {};
      if (failure.status === 429) headers['retry-after'] = String((failure as { retryAfter?: number }).retryAfter ?? 1);
      return record(call, res, failure.status, failure.status === 429 ? { ok: false, error: 'ratelimited' } : undefined, headers);
    }
    if (options.botToken !== undefined && method !== 'api.test') {
      if (!token) return record(call, res, 200, { ok: false, error: 'not_authed' });
      if (token !== options.botToken) return record(call, res, 200, { ok: false, error: 'invalid_auth' });
    }
    const needs = METHOD_SCOPES[method]?.(body);
    if (needs && !needs.some((scope) => scopes.has(scope))) {
      return record(call, res, 200, { ok: false, error: 'missing_scope', needed: needs.join(','), provided: [...scopes].join(',') });
    }
    const handler = handlers.get(method) ?? answers[method];
    if (!handler) return record(call, res, 200, { ok: false, error: 'unknown_method' });
    const answer = handler(call);
    return record(call, res, 200, { ok: true, ...answer });
  }

  /** A file's download, as Slack serves it: to the bot token with files:read only (anything else
   * gets Slack's sign-in page, an HTML document, as Slack answers). */
  function download(id: string, req: IncomingMessage, res: ServerResponse, raw: string, contentType: string): void {
    const token = /^Bearer (.+)$/.exec(String(req.headers.authorization ?? ''))?.[1];
    const call: RecordedCall = { method: 'files.download', body: { file: id }, raw, contentType, token, headers: req.headers, status: 200, at: Date.now() };
    const file = files.get(id);
    const allowed = token !== undefined && (options.botToken === undefined || token === options.botToken) && scopes.has('files:read');
    call.status = file && allowed ? 200 : file ? 302 : 404;
    calls.push(call);
    notify();
    if (!file) {
      send(res, 404, { ok: false, error: 'file_not_found' });
      return;
    }
    if (!allowed) {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end('<!DOCTYPE html><html><body>Sign in to Slack</body></html>');
      return;
    }
    res.writeHead(200, { 'content-type': file.mimetype, 'content-length': String(file.content.length) });
    res.end(file.content);
  }

  /** Seconds to wait (Retry-After) when this call goes over the limits, and why; else undefined. */
  function rateLimited(method: string, body: Record<string, unknown>): { seconds: number; why: 'pace' | 'random' } | undefined {
    const limits = options.limits;
    if (!limits || !PACED_METHODS.has(method)) return undefined;
    if (limits.randomShare && (limits.random ?? Math.random)() < limits.randomShare) return { seconds: 1, why: 'random' };
    if (!limits.perChannelPerSecond) return undefined;
    const channel = String(body.channel ?? '');
    const gap = 1000 / limits.perChannelPerSecond;
    const now = Date.now();
    const last = lastPaced.get(channel);
    if (last !== undefined && now - last < gap) return { seconds: Math.max(1, Math.ceil((gap - (now - last)) / 1000)), why: 'pace' };
    lastPaced.set(channel, now);
    return undefined;
  }

  function record(call: RecordedCall, res: ServerResponse, status: number, body?: Record<string, unknown>, headers: Record<string, string> = {}) {
    call.status = status;
    calls.push(call);
    send(res, status, body, headers);
    notify();
  }

  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;

  async function waitUntil<T>(find: () => T | undefined, timeoutMs: number, describe: () => string): Promise<T> {
    const found = find();
    if (found !== undefined) return found;
    return new Promise<T>((resolve, reject) => {
      const timer = setTimeout(() => {
        waiters.delete(check);
        reject(new Error(`${describe()} within ${timeoutMs} ms`));
      }, timeoutMs);
      const check = () => {
        const hit = find();
        if (hit === undefined) return;
        clearTimeout(timer);
        waiters.delete(check);
        resolve(hit);
      };
      waiters.add(check);
    });
  }

  return {
    url,
    apiUrl: `${url}/api/`,
    identity,
    calls: (method) => (method ? calls.filter((c) => c.method === method) : [...calls]),
    waitFor: (method, predicate = () => true, timeoutMs = 5_000) =>
      waitUntil(
        () => calls.find((c) => c.method === method && predicate(c)),
        timeoutMs,
        () => `no matching ${method} call (calls so far: ${calls.map((c) => c.method).join(', ') || 'none'})`,
      ),
    failNext: (method, failure, times = 1) => {
      const queue = failures.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(failure);
      failures.set(method, queue);
    },
    outage: (ms, status = 503) => {
      outageUntil = Date.now() + ms;
      outageStatus = status;
    },
    delayNext: (method, ms, times = 1) => {
      const queue = delays.get(method) ?? [];
      for (let i = 0; i < times; i += 1) queue.push(ms);
      delays.set(method, queue);
    },
    handle: (method, handler) => {
      handlers.set(method, handler);
    },
    addUser: (user) => {
      users.set(user.id, user);
    },
    addFile: (file) => {
      files.set(file.id, file);
    },
    setChannelMembers: (channel, userIds) => {
      channelMembers.set(channel, [...userIds]);
    },
    scopes,
    responseUrl: (id) => `${url}/response/${encodeURIComponent(id ?? `r${++responseCounter}`)}`,
    responses: (idOrUrl) => {
      if (!idOrUrl) return [...responses];
      const id = decodeURIComponent(idOrUrl.replace(/^.*\/response\//, ''));
      return responses.filter((r) => r.id === id);
    },
    waitForResponse: (predicate = () => true, timeoutMs = 5_000) =>
      waitUntil(
        () => responses.find(predicate),
        timeoutMs,
        () => `nothing matching was posted to a response_url (posted: ${responses.length})`,
      ),
    reset: () => {
      outageUntil = 0;
      lastPaced = new Map();
      calls = [];
      responses = [];
      failures = new Map();
      delays = new Map();
      handlers = new Map();
      users = new Map();
      channelMembers = new Map();
      files = new Map();
      messages = [];
    },
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Parses a Web API body: JSON, or a form whose JSON-valued fields are parsed as well. */
export function parseBody(raw: string, contentType: string): Record<string, unknown> {
  if (!raw) return {};
  if (contentType.includes('application/json')) {
    const parsed = JSON.parse(raw) as unknown;
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : { value: parsed };
  }
  const body: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) {
    // WebClient JSON-encodes every object argument; a text field starting with "[" stays text.
    body[key] = JSON_FIELDS.has(key) || value.startsWith('{') ? tryJson(value) : value;
  }
  return body;
}

function tryJson(value: string): unknown {
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return value;
  }
}

function send(res: ServerResponse, status: number, body?: Record<string, unknown>, headers: Record<string, string> = {}) {
  if (body === undefined) {
    res.writeHead(status, headers);
    res.end();
    return;
  }
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  res.end(JSON.stringify(body));
}

function viewOutput(view: unknown, id: string, identity: FakeSlackIdentity): Record<string, unknown> {
  const given = view && typeof view === 'object' ? (view as Record<string, unknown>) : {};
  return {
    id,
    team_id: identity.teamId,
    app_id: identity.appId,
    bot_id: identity.botId,
    callback_id: '',
    private_metadata: '',
    state: { values: {} },
    hash: `${Date.now()}.${id}`,
    root_view_id: id,
    previous_view_id: null,
    clear_on_close: false,
    notify_on_close: false,
    ...given,
  };
}

function userOutput(user: FakeUser, identity: FakeSlackIdentity): Record<string, unknown> {
  return {
    id: user.id,
    team_id: user.teamId ?? identity.teamId,
    name: user.name,
    real_name: user.realName ?? user.name,
    is_bot: user.isBot ?? false,
    deleted: false,
    tz: user.tz ?? 'Europe/London',
    profile: {
      email: user.email,
      real_name: user.realName ?? user.name,
      display_name: user.name,
    },
  };
}
