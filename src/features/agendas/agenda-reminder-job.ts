// Scheduled agenda reminders: for each published meeting, one reminder per offset the board
// set (7 days and 1 day before, by default). The key includes the start time, so a meeting moved
// to another day gets its reminders afresh.
import { Duration } from 'luxon';
import type { DueItem, ScheduledJob } from '../../scheduling/scheduler.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import { enqueueReminder } from './agenda-delivery.ts';

interface AgendaReminder extends DueItem {
  meetingId: string;
  startsAt: Date;
  offset: string;
  lead: string;
  /** Decided when found: why this reminder is not to be sent. */
  skip?: string;
}

const LOOKBACK_MS = 2 * 24 * 3_600_000;

export function leadText(offset: string): string {
  const duration = Duration.fromISO(offset);
  if (!duration.isValid) return 'soon';
  const hours = duration.as('hours');
  if (hours === 24) return 'tomorrow';
  if (hours % 24 === 0) return `in ${hours / 24} days`;
  if (hours >= 1) return `in ${Math.round(hours)} hour${Math.round(hours) === 1 ? '' : 's'}`;
  return `in ${Math.round(duration.as('minutes'))} minutes`;
}

export function agendaReminderJob(ctx: DeliveryContext): ScheduledJob<AgendaReminder> {
  return {
    name: 'agenda-reminders',
    findDue: async (prisma, now) => {
      const meetings = await prisma.meeting.findMany({
        where: {
          status: { in: ['agenda_published', 'cancelled'] },
          startsAt: { gt: new Date(now.getTime() - LOOKBACK_MS), lt: new Date(now.getTime() + 60 * 24 * 3_600_000) },
        },
        include: { board: { select: { reminderOffsets: true } }, posts: { select: { createdAt: true } } },
      });
      const due: AgendaReminder[] = [];
      for (const meeting of meetings) {
        const postedAt = Math.min(...meeting.posts.map((p) => p.createdAt.getTime()));
        const forMeeting: AgendaReminder[] = [];
        for (const offset of meeting.board.reminderOffsets) {
          const duration = Duration.fromISO(offset);
          if (!duration.isValid) continue;
          const dueAt = new Date(meeting.startsAt.getTime() - duration.as('milliseconds'));
          if (dueAt.getTime() > now.getTime()) continue;
          forMeeting.push({
            key: `agenda-reminder:${meeting.id}:${offset}:${meeting.startsAt.toISOString()}:${meeting.status === 'cancelled' ? 'cancelled' : 'live'}`,
            boardId: meeting.boardId,
            dueAt,
            meetingId: meeting.id,
            startsAt: meeting.startsAt,
            offset,
            lead: leadText(offset),
            ...(dueAt.getTime() < postedAt ? { skip: 'the agenda was posted after this reminder was due' } : {}),
          });
        }
        // After downtime several reminders may be due at once: only the closest to the meeting goes.
        const live = forMeeting.filter((r) => !r.skip).sort((a, b) => b.dueAt.getTime() - a.dueAt.getTime());
        for (const older of live.slice(1)) older.skip = `a closer reminder (${live[0]?.lead}) is sent instead`;
        due.push(...forMeeting);
      }
      return due;
    },
    staleReason: (item, now) => {
      if (item.key.endsWith(':cancelled')) return 'the meeting was cancelled';
      if (item.skip) return item.skip;
      if (item.startsAt.getTime() <= now.getTime()) return 'the meeting has started or passed';
      return undefined;
    },
    run: async (tx, item) => {
      await enqueueReminder(tx, item.meetingId, { kind: 'scheduled', key: item.key, lead: item.lead }, ctx);
    },
  };
}
