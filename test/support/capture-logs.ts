// A logger whose JSON lines the test can read back (to assert on them, or that no secret is there).
import { Writable } from 'node:stream';
import { createLogger, type Logger } from '../../src/logger.ts';

export function capturingLogger(level = 'debug'): { logger: Logger; logs: () => string } {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { logger: createLogger({ level, destination }), logs: () => lines.join('') };
}

/** One line of the service's JSON log. */
export interface LogLine {
  level: number;
  msg: string;
  code?: string;
  [key: string]: unknown;
}

/** The JSON log lines written after `mark` (a length of the log text taken earlier). */
export const logLinesSince = (logs: string, mark: number): LogLine[] =>
  logs
    .slice(mark)
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LogLine);
