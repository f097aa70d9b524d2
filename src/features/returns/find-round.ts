// Which round a clerk means: the one for the quarter they name, or the board's latest.
import { formatQuarter, parseQuarter } from '../../domain/returns/quarter.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board } from '../../persistence/generated/client.ts';
import type { Db } from './metrics.ts';
import type { RoundWithBoard } from './round-access.ts';

export async function findRound(db: Db, board: Board, period: string | undefined): Promise<RoundWithBoard> {
  if (period?.trim()) {
    const quarter = parseQuarter(period);
    if (!quarter.ok) throw new AppError(ErrorCode.INVALID_QUARTER, quarter.message);
    const round = await db.returnRound.findUnique({
      where: { boardId_fyStart_quarter: { boardId: board.id, fyStart: quarter.quarter.fyStart, quarter: quarter.quarter.quarter } },
      include: { board: true },
    });
    if (!round) throw new AppError(ErrorCode.ROUND_NOT_FOUND, `${board.name} has no ${formatQuarter(quarter.quarter)} round. A clerk opens one with "returns open".`, { log: `no round for that quarter on board ${board.id}` });
    return round;
  }
  const latest = await db.returnRound.findFirst({ where: { boardId: board.id }, orderBy: [{ fyStart: 'desc' }, { quarter: 'desc' }], include: { board: true } });
  if (!latest) throw new AppError(ErrorCode.ROUND_NOT_FOUND, `${board.name} has no figure rounds yet. A clerk opens one with "returns open".`, { log: `no rounds on board ${board.id}` });
  return latest;
}
