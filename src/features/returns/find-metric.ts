// A metric of the board's catalogue by the name a clerk typed (any case), or UNKNOWN_METRIC naming
// the ones there are.
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Metric } from '../../persistence/generated/client.ts';
import type { Db } from './metrics.ts';

export async function findMetricByName(db: Db, board: Board, name: string): Promise<Metric> {
  const metric = await db.metric.findFirst({ where: { boardId: board.id, name: { equals: name.trim(), mode: 'insensitive' } } });
  if (metric) return metric;
  const known = await db.metric.findMany({ where: { boardId: board.id, active: true }, orderBy: [{ position: 'asc' }, { name: 'asc' }], take: 12, select: { name: true } });
  const list = known.length > 0 ? ` Its metrics include: ${known.map((m) => m.name).join(', ')}.` : ' Its catalogue has no metrics yet.';
  throw new AppError(ErrorCode.UNKNOWN_METRIC, `"${name.trim().slice(0, 60)}" is not a metric of ${board.name}.${list}`, { log: 'no metric with that name' });
}
