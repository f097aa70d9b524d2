// A clerk posts the agenda to the board's channels, sends a reminder on demand, or previews the
// card privately.
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { requireClerk, resolveBoard, type BoardContext } from '../boards/resolve-board.ts';
import { boardChannels, enqueueReminder, postOrRefreshAgenda, type BoardChannel } from './agenda-delivery.ts';
import { buildAgendaView, loadMeeting, type AgendaView, type MeetingWithItems } from './agenda-view.ts';
import { findMeeting } from './find-meeting.ts';
import type { MeetingDeps } from './manage-meeting.ts';

export interface AgendaPublishedResult {
  kind: 'agenda-published';
  notice: string;
  channels: BoardChannel[];
  agenda: AgendaView;
}

export interface AgendaPreviewResult {
  kind: 'agenda-preview';
  /** As members in the board channel will see it. */
  agenda: AgendaView;
  notice: string;
}

async function clerkMeeting(deps: MeetingDeps, input: BoardContext & { ref?: string }) {
  const board = await resolveBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await findMeeting(deps.prisma, board, input.ref, deps.now());
  return { board, meeting };
}

function requirePostable(meeting: MeetingWithItems, now: Date): void {
  if (meeting.startsAt.getTime() <= now.getTime()) {
    throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting has already started, so its agenda can no longer be posted or reminded.');
  }
  if (meeting.items.length === 0) {
    throw new AppError(ErrorCode.AGENDA_EMPTY, 'The agenda has no items yet. Add items with "agenda add" or "agenda paste" first.');
  }
}

function requireChannels(deps: MeetingDeps, board: Parameters<typeof boardChannels>[0]): BoardChannel[] {
  const channels = boardChannels(board, deps.platforms);
  if (channels.length === 0) {
    throw new AppError(
      ErrorCode.NO_BOARD_CHANNEL,
      `${board.name} has no board channel yet. Run "board channel" in the channel where the board meets, after inviting Quorum to it.`,
    );
  }
  return channels;
}

export async function postAgenda(deps: MeetingDeps, input: BoardContext & { ref?: string }): Promise<AgendaPublishedResult> {
  const { board, meeting } = await clerkMeeting(deps, input);
  requirePostable(meeting, deps.now());
  requireChannels(deps, board);
  const result = await deps.prisma.$transaction(async (tx) => {
    // Published first, so the card posted says so (and carries the calendar link).
    await tx.meeting.update({ where: { id: meeting.id }, data: { status: 'agenda_published' } });
    return postOrRefreshAgenda(tx, meeting.id, deps);
  });
  const published = await loadMeeting(deps.prisma, meeting.id);
  deps.onQueued?.();
  const when = toLocalParts(meeting.startsAt, board.timezone).short;
  const parts = [
    result.posted.length > 0 ? `posted to ${result.posted.map(describe).join(' and ')}` : '',
    result.refreshed.length > 0 ? `already posted in ${result.refreshed.map(describe).join(' and ')}, so the card there is brought up to date` : '',
  ].filter(Boolean);
  return {
    kind: 'agenda-published',
    notice: `Agenda for ${when}: ${parts.join('; ')}. Reminders follow on schedule.`,
    channels: [...result.posted, ...result.refreshed],
    agenda: buildAgendaView(published, { showExempt: true, ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}) }),
  };
}

export async function remindAgenda(deps: MeetingDeps, input: BoardContext & { ref?: string }): Promise<AgendaPublishedResult> {
  const { board, meeting } = await clerkMeeting(deps, input);
  requirePostable(meeting, deps.now());
  requireChannels(deps, board);
  if (meeting.status !== 'agenda_published') {
    throw new AppError(ErrorCode.INVALID_INPUT, 'The agenda has not been posted yet. Post it first with "agenda post".');
  }
  // One reminder per minute at most: a double click or a retried command sends it once.
  const minute = Math.floor(deps.now().getTime() / 60_000);
  const channels = await deps.prisma.$transaction((tx) =>
    enqueueReminder(tx, meeting.id, { kind: 'on-demand', key: `agenda-remind:${meeting.id}:${minute}` }, deps),
  );
  deps.onQueued?.();
  return {
    kind: 'agenda-published',
    notice: `Reminder sent to ${channels.map(describe).join(' and ')} for the meeting on ${toLocalParts(meeting.startsAt, board.timezone).short}.`,
    channels,
    agenda: buildAgendaView(meeting, { showExempt: true }),
  };
}

export async function previewAgenda(deps: MeetingDeps, input: BoardContext & { ref?: string }): Promise<AgendaPreviewResult> {
  const { board, meeting } = await clerkMeeting(deps, input);
  const agenda = buildAgendaView(meeting, {
    showExempt: board.channelIsPrivate,
    ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}),
  });
  const exempt = meeting.items.filter((i) => i.exempt).length;
  return {
    kind: 'agenda-preview',
    agenda,
    notice:
      `Only you can see this preview${meeting.status === 'draft' ? ' (not posted yet)' : ''}.` +
      (exempt > 0 && !board.channelIsPrivate ? ` ${exempt} exempt item${exempt > 1 ? 's are' : ' is'} shown as "Exempt item", as members will see ${exempt > 1 ? 'them' : 'it'}.` : ''),
  };
}

const describe = (c: BoardChannel) => (c.platform === 'slack' ? 'the Slack channel' : 'the Teams channel');
