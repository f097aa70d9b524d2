// Records a member's reply (apologies or "I'll attend") or withdraws it, exactly once: one row per
// member and meeting (unique), written under a lock on the meeting, so a double click, a Slack
// retry or a second instance changes nothing twice. A change updates the posted agenda cards'
// counts (coalesced in the outbox) and may warn the clerk and chair of the quorum, in the same
// transaction.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Member, MeetingReply, Prisma } from '../../persistence/generated/client.ts';
import { refreshReplyCounts } from '../agendas/agenda-delivery.ts';
import { loadMeetingForReplies, lockMeeting, requireOpenForReplies, type MeetingWithBoard } from './open-meeting.ts';
import { warnIfQuorumAtRisk } from './quorum-warning.ts';
import { requireReplier, type ReplyVia } from './who-may-reply.ts';

export const REASON_MAX = 300;
export const SUBSTITUTE_NAME_MAX = 120;

export type Substitute = { kind: 'member'; memberId: string } | { kind: 'named'; name: string };

export type ReplyChange =
  | { reply: 'apologies'; reason?: string; substitute?: Substitute }
  | { reply: 'attending' }
  | { reply: 'withdraw' };

export type SavedReply = {
  meeting: MeetingWithBoard;
  member: Member;
  /** The reply as it now stands; undefined once withdrawn. */
  reply?: MeetingReply & { substitute: Member | null };
  /** Whether this request changed anything (a repeat of the same reply does not). */
  changed: boolean;
  via: ReplyVia | 'minutes';
};

/** Members who may substitute for `member`: their standing deputy and the other members of their organisation. */
export async function substituteChoices(db: Prisma.TransactionClient | CoreDeps['prisma'], member: Member): Promise<Member[]> {
  const or: Prisma.MemberWhereInput[] = [];
  if (member.standingDeputyId) or.push({ id: member.standingDeputyId });
  if (member.organisationId) or.push({ organisationId: member.organisationId });
  if (or.length === 0) return [];
  return db.member.findMany({ where: { boardId: member.boardId, active: true, id: { not: member.id }, OR: or }, orderBy: { name: 'asc' } });
}

async function checkSubstitute(tx: Prisma.TransactionClient, member: Member, substitute: Substitute | undefined): Promise<{ substituteMemberId: string | null; substituteName: string | null }> {
  if (!substitute) return { substituteMemberId: null, substituteName: null };
  if (substitute.kind === 'named') return { substituteMemberId: null, substituteName: substitute.name.trim().slice(0, SUBSTITUTE_NAME_MAX) };
  const allowed = await substituteChoices(tx, member);
  if (!allowed.some((m) => m.id === substitute.memberId)) {
    throw formInvalid({ substitute: `Choose ${member.name}\u2019s deputy or a member of their organisation, or type the substitute\u2019s name.` }, 'That substitute cannot stand in for this member.');
  }
  return { substituteMemberId: substitute.memberId, substituteName: null };
}

const sameReply = (before: MeetingReply | null, after: { reply: string; reason: string | null; substituteMemberId: string | null; substituteName: string | null }) =>
  before !== null && before.reply === after.reply && before.reason === after.reason && before.substituteMemberId === after.substituteMemberId && before.substituteName === after.substituteName;

export type SaveReplyInput = { actor: Actor; meetingId: string; memberId: string; change: ReplyChange; fromMinutes?: boolean };

/** saveReply inside the caller's transaction. With `deferEffects` the card counts and the quorum
 * warning are left to the caller, who records several replies and then does both once. */
export async function saveReplyIn(tx: Prisma.TransactionClient, deps: CoreDeps, input: SaveReplyInput & { deferEffects?: boolean }): Promise<SavedReply> {
  await lockMeeting(tx, input.meetingId);
  const meeting = await loadMeetingForReplies(tx, input.meetingId);
  const member = await tx.member.findFirst({ where: { id: input.memberId, boardId: meeting.boardId } });
  if (!member) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, `That person is not on the roster of ${meeting.board.name}.`, { log: `member ${input.memberId} not on board ${meeting.boardId}` });
  // Who may reply first (a stranger learns that, not the meeting's state), then whether they still can.
  const { recorder, via } = await requireReplier(tx, meeting.board, input.actor, member);
  await requireOpenForReplies(tx, meeting, deps.now(), { forClerk: via === 'clerk' });
  const key = { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } };
  const before = await tx.meetingReply.findUnique({ where: key });
  const recordedVia = input.fromMinutes && via === 'clerk' ? ('minutes' as const) : via;
  let changed: boolean;
  if (input.change.reply === 'withdraw') {
    changed = (await tx.meetingReply.deleteMany({ where: { meetingId: meeting.id, memberId: member.id } })).count > 0;
  } else {
    const fields = {
      reply: input.change.reply,
      reason: input.change.reply === 'apologies' ? input.change.reason?.trim().slice(0, REASON_MAX) || null : null,
      ...(input.change.reply === 'apologies' ? await checkSubstitute(tx, member, input.change.substitute) : { substituteMemberId: null, substituteName: null }),
    };
    changed = !sameReply(before, fields);
    if (changed) {
      await tx.meetingReply.upsert({
        where: key,
        create: { meetingId: meeting.id, memberId: member.id, ...fields, recordedById: recorder.id, recordedVia },
        update: { ...fields, recordedById: recorder.id, recordedVia },
      });
    }
  }
  if (changed && !input.deferEffects) {
    // The meeting as read under its lock: a reply changes neither it nor its board.
    await refreshReplyCounts(tx, meeting, deps);
    await warnIfQuorumAtRisk(tx, meeting, { kind: 'forecast' }, deps);
  }
  const reply = await tx.meetingReply.findUnique({ where: key, include: { substitute: true } });
  return { meeting, member, changed, via: recordedVia, ...(reply ? { reply } : {}) };
}

export async function saveReply(deps: CoreDeps, input: SaveReplyInput): Promise<SavedReply> {
  const saved = await deps.prisma.$transaction((tx) => saveReplyIn(tx, deps, input));
  if (saved.changed) deps.onQueued?.();
  return saved;
}
