// "Chase the rest": one direct message to each member who has not replied, asking whether they
// will attend, with the two buttons. Once per member and meeting (the outbox's dedupe key), so a
// second click, or a second clerk, chases nobody twice.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { enqueue } from '../../delivery/outbox.ts';
import { requireClerk } from '../boards/members.ts';
import { meetingView } from '../agendas/agenda-view.ts';
import { boardRoster } from './meeting-replies.ts';
import { listReplies, type RepliesListResult } from './list-replies.ts';
import { loadMeetingForReplies, requireOpenForReplies } from './open-meeting.ts';
import { replyChaseTemplate } from './templates.ts';

export async function chaseReplies(deps: CoreDeps, input: Invocation & { meetingId: string }): Promise<RepliesListResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
  await requireOpenForReplies(deps.prisma, meeting, deps.now(), { forClerk: true });
  const { chased, already } = await deps.prisma.$transaction(async (tx) => {
    const roster = await boardRoster(tx, meeting.boardId);
    const replied = new Set((await tx.meetingReply.findMany({ where: { meetingId: meeting.id }, select: { memberId: true } })).map((r) => r.memberId));
    let chasedCount = 0;
    let alreadyCount = 0;
    for (const member of roster) {
      if (replied.has(member.id) || member.id === clerk.id) continue;
      let queued = false;
      let reachable = false;
      for (const platform of deps.platforms) {
        const userId = platform === 'slack' ? member.slackUserId : member.teamsAadId;
        if (!userId) continue;
        reachable = true;
        const { created } = await enqueue(tx, {
          boardId: meeting.boardId,
          platform,
          target: { kind: 'user', id: userId },
          template: replyChaseTemplate,
          data: { meeting: meetingView(meeting), memberName: member.name, from: clerk.name },
          dedupeKey: `apologies-chase:${meeting.id}:${member.id}:${platform}`,
          expiresAt: meeting.startsAt,
        });
        queued ||= created;
      }
      if (queued) chasedCount += 1;
      else if (reachable) alreadyCount += 1;
    }
    return { chased: chasedCount, already: alreadyCount };
  });
  if (chased > 0) deps.onQueued?.();
  const notice =
    chased > 0
      ? `Chased ${chased} member${chased === 1 ? '' : 's'} who had not replied${already > 0 ? ` (${already} already chased before)` : ''}.`
      : already > 0
        ? 'Everyone who has not replied has been chased already: nobody was chased twice.'
        : 'Nobody to chase: everyone has replied, or cannot be reached in chat.';
  return listReplies(deps, { ...input, meetingId: meeting.id, notice });
}
