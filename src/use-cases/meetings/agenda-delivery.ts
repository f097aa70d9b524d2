// Sending agendas: the card posted to each board channel, its updates in place after a change,
// the notice of what changed, and reminders. Everything goes through the outbox, in the caller's
// transaction.
import type { Platform } from '../../domain/platform.ts';
import { enqueue, enqueueUpdate, type Tx } from '../../delivery/outbox.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { buildAgendaView, loadMeeting, type AgendaView } from './agenda-view.ts';

export const AGENDA_CARD = 'agenda.card';
export const AGENDA_CHANGED = 'agenda.changed';
export const AGENDA_REMINDER = 'agenda.reminder';

export interface BoardChannel {
  platform: Platform;
  channelId: string;
}

export function boardChannels(board: Board, platforms: readonly Platform[]): BoardChannel[] {
  const channels: BoardChannel[] = [];
  if (platforms.includes('slack') && board.slackChannelId) channels.push({ platform: 'slack', channelId: board.slackChannelId });
  if (platforms.includes('teams') && board.teamsChannelId) channels.push({ platform: 'teams', channelId: board.teamsChannelId });
  return channels;
}

export interface DeliveryContext {
  platforms: readonly Platform[];
  publicBaseUrl?: string;
  now: () => Date;
}

const viewOptions = (board: Board, ctx: DeliveryContext) => ({
  showExempt: board.channelIsPrivate,
  ...(ctx.publicBaseUrl ? { publicBaseUrl: ctx.publicBaseUrl } : {}),
});

/** Posts the agenda card to each board channel, or updates the cards already posted. */
export async function postOrRefreshAgenda(
  tx: Tx,
  meetingId: string,
  ctx: DeliveryContext,
): Promise<{ posted: BoardChannel[]; refreshed: BoardChannel[] }> {
  const meeting = await loadMeeting(tx, meetingId);
  const view = buildAgendaView(meeting, viewOptions(meeting.board, ctx));
  const posts = await tx.agendaPost.findMany({ where: { meetingId } });
  const posted: BoardChannel[] = [];
  const refreshed: BoardChannel[] = [];
  for (const channel of boardChannels(meeting.board, ctx.platforms)) {
    const existing = posts.find((p) => p.platform === channel.platform);
    if (existing) {
      await enqueueUpdate(tx, { originalId: existing.outboxId, template: AGENDA_CARD, data: view });
      await tx.agendaPost.update({ where: { id: existing.id }, data: { version: meeting.version } });
      refreshed.push(channel);
      continue;
    }
    const { id } = await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: AGENDA_CARD,
      data: view,
      dedupeKey: `agenda-post:${meeting.id}:${channel.platform}`,
    });
    await tx.agendaPost.create({
      data: { meetingId, platform: channel.platform, outboxId: id, version: meeting.version, createdAt: ctx.now() },
    });
    posted.push(channel);
  }
  return { posted, refreshed };
}

/** After a change to a published agenda: a new version, the posted cards updated in place, and
 * a notice in each channel saying what changed. Does nothing for a draft. */
export async function announceAgendaChange(
  tx: Tx,
  meetingId: string,
  changes: string[],
  ctx: DeliveryContext,
): Promise<boolean> {
  const current = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const published = current.status === 'agenda_published' || current.status === 'cancelled';
  const posts = await tx.agendaPost.count({ where: { meetingId } });
  if (!published || posts === 0 || changes.length === 0) return false;
  const meeting = await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } }, include: { board: true } });
  await postOrRefreshAgenda(tx, meetingId, ctx);
  const view = buildAgendaView(await loadMeeting(tx, meetingId), viewOptions(meeting.board, ctx));
  for (const channel of boardChannels(meeting.board, ctx.platforms)) {
    await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: AGENDA_CHANGED,
      data: { meeting: view.meeting, changes },
      dedupeKey: `agenda-changed:${meeting.id}:${meeting.version}:${channel.platform}`,
    });
  }
  return true;
}

export type ReminderKind = 'scheduled' | 'on-demand';

/** A reminder in each board channel, not sent once the meeting has started. */
export async function enqueueReminder(
  tx: Tx,
  meetingId: string,
  reminder: { kind: ReminderKind; key: string; lead?: string },
  ctx: DeliveryContext,
): Promise<BoardChannel[]> {
  const meeting = await loadMeeting(tx, meetingId);
  const view: AgendaView = buildAgendaView(meeting, viewOptions(meeting.board, ctx));
  const channels = boardChannels(meeting.board, ctx.platforms);
  for (const channel of channels) {
    await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: AGENDA_REMINDER,
      data: { kind: reminder.kind, ...(reminder.lead ? { lead: reminder.lead } : {}), agenda: view },
      dedupeKey: `${reminder.key}:${channel.platform}`,
      expiresAt: meeting.startsAt,
    });
  }
  return channels;
}
