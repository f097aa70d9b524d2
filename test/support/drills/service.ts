// Starting the service as a child process that a fault drill can kill (SIGKILL) or stop (SIGTERM),
// on a given database (DATA_DIR for PGlite, DATABASE_URL for PostgreSQL), talking to a fake Slack,
// with the flags npm start gives Node.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startFlags } from '../start-flags.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const entry = fileURLToPath(new URL('./service-child.ts', import.meta.url));
export const DRILL_SIGNING_SECRET = '0123456789abcdef0123456789abcdef';

export interface ServiceProcess {
  child: ChildProcess;
  /** Resolves with the exit code (null when killed by a signal). */
  exited: Promise<number | null>;
  /** Everything it wrote, stdout then stderr. */
  output(): string;
  /** Waits for "Quorum is listening"; rejects if it exits first or takes longer than timeoutMs. */
  listening(timeoutMs?: number): Promise<void>;
  /** SIGKILL: no chance to finish anything. */
  kill(): Promise<void>;
  /** SIGTERM: the service stops cleanly. */
  stop(): Promise<number | null>;
}

export function startServiceProcess(database: Record<string, string>, slackApiUrl: string, extra: Record<string, string> = {}): ServiceProcess {
  const child = spawn(process.execPath, [...startFlags(), '--import', 'tsx', entry], {
    cwd: root,
    env: {
      // eslint-disable-next-line no-restricted-syntax -- the child process needs the PATH to find its tools
      PATH: process.env.PATH ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'info',
      PLAYGROUND: 'off',
      SLACK_BOT_TOKEN: 'xoxb-drill',
      SLACK_SIGNING_SECRET: DRILL_SIGNING_SECRET,
      SLACK_API_URL: slackApiUrl,
      ...database,
      ...extra,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const output = () => stdout + stderr;
  return {
    child,
    exited,
    output,
    listening: async (timeoutMs = 120_000) => {
      const deadline = Date.now() + timeoutMs;
      while (!/Quorum is listening/.test(stdout)) {
        if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the service exited (${child.exitCode ?? child.signalCode}) before listening:\n${output()}`);
        if (Date.now() > deadline) throw new Error(`the service did not listen within ${timeoutMs} ms:\n${output()}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      return exited;
    },
  };
}
