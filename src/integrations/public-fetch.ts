// fetch for addresses a person typed (a council's ModernGov site), so the bot cannot be used to
// reach the machines around it or to exhaust its own memory:
// - only http and https, no user name or password in the address;
// - every host, the first and each redirect's, is connected to only at an address that is public
//   (public-address.ts), checked where the connection is made (checked-request.ts): one DNS
//   answer per connection, no second resolution for an attacker's DNS to change;
// - at most 5 redirects, each checked like the first; https never redirects down to http (the
//   person asked for an answer no one on the way could alter; a site that serves https has no
//   reason to send anyone back to plain http);
// - one time limit over the whole exchange (every connection, every answer's head and the body);
// - a size cap enforced while the body arrives, after decompression (capped-body.ts).
// Failures are AppErrors a person can read (IMPORT_BLOCKED_ADDRESS, IMPORT_BLOCKED_REDIRECT,
// IMPORT_TOO_LARGE, IMPORT_TIMEOUT); a server that cannot be reached fails as fetch does
// (TypeError "fetch failed" with the system error as its cause). Resolved addresses never appear
// in a message.
import { lookup } from 'node:dns/promises';
import type { IncomingMessage } from 'node:http';
import { pipeline, type Readable } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import { AppError, ErrorCode } from '../errors.ts';
import { cappedWebStream, tooLargeError } from './capped-body.ts';
import { checkedRequest, type AddressPolicy } from './checked-request.ts';
import { isPublicAddress } from './public-address.ts';

export interface PublicFetchOptions {
  /** The whole exchange, redirects and body included; 30 seconds by default. */
  timeoutMs?: number;
  /** Largest body read (after decompression); 10 MB by default. */
  maxBytes?: number;
  /** 5 by default. */
  maxRedirects?: number;
  /** Every address of a name; the system resolver (getaddrinfo, as fetch uses) by default. */
  resolve?: (hostname: string) => Promise<string[]>;
}

const systemResolve = async (hostname: string): Promise<string[]> => (await lookup(hostname, { all: true, verbatim: true })).map((found) => found.address);

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const NULL_BODY_STATUSES = new Set([101, 204, 205, 304]);
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];

const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} seconds`;

/** The rules every address fetched must meet, the first and each redirect's. */
function fetchableUrl(url: URL): 'ok' | string {
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return `Quorum only fetches http:// and https:// addresses, not ${url.protocol}//.`;
  if (url.username || url.password) return 'Quorum does not fetch addresses with a user name or password in them.';
  return 'ok';
}

const redirectRefused = (from: URL, why: string): AppError => new AppError(ErrorCode.IMPORT_BLOCKED_REDIRECT, `${from.hostname} redirected the request, and Quorum did not follow: ${why}`);

export function redirectTarget(from: URL, location: string): URL {
  let to: URL;
  try {
    to = new URL(location, from);
  } catch {
    throw redirectRefused(from, 'the address it gave is not a web address.');
  }
  const rule = fetchableUrl(to);
  if (rule !== 'ok') throw redirectRefused(from, rule);
  if (from.protocol === 'https:' && to.protocol === 'http:') throw redirectRefused(from, 'it went from a secure (https) address to an insecure (http) one.');
  return to;
}

/** One time limit for everything a call does, and the caller's own signal, as one signal. */
class Deadline {
  private readonly controller = new AbortController();
  private readonly timer: NodeJS.Timeout;
  private readonly onCallerAbort = (): void => this.controller.abort(this.callerSignal?.reason);
  constructor(
    timeoutMs: number,
    host: string,
    private readonly callerSignal: AbortSignal | undefined,
  ) {
    this.timer = setTimeout(() => {
      this.controller.abort(new AppError(ErrorCode.IMPORT_TIMEOUT, `${host} did not finish answering within ${seconds(timeoutMs)}, so Quorum gave up. Try again later.`));
    }, timeoutMs);
    this.timer.unref();
    if (callerSignal?.aborted) this.onCallerAbort();
    else callerSignal?.addEventListener('abort', this.onCallerAbort, { once: true });
  }
  get signal(): AbortSignal {
    return this.controller.signal;
  }
  finish(): void {
    clearTimeout(this.timer);
    this.callerSignal?.removeEventListener('abort', this.onCallerAbort);
  }
}

function decodedBody(answer: IncomingMessage): Readable {
  const coding = String(answer.headers['content-encoding'] ?? '')
    .trim()
    .toLowerCase();
  const decoder = coding === 'gzip' || coding === 'x-gzip' ? createGunzip() : coding === 'deflate' ? createInflate() : coding === 'br' ? createBrotliDecompress() : undefined;
  if (!decoder) return answer;
  pipeline(answer, decoder, () => undefined);
  return decoder;
}

interface Hop {
  answer: IncomingMessage;
  url: URL;
  redirected: boolean;
  method: 'GET' | 'HEAD';
}

