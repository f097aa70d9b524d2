// A person's place on a board: their member record, and whether they are a clerk or the chair.
// "Is a clerk" is decided here and nowhere else.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Member, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { askSentence, namesOf, peopleWhoCanHelp, whoCanHelp } from '../members/people-who-can-help.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/**
 * How a person is found among members: by their id on the platform they came from, within the
 * workspace (Slack team) or tenant (Teams) they came from. A member's id counts in the workspace
 * recorded with it, or, when none is recorded, in their board's own workspace; the same user id
 * arriving from another workspace is someone else and finds nobody. The adapters always say the
 * workspace (Slack signs team_id; Teams sends the tenant); when nothing names it (the local
 * emulator, a use case called directly) the id alone is what there is to go on.
 */
export function identityOf(actor: Actor): Prisma.MemberWhereInput {
  const tenant = actor.tenantId;
  if (actor.platform === 'slack') {
    return { slackUserId: actor.userId, ...(tenant ? { OR: [{ slackTeamId: tenant }, { slackTeamId: null, board: { slackTeamId: tenant } }] } : {}) };
  }
  return { teamsAadId: actor.userId, ...(tenant ? { OR: [{ teamsTenantId: tenant }, { teamsTenantId: null, board: { teamsTenantId: tenant } }] } : {}) };
}

/** The columns that record a person's platform identity on a member: their id and its workspace. */
export function identityFields(actor: Actor): { slackUserId: string; slackTeamId: string | null } | { teamsAadId: string; teamsTenantId: string | null } {
  return actor.platform === 'slack'
    ? { slackUserId: actor.userId, slackTeamId: actor.tenantId ?? null }
    : { teamsAadId: actor.userId, teamsTenantId: actor.tenantId ?? null };
}

/** The actor's member record on a board, if any. */
export async function findMember(prisma: Db, boardId: string, actor: Actor): Promise<Member | null> {
  return prisma.member.findFirst({ where: { boardId, active: true, ...identityOf(actor) } });
}

/** Clerks, the chair and the vice-chair run the board's business: a member with a role on it. */
function holdsARole(boardId: string): Prisma.MemberWhereInput {
  return { roles: { some: { boardId } } };
}

export async function isClerk(prisma: Db, boardId: string, memberId: string): Promise<boolean> {
  return (await prisma.member.count({ where: { id: memberId, ...holdsARole(boardId) } })) > 0;
}

/** The members among `memberIds` who are clerks (or the chair) of the board: isClerk for many
 * people in one statement. */
export async function clerksAmong(prisma: Db, boardId: string, memberIds: readonly string[]): Promise<Set<string>> {
  if (memberIds.length === 0) return new Set();
  const clerks = await prisma.member.findMany({ where: { id: { in: [...new Set(memberIds)] }, ...holdsARole(boardId) }, select: { id: true } });
  return new Set(clerks.map((m) => m.id));
}

/** findMember and isClerk in one statement: the actor's member record on the board, and whether
 * they hold a role on it (the count of their roles there is read with the member). */
export async function findMemberAndRole(prisma: Db, boardId: string, actor: Actor): Promise<{ member: Member; clerk: boolean } | null> {
  const found = await prisma.member.findFirst({ where: { boardId, active: true, ...identityOf(actor) }, include: { _count: { select: { roles: { where: { boardId } } } } } });
  if (!found) return null;
  const { _count, ...member } = found;
  return { member, clerk: _count.roles > 0 };
}

/** The actor's member record, or NOT_A_CLERK. */
export async function requireClerk(prisma: Db, board: Board, actor: Actor): Promise<Member> {
  // One statement, the role a condition of finding the member (every clerk's command and click
  // asks this first; it was the member, then a count of their roles).
  const member = await prisma.member.findFirst({ where: { boardId: board.id, active: true, ...identityOf(actor), ...holdsARole(board.id) } });
  if (!member) {
    throw new AppError(
      ErrorCode.NOT_A_CLERK,
      `Only the clerk or the chair of ${board.name} can do that. ${await whoCanHelp(prisma, board.id, 'if you should be able to')}`,
      { log: `not a clerk of board ${board.id}` },
    );
  }
  return member;
}

/** The actor's member record, or NOT_A_MEMBER with what they were trying to do. */
export async function requireMember(prisma: Db, board: Board, actor: Actor, toDo: string): Promise<Member> {
  const member = await findMember(prisma, board.id, actor);
  if (!member) {
    const helpers = await peopleWhoCanHelp(prisma, board.id);
    const ask = helpers.length > 0 ? `If you are on the board, ask ${namesOf(helpers)} to add you.` : askSentence(helpers);
    throw new AppError(ErrorCode.NOT_A_MEMBER, `Only members of ${board.name} can ${toDo}. ${ask}`, {
      log: `not a member of board ${board.id}`,
    });
  }
  return member;
}
