/* eslint-disable no-restricted-syntax -- a benchmark reports which database it measured (DATABASE_URL) and passes it to what it runs */
// Resident memory (RSS) of Quorum and of a bare Bolt app, each in its own process: idle after
// start, and after 200 signed slash commands; Quorum's as a ratio to bare Bolt's. Quorum runs with
// the V8 flags `npm start` gives it, bare Bolt with Node's defaults.
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import { startFlags } from '../test/support/start-flags.ts';
import { print, ratio } from './report.ts';

const run = promisify(execFile);

async function measure(which: 'quorum' | 'bolt', slackApiUrl = ''): Promise<{ idle: number; loaded: number }> {
  const env = { ...process.env, BENCH_SLACK_API_URL: slackApiUrl };
  const flags = which === 'quorum' ? startFlags() : [];
  const { stdout } = await run(process.execPath, [...flags, '--import', 'tsx', new URL('./memory-child.ts', import.meta.url).pathname, which], { env, timeout: 180_000 });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as { idle: number; loaded: number };
}

export async function memoryBench(): Promise<void> {
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite (a fresh folder)';
  print(`memory: RSS of Quorum on ${database} and of a bare Bolt app, each in its own process`);
  print('  bare Bolt...');
  const bolt = await measure('bolt');
  print(`  Quorum (with the flags npm start gives Node: ${(startFlags()).join(' ') || 'none'})...`);
  // The fake Slack Web API Quorum talks to runs here, not in the measured process.
  const fake = await startFakeSlackApi();
  const quorum = await measure('quorum', fake.apiUrl).finally(() => fake.close());
  print(`  idle: Quorum ${quorum.idle} MiB, bare Bolt ${bolt.idle} MiB, ratio ${ratio(quorum.idle, bolt.idle)}`);
  print(`  after 200 commands: Quorum ${quorum.loaded} MiB, bare Bolt ${bolt.loaded} MiB, ratio ${ratio(quorum.loaded, bolt.loaded)}`);
  print('  What it means: the memory the process holds. The issue asks for idle at most 2 times bare Bolt on PostgreSQL, at most 4 times on PGlite (the PGlite worker thread counts).');
}
