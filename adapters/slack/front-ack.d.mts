import type { IncomingHttpHeaders } from 'node:http';

/** How far a request's timestamp may be from now, either way. */
export declare const MAX_REQUEST_SKEW_SECONDS: number;

/** The answer the front door gives at once, with the body as it read it, or undefined to pass the request on. */
export declare function earlyAnswer(
  request: { method: string | undefined; headers: IncomingHttpHeaders; body: Buffer },
  options: { signingSecret: string },
  nowMs?: number,
): { status: number; body: unknown } | undefined;
