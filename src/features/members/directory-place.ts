// Where the directory looks for a board's people: the board's channel on the actor's platform
// (on Teams, with its stored conversation reference), and the directory itself.
import type { Directory, DirectoryPlace } from '../../directory/port.ts';
import { DirectoryUnavailable } from '../../directory/port.ts';
import type { Actor } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Board } from '../../persistence/generated/client.ts';

export interface BoardDirectory {
  directory: Directory;
  place: DirectoryPlace;
}

/** The actor's platform directory in the board's channel, or undefined when there is none (the
 * board has no channel there, or the platform is off). */
export async function boardDirectory(deps: Pick<CoreDeps, 'prisma' | 'directories'>, board: Board, actor: Actor): Promise<BoardDirectory | undefined> {
  const directory = deps.directories?.[actor.platform];
  const channel = actor.platform === 'slack' ? board.slackChannelId : board.teamsChannelId;
  if (!directory || !channel) return undefined;
  const tenantId = (actor.platform === 'slack' ? board.slackTeamId : board.teamsTenantId) ?? actor.tenantId;
  const stored = actor.platform === 'teams' ? await deps.prisma.conversationReference.findUnique({ where: { platform_conversationId: { platform: 'teams', conversationId: channel } } }) : null;
  return { directory, place: { conversationId: channel, ...(tenantId ? { tenantId } : {}), ...(stored ? { reference: stored.reference } : {}) } };
}

/** A directory call; its failure becomes the person's sentence. */
export async function askDirectory<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof DirectoryUnavailable) throw new AppError(ErrorCode.DIRECTORY_UNAVAILABLE, error.message, { log: `directory: ${error.reason}` });
    throw error;
  }
}
