#!/usr/bin/env node
// Generates the Prisma client (src/persistence/generated). Prisma 7's CLI tries to download
// its native schema engine at start-up even though `generate` never runs it; on a machine
// without that download the CLI stops. Pointing PRISMA_SCHEMA_ENGINE_BINARY at any existing
// file skips the download. Where a real engine is set, it is left alone.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
// eslint-disable-next-line no-restricted-syntax -- a build script passes its environment to the Prisma CLI
const env = { ...process.env };
if (!env.PRISMA_SCHEMA_ENGINE_BINARY || !existsSync(env.PRISMA_SCHEMA_ENGINE_BINARY)) {
  env.PRISMA_SCHEMA_ENGINE_BINARY = process.execPath;
}
env.PRISMA_HIDE_UPDATE_MESSAGE = '1';
env.CHECKPOINT_DISABLE = '1';

const cli = require.resolve('prisma/build/index.js');
const result = spawnSync(process.execPath, [cli, 'generate', '--schema', 'prisma/schema.prisma'], {
  env,
  stdio: 'inherit',
});
process.exit(result.status ?? 1);
