// A transaction's reads sent together (as Prisma's query interpreter sends them, and Promise.all
// in a use case) reach node-postgres one at a time: pg would otherwise warn on the service's stderr
// that queueing queries on a busy client "is deprecated and will be removed in pg@9.0".
import pg from 'pg';
import { afterAll, afterEach, beforeAll, expect, it, vi } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});
afterEach(() => {
  vi.restoreAllMocks();
});

it('sends a transaction\u2019s concurrent reads to its client one after another, each with its own answer', async () => {
  const seed = await createSeedBoard(db.prisma);
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  let whileBusy = 0;
  vi.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    // pg's own test before it warns: a query already queued or running on this client.
    if ((this as unknown as { _queryQueue: unknown[] })._queryQueue.length > 0) whileBusy += 1;
    return query.apply(this, args) as never;
  });
  const [boards, members, meetings, board] = await db.prisma.$transaction(async (tx) =>
    Promise.all([tx.board.findMany(), tx.member.findMany({ where: { boardId: seed.boardId } }), tx.meeting.findMany(), tx.board.findUnique({ where: { id: seed.boardId }, include: { members: true, meetings: true } })]),
  );
  expect(boards.map((b) => b.id)).toEqual([seed.boardId]);
  expect(members.length).toBeGreaterThan(0);
  expect(meetings).toEqual([]);
  expect(board?.members).toHaveLength(members.length);
  expect(whileBusy).toBe(0);
});
