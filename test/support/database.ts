// A fresh, migrated database for one test file: in-memory PGlite by default, or (when
// TEST_DATABASE_URL or DATABASE_URL names a PostgreSQL server, as CI sets it) a schema of its
// own in that database, dropped afterwards, so test files can run in parallel.
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { openDatabase, quoteIdent, type Database } from '../../src/persistence/database.ts';

/** The PostgreSQL server the suite runs against, or undefined for PGlite. */
export function testServerUrl(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- the test harness, not the app, picks its database
  const url = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL;
  return url && /^postgres(ql)?:\/\//.test(url) ? url : undefined;
}

export interface TestDatabase extends Database {
  /** The schema this test owns (PostgreSQL server only). */
  schema?: string;
  /** Closes and, on a server, drops the schema. */
  destroy(): Promise<void>;
}

export async function createTestDatabase(options: { migrate?: boolean } = {}): Promise<TestDatabase> {
  const url = testServerUrl();
  let db: Database;
  let schema: string | undefined;
  if (url) {
    schema = `test_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    try {
      await admin.query(`CREATE SCHEMA ${quoteIdent(schema)}`);
    } finally {
      await admin.end();
    }
    db = await openDatabase({ kind: 'postgres', url, schema });
  } else {
    db = await openDatabase({ kind: 'pglite' });
  }
  if (options.migrate !== false) await db.migrate();
  return {
    ...db,
    ...(schema ? { schema } : {}),
    destroy: async () => {
      await db.close();
      if (url && schema) {
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        try {
          await admin.query(`DROP SCHEMA ${quoteIdent(schema)} CASCADE`);
        } finally {
          await admin.end();
        }
      }
    },
  };
}
