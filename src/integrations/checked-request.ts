// One HTTP exchange with a host a person named, connected only to an address that passed the
// address policy. The name is resolved once, by the policy's resolver, inside the socket's own
// lookup: the addresses checked are the addresses the socket is given, so a DNS answer that
// changes between a check and a connection (DNS rebinding) has nothing to change. The address
// the socket actually connected to is checked again before a byte is sent.
import http, { type IncomingMessage } from 'node:http';
import https from 'node:https';
import { isIP, type LookupFunction, type Socket } from 'node:net';
import { AppError, ErrorCode } from '../errors.ts';

export interface AddressPolicy {
  /** Every address the name has, as the system resolver (or a test's) gives them. */
  resolve: (hostname: string) => Promise<string[]>;
  allows: (address: string) => boolean;
}

export const blockedAddressError = (host: string): AppError =>
  new AppError(
    ErrorCode.IMPORT_BLOCKED_ADDRESS,
    `${host} is not a public internet address (it is private, local or reserved), so Quorum will not fetch from it. Give the public web address of the site.`,
  );

const unresolvedError = (hostname: string): Error => Object.assign(new Error(`no address found for ${hostname}`), { code: 'ENOTFOUND', hostname });

/** The lookup handed to the socket: resolves once, refuses the name if any of its addresses is not allowed. */
function checkedLookup(policy: AddressPolicy, displayHost: string): LookupFunction {
  return (hostname, options, callback) => {
    policy.resolve(hostname).then(
      (found) => {
        if (found.length === 0) return callback(unresolvedError(hostname), '', 0);
        // A name with one private address among public ones is refused whole: which one a
        // connection uses is not ours to choose.
        if (!found.every((address) => policy.allows(address))) return callback(blockedAddressError(displayHost), '', 0);
        const wanted = options.family === 4 || options.family === 6 ? found.filter((address) => isIP(address) === options.family) : found;
        if (wanted.length === 0) return callback(unresolvedError(hostname), '', 0);
        if (options.all) return callback(null, wanted.map((address) => ({ address, family: isIP(address) })));
        const first = wanted[0] as string;
        return callback(null, first, isIP(first));
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, '', 0),
    );
  };
}

export interface CheckedRequest {
  url: URL;
  method: 'GET' | 'HEAD';
  headers: Record<string, string>;
  policy: AddressPolicy;
  /** Aborting it destroys the request and its answer with the signal's reason. */
  signal: AbortSignal;
}

/**
 * Sends the request and resolves with the answer's head; the body is left unread in the
 * IncomingMessage. The signal stays in charge of the answer until it is destroyed.
 */
export function checkedRequest(request: CheckedRequest): Promise<IncomingMessage> {
  const { url, policy, signal } = request;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  const displayHost = url.hostname;
  if (signal.aborted) return Promise.reject(signal.reason);
  if (isIP(host)) {
    if (!policy.allows(host)) return Promise.reject(blockedAddressError(displayHost));
  } else if (/(^|\.)localhost\.?$/i.test(host)) {
    // RFC 6761: "localhost" and its subdomains are this machine, whatever a resolver says.
    return Promise.reject(blockedAddressError(displayHost));
  }

  return new Promise<IncomingMessage>((resolve, reject) => {
    const client = url.protocol === 'https:' ? https : http;
    const req = client.request({
      protocol: url.protocol,
      hostname: host,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      headers: request.headers,
      // No connection pool: every exchange makes its own, checked connection.
      agent: false,
      lookup: checkedLookup(policy, displayHost),
    });
    let answer: IncomingMessage | undefined;
    const onAbort = (): void => {
      const reason = signal.reason instanceof Error ? signal.reason : new Error('aborted');
      req.destroy(reason);
      answer?.destroy(reason);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    const release = (): void => signal.removeEventListener('abort', onAbort);

    req.on('socket', (socket: Socket) => {
      // Belt and braces: whatever path led here, the peer must be an allowed address. Runs
      // before the request's own 'connect' listeners, so nothing is written to a refused peer.
      socket.prependOnceListener('connect', () => {
        const peer = socket.remoteAddress;
        if (!peer || !policy.allows(peer)) socket.destroy(blockedAddressError(displayHost));
      });
    });
    // Errors after the answer's head belong to the answer (its stream fails); this only settles the promise.
    req.on('error', (error) => {
      release();
      reject(error);
    });
    req.once('response', (response) => {
      answer = response;
      response.once('close', release);
      resolve(response);
    });
    req.end();
  });
}
