// Who may send or change a member's reply: the member, their organisation's deputy (the member's
// standing deputy, or the standing deputy of another member of the same organisation), or a clerk
// or the chair. A stranger to the board is refused, and told whom to ask.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Member, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { findMember, isClerk } from '../boards/members.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type ReplyVia = 'member' | 'deputy' | 'clerk';

/** "the clerk, Alex Dewsnap" / "the clerks, A and B": whom to ask. */
export async function clerksToAsk(db: Db, board: Board): Promise<string> {
  const roles = await db.boardRole.findMany({ where: { boardId: board.id, role: 'clerk', member: { active: true } }, include: { member: true }, orderBy: { createdAt: 'asc' } });
  const names = [...new Set(roles.map((r) => r.member.name))];
  if (names.length === 0) return 'the chair';
  if (names.length === 1) return `the clerk, ${names[0]}`;
  return `the clerks, ${names.slice(0, -1).join(', ')} or ${names[names.length - 1]}`;
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
  throw new AppError(ErrorCode.NOT_YOUR_REPLY, `Only ${member.name}, their deputy or ${await clerksToAsk(db, board)} can change ${member.name}\u2019s reply.`, {
    log: `member ${recorder.id} may not reply for ${member.id}`,
  });
}
