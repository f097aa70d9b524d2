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
