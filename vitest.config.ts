import { defineConfig } from 'vitest/config';

// Tests by kind, each runnable alone (npm run test:unit | test:db | test:e2e):
//   unit  no database, no server: domain rules, parsers, cards, the command line, manifests
//   db    use cases on a real database (PGlite by default, PostgreSQL when DATABASE_URL is set)
//   e2e   the real service through the platform fakes: signed Slack requests, Bot Framework activities
// Database tests start from a template migrated once per run (see the file).
const globalSetup = ['test/support/global-setup.ts'];

export default defineConfig({
  test: {
    pool: 'forks',
    reporters: ['default'],
    projects: [
      { test: { name: 'unit', include: ['test/unit/**/*.test.ts'], testTimeout: 15_000 } },
      { test: { name: 'db', include: ['test/db/**/*.test.ts'], globalSetup, testTimeout: 30_000, hookTimeout: 60_000 } },
      { test: { name: 'e2e', include: ['test/e2e/**/*.test.ts'], globalSetup, testTimeout: 30_000, hookTimeout: 60_000 } },
    ],
  },
});
