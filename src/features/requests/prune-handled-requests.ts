// Keys of handled requests are kept for a day: far longer than Slack retries an event (three times
// within minutes) or accepts a signed request (5 minutes), and than a Bot Framework token lives.
// Once an hour the scheduler removes older ones; the hour is the claim, so one instance does it.
import { DateTime } from 'luxon';
import type { DueItem, ScheduledJob } from '../../scheduling/scheduler.ts';

export const KEEP_HANDLED_REQUESTS_MS = 24 * 3_600_000;

export function pruneHandledRequestsJob(): ScheduledJob<DueItem> {
  return {
    name: 'handled-requests-prune',
    findDue: async (_prisma, now) => {
      const hour = DateTime.fromJSDate(now, { zone: 'utc' }).startOf('hour');
      return [{ key: `handled-requests-prune:${hour.toISO()}`, dueAt: hour.toJSDate() }];
    },
    run: async (tx, _item, now) => {
      await tx.handledRequest.deleteMany({ where: { receivedAt: { lt: new Date(now.getTime() - KEEP_HANDLED_REQUESTS_MS) } } });
    },
  };
}
