// Bolt's Logger interface on top of the service's pino logger. Bolt and its Web API client log
// strings and Error objects; this turns them into one structured line each, with any of our own
// secrets that slipped into a string replaced, and keeps the service's LOG_LEVEL in charge
// (Bolt's setLevel() is ignored). The Web API client's debug lines that carry whole request and
// response bodies (message texts, people's names) are cut to their label, as the logger's own
// redaction keeps message contents out of the logs.
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../src/logger.ts';

type Level = 'debug' | 'info' | 'warn' | 'error';

/** "http request body: {...}", "http request result: {...}", "ack() call begins (body: ...)". */
const CONTENT_LINE = /^(http request (?:body|result|headers)|http response headers|ack\(\) (?:call begins|response sent)|stored response sent)\b.*$/s;

export function createBoltLogger(logger: Logger, secrets: readonly (string | undefined)[]): BoltLogger {
  const known = secrets.filter((s): s is string => typeof s === 'string' && s.length >= 8);
  const scrub = (text: string) => known.reduce((out, secret) => out.split(secret).join('[redacted]'), text);
  let name = 'bolt';

  const write = (level: Level) => (...parts: unknown[]) => {
    if (!logger.isLevelEnabled(level)) return;
    const error = parts.find((p): p is Error => p instanceof Error);
    const message = parts
      .filter((p) => p !== error)
      .map((p) => (typeof p === 'string' ? p : describe(p)))
      .join(' ');
    const fields: Record<string, unknown> = { component: name };
    if (error) fields.err = scrubError(error, scrub);
    const text = message.replace(CONTENT_LINE, '$1 (contents not logged)');
    logger[level](fields, scrub(text || error?.message || ''));
  };

  return {
    debug: write('debug'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    setLevel: () => {
      // The service's LOG_LEVEL decides; Bolt calls this with its own default at construction.
    },
    getLevel: () => {
      if (logger.isLevelEnabled('debug')) return LogLevel.DEBUG;
      if (logger.isLevelEnabled('info')) return LogLevel.INFO;
      if (logger.isLevelEnabled('warn')) return LogLevel.WARN;
      return LogLevel.ERROR;
    },
    setName: (value: string) => {
      name = value;
    },
  };
}

function describe(value: unknown): string {
  if (value === undefined) return 'undefined';
  try {
    return JSON.stringify(value) ?? String(value);
  } catch {
    return String(value);
  }
}

/** A plain copy of an error for pino's err serializer, its texts scrubbed. Slack's error data
 * (data.error, statusCode, retryAfter) is kept: it says why a call failed. */
function scrubError(error: Error, scrub: (text: string) => string): Record<string, unknown> {
  const extra = error as Error & { code?: unknown; data?: { error?: unknown }; statusCode?: unknown; retryAfter?: unknown };
  return {
    type: error.name,
    message: scrub(error.message),
    stack: error.stack ? scrub(error.stack) : undefined,
    ...(extra.code !== undefined ? { code: extra.code } : {}),
    ...(extra.data?.error !== undefined ? { slackError: extra.data.error } : {}),
    ...(extra.statusCode !== undefined ? { statusCode: extra.statusCode } : {}),
    ...(extra.retryAfter !== undefined ? { retryAfter: extra.retryAfter } : {}),
  };
}
