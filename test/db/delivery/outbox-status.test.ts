import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../../src/delivery/outbox.ts';
import type { Actor } from '../../../src/domain/platform.ts';
import { AppError } from '../../../src/errors.ts';
import { getOutboxStatus } from '../../../src/features/delivery/get-outbox-status.ts';
import { retryMessage } from '../../../src/features/delivery/retry-message.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { testTemplate } from '../../support/templates.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
const slack = (userId: string): Actor => ({ platform: 'slack', userId });

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
});

async function failedMessage(): Promise<string> {
  const { id } = await enqueue(db.prisma, {
    boardId: seed.boardId,
    platform: 'slack',
    target: { kind: 'channel', id: 'CSCPB' },
    template: testTemplate('agenda.post'),
    data: {},
  });
  await db.prisma.outboxMessage.update({
    where: { id },
    data: { status: 'failed', attempts: 1, errorCode: 'not_in_channel', lastError: 'The bot is not in the channel' },
  });
  return id;
}

describe('outbox status for clerks', () => {
  it('shows a clerk what is queued, sent and failed for their board, with the reason', async () => {
    const failed = await failedMessage();
    await enqueue(db.prisma, { boardId: seed.boardId, platform: 'slack', target: { kind: 'channel', id: 'CSCPB' }, template: testTemplate('agenda.reminder'), data: {} });
    await enqueue(db.prisma, { platform: 'slack', target: { kind: 'channel', id: 'COTHER' }, template: testTemplate('not.ours'), data: {} });
    const status = await getOutboxStatus({ prisma: db.prisma }, { actor: slack(seed.clerk.slackUserId) });
    expect(status.board.name).toBe('Safer Communities Partnership Board');
    expect(status.counts).toEqual({ pending: 1, sending: 0, sent: 0, failed: 1, skipped: 0 });
    expect(status.failed).toEqual([
      expect.objectContaining({ id: failed, errorCode: 'not_in_channel', reason: 'The bot is not in the channel', template: 'agenda.post' }),
    ]);
    expect(status.queued.map((q) => q.template)).toEqual(['agenda.reminder']);
  });

  it('lists the ten newest failed and done and the ten next due, in order, and counts them all; another board\'s, and those of no board, are not there', async () => {
    const at = (minute: number) => new Date(Date.UTC(2031, 0, 6, 9, minute));
    const make = async (status: 'pending' | 'sent' | 'failed' | 'skipped', minute: number, boardId: string | null = seed.boardId) => {
      const { id } = await enqueue(db.prisma, { ...(boardId ? { boardId } : {}), platform: 'slack', target: { kind: 'channel', id: 'CSCPB' }, template: testTemplate(`t.${status}.${minute}`), data: {} });
      await db.prisma.outboxMessage.update({
        where: { id },
        data: { status, notBefore: at(minute), updatedAt: at(minute), ...(status === 'sent' ? { sentAt: at(minute + 30) } : {}), ...(status === 'failed' ? { errorCode: 'x', lastError: 'why' } : {}) },
      });
      return id;
    };
    for (let minute = 0; minute < 12; minute++) {
      await make('failed', minute);
      await make('pending', 59 - minute);
      await make(minute % 2 ? 'sent' : 'skipped', minute);
    }
    const other = await db.prisma.board.create({ data: { slug: 'other', name: 'Another Board' } });
    await make('failed', 55, other.id);
    await make('pending', 1, other.id);
    await make('failed', 56, null);
    const status = await getOutboxStatus({ prisma: db.prisma }, { actor: slack(seed.clerk.slackUserId) });
    expect(status.counts).toEqual({ pending: 12, sending: 0, sent: 6, failed: 12, skipped: 6 });
    expect(status.failed.map((e) => e.template)).toEqual(Array.from({ length: 10 }, (_, i) => `t.failed.${11 - i}`));
    expect(status.queued.map((e) => e.template)).toEqual(Array.from({ length: 10 }, (_, i) => `t.pending.${48 + i}`));
    expect(status.recent.map((e) => e.template)).toEqual(Array.from({ length: 10 }, (_, i) => `t.${(11 - i) % 2 ? 'sent' : 'skipped'}.${11 - i}`));
    // When: sent, when it went; queued, when it is due; failed or skipped, when that was recorded.
    expect(status.recent[0]).toMatchObject({ status: 'sent', at: at(41).toISOString(), attempts: 0, target: 'channel:CSCPB' });
    expect(status.recent[1]).toMatchObject({ status: 'skipped', at: at(10).toISOString() });
    expect(status.queued[0]).toMatchObject({ status: 'pending', at: at(48).toISOString() });
    expect(status.failed[0]).toMatchObject({ at: at(11).toISOString(), errorCode: 'x', reason: 'why' });
    expect(status.failed[0]).not.toHaveProperty('data');
  });

  it('counts nothing and lists nothing for a board with no messages', async () => {
    const status = await getOutboxStatus({ prisma: db.prisma }, { actor: slack(seed.clerk.slackUserId) });
    expect(status).toMatchObject({ counts: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 }, failed: [], queued: [], recent: [] });
  });

  it('refuses members who are not clerk or chair, and people on no board', async () => {
    await expect(getOutboxStatus({ prisma: db.prisma }, { actor: slack(seed.member.slackUserId) })).rejects.toMatchObject({
      code: 'NOT_A_CLERK',
    });
    await expect(getOutboxStatus({ prisma: db.prisma }, { actor: slack('UNOBODY') })).rejects.toMatchObject({
      code: 'BOARD_NOT_FOUND',
    });
  });

  it('lets a clerk retry a failed message, once, and nobody else', async () => {
    const id = await failedMessage();
    await expect(retryMessage({ prisma: db.prisma }, { actor: slack(seed.member.slackUserId), outboxId: id })).rejects.toBeInstanceOf(AppError);
    expect((await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).status).toBe('failed');

    let poked = 0;
    await retryMessage({ prisma: db.prisma, onQueued: () => poked++ }, { actor: slack(seed.chair.slackUserId), outboxId: id });
    expect(await db.prisma.outboxMessage.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'pending', attempts: 0, errorCode: null });
    expect(poked).toBe(1);
    await expect(retryMessage({ prisma: db.prisma }, { actor: slack(seed.clerk.slackUserId), outboxId: id })).rejects.toMatchObject({
      code: 'NOT_RETRYABLE',
    });
    await expect(retryMessage({ prisma: db.prisma }, { actor: slack(seed.clerk.slackUserId), outboxId: 'nonsense' })).rejects.toMatchObject({
      code: 'MESSAGE_NOT_FOUND',
    });
  });
});
