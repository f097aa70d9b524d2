// The Slack requests the HTTP front door (src/http/front-door-worker.mjs) acknowledges itself, on
// its own thread, before the service has read them: clicks, slash commands, message shortcuts and
// events, correctly signed, in time and well formed, which the service would acknowledge with an
// empty 200 as its first step anyway (ack-first.ts, once.ts). Everything else goes on to the
// service and its answer comes back: a form submission (its ack can carry field errors), a
// challenge, a malformed or badly signed request (refused there, with the reason).
// Plain JavaScript: the front door's thread runs without the TypeScript loader.
import { Buffer } from 'node:buffer';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { parse } from 'node:querystring';
import { readSlackRequest } from './request-shape.mjs';

/** How far a request's timestamp may be from now, either way (request-time.ts). */
export const MAX_REQUEST_SKEW_SECONDS = 5 * 60;

/** A request this close to the edge of the window is left to the service, which checks the window
 * itself: answered here, it would be handed over to a service thread that can be seconds behind
 * under a burst, and acted on after the window had closed. */
const EDGE_SECONDS = 30;

/** The kinds the service acknowledges with an empty 200 before anything else. */
const ACKED_FIRST = new Set(['action', 'command', 'shortcut', 'event', 'ignored']);

/** @param {string | string[] | undefined} value */
const one = (value) => (Array.isArray(value) ? value[0] : value);

/**
 * The answer the front door gives at once, or undefined to pass the request on and relay the
 * service's answer. Never answers what the service would refuse: it checks what Bolt and the
 * adapter check first (signature, timestamp both ways, the body's shape), and strictly.
 * @param {{ method: string | undefined; headers: import('node:http').IncomingHttpHeaders; body: Buffer }} request
 * @param {{ signingSecret: string }} options
 * @param {number} [nowMs]
 * @returns {{ status: number; body: unknown } | undefined}
 */
export function earlyAnswer(request, options, nowMs = Date.now()) {
  if (request.method !== 'POST') return undefined;
  const signature = one(request.headers['x-slack-signature']);
  const stamp = one(request.headers['x-slack-request-timestamp']);
  if (!signature || !stamp || !/^v0=[0-9a-f]{64}$/.test(signature)) return undefined;
  const seconds = Number(stamp);
  if (!Number.isFinite(seconds) || Math.abs(seconds - Math.floor(nowMs / 1000)) > MAX_REQUEST_SKEW_SECONDS - EDGE_SECONDS) return undefined;
  const text = request.body.toString('utf8');
  // As Bolt signs it: the timestamp read as a number.
  const expected = createHmac('sha256', options.signingSecret).update(`v0:${seconds}:${text}`).digest();
  if (!timingSafeEqual(Buffer.from(signature.slice(3), 'hex'), expected)) return undefined;
  const body = parseBody(text, one(request.headers['content-type']));
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = /** @type {Record<string, unknown>} */ (body);
  // Bolt answers these itself, with content.
  if ('ssl_check' in fields || fields.type === 'url_verification') return undefined;
  // Bolt takes any body with a top-level name for a select menu's options request, which the
  // service does not acknowledge; and reads an event's item, and a channel that is not a string, as
  // objects. Such bodies are left to it.
  if ('name' in fields) return undefined;
  const event = fields.event;
  if (typeof event === 'object' && event !== null) {
    if ('item' in event && (typeof event.item !== 'object' || event.item === null)) return undefined;
    if ('channel' in event && event.channel === null) return undefined;
  }
  const shape = readSlackRequest(body);
  // The body as read here goes to the service with the request (front-door-worker.mjs), so that it
  // is not parsed twice.
  return shape.ok && ACKED_FIRST.has(shape.kind) ? { status: 200, body } : undefined;
}

/** As Bolt parses a body (ExpressReceiver's parseRequestBody); undefined when it cannot be read.
 * @param {string} text @param {string | undefined} contentType @returns {unknown} */
function parseBody(text, contentType) {
  try {
    if (contentType === 'application/x-www-form-urlencoded') {
      const fields = parse(text);
      return typeof fields.payload === 'string' ? JSON.parse(fields.payload) : fields;
    }
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
