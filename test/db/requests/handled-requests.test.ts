// Claiming a request's key: the first claim wins, even when many arrive at once (as from several
// instances); a repeat gets the stored answer; keys older than a day are pruned by the hourly job.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { claimRequest, recordRequestAnswer } from '../../../src/features/requests/claim-request.ts';
import { KEEP_HANDLED_REQUESTS_MS, pruneHandledRequestsJob } from '../../../src/features/requests/prune-handled-requests.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';

let db: TestDatabase;
beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  await db?.destroy();
});

const now = () => new Date();

describe('handled requests', () => {
  it('lets exactly one of many simultaneous claims of a key through', async () => {
    const claims = await Promise.all(Array.from({ length: 20 }, () => claimRequest(db, { platform: 'slack', key: 'slack:event:Ev1' })));
    expect(claims.filter((c) => c.first)).toHaveLength(1);
    expect(await db.prisma.handledRequest.count({ where: { key: 'slack:event:Ev1' } })).toBe(1);
  });

  it('gives a repeat the first answer once it is stored, and keeps the first answer', async () => {
    expect(await claimRequest(db, { platform: 'teams', key: 'teams:a1' })).toEqual({ first: true });
    expect(await claimRequest(db, { platform: 'teams', key: 'teams:a1' })).toEqual({ first: false });
    await recordRequestAnswer({ prisma: db.prisma, now }, { key: 'teams:a1', answer: { status: 200, body: { ok: 1 } } });
    await recordRequestAnswer({ prisma: db.prisma, now }, { key: 'teams:a1', answer: { status: 200, body: { ok: 2 } } });
    expect(await claimRequest(db, { platform: 'teams', key: 'teams:a1' })).toEqual({ first: false, answer: { status: 200, body: { ok: 1 } } });
  });

  it('forgets keys older than a day, once an hour', async () => {
    const at = new Date('2031-05-01T10:20:00Z');
    await db.prisma.handledRequest.createMany({
      data: [
        { key: 'old', platform: 'slack', receivedAt: new Date(at.getTime() - KEEP_HANDLED_REQUESTS_MS - 1000) },
        { key: 'recent', platform: 'slack', receivedAt: new Date(at.getTime() - KEEP_HANDLED_REQUESTS_MS + 60_000) },
      ],
    });
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [pruneHandledRequestsJob()], logger: createLogger({ level: 'silent' }), clock: () => at });
    expect((await scheduler.tick()).ran).toEqual(['handled-requests-prune:2031-05-01T10:00:00.000Z']);
    expect((await scheduler.tick()).ran).toEqual([]);
    const keys = (await db.prisma.handledRequest.findMany({ where: { key: { in: ['old', 'recent'] } } })).map((r) => r.key);
    expect(keys).toEqual(['recent']);
  });
});
