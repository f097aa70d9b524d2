// The board a returns form was opened for (its id, carried by the form), or the one a command
// means.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';

export async function boardFor(deps: CoreDeps, input: Invocation & { boardId?: string }): Promise<Board> {
  if (!input.boardId) return findBoard(deps.prisma, input);
  const board = await deps.prisma.board.findUnique({ where: { id: input.boardId } });
  if (!board) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: 'the form\u2019s board no longer exists' });
  return board;
}
