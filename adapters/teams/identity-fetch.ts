// Every request botbuilder makes to Microsoft's identity endpoints, with a time limit and a size
// limit: the channel's OpenID metadata and signing keys (to check inbound tokens) and the login
// authority (the bot's outbound tokens, through MSAL). botbuilder itself fetches them with no
// limit at all, so one metadata host that accepts the connection and never answers held every
// Teams request for as long as the socket lived.
import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

/** How long one identity request may take, headers and body together. */
export const IDENTITY_TIMEOUT_MS = 5_000;
/** Metadata, key sets and token answers are a few kilobytes; anything this large is not one. */
export const IDENTITY_MAX_BYTES = 1_000_000;

/** An identity endpoint did not answer in time, answered too much, or could not be reached. */
export class IdentityFetchError extends Error {
  override name = 'IdentityFetchError';
}

export interface BoundedRequestOptions {
  method?: 'GET' | 'POST';
  headers?: Record<string, string>;
  body?: string;
  timeoutMs?: number;
  maxBytes?: number;
  /** Tests only: the one certificate authority to trust, instead of the system's (the fake login's). */
  ca?: string;
}

export interface BoundedResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/** One HTTP(S) request that settles within `timeoutMs`, reading at most `maxBytes` of answer. */
export function boundedRequest(url: string, options: BoundedRequestOptions = {}): Promise<BoundedResponse> {
  const { method = 'GET', headers = {}, body, timeoutMs = IDENTITY_TIMEOUT_MS, maxBytes = IDENTITY_MAX_BYTES, ca } = options;
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return Promise.reject(new IdentityFetchError('not a URL'));
  }
  // The path names the endpoint; the query is left out of messages in case it carries anything.
  const where = `${method} ${target.origin}${target.pathname}`;
  if (target.protocol !== 'https:' && target.protocol !== 'http:') return Promise.reject(new IdentityFetchError(`${where}: only http and https are fetched`));

  return new Promise<BoundedResponse>((resolve, reject) => {
    let settled = false;
    const settle = (outcome: BoundedResponse | Error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      if (outcome instanceof Error) {
        request.destroy();
        reject(outcome);
      } else resolve(outcome);
    };
    // One timer for connecting, waiting and reading: a server that trickles its answer is bounded too.
    const timer = setTimeout(() => settle(new IdentityFetchError(`${where}: no complete answer within ${timeoutMs} ms`)), timeoutMs);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const request = send(
      target,
      { method, headers: body === undefined ? headers : { ...headers, 'content-length': String(Buffer.byteLength(body)) }, ...(ca ? { ca } : {}) },
      (response) => {
        const chunks: Buffer[] = [];
        let size = 0;
        response.on('data', (chunk: Buffer) => {
          size += chunk.length;
          if (size > maxBytes) settle(new IdentityFetchError(`${where}: the answer is larger than ${maxBytes} bytes`));
          else chunks.push(chunk);
        });
        response.on('end', () => settle({ status: response.statusCode ?? 0, headers: flatHeaders(response.headers), body: Buffer.concat(chunks).toString('utf8') }));
        response.on('error', (error) => settle(new IdentityFetchError(`${where}: ${error.message}`)));
        response.on('close', () => settle(new IdentityFetchError(`${where}: the connection closed before the answer was complete`)));
      },
    );
    request.on('error', (error) => settle(new IdentityFetchError(`${where}: ${error.message}`)));
    request.end(body);
  });
}

function flatHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) if (value !== undefined) flat[name] = Array.isArray(value) ? value.join(', ') : value;
  return flat;
}
