// Slack signs `v0:<timestamp>:<body>` and sends the timestamp in X-Slack-Request-Timestamp.
// Bolt's receiver refuses one more than 5 minutes old, but not one from the future, so a signed
// request stamped an hour ahead could be replayed for an hour. Both directions are refused here,
// before the signature is checked (the timestamp is part of what is signed).
import type { RequestHandler } from 'express';
import type { Logger } from '../../src/logger.ts';
import { MAX_REQUEST_SKEW_SECONDS } from './front-ack.mjs';

export { MAX_REQUEST_SKEW_SECONDS };

export const REQUEST_TIME_REFUSED_BODY = {
  error: 'request_time_out_of_range',
  message: 'The request timestamp (X-Slack-Request-Timestamp) is more than 5 minutes from now.',
} as const;

export function refuseOutOfTimeRequests(logger: Logger, now: () => number = Date.now): RequestHandler {
  return (req, res, next) => {
    const header = req.headers['x-slack-request-timestamp'];
    const stamped = Number(Array.isArray(header) ? header[0] : header);
    // A missing or unreadable timestamp is Bolt's to refuse, with the signature.
    if (header === undefined || !Number.isFinite(stamped)) return next();
    const skew = stamped - Math.floor(now() / 1000);
    if (Math.abs(skew) <= MAX_REQUEST_SKEW_SECONDS) return next();
    logger.warn({ skewSeconds: skew }, 'Slack request refused: its timestamp is more than 5 minutes from now');
    res.status(401).json(REQUEST_TIME_REFUSED_BODY);
  };
}
