// Opens the database the configuration names: the embedded PGlite in a local folder (the
// default, nothing to install) or a PostgreSQL server. Both speak the same SQL, get the same
// migrations, and are reached by the rest of the code through the same Prisma client.
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import type { Logger } from '../logger.ts';
import { PrismaClient } from './generated/client.ts';
import { migrate, type MigrationResult } from './migrator.ts';
import { pgConnection, pgliteConnection, type SqlConnection } from './sql.ts';

export type { PrismaClient } from './generated/client.ts';

export type DatabaseTarget =
  | { kind: 'pglite'; dataDir?: string } // no dataDir: in memory (tests)
  | { kind: 'postgres'; url: string; schema?: string };

export interface Database {
  kind: 'pglite' | 'postgres';
  prisma: PrismaClient;
  sql: SqlConnection;
  /** Applies pending migrations. */
  migrate(logger?: Logger): Promise<MigrationResult>;
  /** A cheap round trip, for /healthz. */
  ping(): Promise<{ ok: true; ms: number } | { ok: false; error: string }>;
  close(): Promise<void>;
}

export async function openDatabase(target: DatabaseTarget): Promise<Database> {
  if (target.kind === 'pglite') {
    let dataDir: string | undefined;
    if (target.dataDir) {
      dataDir = path.resolve(target.dataDir, 'pglite');
      await mkdir(dataDir, { recursive: true });
    }
    const client = dataDir ? await PGlite.create(dataDir) : await PGlite.create();
    const prisma = new PrismaClient({ adapter: new PrismaPGlite(client) });
    return assemble('pglite', prisma, pgliteConnection(client), async () => {
      await prisma.$disconnect();
      await client.close();
    });
  }
  const poolConfig: pg.PoolConfig = {
    connectionString: target.url,
    max: 10,
    ...(target.schema ? { options: `-c search_path=${quoteIdent(target.schema)}` } : {}),
  };
  const pool = new pg.Pool(poolConfig);
  // An idle client losing its server connection must not crash the process; the pool replaces it.
  pool.on('error', () => undefined);
  const prisma = new PrismaClient({
    adapter: new PrismaPg(pool, target.schema ? { schema: target.schema } : undefined),
  });
  return assemble('postgres', prisma, pgConnection(pool), async () => {
    await prisma.$disconnect();
    await pool.end();
  });
}

function assemble(
  kind: Database['kind'],
  prisma: PrismaClient,
  sql: SqlConnection,
  close: () => Promise<void>,
): Database {
  return {
    kind,
    prisma,
    sql,
    migrate: (logger) => migrate(sql, logger ? { logger } : {}),
    ping: async () => {
      const started = performance.now();
      try {
        await sql.query('SELECT 1');
        return { ok: true, ms: Math.round(performance.now() - started) };
      } catch (error) {
        return { ok: false, error: error instanceof Error ? error.message : String(error) };
      }
    },
    close,
  };
}

export function quoteIdent(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
