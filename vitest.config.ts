import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts', 'cards/**/*.test.ts', 'adapters/**/*.test.ts'],
    // Database-backed tests start PGlite (WebAssembly) or connect to PostgreSQL.
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default'],
  },
});
