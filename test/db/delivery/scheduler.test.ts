import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { enqueue } from '../../../src/delivery/outbox.ts';
import { createLogger } from '../../../src/logger.ts';
import { Scheduler, type DueItem, type ScheduledJob } from '../../../src/scheduling/scheduler.ts';
import { testTemplate } from '../../support/templates.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

const logger = createLogger({ level: 'silent' });
let db: TestDatabase;
let seed: SeedBoard;

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

interface Reminder extends DueItem {
  meetingAt: Date;
}

/** A reminder job over data the test controls, shaped like the agenda reminders to come. */
function reminderJob(reminders: () => Reminder[], onRun?: () => void): ScheduledJob<Reminder> {
  return {
    name: 'test-reminders',
    findDue: async (_prisma, now) => reminders().filter((r) => r.dueAt <= now),
    staleReason: (item, now) => (item.meetingAt <= now ? 'the meeting has passed' : undefined),
    run: async (tx, item) => {
      onRun?.();
      await enqueue(tx, {
        boardId: seed.boardId,
        platform: 'slack',
        target: { kind: 'channel', id: 'CSCPB' },
        template: testTemplate('agenda.reminder'),
        data: { key: item.key },
        dedupeKey: item.key,
      });
    },
  };
}

const HOUR = 3_600_000;

describe('scheduler', () => {
  it('does each due item once, whatever the number of instances and ticks', async () => {
    const t0 = Date.UTC(2026, 10, 24, 9, 0);
    const reminders = [
      { key: 'r:m1:P7D', boardId: seed.boardId, dueAt: new Date(t0 - HOUR), meetingAt: new Date(t0 + 7 * 24 * HOUR) },
      { key: 'r:m2:P1D', boardId: seed.boardId, dueAt: new Date(t0 + HOUR), meetingAt: new Date(t0 + 24 * HOUR) },
    ];
    let runs = 0;
    const make = (id: string) =>
      new Scheduler({
        prisma: db.prisma,
        jobs: [reminderJob(() => reminders, () => runs++)],
        logger,
        clock: () => new Date(t0),
        instanceId: id,
      });
    const results = await Promise.all([make('a').tick(), make('b').tick(), make('a').tick()]);
    expect(results.flatMap((r) => r.ran)).toEqual(['r:m1:P7D']);
    expect(runs).toBe(1);
    expect(await db.prisma.outboxMessage.count()).toBe(1);
    const run = await db.prisma.scheduledRun.findUniqueOrThrow({ where: { key: 'r:m1:P7D' } });
    expect(run).toMatchObject({ outcome: 'done', boardId: seed.boardId });
  });

  it('after a restart, sends once what fell due while it was down, and skips with a record what is no longer relevant', async () => {
    const downAt = Date.UTC(2026, 10, 20, 9, 0);
    const backAt = downAt + 3 * 24 * HOUR;
    const reminders = [
      // due while down, meeting still ahead: sent once on return
      { key: 'r:m1:P1D', boardId: seed.boardId, dueAt: new Date(downAt + 24 * HOUR), meetingAt: new Date(backAt + 5 * HOUR) },
      // due while down, meeting already held: skipped, with a record
      { key: 'r:m0:P1D', boardId: seed.boardId, dueAt: new Date(downAt + HOUR), meetingAt: new Date(downAt + 25 * HOUR) },
    ];
    const before = new Scheduler({ prisma: db.prisma, jobs: [reminderJob(() => reminders)], logger, clock: () => new Date(downAt) });
    expect(await before.tick()).toEqual({ ran: [], skipped: [], failed: [] });

    const after = new Scheduler({ prisma: db.prisma, jobs: [reminderJob(() => reminders)], logger, clock: () => new Date(backAt) });
    expect(await after.tick()).toEqual({ ran: ['r:m1:P1D'], skipped: ['r:m0:P1D'], failed: [] });
    expect(await after.tick()).toEqual({ ran: [], skipped: [], failed: [] });
    expect(await db.prisma.scheduledRun.findUniqueOrThrow({ where: { key: 'r:m0:P1D' } })).toMatchObject({
      outcome: 'skipped',
      reason: 'the meeting has passed',
    });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('rolls the claim back with failed work, so the next tick tries again', async () => {
    const now = Date.UTC(2026, 10, 24, 9, 0);
    const reminders = [{ key: 'r:m1:P7D', boardId: seed.boardId, dueAt: new Date(now - 1), meetingAt: new Date(now + 7 * 24 * HOUR) }];
    let fail = true;
    const job: ScheduledJob<Reminder> = {
      ...reminderJob(() => reminders),
      run: async (tx, item, at) => {
        await reminderJob(() => reminders).run(tx, item, at);
        if (fail) throw new Error('database hiccup');
      },
    };
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [job], logger, clock: () => new Date(now) });
    expect(await scheduler.tick()).toMatchObject({ failed: ['r:m1:P7D'] });
    expect(await db.prisma.scheduledRun.count()).toBe(0);
    expect(await db.prisma.outboxMessage.count()).toBe(0);
    fail = false;
    expect(await scheduler.tick()).toMatchObject({ ran: ['r:m1:P7D'] });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('stop() waits for a tick in progress, so that its work is done before the database closes', async () => {
    const now = Date.now();
    const reminders = [{ key: 'r:stop', boardId: seed.boardId, dueAt: new Date(now - 1), meetingAt: new Date(now + HOUR) }];
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const job: ScheduledJob<Reminder> = { ...reminderJob(() => reminders), findDue: async (_prisma, at) => (await held, reminders.filter((r) => r.dueAt <= at)) };
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [job], logger });
    const ticking = scheduler.tick();
    let stopped = false;
    const stopping = scheduler.stop().then(() => (stopped = true));
    // Other work runs meanwhile (timers, I/O): the stop is still waiting for the tick.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(await ticking).toMatchObject({ ran: ['r:stop'] });
    expect(await db.prisma.outboxMessage.count()).toBe(1);
  });

  it('start() catches up at once and stop() ends the cron task', async () => {
    const now = Date.now();
    const reminders = [{ key: 'r:start', dueAt: new Date(now - 1), meetingAt: new Date(now + HOUR) }];
    let woke = 0;
    const scheduler = new Scheduler({
      prisma: db.prisma,
      jobs: [reminderJob(() => reminders)],
      logger,
      onWork: () => woke++,
    });
    await scheduler.start();
    expect(await db.prisma.scheduledRun.count()).toBe(1);
    expect(woke).toBe(1);
    await scheduler.stop();
  });
});
