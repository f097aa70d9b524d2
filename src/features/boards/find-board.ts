// Which board a person means: the one they name (--board), the one whose channel they are in, or
// the one board they sit on. Ambiguity is an error that lists the choices, never a guess.
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, PrismaClient } from '../../persistence/generated/client.ts';
import { boardChannelWhere } from './board-channel.ts';
import { identityOf } from './members.ts';
import { whoAddsYou } from '../members/people-who-can-help.ts';

export interface BoardContext {
  actor: Actor;
  /** The Slack channel or Teams conversation the request came from. */
  conversationId?: string;
  /** A board short name the person typed, e.g. "scpb". */
  slug?: string;
}

export async function findBoard(prisma: PrismaClient, context: BoardContext): Promise<Board> {
  const { actor } = context;
  if (context.slug) {
    const board = await prisma.board.findUnique({ where: { slug: context.slug.toLowerCase() } });
    // A board in another workspace or tenant is not there for this person, unless they sit on it.
    if (!board || !(inActorsWorkspace(board, actor) || (await prisma.member.count({ where: { boardId: board.id, active: true, ...identityOf(actor) } })) > 0)) throw new AppError(ErrorCode.BOARD_NOT_FOUND, `There is no board called "${context.slug.slice(0, 40)}".`, { log: 'no board with that slug' });
    return board;
  }
  if (context.conversationId) {
    const board = await prisma.board.findFirst({ where: boardChannelWhere(actor, context.conversationId) });
    if (board) return board;
  }
  const memberships = await prisma.member.findMany({ where: { active: true, ...identityOf(actor) }, include: { board: true } });
  const boards = memberships.map((m) => m.board);
  if (boards.length === 1) return boards[0] as Board;
  if (boards.length === 0) {
    throw new AppError(
      ErrorCode.BOARD_NOT_FOUND,
      `I can\u2019t tell which board you mean: this channel is not a board\u2019s channel and you are not on any board. ${await whoAddsYou(prisma, actor)}`,
      { log: 'actor on no board, outside any board channel' },
    );
  }
  throw new AppError(
    ErrorCode.AMBIGUOUS_BOARD,
    `You sit on several boards (${boards.map((b) => `${b.name}: "${b.slug}"`).join(', ')}). Run the command in the board\u2019s channel, or add the board, e.g. "--board ${boards[0]?.slug}".`,
    { log: `actor on ${boards.length} boards` },
  );
}

function inActorsWorkspace(board: Board, actor: Actor): boolean {
  if (!actor.tenantId) return true; // no workspace named (see identityOf)
  const workspace = actor.platform === 'slack' ? board.slackTeamId : board.teamsTenantId;
  return workspace !== null && workspace === actor.tenantId;
}
