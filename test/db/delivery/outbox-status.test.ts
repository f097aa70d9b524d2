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
