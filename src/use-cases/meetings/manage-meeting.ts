// A clerk creates, changes and cancels meetings. Standing items are added to a new meeting in the
// board's usual order; a change to a published agenda updates the posted cards and says what
// changed.
import { randomBytes } from 'node:crypto';
import type { Actor, Platform } from '../../domain/platform.ts';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk, resolveBoard, type BoardContext } from '../boards/resolve-board.ts';
import { announceAgendaChange, type DeliveryContext } from './agenda-delivery.ts';
import { buildAgendaView, loadMeeting, type AgendaView } from './agenda-view.ts';
import { findMeeting } from './find-meeting.ts';
import { readMeetingForm } from './meeting-form.ts';
import { STANDING_ITEMS } from './standing-items.ts';

export interface MeetingDeps extends DeliveryContext {
  prisma: PrismaClient;
  now: () => Date;
  onQueued?: () => void;
  platforms: readonly Platform[];
}

export interface MeetingResult {
  kind: 'meeting';
  /** What happened, in a sentence for the clerk. */
  notice: string;
  agenda: AgendaView;
}

const clerkView = (meeting: Awaited<ReturnType<typeof loadMeeting>>, deps: MeetingDeps) =>
  buildAgendaView(meeting, { showExempt: true, ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}) });

export async function createMeeting(
  deps: MeetingDeps,
  input: BoardContext & { values: Record<string, unknown> },
): Promise<MeetingResult> {
  const board = await resolveBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const details = readMeetingForm(input.values, board, deps.now());
  const clash = await deps.prisma.meeting.findFirst({
    where: { boardId: board.id, startsAt: details.startsAt, status: { not: 'cancelled' } },
  });
  if (clash) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'There is already a meeting at that time.', {
      time: `${board.name} already meets at ${toLocalParts(details.startsAt, board.timezone).short}.`,
    });
  }
  const meeting = await deps.prisma.meeting.create({
    data: {
      boardId: board.id,
      ...details,
      calendarToken: randomBytes(18).toString('base64url'),
      items: {
        create: STANDING_ITEMS.map((item, index) => ({
          position: index + 1,
          number: String(index + 1),
          title: item.title,
          standing: item.standing,
        })),
      },
    },
  });
  const loaded = await loadMeeting(deps.prisma, meeting.id);
  return {
    kind: 'meeting',
    notice: `Meeting created for ${toLocalParts(meeting.startsAt, board.timezone).short}, with the standing items. Add the business items, then post the agenda with "agenda post".`,
    agenda: clerkView(loaded, deps),
  };
}

export async function updateMeeting(
  deps: MeetingDeps,
  input: BoardContext & { meetingId: string; values: Record<string, unknown> },
): Promise<MeetingResult> {
  const existing = await loadMeeting(deps.prisma, input.meetingId).catch(() => {
    throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.');
  });
  await requireClerk(deps.prisma, existing.board, input.actor);
  if (existing.status === 'cancelled') {
    throw new AppError(ErrorCode.MEETING_CANCELLED, 'That meeting was cancelled; create a new one instead.');
  }
  const details = readMeetingForm(input.values, existing.board, deps.now());
  const zone = existing.board.timezone;
  const changes: string[] = [];
  if (details.startsAt.getTime() !== existing.startsAt.getTime()) {
    changes.push(`Moved from ${toLocalParts(existing.startsAt, zone).short} to ${toLocalParts(details.startsAt, zone).short}`);
  }
  if ((details.venue ?? null) !== (existing.venue ?? null)) {
    changes.push(details.venue ? `Venue is now ${details.venue}` : 'Venue removed');
  }
  if (details.title !== existing.title) changes.push(`Title is now "${details.title}"`);
  if (details.durationMinutes !== existing.durationMinutes) changes.push(`Now planned to last ${details.durationMinutes} minutes`);
  await deps.prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: existing.id }, data: details });
    await announceAgendaChange(tx, existing.id, changes, deps);
  });
  if (changes.length > 0) deps.onQueued?.();
  return {
    kind: 'meeting',
    notice: changes.length === 0 ? 'Nothing changed.' : `Meeting updated: ${changes.join('; ')}.`,
    agenda: clerkView(await loadMeeting(deps.prisma, existing.id), deps),
  };
}

export async function cancelMeeting(
  deps: MeetingDeps,
  input: BoardContext & { ref?: string; reason?: string },
): Promise<MeetingResult> {
  const board = await resolveBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await findMeeting(deps.prisma, board, input.ref, deps.now());
  const reason = input.reason?.trim().slice(0, 300) || undefined;
  await deps.prisma.$transaction(async (tx) => {
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'cancelled', cancelReason: reason ?? null } });
    await announceAgendaChange(tx, meeting.id, [`The meeting is cancelled${reason ? `: ${reason}` : ''}`], deps);
  });
  deps.onQueued?.();
  return {
    kind: 'meeting',
    notice: `The meeting of ${toLocalParts(meeting.startsAt, board.timezone).short} is cancelled.`,
    agenda: clerkView(await loadMeeting(deps.prisma, meeting.id), deps),
  };
}

/** For the meeting form: the current values of a meeting, as the form shows them. */
export function meetingFormValues(meeting: Awaited<ReturnType<typeof loadMeeting>>): Record<string, string> {
  const local = toLocalParts(meeting.startsAt, meeting.board.timezone);
  return {
    title: meeting.title,
    date: local.isoDate,
    time: local.time,
    duration: String(meeting.durationMinutes),
    venue: meeting.venue ?? '',
  };
}

export type { Actor };
