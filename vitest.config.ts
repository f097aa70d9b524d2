import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

// Tests by kind, each runnable alone (npm run test:unit | test:db | test:e2e):
//   unit  no database, no server: domain rules, parsers, cards, the command line, manifests
//   db    use cases on a real database (PGlite by default, PostgreSQL when DATABASE_URL is set)
//   e2e   the real service through the platform fakes: signed Slack requests, Bot Framework activities
// Database tests start from a template migrated once per run (see the file). A hook that opens a
// database or starts the service waits up to 3 minutes: on a busy two-core machine 60 s was not enough.
const globalSetup = ['test/support/global-setup.ts'];
// Test files in parallel, one more than there are cores: most of an end-to-end file's time is
// spent waiting on its service, its database worker and the platform fakes (the drills most of
// all), so with one file per core the CPU stood idle for about a fifth of the run. On a quiet
// two-core machine, 3 workers against 2, about the same CPU time: PGlite 86 to 100 s (five runs)
// against 100 to 106 s (six), 92 against 102 s with vitest's caches emptied, 129 against 131 s for
// a fresh clone's first run; PostgreSQL 85 and 78 s against 93 and 88 s. 4 workers on PGlite: 92
// and 95 s, with more CPU time (each worker imports the app once).
const maxWorkers = availableParallelism() + 1;
// Which database the suite runs on, read as test/support/database.ts's testServerUrl() reads it.
// eslint-disable-next-line no-restricted-syntax -- the test runner's own setting, not the service's configuration
const serverUrl = process.env.TEST_DATABASE_URL || process.env.DATABASE_URL;
const onPostgres = Boolean(serverUrl && /^postgres(ql)?:\/\//.test(serverUrl));

export default defineConfig({
  test: {
    pool: 'forks',
    // A worker runs file after file in one process: the app's modules are imported once per worker,
    // not once per file (about a third of the suite's time), and a test database a file is done with
    // is emptied and handed to the next file (test/support/database.ts). Files restore what they
    // change (timers, globals) in their own hooks.
    isolate: false,
    // A larger young generation for the test workers: fewer scavenges in processes that make many
    // short-lived objects (requests, cards, Prisma results); 5 to 10% less CPU for unit and db
    // measured side by side. `npm start` keeps its own small one (package.json). On PGlite,
    // WebAssembly on V8's baseline compiler only, as `npm start` runs it: optimising PGlite's module
    // again in each new PGlite thread cost more than it saved (suite 137 and 140 s against 144 and
    // 142 s, CPU 3 to 6% less, alternating runs on a quiet two-core machine). On PostgreSQL the same
    // flag slowed the suite (151 s against 133, CPU 16% more: Prisma's query compiler, run for every
    // query, is WebAssembly too, and there is no PGlite to gain on), so it is left off there.
    execArgv: ['--max-semi-space-size=16', ...(onPostgres ? [] : ['--liftoff-only'])],
    maxWorkers,
    reporters: ['default'],
    // vitest's transform of each module kept on disk (node_modules/.experimental-vitest-cache) and
    // reused by the next run: the first files start about 5 s sooner and the end-to-end workers
    // side by side instead of one waiting for the other's transforms. Experimental in vitest 4;
    // `npx vitest --clearCache` empties it.
    experimental: { fsModuleCache: true },
    projects: [
      { extends: true, test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 15_000 } },
      { extends: true, test: { name: 'db', include: ['test/db/**/*.test.ts'], globalSetup, testTimeout: 30_000, hookTimeout: 180_000 } },
      { extends: true, test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup, testTimeout: 30_000, hookTimeout: 180_000 } },
    ],
  },
});
