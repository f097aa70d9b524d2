// A clerk makes the current channel the board's channel on this platform, and says whether it is
// private to the board (exempt items are then shown in full there).
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { anyBoardChannelWhere, channelFields } from './board-channel.ts';
import { findBoard, type BoardContext } from './find-board.ts';
import { requireClerk } from './members.ts';
import type { BoardUpdatedResult } from './setup-board.ts';

export async function setBoardChannel(deps: { prisma: PrismaClient }, input: BoardContext & { isPrivate?: boolean }): Promise<BoardUpdatedResult> {
  if (!input.conversationId) throw new AppError(ErrorCode.NOT_IN_A_CHANNEL, 'Run this in the channel where the board meets.');
  const { conversationId, ...rest } = input;
  const board = await findBoard(deps.prisma, rest);
  await requireClerk(deps.prisma, board, input.actor);
  const fields = channelFields(input.actor, conversationId)!;
  const other = await deps.prisma.board.findFirst({ where: { ...anyBoardChannelWhere(input.actor, conversationId), id: { not: board.id } } });
  if (other) throw new AppError(ErrorCode.CHANNEL_TAKEN, `This channel already belongs to ${other.name}.`, { log: `channel taken by board ${other.id}` });
  await deps.prisma.board.update({ where: { id: board.id }, data: { ...fields, ...(input.isPrivate !== undefined ? { channelIsPrivate: input.isPrivate } : {}) } });
  return {
    kind: 'board-updated',
    notice: `This channel is now ${board.name}\u2019s channel on ${input.actor.platform === 'slack' ? 'Slack' : 'Teams'}. Agendas and reminders will be posted here.`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}
