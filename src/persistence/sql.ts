// A minimal raw-SQL connection, the same over PGlite and node-postgres. The migrator, the
// health check and the locks that make several instances safe use it; everything else goes
// through Prisma.
import type { PGlite } from '@electric-sql/pglite';
import type { Pool, PoolClient } from 'pg';

export interface SqlSession {
  /** Runs one or more statements without parameters (simple query protocol). */
  exec(sql: string): Promise<void>;
  /** Runs one parameterised statement and returns its rows. */
  query<Row = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<Row[]>;
}

export interface SqlConnection extends SqlSession {
  /** Runs work on one session (one server connection), e.g. to hold a session-level lock. */
  session<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
  /** Runs work in a transaction: committed if it resolves, rolled back if it throws. */
  transaction<T>(work: (session: SqlSession) => Promise<T>): Promise<T>;
}

export function pgliteConnection(db: PGlite): SqlConnection {
  const session: SqlSession = {
    exec: async (sql) => {
      await db.exec(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await db.query<Row>(sql, params)).rows,
  };
  return {
    ...session,
    // PGlite is one connection: every call already runs on the same session.
    session: (work) => work(session),
    transaction: (work) =>
      db.transaction((tx) =>
        work({
          exec: async (sql) => {
            await tx.exec(sql);
          },
          query: async <Row>(sql: string, params: unknown[] = []) => (await tx.query<Row>(sql, params)).rows,
        }),
      ),
  };
}

function clientSession(client: PoolClient): SqlSession {
  return {
    exec: async (sql) => {
      await client.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) =>
      (await client.query(sql, params)).rows as Row[],
  };
}

export function pgConnection(pool: Pool): SqlConnection {
  const session = async <T>(work: (s: SqlSession) => Promise<T>): Promise<T> => {
    const client = await pool.connect();
    try {
      return await work(clientSession(client));
    } finally {
      client.release();
    }
  };
  return {
    exec: async (sql) => {
      await pool.query(sql);
    },
    query: async <Row>(sql: string, params: unknown[] = []) => (await pool.query(sql, params)).rows as Row[],
    session,
    transaction: (work) =>
      session(async (s) => {
        await s.exec('BEGIN');
        try {
          const result = await work(s);
          await s.exec('COMMIT');
          return result;
        } catch (error) {
          await s.exec('ROLLBACK');
          throw error;
        }
      }),
  };
}
