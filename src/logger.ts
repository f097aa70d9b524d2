// Structured logs (pino, JSON lines). Secrets and message contents are redacted by path, so a
// stray object passed to the logger cannot leak a token, a signing secret or what someone wrote.
// In a terminal the same lines are shown readably (pino-pretty); piped or redirected, they stay JSON.
import { createRequire } from 'node:module';
import { pino, type Logger } from 'pino';
import type PinoPretty from 'pino-pretty';

// pino-pretty is loaded only when a terminal will read the lines: a service whose logs go to a file
// or a collector never holds it.
const load = createRequire(import.meta.url);

export type { Logger } from 'pino';

export const REDACTED_PATHS = [
  'token',
  '*.token',
  'botToken',
  '*.botToken',
  'appToken',
  '*.appToken',
  'signingSecret',
  '*.signingSecret',
  'appPassword',
  '*.appPassword',
  'password',
  '*.password',
  'authorization',
  '*.authorization',
  'headers.authorization',
  '*.headers.authorization',
  'req.headers.authorization',
  'headers["x-slack-signature"]',
  'text',
  '*.text',
];

export function createLogger(options: { level: string; destination?: pino.DestinationStream; pretty?: boolean }): Logger {
  const readable = options.pretty ?? (options.destination === undefined && process.stdout.isTTY === true);
  const pretty = readable ? (load('pino-pretty') as typeof PinoPretty) : undefined;
  return pino(
    {
      name: 'quorum',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'quorum' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    pretty
      ? // Synchronous, so that a fatal line before exiting is not lost.
        pretty({ colorize: pretty.isColorSupported, sync: true, translateTime: 'SYS:HH:MM:ss', ignore: 'pid,hostname,service,name', destination: options.destination ?? 1 })
      : options.destination,
  );
}
