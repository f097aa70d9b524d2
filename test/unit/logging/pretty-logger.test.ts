// In a terminal the log is readable lines (pino-pretty); anywhere else JSON lines, as before.
import { spawnSync } from 'node:child_process';
import { Writable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createLogger } from '../../../src/logger.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));

function capture(pretty?: boolean) {
  let output = '';
  const destination = new Writable({
    write(chunk: Buffer, _encoding, callback) {
      output += chunk.toString();
      callback();
    },
  });
  return { output: () => output, logger: createLogger({ level: 'info', destination, ...(pretty === undefined ? {} : { pretty }) }) };
}

describe('readable logs', () => {
  it('writes a readable line, not JSON, when asked to (in a terminal), and still redacts secrets', () => {
    const { output, logger } = capture(true);
    logger.info({ board: 'scpb', token: 'xoxb-secret' }, 'agenda posted');
    // eslint-disable-next-line no-control-regex -- colours, when the terminal has them
    const text = output().replace(/\u001b\[[0-9;]*m/g, '');
    expect(text).toMatch(/INFO.*agenda posted/);
    expect(text).toMatch(/board: "scpb"/);
    expect(text).not.toContain('xoxb-secret');
    expect(() => JSON.parse(text)).toThrow();
  });

  it('writes JSON lines to a destination that is not a terminal', () => {
    const { output, logger } = capture();
    logger.info('agenda posted');
    expect(JSON.parse(output())).toMatchObject({ msg: 'agenda posted', level: 30 });
  });

  it('chooses by whether stdout is a terminal when no destination is given', () => {
    const script = `import { createLogger } from './src/logger.ts'; createLogger({ level: 'info' }).info('hello');`;
    const piped = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' });
    expect(JSON.parse(piped.stdout)).toMatchObject({ msg: 'hello' });
    // util-linux's script(1) (on every Debian) gives the child a terminal.
    const terminal = spawnSync('script', ['-qec', `${JSON.stringify(process.execPath)} --import tsx --input-type=module -e ${JSON.stringify(script)}`, '/dev/null'], { cwd: root, encoding: 'utf8' });
    expect(terminal.error).toBeUndefined();
    // eslint-disable-next-line no-control-regex -- colours, when the terminal has them
    expect(terminal.stdout.replace(/\u001b\[[0-9;]*m/g, '')).toMatch(/INFO.*hello/);
    expect(terminal.stdout).not.toContain('"msg"');
  });
});
