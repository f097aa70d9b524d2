/* eslint-disable no-restricted-syntax -- a benchmark reports which database it measured (DATABASE_URL) and passes it to what it runs */
// One process of the memory bench: Quorum (as `npm start` runs it, Slack over HTTP, PGlite in a
// fresh folder or the PostgreSQL server in DATABASE_URL; the fake Slack Web API it talks to runs
// in the parent, at BENCH_SLACK_API_URL, so its memory is not counted as Quorum's) or a bare Bolt
// app that only acks. Prints one JSON line: RSS when idle after start, and after 200 signed slash
// commands.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createSlackClient, slashCommand } from '../test/support/slack-client.ts';
import { startBareBolt } from './bare-bolt.ts';

const SECRET = '0123456789abcdef0123456789abcdef';
const which = process.argv[2];
const settle = () => new Promise((resolve) => setTimeout(resolve, 3_000));
const mib = () => Math.round(process.memoryUsage().rss / 1024 / 1024);

let url: string;
let stop: () => Promise<void>;
if (which === 'quorum') {
  const dir = mkdtempSync(join(tmpdir(), 'quorum-bench-'));
  const { loadConfig } = await import('../src/config.ts');
  const { startQuorum } = await import('../src/main.ts');
  const { createLogger } = await import('../src/logger.ts');
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: process.env.BENCH_SLACK_API_URL ?? '', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATA_DIR: dir, ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}) });
  const quorum = await startQuorum({ config, logger: createLogger({ level: 'silent' }) });
  url = quorum.url;
  stop = async () => {
    await quorum.stop();
    rmSync(dir, { recursive: true, force: true });
  };
} else {
  ({ url, stop } = await startBareBolt(SECRET));
}
await settle();
const idle = mib();
const client = createSlackClient({ baseUrl: url, signingSecret: SECRET });
for (let i = 0; i < 200; i += 20) await Promise.all(Array.from({ length: 20 }, () => client.command(slashCommand({ text: 'help' }))));
await settle();
const loaded = mib();
await stop();
process.stdout.write(`${JSON.stringify({ idle, loaded })}\n`);
process.exit(0);
