// Who may send or change a member's reply: the member, their organisation's deputy (the member's
// standing deputy, or the standing deputy of another member of the same organisation), or a clerk
// or the chair. A stranger to the board is refused, and told whom to ask.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Member, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { findMember, isClerk } from '../boards/members.ts';
import { namesOf, peopleWhoCanHelp } from '../members/people-who-can-help.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type ReplyVia = 'member' | 'deputy' | 'clerk';

/** "Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair)": whom to ask (the members feature's rule). */
export async function clerksToAsk(db: Db, board: Board): Promise<string> {
  return namesOf(await peopleWhoCanHelp(db, board.id)) || 'the clerk';
}

/** Whether `deputy` deputises for `member`'s organisation. */
async function isOrganisationDeputy(db: Db, deputy: Member, member: Member): Promise<boolean> {
  if (member.standingDeputyId === deputy.id) return true;
  if (!member.organisationId) return false;
  return (await db.member.count({ where: { boardId: member.boardId, organisationId: member.organisationId, standingDeputyId: deputy.id, active: true } })) > 0;
}

/** The actor's member record on the board, or NOT_A_MEMBER naming whom to ask. */
export async function requireOnBoard(db: Db, board: Board, actor: Actor, toDo: string): Promise<Member> {
  const member = await findMember(db, board.id, actor);
  if (!member) {
    throw new AppError(ErrorCode.NOT_A_MEMBER, `You are not on the roster of ${board.name}, so you cannot ${toDo}. Ask ${await clerksToAsk(db, board)} to add you, or to record it for you.`, {
      log: `not a member of board ${board.id}`,
    });
  }
  return member;
}

/** How the actor may reply for `member`, or a refusal naming who can. */
export async function requireReplier(db: Db, board: Board, actor: Actor, member: Member): Promise<{ recorder: Member; via: ReplyVia }> {
  const recorder = await requireOnBoard(db, board, actor, 'send apologies for its meetings');
  if (recorder.id === member.id) return { recorder, via: 'member' };
  if (await isClerk(db, board.id, recorder.id)) return { recorder, via: 'clerk' };
  if (await isOrganisationDeputy(db, recorder, member)) return { recorder, via: 'deputy' };
  throw new AppError(ErrorCode.NOT_YOUR_REPLY, `Only ${member.name}, their deputy, ${await clerksToAsk(db, board)} can change ${member.name}\u2019s reply.`, {
    log: `member ${recorder.id} may not reply for ${member.id}`,
  });
}
