// Structured logs (pino, JSON lines). Secrets and message contents are redacted by path, so a
// stray object passed to the logger cannot leak a token, a signing secret or what someone wrote.
import { pino, type Logger } from 'pino';

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

export function createLogger(options: { level: string; destination?: pino.DestinationStream }): Logger {
  return pino(
    {
      name: 'quorum',
      level: options.level,
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      base: { service: 'quorum' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    options.destination,
  );
}
