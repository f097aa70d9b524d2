// Where a Teams direct message goes: the person's own 1:1 chat when Quorum has one; otherwise a
// new chat created through a channel or group chat of the board's tenant, however recently someone
// else's 1:1 chat was used; with only other people's 1:1 chats, through one of them (the messenger
// creates the person's own chat from it and never posts into it: test/e2e/teams/minutes-paste-e2e,
// test/e2e/playground/demo.test.ts).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DeliveryFailure } from '../../../src/delivery/port.ts';
import { resolveTarget } from '../../../src/delivery/targets.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

const TENANT = 'tenant-targets';
let db: TestDatabase;
let seed: SeedBoard;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(async () => {
  await db.reset();
  seed = await createSeedBoard(db.prisma);
  await db.prisma.board.update({ where: { id: seed.boardId }, data: { teamsChannelId: '19:board@thread.tacv2', teamsTenantId: TENANT } });
});

async function remember(conversationId: string, kind: 'channel' | 'personal' | 'groupChat', userId?: string, at = new Date()) {
  const reference = { conversation: { id: conversationId, conversationType: kind, tenantId: TENANT }, serviceUrl: 'https://smba.example/', ...(userId ? { user: { id: `29:${userId}`, aadObjectId: userId } } : {}) };
  await db.prisma.conversationReference.create({ data: { platform: 'teams', conversationId, kind, tenantId: TENANT, serviceUrl: 'https://smba.example/', ...(userId ? { userId } : {}), reference, updatedAt: at } });
}

const toUser = (id: string) => resolveTarget(db.prisma, { platform: 'teams', target_kind: 'user', target_id: id, board_id: seed.boardId });
const conversationOf = (target: Awaited<ReturnType<typeof toUser>>) => (target.reference?.conversation as { id?: string } | undefined)?.id;

describe('a Teams direct message', () => {
  it('goes to the person\u2019s own chat when Quorum has one', async () => {
    await remember('19:board@thread.tacv2', 'channel');
    await remember('a:helen', 'personal', 'aad-helen');
    await remember('a:priya', 'personal', 'aad-priya');
    expect(conversationOf(await toUser('aad-helen'))).toBe('a:helen');
  });

  it('for someone never written to, is created through the board\u2019s channel, not through the 1:1 chat used last (someone else\u2019s)', async () => {
    await remember('19:board@thread.tacv2', 'channel', undefined, new Date(Date.now() - 60_000));
    await remember('a:priya', 'personal', 'aad-priya', new Date());
    const target = await toUser('aad-helen');
    expect(target).toMatchObject({ kind: 'user', id: 'aad-helen' });
    expect(conversationOf(target)).toBe('19:board@thread.tacv2');
  });

  it('with only other people\u2019s 1:1 chats in the tenant, lends one as the address to create theirs from', async () => {
    await remember('a:priya', 'personal', 'aad-priya');
    const target = await toUser('aad-helen');
    expect(target).toMatchObject({ kind: 'user', id: 'aad-helen' });
    expect(conversationOf(target)).toBe('a:priya');
  });

  it('in a tenant Quorum has no chat in, is refused', async () => {
    const refused = await toUser('aad-helen').then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(refused).toBeInstanceOf(DeliveryFailure);
    expect(refused).toMatchObject({ kind: 'permanent', code: 'no_conversation_reference' });
  });
});
