// Prisma CLI configuration. The app never runs `prisma migrate`: its own migrator
// (src/persistence/migrator.ts) applies prisma/migrations. This file exists so the CLI
// (generate, and migrate deploy for those who prefer it) finds the schema.
import { defineConfig } from 'prisma/config';

export default defineConfig({
  schema: 'prisma/schema.prisma',
  migrations: { path: 'prisma/migrations' },
  // eslint-disable-next-line no-restricted-syntax -- the Prisma CLI is outside the app; it reads its own environment.
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/quorum' },
});
