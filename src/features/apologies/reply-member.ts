// Whose reply a click or command is about: the member the button names (a clerk's or deputy's
// card), or the person clicking.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Member, PrismaClient } from '../../persistence/generated/client.ts';
import type { MeetingWithBoard } from './open-meeting.ts';
import { requireOnBoard } from './who-may-reply.ts';

export async function replyMember(prisma: PrismaClient, meeting: MeetingWithBoard, actor: Actor, memberId: string | undefined): Promise<Member> {
  if (!memberId) return requireOnBoard(prisma, meeting.board, actor, 'send apologies for its meetings');
  const member = await prisma.member.findFirst({ where: { id: memberId, boardId: meeting.boardId } });
  if (!member) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, `That person is not on the roster of ${meeting.board.name}.`, { log: `member ${memberId} not on board ${meeting.boardId}` });
  return member;
}
