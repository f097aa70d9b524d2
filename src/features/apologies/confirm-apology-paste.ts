// Paste to record, step two: the clerk's Confirm records the people matched in a pasted passage
// (paste-apologies.ts), exactly once. The paste is claimed (confirmed_at set where it was empty) in
// the same transaction that records the apologies, under the meeting's lock, so a double click, a
// Slack retry or a second instance records nothing twice: the later ones are told it was done.
// Before the meeting the names become apologies (as the clerk's record "from minutes", with the
// card counts and the quorum warning once at the end); once it has started, attendance marks.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { refreshReplyCounts } from '../agendas/agenda-delivery.ts';
import { requireClerk } from '../boards/members.ts';
import { boardRoster } from './meeting-replies.ts';
import { loadMeetingForReplies, lockMeeting } from './open-meeting.ts';
import { pasteResult, requireNotCancelled, storedMatches, type PasteResult } from './paste-apologies.ts';
import { warnIfQuorumAtRisk } from './quorum-warning.ts';
import { saveReplyIn } from './save-reply.ts';

export async function confirmApologyPaste(deps: CoreDeps, input: Invocation & { pasteId: string }): Promise<PasteResult> {
  const found = await deps.prisma.apologyPaste.findUnique({ where: { id: input.pasteId } });
  if (!found) throw new AppError(ErrorCode.STALE_CARD, 'That pasted passage is no longer there (its meeting was removed). Paste it again with "apologies paste".', { log: `apology paste ${input.pasteId} not found` });
  const meeting = await loadMeetingForReplies(deps.prisma, found.meetingId);
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
  requireNotCancelled(meeting);
  const now = deps.now();
  const asReplies = meeting.startsAt > now;
  const outcome = await deps.prisma.$transaction(async (tx) => {
    await lockMeeting(tx, meeting.id);
    const claimed = await tx.apologyPaste.updateMany({ where: { id: found.id, confirmedAt: null }, data: { confirmedAt: now, confirmedById: clerk.id } });
    const paste = await tx.apologyPaste.findUniqueOrThrow({ where: { id: found.id } });
    if (claimed.count === 0) return { stage: 'already' as const, changed: false, paste };
    // The matches as they stand now (names resolved since the paste included), read under the claim.
    const matches = storedMatches.parse(paste.matched);
    let changed = false;
    for (const match of matches) {
      if (asReplies) {
        const saved = await saveReplyIn(tx, deps, {
          actor: input.actor,
          meetingId: meeting.id,
          memberId: match.memberId,
          change: { reply: 'apologies', ...(match.substitute ? { substitute: match.substitute } : {}) },
          fromMinutes: true,
          deferEffects: true,
        });
        changed ||= saved.changed;
      } else {
        const substitute = match.substitute?.kind === 'member' ? (await tx.member.findUnique({ where: { id: match.substitute.memberId } }))?.name : match.substitute?.name;
        const fields = { mark: substitute ? ('substitute' as const) : ('apologies' as const), substituteName: substitute ?? null, markedById: clerk.id };
        await tx.attendanceRecord.upsert({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: match.memberId } }, create: { meetingId: meeting.id, memberId: match.memberId, ...fields }, update: fields });
      }
    }
    if (changed) {
      await refreshReplyCounts(tx, meeting.id, deps);
      await warnIfQuorumAtRisk(tx, meeting.id, { kind: 'forecast' }, deps);
    }
    return { stage: 'recorded' as const, changed, paste };
  });
  if (outcome.changed) deps.onQueued?.();
  const roster = await boardRoster(deps.prisma, meeting.boardId);
  return pasteResult(outcome.paste, meeting, roster, outcome.stage, now);
}
