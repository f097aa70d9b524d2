import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';

function capture() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      lines.push(chunk.toString());
      callback();
    },
  });
  return { lines, logger: createLogger({ level: 'info', destination }) };
}

describe('logger', () => {
  it('writes structured JSON lines', () => {
    const { lines, logger } = capture();
    logger.info({ board: 'scpb' }, 'agenda posted');
    const entry = JSON.parse(lines[0] ?? '{}') as Record<string, unknown>;
    expect(entry).toMatchObject({ msg: 'agenda posted', board: 'scpb', service: 'quorum', level: 30 });
    expect(typeof entry.time).toBe('string');
  });

  it('redacts secrets and message text wherever they are passed', () => {
    const { lines, logger } = capture();
    logger.info(
      {
        token: 'xoxb-1',
        config: { botToken: 'xoxb-2', signingSecret: 'abc', appPassword: 'pw' },
        req: { headers: { authorization: 'Bearer eyJ' } },
        text: 'my reason for apologies is private',
      },
      'incoming',
    );
    const out = lines.join('');
    for (const secret of ['xoxb-1', 'xoxb-2', '"abc"', '"pw"', 'Bearer eyJ', 'private']) {
      expect(out).not.toContain(secret);
    }
    expect(out).toContain('[redacted]');
  });
});
