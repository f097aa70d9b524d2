// "returns lock": the clerk locks a round; submitters can no longer amend. Locking twice says so.
import { formatQuarter } from '../../domain/returns/quarter.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findRound } from './find-round.ts';
import { quarterOfRound } from './round-access.ts';

export async function lockRound(deps: CoreDeps, input: Invocation & { period?: string }): Promise<NoticeResult> {
  const board = await findBoard(deps.prisma, input);
  const clerk = await requireClerk(deps.prisma, board, input.actor);
  const round = await findRound(deps.prisma, board, input.period);
  const label = formatQuarter(quarterOfRound(round));
  const locked = await deps.prisma.returnRound.updateMany({ where: { id: round.id, status: 'open' }, data: { status: 'locked', lockedAt: deps.now(), lockedById: clerk.id } });
  if (locked.count === 0) return notice(`The ${label} round was already locked.`);
  deps.logger.info({ roundId: round.id }, 'return round locked');
  return notice(`The ${label} round is locked: figures can no longer be submitted or amended.`, 'good');
}
