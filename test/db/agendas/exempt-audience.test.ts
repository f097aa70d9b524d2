// Exempt business is shown in full to the clerk alone (Slack's private answers, a personal chat),
// never to a conversation others can read unless it is the board's channel marked private.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let t: TestCore;
let clerk: Actor;

// One database for the file, emptied before each test (test/support/database.ts).
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.reset();
  seed = await createSeedBoard(db.prisma);
  clerk = { platform: 'teams', userId: seed.clerk.teamsAadId };
  t = testCore({ prisma: db.prisma, platforms: ['teams'], now: () => new Date('2026-11-24T09:00:00Z') });
  await t.submit(clerk, 'meeting.create', { date: '2026-12-04', time: '10:00' }, { boardId: seed.boardId });
});

async function addExemptItem(audience: 'person' | 'conversation', conversationId?: string) {
  const meeting = await db.prisma.meeting.findFirstOrThrow();
  return t.submit(clerk, 'agenda.item.add', { title: 'Contract award: CCTV maintenance', exempt: true }, { meetingId: meeting.id }, { audience, ...(conversationId ? { conversationId } : {}) });
}

describe('exempt items and who sees the answer', () => {
  it('shows them in full to the clerk alone', async () => {
    const result = await addExemptItem('person');
    expect(JSON.stringify(result)).toContain('Contract award: CCTV maintenance');
  });

  it('hides them in an answer everyone in the conversation sees, and says why', async () => {
    const result = await addExemptItem('conversation', '19:some-channel@thread.tacv2');
    const text = JSON.stringify(result);
    expect(text).not.toContain('CCTV maintenance');
    expect(text).toContain('Exempt item');
    expect(text).toContain('ask in your own chat with Quorum');
    const preview = await t.command(clerk, 'agenda preview', { audience: 'conversation', conversationId: '19:x' });
    expect(JSON.stringify(preview)).not.toContain('CCTV maintenance');
  });

  it('shows them in the board channel when it is marked private to the board', async () => {
    await db.prisma.board.update({ where: { id: seed.boardId }, data: { channelIsPrivate: true } });
    const result = await addExemptItem('conversation', '19:scpb@thread.tacv2');
    expect(JSON.stringify(result)).toContain('Contract award: CCTV maintenance');
  });
});
