// A local stand-in for Microsoft's side of a Teams bot, for tests. Two real servers on 127.0.0.1:
//  - HTTP: the Bot Connector the bot talks to (an activity's `serviceUrl` points here): it records
//    every call with its Authorization header, answers send/reply/update/delete, creating a
//    conversation and listing members the way the connector does, and fails on demand (429 with
//    Retry-After, 5xx, 403 bot removed, 404 conversation not found). It also serves the channel's
//    OpenID metadata and signing keys (JWKS), so channel tokens it signs are checked for real.
//  - HTTPS (a self-signed certificate made per run): the login authority (OpenID configuration
//    and the OAuth 2.0 token endpoint) where the bot's MSAL client obtains its outbound tokens.
//
//   const fake = await startFakeBotConnector();
//   fake.registerApp(appId, password);
//   startQuorum({ ..., teamsEndpoints: fake.endpoints() });
//   const token = fake.signChannelToken({ appId, serviceUrl: fake.serviceUrl });
//   fake.failNext('send', { status: 429, retryAfter: 2 });
//   fake.failNext('reply', { hang: true });
//   fake.setPersonalChat('29:1alex', 'a:1personal-chat-alex');  // what creating Alex's 1:1 returns
//   const reply = await fake.waitFor((c) => c.route === 'reply');
//   await fake.close();
import type { Activity, ChannelAccount } from 'botbuilder';
import { createPrivateKey, createPublicKey, generateKeyPairSync, randomBytes, randomUUID, sign, type KeyObject } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createTlsServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { TeamsEndpointOverrides } from '../../adapters/teams/index.ts';

export type ConnectorRoute = 'send' | 'reply' | 'update' | 'delete' | 'createConversation' | 'members' | 'member';

/** One call to the Bot Connector, as the fake received it. */
export interface ConnectorCall {
  route: ConnectorRoute | 'unknown';
  method: string;
  path: string;
  /** URL-decoded, as the bot named it (a channel thread's id keeps its ";messageid=…"). */
  conversationId?: string;
  activityId?: string;
  userId?: string;
  /** The JSON body: an activity for send/reply/update, the parameters for createConversation. */
  body: Record<string, unknown> & Partial<Activity>;
  /** The Authorization header as sent ("Bearer …"), or undefined. */
  authorization?: string;
  /** The HTTP status the fake answered with, and the id it returned, if any. */
  status: number;
  id?: string;
  at: number;
}

/** A token request to the login authority (the secret itself is not kept). */
export interface TokenRequest {
  tenant: string;
  grantType?: string;
  clientId?: string;
  scope?: string;
  /** Whether client_secret matched the registered app's password. */
  secretValid: boolean;
  status: number;
  accessToken?: string;
}

export type ConnectorFailure =
  /** Accepts the request and never answers (recorded with status 0). */
  | { hang: true }
  /** 429 (or 503) with a Retry-After header in seconds, as the connector throttles. The Azure
   * pipeline under botframework-connector retries a 429 or 503 after Retry-After (0: at once)
   * instead of its exponential back-off (1, 2, 4 s): the same tries, without the wait. */
  | { status: 429 | 503; retryAfter?: number; code?: string }
  /** Any other error status; 403 and 404 carry the connector's codes unless `code` says otherwise. */
  | { status: number; code?: string; message?: string };

export interface ChannelTokenOptions {
  /** The bot's app id: the token's audience unless `audience` says otherwise. */
  appId: string;
  /** The `serviceurl` claim (must equal the activity's serviceUrl). */
  serviceUrl: string;
  audience?: string;
  issuer?: string;
  /** Seconds from now (negative for an expired token; botbuilder allows 5 minutes of skew). Default 3600. */
  expiresIn?: number;
  /** Seconds from now until the token is valid. Default -60. */
  notBefore?: number;
  /** 'stranger' signs with a key the JWKS does not hold, under the channel key's kid. */
  key?: 'channel' | 'stranger';
  kid?: string;
  claims?: Record<string, unknown>;
}

