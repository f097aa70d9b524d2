// The database a fault drill runs on, as a service process would open it: a PGlite data folder
// (DATA_DIR) by default, or a database of its own on the PostgreSQL server the suite runs against
// (DATABASE_URL / TEST_DATABASE_URL), made from the migrated template when there is one.
import { randomBytes } from 'node:crypto';
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { openDatabase, quoteIdent, type Database } from '../../../src/persistence/database.ts';
import { adminQuery, databaseUrl, TEMPLATE_ENV, testServerUrl } from '../database.ts';

const run = promisify(execFile);

export interface DrillDatabase {
  kind: 'pglite' | 'postgres';
  /** What a service process is given to open it: { DATA_DIR } or { DATABASE_URL }. */
  env: Record<string, string>;
  /** Opens it in this process (a PGlite folder only while no service process holds it). */
  open(): Promise<Database>;
  /** Kills every connection the service has to it, as a failover or an administrator would:
   * pg_terminate_backend on PostgreSQL; on PGlite, its socket server drops them (`db` is the
   * open instance). Returns how many. */
  killConnections(db: Database): Promise<number>;
  destroy(): Promise<void>;
}

function env(name: string): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- the test harness, not the app, picks its database
  return process.env[name] || undefined;
}

/** A migrated database for a drill, on the PostgreSQL server at `server` (by default the one the
 * suite runs against), or a PGlite folder when there is none (or `server` is null). */
export async function drillDatabase(server?: string | null): Promise<DrillDatabase> {
  const serverUrl = server === null ? undefined : (server ?? testServerUrl());
  if (serverUrl) {
    const template = serverUrl === testServerUrl() ? env(TEMPLATE_ENV.postgresTemplate) : undefined;
    const name = `drill_${randomBytes(5).toString('hex')}`;
    await adminQuery(serverUrl, `CREATE DATABASE ${quoteIdent(name)}${template ? ` TEMPLATE ${quoteIdent(template)}` : ''}`);
    const url = databaseUrl(serverUrl, name);
    const open = () => openDatabase({ kind: 'postgres', url });
    if (!template) {
      const db = await open();
      await db.migrate();
      await db.close();
    }
    return {
      kind: 'postgres',
      env: { DATABASE_URL: url },
      open,
      killConnections: async () => {
        const killed = await adminQuery(serverUrl, 'SELECT count(*)::int AS n FROM (SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()) t', [name]);
        return (killed.rows[0] as { n: number }).n;
      },
      destroy: () => adminQuery(serverUrl, `DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`).then(() => undefined),
    };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-drill-'));
  // The migrated template (an image of a data folder) unpacked where `npm start` keeps its data
  // (DATA_DIR/pglite), which is much quicker than making a folder; outside the test run, a new one.
  // Already migrated (the suite's global setup made it); opening it to check would cost a second of CPU.
  const image = env(TEMPLATE_ENV.pgliteMigrated);
  if (image) {
    await mkdir(path.join(dir, 'pglite'));
    await run('tar', ['-xf', image, '-C', path.join(dir, 'pglite')]);
  } else {
    const first = await openDatabase({ kind: 'pglite', dataDir: dir });
    await first.migrate();
    await first.close();
  }
  return {
    kind: 'pglite',
    env: { DATA_DIR: dir },
    open: () => openDatabase({ kind: 'pglite', dataDir: dir }),
    killConnections: async (db) => {
      if (!db.dropConnections) throw new Error('this database cannot drop its connections');
      return db.dropConnections();
    },
    destroy: () => rm(dir, { recursive: true, force: true }),
  };
}
