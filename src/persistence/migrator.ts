// Hand-written: `prisma migrate deploy` needs Prisma's native schema engine, which cannot be
// downloaded here, and no maintained Node migrator writes Prisma's own _prisma_migrations records.
// Applies prisma/migrations/<timestamp>_<name>/migration.sql in order and records each in
// Prisma's own `_prisma_migrations` table, with the same columns and checksum (sha256 of the
// file) that `prisma migrate deploy` writes, so either tool can take over the database.
// Several instances starting at once are serialised by a PostgreSQL advisory lock.
import { createHash, randomUUID } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '../logger.ts';
import { inTransaction, type SqlConnection, type SqlSession } from './sql.ts';

export const MIGRATIONS_DIR = fileURLToPath(new URL('../../prisma/migrations', import.meta.url));

/** Arbitrary constant: "QUORUM" spelt in hex-ish; the lock key all instances agree on. */
const MIGRATION_LOCK_KEY = 0x51_55_4f_52_55_4d;

const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
    "id"                    VARCHAR(36) PRIMARY KEY NOT NULL,
    "checksum"              VARCHAR(64) NOT NULL,
    "finished_at"           TIMESTAMPTZ,
    "migration_name"        VARCHAR(255) NOT NULL,
    "logs"                  TEXT,
    "rolled_back_at"        TIMESTAMPTZ,
    "started_at"            TIMESTAMPTZ NOT NULL DEFAULT now(),
    "applied_steps_count"   INTEGER NOT NULL DEFAULT 0
);`;

export interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export class MigrationError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'MigrationError';
  }
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, 'migration.sql'), 'utf8');
      return { name, sql, checksum: createHash('sha256').update(sql).digest('hex') };
    }),
  );
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
  finished_at: Date | null;
  rolled_back_at: Date | null;
}

export interface MigrationResult {
  applied: string[];
  alreadyApplied: number;
}

/** Brings the database up to date. Idempotent; safe to run from several instances at once. */
export async function migrate(
  db: SqlConnection,
  options: { logger?: Logger; dir?: string } = {},
): Promise<MigrationResult> {
  const migrations = await readMigrations(options.dir);
  return db.session(async (session) => {
    await session.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    try {
      await session.exec(CREATE_MIGRATIONS_TABLE);
      return await applyPending(session, migrations, options.logger);
    } finally {
      await session.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    }
  });
}

async function applyPending(
  session: SqlSession,
  migrations: Migration[],
  logger: Logger | undefined,
): Promise<MigrationResult> {
  const rows = await session.query<AppliedRow>(
    'SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at',
  );
  const live = rows.filter((row) => row.rolled_back_at === null);
  const failed = live.find((row) => row.finished_at === null);
  if (failed) {
    throw new MigrationError(
      `Migration ${failed.migration_name} started but never finished. Inspect the database, then mark it ` +
        'rolled back (UPDATE "_prisma_migrations" SET rolled_back_at = now() WHERE migration_name = ...) or applied.',
    );
  }
  const appliedByName = new Map(live.map((row) => [row.migration_name, row]));
  const known = new Set(migrations.map((m) => m.name));
  for (const name of appliedByName.keys()) {
    if (!known.has(name)) {
      logger?.warn({ migration: name }, 'the database has a migration this build does not know (a newer build ran here?)');
    }
  }

  const applied: string[] = [];
  for (const migration of migrations) {
    const previous = appliedByName.get(migration.name);
    if (previous) {
      if (previous.checksum !== migration.checksum) {
        logger?.warn(
          { migration: migration.name },
          'migration.sql changed after it was applied; the database keeps the version it ran',
        );
      }
      continue;
    }
    const id = randomUUID();
    const started = Date.now();
    try {
      // On the session that holds the lock: an embedded PGlite has a single connection.
      await inTransaction(session, async (tx) => {
        await tx.query(
          'INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at) VALUES ($1, $2, $3, now())',
          [id, migration.checksum, migration.name],
        );
        await tx.exec(migration.sql);
        await tx.query(
          'UPDATE "_prisma_migrations" SET finished_at = now(), applied_steps_count = 1 WHERE id = $1',
          [id],
        );
      });
    } catch (error) {
      // The transaction rolled back cleanly: record the failure as rolled back, so the log
      // stays and the next start tries again once the migration is fixed.
      const message = error instanceof Error ? error.message : String(error);
      await session.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, logs, rolled_back_at, started_at)
         VALUES ($1, $2, $3, $4, now(), now())`,
        [id, migration.checksum, migration.name, message],
      );
      throw new MigrationError(`Migration ${migration.name} failed and was rolled back: ${message}`, {
        cause: error,
      });
    }
    logger?.info({ migration: migration.name, ms: Date.now() - started }, 'applied migration');
    applied.push(migration.name);
  }
  return { applied, alreadyApplied: migrations.length - applied.length };
}