export interface FakeBotConnector {
  /** http://127.0.0.1:PORT */
  readonly url: string;
  /** The activities' serviceUrl: http://127.0.0.1:PORT/ (trailing slash, as Teams sends it). */
  readonly serviceUrl: string;
  /** The channel's OpenID metadata document (its jwks_uri is on the same server). */
  readonly openIdMetadataUrl: string;
  /** https://127.0.0.1:TLSPORT: the login authority's origin; tenants are path segments. */
  readonly loginUrl: string;
  /** The login server's self-signed certificate (PEM), for the MSAL client to trust. */
  readonly certificate: string;
  /** What startQuorum's `teamsEndpoints` needs to run an authenticated bot against this fake. */
  endpoints(): TeamsEndpointOverrides;
  /** Accept client credentials for this app at the token endpoint. */
  registerApp(appId: string, password: string): void;
  signChannelToken(options: ChannelTokenOptions): string;
  calls(route?: ConnectorRoute | 'unknown'): ConnectorCall[];
  /** Activities the bot sent (send and reply), oldest first, optionally in one conversation. */
  sent(conversationId?: string): ConnectorCall[];
  tokenRequests(): TokenRequest[];
  /** While on, the token endpoint accepts requests and never answers (recorded with status 0). */
  hangTokenEndpoint(on: boolean): void;
  /** Resolves with the first call (recorded already or still to come) that matches. */
  waitFor(predicate: (call: ConnectorCall) => boolean, timeoutMs?: number): Promise<ConnectorCall>;
  /** The next `times` calls of the route (in that conversation, if given) fail as described. */
  failNext(route: ConnectorRoute, failure: ConnectorFailure, options?: { times?: number; conversationId?: string }): void;
  /** Members returned by GET /v3/conversations/:id/members[/:userId]. */
  setMembers(conversationId: string, members: (ChannelAccount & Record<string, unknown>)[]): void;
  /** The 1:1 chat creating a conversation with this one member returns (as Teams returns the
   * existing chat); without it, each member gets a chat of their own on first use. */
  setPersonalChat(memberId: string, conversationId: string): void;
  /** A file someone sends the bot in Teams: served at the returned download URL (as OneDrive
   * serves a file.download.info attachment's pre-authorised downloadUrl); GETs are counted. */
  addFile(name: string, content: Buffer, contentType?: string): string;
  /** How many times each file was downloaded, by its download URL. */
  downloads(url: string): number;
  /** Forgets calls, token requests, pending failures, members, personal chats, files and a
   * hanging token endpoint. */
  reset(): void;
  close(): Promise<void>;
}

const CHANNEL_ISSUER = 'https://api.botframework.com';
const ERROR_CODES: Record<number, { code: string; message: string }> = {
  403: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' },
  404: { code: 'ConversationNotFound', message: 'Conversation not found.' },
  429: { code: 'Throttled', message: 'Too many requests.' },
};

const ROUTES: { method: string; pattern: RegExp; route: ConnectorRoute; keys: ('conversationId' | 'activityId' | 'userId')[] }[] = [
  { method: 'POST', pattern: /^\/v3\/conversations\/?$/, route: 'createConversation', keys: [] },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/?$/, route: 'send', keys: ['conversationId'] },
  { method: 'POST', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'reply', keys: ['conversationId', 'activityId'] },
  { method: 'PUT', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'update', keys: ['conversationId', 'activityId'] },
  { method: 'DELETE', pattern: /^\/v3\/conversations\/([^/]+)\/activities\/([^/]+)$/, route: 'delete', keys: ['conversationId', 'activityId'] },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/members\/?$/, route: 'members', keys: ['conversationId'] },
  { method: 'GET', pattern: /^\/v3\/conversations\/([^/]+)\/members\/([^/]+)$/, route: 'member', keys: ['conversationId', 'userId'] },
];

