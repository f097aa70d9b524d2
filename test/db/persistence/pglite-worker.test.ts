// The embedded PGlite runs in a worker thread behind a PostgreSQL socket: a long statement does
// not stop the event loop of the process that serves HTTP, and concurrent callers (Prisma
// transactions and plain queries) are queued on its single session without mixing their messages.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, testServerUrl, type TestDatabase } from '../../support/database.ts';

describe.skipIf(testServerUrl())('embedded PGlite in a worker thread', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase();
  });
  afterAll(async () => {
    await db?.destroy();
  });

  it('keeps the event loop free while a statement runs', async () => {
    // Warm the connection, so the timing below is the statement's alone.
    await db.sql.query('SELECT 1');
    let timerFiredAt: number | undefined;
    const started = performance.now();
    const timer = setTimeout(() => (timerFiredAt = performance.now()), 50);
    // pg_sleep runs synchronously inside PGlite's WebAssembly: on the same thread it would
    // hold the timer back until the statement returned.
    await db.sql.query('SELECT pg_sleep(2)');
    const finishedAt = performance.now();
    clearTimeout(timer);
    expect(finishedAt - started).toBeGreaterThanOrEqual(1_900);
    expect(timerFiredAt).toBeDefined();
    expect(timerFiredAt as number).toBeLessThan(finishedAt - 500);
  });

  it('serves concurrent transactions and queries one at a time, each seeing its own statements', async () => {
    const board = await db.prisma.board.create({ data: { slug: 'concurrency', name: 'Concurrency Board', quorum: 1 } });
    const names = Array.from({ length: 30 }, (_, i) => `Organisation ${i}`);
    const writes = names.map((name) =>
      db.prisma.$transaction(async (tx) => {
        const created = await tx.organisation.create({ data: { boardId: board.id, name } });
        const again = await tx.organisation.findUniqueOrThrow({ where: { id: created.id } });
        return again.name;
      }, { maxWait: 60_000, timeout: 60_000 }),
    );
    const reads = Array.from({ length: 30 }, (_, i) => db.sql.query<{ n: number }>('SELECT $1::int AS n', [i]));
    expect(await Promise.all(writes)).toEqual(names);
    expect((await Promise.all(reads)).map((rows) => rows[0]?.n)).toEqual(names.map((_, i) => i));
    expect(await db.prisma.organisation.count({ where: { boardId: board.id } })).toBe(names.length);
  });

  it('rolls back a failed transaction without leaving the session in it', async () => {
    const board = await db.prisma.board.create({ data: { slug: 'rollback', name: 'Rollback Board', quorum: 1 } });
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.organisation.create({ data: { boardId: board.id, name: 'Kept only if committed' } });
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await db.prisma.organisation.count({ where: { boardId: board.id } })).toBe(0);
    expect(await db.sql.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });
});
