// `npm start` on a fresh machine: the real entry point in a child process with the flags npm start
// gives Node, nothing configured
// but a data folder. It must start, migrate, answer /healthz, say plainly what is on and off,
// and stop cleanly on SIGTERM. A malformed variable must stop it with a message naming it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { testServerUrl } from '../../support/database.ts';
import { startFlags } from '../../support/start-flags.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
// A start boots Node, tsx and PGlite; on a busy machine that takes tens of seconds. Each wait
// below is bounded by WAIT_MS, and each test's own timeout covers all its waits together.
const WAIT_MS = 120_000;
const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

function startService(env: Record<string, string>) {
  const child = spawn(process.execPath, [...startFlags(), '--import', 'tsx', 'src/main.ts'], {
    cwd: root,
    // eslint-disable-next-line no-restricted-syntax -- the child process needs the PATH to find its tools
    env: { PATH: process.env.PATH ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const logs = () =>
    stdout
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { msg: string; level: number; port?: number });
  const waitForLog = async (pattern: RegExp, timeoutMs = WAIT_MS) => {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = logs().find((entry) => pattern.test(entry.msg));
      if (found) return found;
      if (child.exitCode !== null) throw new Error(`service exited with ${child.exitCode}: ${stderr}${stdout}`);
      await new Promise((r) => setTimeout(r, 100));
    }
    throw new Error(`no log line matching ${pattern} within ${timeoutMs} ms:\n${stdout}\n${stderr}`);
  };
  return { child, exited, logs, waitForLog, output: () => stdout + stderr };
}

/** The names of a process's threads as Linux shows them (/proc); one that ended meanwhile is left out. */
async function threadNames(pid: number): Promise<string[]> {
  const task = `/proc/${pid}/task`;
  const names = await Promise.all((await readdir(task)).map((tid) => readFile(`${task}/${tid}/comm`, 'utf8').then((name) => name.trim(), () => undefined)));
  return names.filter((name): name is string => name !== undefined);
}

describe('npm start', () => {
  it('starts with nothing configured on the embedded database, reports its state, and stops on SIGTERM', async () => {
    const dataDir = await mkdtemp(path.join(tmpdir(), 'quorum-start-'));
    dirs.push(dataDir);
    const service = startService({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    const listening = await service.waitForLog(/Quorum is listening/);
    const messages = service.logs().map((entry) => entry.msg).join('\n');
    expect(messages).toMatch(/Database: embedded PGlite in .*set DATABASE_URL=postgres:\/\/\.\.\. to use a PostgreSQL server/);
    expect(messages).toMatch(/Slack: off \(set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET/);
    expect(messages).toMatch(/Teams: off \(set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD/);
    // The first start on a folder is the slow one, and says so before it begins.
    expect(messages).toMatch(/Creating the embedded database in .*quorum-start-.* \(first start on this folder/);
    expect(messages.indexOf('Creating the embedded database')).toBeLessThan(messages.indexOf('applied migration'));
    expect(messages).toMatch(/applied migration/);
    // Which thread is busy can be seen from outside (`top -H`): the suite runs on Linux.
    if (process.platform === 'linux') expect((await threadNames(service.child.pid as number)).filter((name) => name.startsWith('quorum-')).sort()).toEqual(['quorum-db', 'quorum-door']);

    const base = `http://127.0.0.1:${listening.port}`;
    const health = await fetch(`${base}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({
      status: 'ok',
      database: { kind: 'pglite', ok: true },
      slack: { state: 'off' },
      teams: { state: 'off' },
    });
    const slack = await fetch(`${base}/slack/events`, { method: 'POST' });
    expect(slack.status).toBe(503);
    expect(await slack.json()).toMatchObject({ error: 'platform_off' });

    // A second process on the same folder while this one runs is refused, saying why: the drill
    // test/e2e/drills/process-drills.test.ts proves it through this same main (src/main.ts), and
    // that the first process delivers every message once meanwhile.

    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);

    // A second start on the same folder finds the database already migrated. Told to stop while it
    // is still starting (as soon as it has said which database it uses), it finishes starting and
    // then stops as on any SIGTERM: a signal is listened for before anything starts, so none kills
    // it half way (one sent the moment it said it was listening once did).
    const again = startService({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir });
    await again.waitForLog(/Database: embedded PGlite/);
    again.child.kill('SIGTERM');
    expect(await again.exited).toBe(0);
    const told = again.logs().map((entry) => entry.msg);
    expect(told).toContain('stopping as soon as the start is complete');
    expect(told.indexOf('stopping as soon as the start is complete')).toBeLessThan(told.findIndex((msg) => /Quorum is listening/.test(msg)));
    expect(told.findIndex((msg) => /Quorum is listening/.test(msg))).toBeLessThan(told.indexOf('stopping'));
    expect(told.some((msg) => /applied migration|Creating the embedded database/.test(msg))).toBe(false);
  }, 4 * WAIT_MS);

  it.runIf(testServerUrl())('uses the PostgreSQL server named by DATABASE_URL', async () => {
    const service = startService({ PORT: '0', HOST: '127.0.0.1', DATABASE_URL: testServerUrl() as string });
    const listening = await service.waitForLog(/Quorum is listening/);
    const health = await fetch(`http://127.0.0.1:${listening.port}/healthz`);
    expect(await health.json()).toMatchObject({ database: { kind: 'postgres', ok: true } });
    service.child.kill('SIGTERM');
    expect(await service.exited).toBe(0);
  }, 2 * WAIT_MS);

  it('refuses to start on a malformed variable, naming it and what is expected', async () => {
    const service = startService({ PORT: 'eighty', SLACK_BOT_TOKEN: 'xoxb-do-not-print-me' });
    expect(await service.exited).toBe(1);
    expect(service.output()).toMatch(/PORT: expected a TCP port number such as 3978/);
    expect(service.output()).toMatch(/SLACK_SIGNING_SECRET: required when SLACK_BOT_TOKEN is set/);
    expect(service.output()).not.toMatch(/do-not-print-me/);
  }, WAIT_MS);
});