export async function startFakeBotConnector(): Promise<FakeBotConnector> {
  const { channelKey, strangerKey, tlsKey } = rsaKeys();
  const kid = `fake-${randomBytes(6).toString('hex')}`;
  const apps = new Map<string, string>();
  let calls: ConnectorCall[] = [];
  let tokens: TokenRequest[] = [];
  let failures: { route: ConnectorRoute; failure: ConnectorFailure; left: number; conversationId?: string }[] = [];
  let members = new Map<string, (ChannelAccount & Record<string, unknown>)[]>();
  let files = new Map<string, { content: Buffer; contentType: string; downloads: number }>();
  let fileCounter = 0;
  let personalChats = new Map<string, string>();
  let waiters: { predicate: (call: ConnectorCall) => boolean; resolve: (call: ConnectorCall) => void }[] = [];
  let nextId = 1;
  let hangTokens = false;

  const http = createServer((req, res) => void handleConnector(req, res).catch((error: unknown) => fail(res, 500, String(error))));
  http.listen(0, '127.0.0.1');
  await once(http, 'listening');
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;

  const certificate = selfSignedCertificate(tlsKey);
  const https = createTlsServer({ key: tlsKey.privateKey.export({ type: 'pkcs8', format: 'pem' }), cert: certificate }, (req, res) =>
    void handleLogin(req, res).catch((error: unknown) => fail(res, 500, String(error))),
  );
  https.listen(0, '127.0.0.1');
  await once(https, 'listening');
  const loginUrl = `https://127.0.0.1:${(https.address() as AddressInfo).port}`;
  const openIdMetadataUrl = `${url}/v1/.well-known/openidconfiguration`;

  function record(call: ConnectorCall) {
    calls.push(call);
    for (const waiter of [...waiters]) {
      if (waiter.predicate(call)) {
        waiters = waiters.filter((w) => w !== waiter);
        waiter.resolve(call);
      }
    }
  }

  async function handleConnector(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', url).pathname;
    if (req.method === 'GET' && path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, {
        issuer: CHANNEL_ISSUER,
        authorization_endpoint: `${url}/v1/authorize`,
        jwks_uri: `${url}/v1/.well-known/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
        token_endpoint_auth_methods_supported: ['private_key_jwt'],
      });
    }
    if (req.method === 'GET' && path === '/v1/.well-known/keys') {
      return json(res, 200, { keys: [{ ...channelKey.publicKey.export({ format: 'jwk' }), kid, use: 'sig', endorsements: ['msteams', 'emulator', 'webchat'] }] });
    }
    const file = req.method === 'GET' ? files.get(path) : undefined;
    if (file) {
      file.downloads += 1;
      res.writeHead(200, { 'content-type': file.contentType, 'content-length': String(file.content.length) });
      res.end(file.content);
      return;
    }
    const raw = await readBody(req);
    const match = ROUTES.map((r) => ({ r, m: r.method === req.method ? r.pattern.exec(path) : null })).find((x) => x.m);
    const call: ConnectorCall = {
      route: match?.r.route ?? 'unknown',
      method: req.method ?? 'GET',
      path,
      body: raw ? (JSON.parse(raw) as ConnectorCall['body']) : {},
      ...(req.headers.authorization ? { authorization: req.headers.authorization } : {}),
      status: 200,
      at: Date.now(),
    };
    match?.r.keys.forEach((key, i) => (call[key] = decodeURIComponent(match.m?.[i + 1] ?? '')));
    if (!match) {
      call.status = 404;
      record(call);
      return json(res, 404, { error: { code: 'NotFound', message: `The fake connector has no ${req.method} ${path}` } });
    }
    const failure = failures.find((f) => f.route === call.route && (!f.conversationId || f.conversationId === call.conversationId));
    if (failure) {
      failure.left -= 1;
      if (failure.left <= 0) failures = failures.filter((f) => f !== failure);
      if ('hang' in failure.failure) {
        call.status = 0;
        record(call);
        return; // no answer: the connection stays open until the caller gives up or close()
      }
      const { status } = failure.failure;
      const known = ERROR_CODES[status] ?? { code: 'ServiceError', message: `HTTP ${status}` };
      call.status = status;
      record(call);
      const headers = 'retryAfter' in failure.failure && failure.failure.retryAfter !== undefined ? { 'Retry-After': String(failure.failure.retryAfter) } : undefined;
      const message = 'message' in failure.failure && failure.failure.message ? failure.failure.message : known.message;
      return json(res, status, { error: { code: failure.failure.code ?? known.code, message } }, headers);
    }
    switch (call.route) {
      case 'send':
      case 'reply':
      case 'createConversation': {
        call.id = call.route === 'createConversation' ? conversationFor(call.body) : `1${String(nextId++).padStart(12, '0')}`;
        call.status = 201;
        record(call);
        return json(res, 201, call.route === 'createConversation' ? { id: call.id, serviceUrl: `${url}/` } : { id: call.id });
      }
      case 'update':
        call.id = call.activityId;
        record(call);
        return json(res, 200, { id: call.activityId });
      case 'delete':
        record(call);
        res.writeHead(200).end();
        return;
      case 'members':
        record(call);
        return json(res, 200, members.get(call.conversationId ?? '') ?? []);
      case 'member': {
        const member = (members.get(call.conversationId ?? '') ?? []).find((m) => m.id === call.userId || m.aadObjectId === call.userId);
        call.status = member ? 200 : 404;
        record(call);
        return member ? json(res, 200, member) : json(res, 404, { error: { code: 'MemberNotFoundInConversation', message: 'The member is not in this conversation.' } });
      }
    }
  }

  /** Teams returns the existing 1:1 chat of the bot and a person; a group is new each time. */
  function conversationFor(parameters: Record<string, unknown>): string {
    const list = Array.isArray(parameters.members) ? (parameters.members as { id?: unknown }[]) : [];
    const only = list.length === 1 && parameters.isGroup !== true && typeof list[0]?.id === 'string' ? list[0].id : undefined;
    if (!only) return `a:fake-conversation-${nextId++}`;
    const known = personalChats.get(only) ?? `a:fake-conversation-${nextId++}`;
    personalChats.set(only, known);
    return known;
  }

  async function handleLogin(req: IncomingMessage, res: ServerResponse) {
    const path = new URL(req.url ?? '/', loginUrl).pathname;
    const tenant = path.split('/')[1] ?? '';
    const base = `${loginUrl}/${tenant}`;
    if (req.method === 'GET' && /^\/[^/]+\/v2\.0\/\.well-known\/openid-configuration$/.test(path)) {
      return json(res, 200, {
        issuer: `${base}/v2.0`,
        authorization_endpoint: `${base}/oauth2/v2.0/authorize`,
        token_endpoint: `${base}/oauth2/v2.0/token`,
        jwks_uri: `${base}/discovery/v2.0/keys`,
        end_session_endpoint: `${base}/oauth2/v2.0/logout`,
        response_types_supported: ['code', 'id_token', 'token'],
        token_endpoint_auth_methods_supported: ['client_secret_post', 'private_key_jwt'],
      });
    }
    if (req.method === 'POST' && /^\/[^/]+\/oauth2\/v2\.0\/token$/.test(path)) {
      const form = new URLSearchParams(await readBody(req));
      const clientId = form.get('client_id') ?? undefined;
      const secretValid = clientId !== undefined && apps.has(clientId) && apps.get(clientId) === form.get('client_secret');
      const request: TokenRequest = {
        tenant,
        secretValid,
        status: 200,
        ...(form.get('grant_type') ? { grantType: form.get('grant_type') as string } : {}),
        ...(clientId ? { clientId } : {}),
        ...(form.get('scope') ? { scope: form.get('scope') as string } : {}),
      };
      tokens.push(request);
      if (hangTokens) {
        request.status = 0;
        return; // never answers: the connection stays open until the caller gives up or close()
      }
      if (request.grantType !== 'client_credentials' || !secretValid) {
        request.status = 401;
        return json(res, 401, { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.', error_codes: [7000215] });
      }
      const now = Math.floor(Date.now() / 1000);
      request.accessToken = signJwt(
        { iss: `https://sts.windows.net/${tenant}/`, aud: CHANNEL_ISSUER, appid: clientId, tid: tenant, iat: now, nbf: now - 60, exp: now + 3600 },
        channelKey.privateKey,
        kid,
      );
      return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: request.accessToken });
    }
    return json(res, 404, { error: 'not_found' });
  }

  return {
    url,
    serviceUrl: `${url}/`,
    openIdMetadataUrl,
    loginUrl,
    certificate,
    endpoints: () => ({
      channelOpenIdMetadataUrl: openIdMetadataUrl,
      emulatorOpenIdMetadataUrl: openIdMetadataUrl,
      // The bot's own (bounded) MSAL client asks this authority, trusting its certificate.
      loginUrl: `${loginUrl}/botframework.com`,
      loginCertificate: certificate,
    }),
    registerApp: (appId, password) => void apps.set(appId, password),
    signChannelToken: (options) => {
      const now = Math.floor(Date.now() / 1000);
      return signJwt(
        {
          iss: options.issuer ?? CHANNEL_ISSUER,
          aud: options.audience ?? options.appId,
          serviceurl: options.serviceUrl,
          nbf: now + (options.notBefore ?? -60),
          exp: now + (options.expiresIn ?? 3600),
          ...options.claims,
        },
        (options.key === 'stranger' ? strangerKey : channelKey).privateKey,
        options.kid ?? kid,
      );
    },
    calls: (route) => (route ? calls.filter((c) => c.route === route) : [...calls]),
    sent: (conversationId) =>
      calls.filter((c) => (c.route === 'send' || c.route === 'reply') && c.status < 300 && (!conversationId || c.conversationId === conversationId)),
    tokenRequests: () => [...tokens],
    hangTokenEndpoint: (on) => void (hangTokens = on),
    waitFor: (predicate, timeoutMs = 5_000) => {
      const found = calls.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const waiter = { predicate, resolve: (call: ConnectorCall) => (clearTimeout(timer), resolve(call)) };
        const timer = setTimeout(() => {
          waiters = waiters.filter((w) => w !== waiter);
          reject(new Error(`no matching connector call within ${timeoutMs} ms; calls: ${calls.map((c) => `${c.method} ${c.path} ${c.status}`).join(', ') || 'none'}`));
        }, timeoutMs);
        waiters.push(waiter);
      });
    },
    failNext: (route, failure, options = {}) =>
      void failures.push({ route, failure, left: options.times ?? 1, ...(options.conversationId ? { conversationId: options.conversationId } : {}) }),
    setMembers: (conversationId, list) => void members.set(conversationId, list),
    setPersonalChat: (memberId, conversationId) => void personalChats.set(memberId, conversationId),
    addFile: (name, content, contentType = 'application/octet-stream') => {
      const path = `/personal-files/${++fileCounter}/${encodeURIComponent(name)}`;
      files.set(path, { content, contentType, downloads: 0 });
      return `${url}${path}`;
    },
    downloads: (fileUrl) => files.get(new URL(fileUrl).pathname)?.downloads ?? 0,
    reset: () => {
      files = new Map();
      calls = [];
      tokens = [];
      failures = [];
      members = new Map();
      personalChats = new Map();
      hangTokens = false;
    },
    close: async () => {
      for (const server of [http, https] as Server[]) {
        server.closeAllConnections();
        await new Promise<void>((resolve) => server.close(() => resolve()));
      }
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', ...headers }).end(JSON.stringify(body));
}

