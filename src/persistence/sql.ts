// A minimal raw-SQL connection over node-postgres (PGlite is reached the same way, through its
// socket). The migrator, the health check and the locks that make several instances safe use
// it; everything else goes through Prisma.
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

/** Runs work in a transaction on one session: committed if it resolves, rolled back if it throws. */
export async function inTransaction<T>(session: SqlSession, work: (session: SqlSession) => Promise<T>): Promise<T> {
  await session.exec('BEGIN');
  try {
    const result = await work(session);
    await session.exec('COMMIT');
    return result;
  } catch (error) {
    await session.exec('ROLLBACK');
    throw error;
  }
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
    transaction: (work) => session((s) => inTransaction(s, work)),
  };
}
