// The board's choices about apologies, made by the clerk or chair ("apologies settings"):
// - whether the posted agenda card names who sent apologies (off by default: the channel sees
//   counts only, names go to the clerk's list);
// - whether a substitute named in apologies who is not on the roster counts towards the quorum
//   (on by default, as the seed minutes read: "Jamie Keddy of MOPAC (Ms Abram was substituting)").
// A change brings the cards of meetings to come up to date (names shown or taken off, the forecast
// recounted) and, if the forecast now falls to the quorum, warns the clerk and chair, once.
import type { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, openForm, type NoticeResult } from '../../kernel/results.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { refreshReplyCounts } from '../agendas/agenda-delivery.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { lockMeeting } from './open-meeting.ts';
import { warnIfQuorumAtRisk } from './quorum-warning.ts';
import type { settingsValues } from './apology-values.ts';
import { settingsForm } from './settings-form.ts';

const describe = (board: Pick<Board, 'showApologyNames' | 'namedSubstitutesCount'>): string =>
  `${board.showApologyNames ? 'The agenda card in the channel names who sent apologies' : 'The agenda card in the channel shows counts only (names are in "apologies list")'}; ${
    board.namedSubstitutesCount ? 'a named substitute who is not on the roster counts towards the quorum' : 'only substitutes on the roster count towards the quorum'
  }.`;

export async function openApologySettings(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(settingsForm, {
    values: { showNames: board.showApologyNames, namedSubstitutesCount: board.namedSubstitutesCount },
    metadata: { boardId: board.id },
    context: `${board.name}: ${describe(board)}`,
  });
}

export async function setApologySettings(deps: CoreDeps, input: { actor: Invocation['actor']; boardId: string; values: z.output<typeof settingsValues> }): Promise<NoticeResult> {
  const board = await deps.prisma.board.findUnique({ where: { id: input.boardId } });
  if (!board) throw new AppError(ErrorCode.BOARD_NOT_FOUND, 'That board no longer exists.', { log: `board ${input.boardId} not found` });
  await requireClerk(deps.prisma, board, input.actor);
  const next = { showApologyNames: input.values.showNames, namedSubstitutesCount: input.values.namedSubstitutesCount };
  if (next.showApologyNames === board.showApologyNames && next.namedSubstitutesCount === board.namedSubstitutesCount) {
    return notice(`Nothing changed. ${describe(board)}`);
  }
  const upcoming = await deps.prisma.meeting.findMany({ where: { boardId: board.id, startsAt: { gt: deps.now() }, status: { not: 'cancelled' } }, select: { id: true } });
  const { refreshed, warned } = await deps.prisma.$transaction(async (tx) => {
    await tx.board.update({ where: { id: board.id }, data: next });
    let cards = 0;
    let anyWarning = false;
    for (const meeting of upcoming) {
      await lockMeeting(tx, meeting.id);
      cards += await refreshReplyCounts(tx, meeting.id, deps);
      anyWarning = (await warnIfQuorumAtRisk(tx, meeting.id, { kind: 'forecast' }, deps)) || anyWarning;
    }
    return { refreshed: cards, warned: anyWarning };
  });
  if (refreshed > 0 || warned) deps.onQueued?.();
  return notice(`Apologies settings for ${board.name} saved. ${describe(next)}${refreshed > 0 ? ` The posted agenda card${refreshed === 1 ? ' is' : 's are'} being brought up to date.` : ''}`, 'good');
}