function fail(res: ServerResponse, status: number, message: string) {
  if (!res.headersSent) json(res, status, { error: { code: 'FakeError', message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

type RsaKey = { privateKey: KeyObject; publicKey: KeyObject };

// A 2048-bit RSA key takes 100 to 500 ms of CPU to make, three per fake: about 30 s across the
// suite if each fake made its own. They are made once per machine, kept (as PEM files) in
// node_modules/.cache beside the test database templates, and shared by every fake; each fake
// still has a key id of its own (`kid`), so a token from one fake is unknown to a service pointed
// at another. Test keys only: nothing outside the fakes trusts them.
const KEY_DIR = fileURLToPath(new URL('../../node_modules/.cache/quorum-test-keys/', import.meta.url));

function rsaKey(name: string): RsaKey {
  const file = path.join(KEY_DIR, `${name}.pem`);
  try {
    const privateKey = createPrivateKey(readFileSync(file));
    return { privateKey, publicKey: createPublicKey(privateKey) };
  } catch {
    const made = generateKeyPairSync('rsa', { modulusLength: 2048 });
    // Written whole under another name, then renamed: another worker never reads half a key.
    mkdirSync(KEY_DIR, { recursive: true });
    const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
    writeFileSync(temporary, made.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600 });
    renameSync(temporary, file);
    return made;
  }
}

let keys: { channelKey: RsaKey; strangerKey: RsaKey; tlsKey: RsaKey } | undefined;
function rsaKeys() {
  keys ??= { channelKey: rsaKey('channel'), strangerKey: rsaKey('stranger'), tlsKey: rsaKey('tls') };
  return keys;
}

function signJwt(payload: Record<string, unknown>, key: KeyObject, kid: string): string {
  const encode = (part: unknown) => Buffer.from(JSON.stringify(part)).toString('base64url');
  const signed = `${encode({ alg: 'RS256', typ: 'JWT', kid, x5t: kid })}.${encode({ jti: randomUUID(), ...payload })}`;
  return `${signed}.${sign('sha256', Buffer.from(signed), key).toString('base64url')}`;
}

// A self-signed X.509 certificate for 127.0.0.1, written in DER by hand (node:crypto signs but
// does not issue certificates): RSA with SHA-256, a day long, SAN IP 127.0.0.1 and localhost.
function selfSignedCertificate(key: { privateKey: KeyObject; publicKey: KeyObject }): string {
  const der = (tag: number, ...parts: Buffer[]): Buffer => {
    const body = Buffer.concat(parts);
    const length: number[] = [];
    for (let v = body.length; v > 0; v >>= 8) length.unshift(v & 0xff);
    const prefix = body.length < 0x80 ? [body.length] : [0x80 | length.length, ...length];
    return Buffer.concat([Buffer.from([tag, ...prefix]), body]);
  };
  const seq = (...parts: Buffer[]) => der(0x30, ...parts);
  const oid = (dotted: string) => {
    const [first = 0, second = 0, ...rest] = dotted.split('.').map(Number);
    const bytes = [40 * first + second];
    for (const arc of rest) {
      const chunk = [arc & 0x7f];
      for (let v = arc >> 7; v > 0; v >>= 7) chunk.unshift((v & 0x7f) | 0x80);
      bytes.push(...chunk);
    }
    return der(0x06, Buffer.from(bytes));
  };
  const time = (at: number) => der(0x17, Buffer.from(`${new Date(at).toISOString().replace(/[-:T]/g, '').slice(2, 14)}Z`));
  const algorithm = seq(oid('1.2.840.113549.1.1.11'), Buffer.from([0x05, 0x00]));
  const name = seq(der(0x31, seq(oid('2.5.4.3'), der(0x0c, Buffer.from('127.0.0.1')))));
  const altNames = seq(der(0x87, Buffer.from([127, 0, 0, 1])), der(0x82, Buffer.from('localhost')));
  const tbs = seq(
    der(0xa0, der(0x02, Buffer.from([2]))),
    der(0x02, Buffer.concat([Buffer.from([0x01]), randomBytes(8)])),
    algorithm,
    name,
    seq(time(Date.now() - 3_600_000), time(Date.now() + 86_400_000)),
    name,
    key.publicKey.export({ type: 'spki', format: 'der' }),
    der(0xa3, seq(seq(oid('2.5.29.17'), der(0x04, altNames)), seq(oid('2.5.29.19'), der(0x01, Buffer.from([0xff])), der(0x04, seq(der(0x01, Buffer.from([0xff]))))))),
  );
  const certificate = seq(tbs, algorithm, der(0x03, Buffer.concat([Buffer.from([0]), sign('sha256', tbs, key.privateKey)])));
  return `-----BEGIN CERTIFICATE-----\n${certificate.toString('base64').match(/.{1,64}/g)?.join('\n')}\n-----END CERTIFICATE-----\n`;
}
