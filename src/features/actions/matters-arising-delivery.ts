// Sending the matters arising report: to each board channel (built for that channel's audience,
// so exempt actions stay out of a channel not private to the board) and to each clerk in their
// direct messages (in full). Through the outbox in the caller's transaction, once per occasion
// (its key): a reminder's key, or a clerk's post. Nothing is sent when there is nothing to report.
import { enqueue, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import { boardChannels, type BoardChannel } from '../agendas/agenda-delivery.ts';
import { channelAudience, CLERK_ALONE } from '../agendas/agenda-view.ts';
import { personalTargets } from './action-delivery.ts';
import { buildMattersArising, loadMattersArising, reportSize } from './matters-arising-view.ts';
import { mattersArisingTemplate } from './report-templates.ts';

export interface MattersArisingSent {
  channels: BoardChannel[];
  clerks: number;
  /** Actions in the report (shown or withheld). */
  size: number;
}

export async function queueMattersArising(
  tx: Tx,
  meetingId: string,
  occasion: { kind: 'reminder' | 'posted'; key: string; toClerks: boolean },
  ctx: DeliveryContext,
): Promise<MattersArisingSent> {
  const loaded = await loadMattersArising(tx, meetingId);
  const { meeting } = loaded;
  const size = reportSize(buildMattersArising(loaded, CLERK_ALONE, ctx.now()));
  const sent: MattersArisingSent = { channels: [], clerks: 0, size };
  if (size === 0 || meeting.status === 'cancelled') return sent;
  // With a reminder it is news until the meeting starts; a clerk's post goes whenever it can.
  const expiry = occasion.kind === 'reminder' ? { expiresAt: meeting.startsAt } : {};
  for (const channel of boardChannels(meeting.board, ctx.platforms)) {
    const report = buildMattersArising(loaded, channelAudience(meeting.board, channel.platform, channel.channelId), ctx.now());
    await enqueue(tx, {
      boardId: meeting.boardId,
      platform: channel.platform,
      target: { kind: 'channel', id: channel.channelId },
      template: mattersArisingTemplate,
      data: { report, occasion: occasion.kind },
      dedupeKey: `${occasion.key}:matters-arising:${channel.platform}:${channel.channelId}`,
      ...expiry,
    });
    sent.channels.push(channel);
  }
  if (!occasion.toClerks) return sent;
  const report = buildMattersArising(loaded, CLERK_ALONE, ctx.now());
  const clerks = await tx.boardRole.findMany({ where: { boardId: meeting.boardId, role: 'clerk', member: { active: true } }, include: { member: true } });
  for (const member of new Map(clerks.map((c) => [c.member.id, c.member])).values()) {
    for (const target of personalTargets(member, ctx.platforms)) {
      await enqueue(tx, {
        boardId: meeting.boardId,
        platform: target.platform,
        target: { kind: 'user', id: target.userId },
        template: mattersArisingTemplate,
        data: { report, occasion: occasion.kind },
        dedupeKey: `${occasion.key}:matters-arising:${member.id}:${target.platform}`,
        digestible: false,
        ...expiry,
      });
    }
    sent.clerks += 1;
  }
  return sent;
}