function toResponse(hop: Hop, deadline: Deadline, maxBytes: number): Response {
  const { answer, url } = hop;
  const status = answer.statusCode ?? 0;
  if (status < 200 || status > 599) {
    answer.destroy();
    throw new Error(`${url.hostname} answered with HTTP status ${status}, which is not a web answer.`);
  }
  const headers = new Headers();
  for (let i = 0; i + 1 < answer.rawHeaders.length; i += 2) {
    try {
      headers.append(answer.rawHeaders[i] as string, answer.rawHeaders[i + 1] as string);
    } catch {
      // A header the fetch standard cannot hold is left out, as fetch leaves it out.
    }
  }
  let body: ReadableStream<Uint8Array> | null = null;
  if (hop.method === 'HEAD' || NULL_BODY_STATUSES.has(status)) {
    answer.destroy();
    deadline.finish();
  } else {
    const declared = Number(answer.headers['content-length']);
    if (Number.isFinite(declared) && declared > maxBytes) {
      answer.destroy();
      throw tooLargeError(url.hostname, maxBytes);
    }
    const source = decodedBody(answer);
    const stop = (): void => void source.destroy(deadline.signal.reason instanceof Error ? deadline.signal.reason : new Error('aborted'));
    deadline.signal.addEventListener('abort', stop, { once: true });
    body = cappedWebStream(source, {
      maxBytes,
      source: url.hostname,
      onSettled: () => {
        deadline.signal.removeEventListener('abort', stop);
        deadline.finish();
      },
    });
  }
  // A reason phrase fetch would refuse is dropped rather than left to fail with the body open.
  const statusText = (answer.statusMessage ?? '').replace(/[^\t\x20-\x7e\x80-\xff]/g, '');
  const response = new Response(body, { status, statusText, headers });
  Object.defineProperty(response, 'url', { value: url.href });
  Object.defineProperty(response, 'redirected', { value: hop.redirected });
  return response;
}

function readRequest(input: Parameters<typeof fetch>[0], init: RequestInit | undefined): { url: URL; method: 'GET' | 'HEAD'; headers: Headers } {
  const request = input instanceof Request ? input : undefined;
  const method = (init?.method ?? request?.method ?? 'GET').toUpperCase();
  if ((method !== 'GET' && method !== 'HEAD') || init?.body != null) throw new TypeError('publicFetch only reads pages (GET or HEAD, no body).');
  let url: URL;
  try {
    url = new URL(request ? request.url : String(input));
  } catch {
    throw new AppError(ErrorCode.IMPORT_ADDRESS_INVALID, `"${String(input)}" is not a web address.`);
  }
  const rule = fetchableUrl(url);
  if (rule !== 'ok') throw new AppError(ErrorCode.IMPORT_ADDRESS_INVALID, rule);
  const headers = new Headers(init?.headers ?? request?.headers);
  if (!headers.has('user-agent')) headers.set('user-agent', 'Quorum');
  // Only what decodedBody can decode, so the cap counts what the reader gets.
  headers.set('accept-encoding', 'gzip, deflate, br');
  return { url, method, headers };
}

function build(options: PublicFetchOptions, allows: (address: string) => boolean): typeof fetch {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const maxBytes = options.maxBytes ?? 10_000_000;
  const maxRedirects = options.maxRedirects ?? 5;
  const policy: AddressPolicy = { resolve: options.resolve ?? systemResolve, allows };
  return async (input, init) => {
    const request = readRequest(input, init);
    const callerSignal = init?.signal ?? (input instanceof Request ? input.signal : undefined);
    const deadline = new Deadline(timeoutMs, request.url.hostname, callerSignal);
    let url = request.url;
    const headers = Object.fromEntries(request.headers);
    try {
      for (let redirects = 0; ; redirects++) {
        const answer = await checkedRequest({ url, method: request.method, headers, policy, signal: deadline.signal });
        const location = REDIRECT_STATUSES.has(answer.statusCode ?? 0) ? answer.headers.location : undefined;
        if (location === undefined) return toResponse({ answer, url, redirected: redirects > 0, method: request.method }, deadline, maxBytes);
        answer.destroy();
        if (redirects >= maxRedirects) throw redirectRefused(url, `it redirected more than ${maxRedirects} times.`);
        const next = redirectTarget(url, location);
        if (next.origin !== url.origin) for (const name of CREDENTIAL_HEADERS) delete headers[name];
        url = next;
      }
    } catch (error) {
      deadline.finish();
      if (error instanceof AppError || error === callerSignal?.reason) throw error;
      throw new TypeError('fetch failed', { cause: error });
    }
  };
}

/** fetch limited to public addresses; see the top of this file. */
export function createPublicFetch(options: PublicFetchOptions = {}): typeof fetch {
  return build(options, isPublicAddress);
}

export const publicFetch: typeof fetch = createPublicFetch();

/**
 * TEST SEAM, for tests only: a publicFetch that also connects to the exact addresses listed (a
 * test server on 127.0.0.1), so tests can play a public site and prove that its redirects and
 * its DNS answers are still checked. Nothing in src/ other than this file may name it (a test
 * enforces that), and it takes no configuration: it cannot be turned on from outside the code.
 */
export function createPublicFetchAlsoAllowingForTests(alsoAllow: readonly string[], options: PublicFetchOptions = {}): typeof fetch {
  const allowed = new Set(alsoAllow);
  return build(options, (address) => allowed.has(address) || isPublicAddress(address));
}
