// Which board a person means: the board whose channel they are in, or the one board they sit on,
// or the one they name. Ambiguity is an error that lists the choices, never a guess.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Member, PrismaClient } from '../../persistence/generated/client.ts';

export interface BoardContext {
  actor: Actor;
  /** The Slack channel or Teams conversation the request came from. */
  conversationId?: string;
  /** A board slug the person typed, e.g. "scpb". */
  slug?: string;
}

export async function resolveBoard(prisma: PrismaClient, context: BoardContext): Promise<Board> {
  const { actor } = context;
  if (context.slug) {
    const board = await prisma.board.findUnique({ where: { slug: context.slug.toLowerCase() } });
    if (!board) throw new AppError(ErrorCode.BOARD_NOT_FOUND, `There is no board called "${context.slug}".`);
    return board;
  }
  if (context.conversationId) {
    const board = await prisma.board.findFirst({
      where:
        actor.platform === 'slack'
          ? { slackChannelId: context.conversationId }
          : { teamsChannelId: context.conversationId },
    });
    if (board) return board;
  }
  const memberships = await prisma.member.findMany({
    where: { active: true, ...identityOf(actor) },
    include: { board: true },
  });
  const boards = memberships.map((m) => m.board);
  if (boards.length === 1) return boards[0] as Board;
  if (boards.length === 0) {
    throw new AppError(
      ErrorCode.BOARD_NOT_FOUND,
      'I can\u2019t tell which board you mean: this channel is not a board\u2019s channel and you are not on any board. Ask your clerk to add you.',
    );
  }
  throw new AppError(
    ErrorCode.AMBIGUOUS_BOARD,
    `You sit on several boards (${boards.map((b) => `${b.name}: "${b.slug}"`).join(', ')}). Run the command in the board\u2019s channel, or add the board, e.g. "--board ${boards[0]?.slug}".`,
  );
}

/** The member record of the actor on a board, if any. */
export async function findMember(prisma: PrismaClient, boardId: string, actor: Actor): Promise<Member | null> {
  return prisma.member.findFirst({ where: { boardId, active: true, ...identityOf(actor) } });
}

/** Only clerks and the chair (and vice-chair) run clerk commands. */
export async function requireClerk(prisma: PrismaClient, board: Board, actor: Actor): Promise<Member> {
  const member = await findMember(prisma, board.id, actor);
  const roles = member
    ? await prisma.boardRole.findMany({ where: { boardId: board.id, memberId: member.id } })
    : [];
  if (!member || roles.length === 0) {
    throw new AppError(
      ErrorCode.NOT_A_CLERK,
      `Only the clerk or the chair of ${board.name} can do that. If you should be able to, ask the clerk to give you the role.`,
    );
  }
  return member;
}

function identityOf(actor: Actor) {
  return actor.platform === 'slack' ? { slackUserId: actor.userId } : { teamsAadId: actor.userId };
}
