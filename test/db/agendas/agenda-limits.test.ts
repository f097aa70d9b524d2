// Limits and uniqueness hold under concurrency: they are checked inside the transaction that
// changes the agenda, with the meeting's row (or, for new meetings, the board's) locked, so
// requests arriving together are decided one after another. Runs on PGlite, and on PostgreSQL
// with DATABASE_URL set, where the transactions really run side by side.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AGENDA_ITEMS_MAX } from '../../../src/domain/agenda/agenda-item.ts';
import type { Actor } from '../../../src/domain/platform.ts';
import { isAppError } from '../../../src/errors.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let t: TestCore;
const clerk = (): Actor => ({ platform: 'slack', userId: seed.clerk.slackUserId });

beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  t = testCore({ prisma: db.prisma, now: () => new Date('2026-11-24T09:00:00Z'), platforms: ['slack'] });
});
afterAll(async () => {
  await db?.destroy();
});

/** Runs them all at once; each settles as a result or a refusal code. */
async function together(work: (() => Promise<unknown>)[]): Promise<string[]> {
  const settled = await Promise.allSettled(work.map((w) => w()));
  return settled.map((s) => {
    if (s.status === 'fulfilled') return 'ok';
    if (isAppError(s.reason)) return s.reason.code;
    throw s.reason;
  });
}

describe('limits under concurrency', () => {
  it(`never passes the ${AGENDA_ITEMS_MAX}-item cap when 60 "add item" forms arrive together on an 8-item agenda`, async () => {
    const meetingId = as('agenda', await t.submit(clerk(), 'meeting.create', { date: '2026-12-04', time: '10:00' }, { boardId: seed.boardId })).agenda.meeting.id;
    // The standing items, and business up to eight.
    for (let n = await db.prisma.agendaItem.count({ where: { meetingId } }); n < 8; n += 1) await t.submit(clerk(), 'agenda.item.add', { title: `Business ${n}` }, { meetingId });
    expect(await db.prisma.agendaItem.count({ where: { meetingId } })).toBe(8);

    const outcomes = await together(Array.from({ length: 60 }, (_, i) => () => t.submit(clerk(), 'agenda.item.add', { title: `Concurrent ${i + 1}` }, { meetingId })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(AGENDA_ITEMS_MAX - 8);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(60 - (AGENDA_ITEMS_MAX - 8)).fill('AGENDA_FULL'));
    const items = await db.prisma.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
    expect(items).toHaveLength(AGENDA_ITEMS_MAX);
    // Numbered 1..40 without gaps or repeats, the closing standing items still last.
    expect(items.map((i) => i.number)).toEqual(items.map((_, i) => String(i + 1)));
    expect(items.map((i) => i.position)).toEqual(items.map((_, i) => i + 1));
    expect(items.slice(-2).map((i) => i.title)).toEqual(['Any Other Business', 'Date of Next Meeting']);
  }, 120_000);

  it('creates one meeting when two forms for the same time arrive together', async () => {
    const outcomes = await together(Array.from({ length: 6 }, () => () => t.submit(clerk(), 'meeting.create', { date: '2027-01-15', time: '10:00' }, { boardId: seed.boardId })));
    expect(outcomes.filter((o) => o === 'ok')).toHaveLength(1);
    expect(outcomes.filter((o) => o !== 'ok')).toEqual(Array(5).fill('FORM_INVALID'));
    expect(await db.prisma.meeting.count({ where: { startsAt: new Date('2027-01-15T10:00:00Z') } })).toBe(1);
  }, 60_000);
});
