// Sending agendas: the card posted to each board channel, its updates in place after a change,
// the notice of what changed, and reminders. Everything goes through the outbox, in the caller's
// transaction. Each card is rendered for the channel it is in: a card left in a channel that is no
// longer the board's (or not private to it) never shows exempt business.
import type { Platform } from '../../domain/platform.ts';
import { enqueue, enqueueUpdate, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { Board, Meeting } from '../../persistence/generated/client.ts';
import { buildAgendaView, channelAudience, loadMeeting, type MeetingWithItems } from './agenda-view.ts';
import { agendaCardTemplate, agendaChangedTemplate, agendaReminderTemplate } from './templates.ts';
import { replyCounts, type ReplyCounts } from '../apologies/meeting-replies.ts';
import { warnIfQuorumAtRisk } from '../apologies/quorum-warning.ts';
import { queueMattersArising } from '../actions/matters-arising-delivery.ts';

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

const viewFor = (meeting: MeetingWithItems, channel: BoardChannel, ctx: DeliveryContext, replies?: ReplyCounts) => ({
  ...buildAgendaView(meeting, channelAudience(meeting.board, channel.platform, channel.channelId), ctx.publicBaseUrl ? { publicBaseUrl: ctx.publicBaseUrl } : {}),
  ...(replies ? { replies } : {}),
});

export interface PostOutcome {
  /** The meeting as the cards show it (read in the caller's transaction). */
  meeting: MeetingWithItems;
  posted: BoardChannel[];
  /** Cards already posted that were brought up to date. */
  refreshed: BoardChannel[];
  /** Cards already posted (or queued) that show this version already: nothing was sent. */
  current: BoardChannel[];
}

/** Posts the agenda card to each board channel that has none yet, and brings every card already
 * posted for the meeting up to date, wherever it is. A card that already shows the current version
 * is left alone: clicking "Post" twice sends nothing twice. */
export async function postOrRefreshAgenda(tx: Tx, meetingId: string, ctx: DeliveryContext): Promise<PostOutcome> {
  const meeting = await loadMeeting(tx, meetingId);
  const posts = await tx.agendaPost.findMany({ where: { meetingId } });
  // The reply counts go on a card posted or brought up to date: read once, and only then (a card
  // that shows this version already is left alone).
  let counts: ReplyCounts | undefined;
  const replies = async () => (counts ??= await replyCounts(tx, meeting));
  const outcome: PostOutcome = { meeting, posted: [], refreshed: [], current: [] };
  for (const post of posts) {
    const channel = { platform: post.platform, channelId: post.channelId };
    if (post.version === meeting.version) {
      outcome.current.push(channel);
      continue;
    }
    await enqueueUpdate(tx, { originalId: post.outboxId, template: agendaCardTemplate, data: viewFor(meeting, channel, ctx, await replies()) });
    await tx.agendaPost.update({ where: { id: post.id }, data: { version: meeting.version } });
    outcome.refreshed.push(channel);
  }
  for (const channel of boardChannels(meeting.board, ctx.platforms)) {
    if (posts.some((p) => p.platform === channel.platform && p.channelId === channel.channelId)) continue;
    const { id } = await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: agendaCardTemplate,
      data: viewFor(meeting, channel, ctx, await replies()),
      dedupeKey: `agenda-post:${meeting.id}:${channel.platform}:${channel.channelId}`,
    });
    await tx.agendaPost.create({
      data: { meetingId, platform: channel.platform, channelId: channel.channelId, outboxId: id, version: meeting.version, createdAt: ctx.now() },
    });
    outcome.posted.push(channel);
  }
  return outcome;
}

/** After a change to a published agenda: a new version, the posted cards updated in place first,
 * then a notice in each channel saying what changed. Does nothing for a draft. */
export async function announceAgendaChange(tx: Tx, meetingId: string, changes: string[], ctx: DeliveryContext): Promise<boolean> {
  const current = await tx.meeting.findUniqueOrThrow({ where: { id: meetingId } });
  const published = current.status === 'agenda_published' || current.status === 'cancelled';
  const posts = await tx.agendaPost.findMany({ where: { meetingId } });
  if (!published || posts.length === 0 || changes.length === 0) return false;
  const meeting = await tx.meeting.update({ where: { id: meetingId }, data: { version: { increment: 1 } }, include: { board: true } });
  await postOrRefreshAgenda(tx, meetingId, ctx);
  const loaded = await loadMeeting(tx, meetingId);
  // The notice goes where the cards are, after them (queued later, so sent later in each lane).
  const channels = (await tx.agendaPost.findMany({ where: { meetingId } })).map((p) => ({ platform: p.platform, channelId: p.channelId }));
  for (const channel of channels) {
    await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: agendaChangedTemplate,
      data: { meeting: viewFor(loaded, channel, ctx).meeting, changes },
      dedupeKey: `agenda-changed:${meeting.id}:${meeting.version}:${channel.platform}:${channel.channelId}`,
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
  const channels = boardChannels(meeting.board, ctx.platforms);
  const replies = await replyCounts(tx, meeting);
  for (const channel of channels) {
    await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: agendaReminderTemplate,
      data: { kind: reminder.kind, ...(reminder.lead ? { lead: reminder.lead } : {}), agenda: viewFor(meeting, channel, ctx, replies) },
      dedupeKey: `${reminder.key}:${channel.platform}`,
      expiresAt: meeting.startsAt,
    });
  }
  // The clerk and chair are warned again with each reminder while the quorum is at risk.
  await warnIfQuorumAtRisk(tx, meeting, { kind: 'reminder', key: reminder.key }, ctx);
  // Matters arising (the actions from earlier meetings) go with it, to the channel and the clerks.
  await queueMattersArising(tx, meetingId, { kind: 'reminder', key: reminder.key, toClerks: true }, ctx);
  return channels;
}

/** The posted cards brought up to date after a reply: same version, new counts. Updates still
 * waiting to go are replaced by this one (enqueueUpdate), so a burst of clicks is one update. */
export async function refreshReplyCounts(tx: Tx, meetingOrId: string | (Meeting & { board: Board }), ctx: DeliveryContext): Promise<number> {
  const loaded = typeof meetingOrId === 'string' ? await loadMeeting(tx, meetingOrId) : undefined;
  const given = loaded ?? (meetingOrId as Meeting & { board: Board });
  const posts = await tx.agendaPost.findMany({ where: { meetingId: given.id } });
  // No card posted: nothing to count for. Given the meeting with its board (read by the caller in
  // this transaction), only its items are read.
  if (posts.length === 0) return 0;
  const meeting: MeetingWithItems = loaded ?? { ...given, items: await tx.agendaItem.findMany({ where: { meetingId: given.id }, orderBy: { position: 'asc' } }) };
  const replies = await replyCounts(tx, meeting);
  for (const post of posts) {
    const channel = { platform: post.platform, channelId: post.channelId };
    await enqueueUpdate(tx, { originalId: post.outboxId, template: agendaCardTemplate, data: viewFor(meeting, channel, ctx, replies) });
  }
  return posts.length;
}
