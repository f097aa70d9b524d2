import { createRequire } from 'node:module';
const { loadConfig } = await import('./src/config.ts');
const { startQuorum } = await import('./src/main.ts');
const { createLogger } = await import('./src/logger.ts');
const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-bench', SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef', SLACK_API_URL: 'http://127.0.0.1:9/api/', PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'silent', DATABASE_URL: process.env.DATABASE_URL! });
const q = await startQuorum({ config, logger: createLogger({ level: 'silent' }) });
const cache = createRequire(import.meta.url).cache;
const pk = new Map<string, number>();
for (const k of Object.keys(cache)) { const m = k.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/); if (m) pk.set(m[1], (pk.get(m[1]) ?? 0) + 1); }
console.log([...pk].sort((a, b) => b[1] - a[1]).map(([k, v]) => `${k}:${v}`).join(' '));
await q.stop(); process.exit(0);
