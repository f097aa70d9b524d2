// Scheduled work (agenda reminders, action chases, figure deadlines) computed from data on each
// tick and claimed in PostgreSQL. Inserting the item's key into scheduled_run is the claim, in the
// same transaction as the work (typically outbox messages): two instances cannot both do it, a
// failure rolls both back so the next tick tries again, and after a restart an item whose time
// passed while the service was down is done once, or skipped with a record if no longer relevant.
import { randomUUID } from 'node:crypto';
import cron, { type ScheduledTask } from 'node-cron';
import type { Logger } from '../logger.ts';
import type { Prisma, PrismaClient } from '../persistence/generated/client.ts';
import { createInFlight } from '../kernel/in-flight.ts';

export interface DueItem {
  /** Unique across all jobs and time, e.g. "agenda-reminder:<meeting id>:P7D". */
  key: string;
  boardId?: string;
  dueAt: Date;
}

export interface ScheduledJob<Item extends DueItem = DueItem> {
  name: string;
  /** Items due at `now` (dueAt <= now). Those already run are filtered out by the scheduler. */
  findDue(prisma: PrismaClient, now: Date): Promise<Item[]>;
  /** A reason to skip instead of run (e.g. "the meeting has passed"), or undefined to run. */
  staleReason?(item: Item, now: Date): string | undefined;
  /** The work, inside the claiming transaction. */
  run(tx: Prisma.TransactionClient, item: Item, now: Date): Promise<void>;
}

export interface TickSummary {
  ran: string[];
  skipped: string[];
  failed: string[];
}

export interface SchedulerOptions {
  prisma: PrismaClient;
  jobs: ScheduledJob<DueItem>[];
  logger: Logger;
  clock?: () => Date;
  instanceId?: string;
  /** Called after a tick that enqueued work, e.g. to wake the dispatcher. */
  onWork?: () => void;
  /** Cron expression for the tick; every minute by default. */
  cronExpression?: string;
}

export class Scheduler {
  readonly instanceId: string;
  private task: ScheduledTask | undefined;
  private readonly clock: () => Date;
  /** Ticks in progress (the cron's, and those asked for): stop() waits for them. */
  private readonly ticking = createInFlight();

  constructor(private readonly options: SchedulerOptions) {
    this.instanceId = options.instanceId ?? `scheduler-${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? (() => new Date());
  }

  tick(): Promise<TickSummary> {
    const running = this.runTick();
    this.ticking.track(running);
    return running;
  }

  private async runTick(): Promise<TickSummary> {
    const now = this.clock();
    const summary: TickSummary = { ran: [], skipped: [], failed: [] };
    for (const job of this.options.jobs) {
      let items: DueItem[];
      let done: Set<string>;
      try {
        items = await job.findDue(this.options.prisma, now);
        done = await this.alreadyRun(items.map((i) => i.key));
      } catch (error) {
        this.options.logger.error({ err: error, job: job.name }, 'could not work out what is due');
        continue;
      }
      for (const item of items) {
        if (done.has(item.key) || item.dueAt.getTime() > now.getTime()) continue;
        try {
          const outcome = await this.claimAndRun(job, item, now);
          if (outcome === 'ran') summary.ran.push(item.key);
          else if (outcome === 'skipped') summary.skipped.push(item.key);
        } catch (error) {
          summary.failed.push(item.key);
          this.options.logger.error({ err: error, job: job.name, key: item.key }, 'scheduled work failed; will retry next tick');
        }
      }
    }
    if (summary.ran.length > 0) this.options.onWork?.();
    if (summary.ran.length + summary.skipped.length > 0) {
      this.options.logger.info({ ran: summary.ran.length, skipped: summary.skipped.length }, 'scheduler tick');
    }
    return summary;
  }

  private async alreadyRun(keys: string[]): Promise<Set<string>> {
    if (keys.length === 0) return new Set();
    const rows = await this.options.prisma.scheduledRun.findMany({ where: { key: { in: keys } }, select: { key: true } });
    return new Set(rows.map((r) => r.key));
  }

  private claimAndRun(job: ScheduledJob<DueItem>, item: DueItem, now: Date): Promise<'ran' | 'skipped' | 'taken'> {
    return this.options.prisma.$transaction(async (tx) => {
      const stale = job.staleReason?.(item, now);
      const claimed = await tx.$queryRaw<{ key: string }[]>`
        INSERT INTO "scheduled_run" (key, board_id, due_at, outcome, reason, ran_at, ran_by)
        VALUES (${item.key}, ${item.boardId ?? null}::uuid, ${item.dueAt}, ${stale ? 'skipped' : 'done'},
                ${stale ?? null}, ${now}, ${this.instanceId})
        ON CONFLICT (key) DO NOTHING
        RETURNING key`;
      if (claimed.length === 0) return 'taken';
      if (stale) return 'skipped';
      await job.run(tx, item, now);
      return 'ran';
    });
  }

  /** Ticks now (catching up on anything missed while stopped), then on the cron schedule. */
  async start(): Promise<void> {
    await this.tick();
    this.task = cron.schedule(this.options.cronExpression ?? '* * * * *', () => this.tick(), {
      name: 'quorum-scheduler',
      noOverlap: true,
    });
  }

  /** Ends the cron task, then waits for a tick in progress (node-cron's stop does not): the database
   * is closed after this, and a tick cut off by that would log its items as failed. */
  async stop(): Promise<void> {
    await this.task?.stop();
    await this.task?.destroy();
    this.task = undefined;
    await this.ticking.settled();
  }
}
