// A migrated database for one test file, started from a template that test/support/global-setup.ts
// migrates once per run instead of migrating per test:
// - PGlite (the default): an in-memory instance loaded from the template's data folder image;
// - a PostgreSQL server (TEST_DATABASE_URL or DATABASE_URL, as CI sets it): a database of its own,
//   CREATE DATABASE ... TEMPLATE the migrated one, dropped afterwards.
// Files whose tests share one database call reset() between tests; in the suite a database a file
// is done with is kept for the next file in the same worker (see `idle` below).
// Outside vitest (bench/), or when the setup did not run, it migrates a fresh database itself.
import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import pg from 'pg';
import { openDatabase, quoteIdent, type Database } from '../../src/persistence/database.ts';

/** Set by the global setup: the data folder images and the PostgreSQL template database. */
export const TEMPLATE_ENV = {
  pgliteMigrated: 'QUORUM_TEST_PGLITE_IMAGE',
  pgliteBlank: 'QUORUM_TEST_PGLITE_BLANK_IMAGE',
  postgresTemplate: 'QUORUM_TEST_PG_TEMPLATE',
} as const;

function env(name: string): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- the test harness, not the app, picks its database
  return process.env[name] || undefined;
}

/** The PostgreSQL server the suite runs against, or undefined for PGlite. */
export function testServerUrl(): string | undefined {
  const url = env('TEST_DATABASE_URL') ?? env('DATABASE_URL');
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

/** The same server, another database. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function adminQuery(serverUrl: string, sql: string, params: unknown[] = []): Promise<pg.QueryResult> {
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  try {
    return await admin.query(sql, params);
  } finally {
    await admin.end();
  }
}

export interface TestDatabase extends Database {
  /** Empties every table but the migrations' record (files whose tests share one database). */
  reset(): Promise<void>;
  /** Closes and, on a server, drops the database. */
  destroy(): Promise<void>;
}

const images = new Map<string, Promise<Uint8Array>>();
function image(file: string): Promise<Uint8Array> {
  let loaded = images.get(file);
  if (!loaded) {
    loaded = readFile(file).then((buffer) => new Uint8Array(buffer));
    images.set(file, loaded);
  }
  return loaded;
}

// Opening a database costs more than most test files' tests (PGlite: about 0.8 s of CPU for its
// worker thread, its WebAssembly compiled once per process; a server: CREATE DATABASE and new connections). The suite's
// workers are shared by the files they run (vitest.config.ts, isolate: false), so a migrated
// database a file has finished with waits here, open, for the next file in the same worker, which
// gets it emptied. One that cannot be emptied is closed instead.
// Outside vitest (bench/) a database is closed and dropped when destroyed, as before.
const idle: Database[] = [];
// eslint-disable-next-line no-restricted-syntax -- set by vitest in its workers
const SHARED_WORKERS = process.env.VITEST === 'true';

async function reuseIdle(): Promise<Database | undefined> {
  for (let db = idle.pop(); db; db = idle.pop()) {
    try {
      await resetDatabase(db);
      return db;
    } catch {
      await db.close().catch(() => undefined);
    }
  }
  return undefined;
}

function pooled(db: Database): TestDatabase {
  let given = true;
  return {
    ...db,
    reset: () => resetDatabase(db),
    destroy: async () => {
      if (!given) return;
      given = false;
      idle.push(db);
    },
  };
}

/** `shared: false`: a database of the file's own, closed when destroyed, for a test that changes the schema. */
export async function createTestDatabase(options: { migrate?: boolean; shared?: boolean } = {}): Promise<TestDatabase> {
  const migrated = options.migrate !== false;
  if (migrated && SHARED_WORKERS && options.shared !== false) {
    const reused = await reuseIdle();
    if (reused) return pooled(reused);
  }
  const url = testServerUrl();
  let db: Database;
  let drop: (() => Promise<void>) | undefined;
  let fromTemplate = false;
  if (url) {
    const template = migrated ? env(TEMPLATE_ENV.postgresTemplate) : undefined;
    const base = new URL(url).pathname.slice(1) || 'postgres';
    const name = `${template ?? base.slice(0, 40)}_${randomBytes(5).toString('hex')}`;
    await adminQuery(url, `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
    fromTemplate = template !== undefined;
    db = await openDatabase({ kind: 'postgres', url: databaseUrl(url, name) });
    drop = () => adminQuery(url, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined);
  } else {
    const file = env(migrated ? TEMPLATE_ENV.pgliteMigrated : TEMPLATE_ENV.pgliteBlank);
    fromTemplate = migrated && file !== undefined;
    db = await openDatabase({ kind: 'pglite', ...(file ? { image: await image(file) } : {}) });
  }
  if (migrated && !fromTemplate) await db.migrate();
  // A server database made from the run's template is dropped by the global setup at the end of the
  // run, with any left open here; one made without it (no global setup) is dropped when destroyed.
  if (migrated && SHARED_WORKERS && (!url || fromTemplate) && options.shared !== false) return pooled(db);
  return {
    ...db,
    reset: () => resetDatabase(db),
    destroy: async () => {
      await db.close();
      await drop?.();
    },
  };
}

/** Empties every table but the migrations' record. DELETE with the foreign keys' triggers off
 * (session_replication_role = replica, which needs a superuser, as the suite's servers have)
 * rather than TRUNCATE: a test's tables hold a few rows, and TRUNCATE makes new files for every
 * table and index (on PGlite about 75 ms a reset against 6). No table has a sequence to restart
 * (the ids are UUIDs). Where the role cannot be set, TRUNCATE as before. */
export async function resetDatabase(db: Database): Promise<void> {
  const tables = await db.sql.query<{ name: string }>(
    `SELECT quote_ident(tablename) AS name FROM pg_tables
     WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`,
  );
  if (tables.length === 0) return;
  try {
    await db.sql.exec(`SET session_replication_role = replica; ${tables.map((t) => `DELETE FROM ${t.name};`).join(' ')} RESET session_replication_role;`);
  } catch {
    await db.sql.exec('RESET session_replication_role').catch(() => undefined);
    await db.sql.exec(`TRUNCATE ${tables.map((t) => t.name).join(', ')} RESTART IDENTITY CASCADE`);
  }
}
