// "returns deactivate <metric>": the clerk retires a metric. It stays in the catalogue with its
// history and every figure already submitted (past rounds' dashboards still show it), but new
// rounds no longer ask for it and new dashboards no longer list it. Editing it ("returns metric
// <name>") and saving brings it back.
import { ArgsMismatch, type ArgReader } from '../../kernel/args.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findMetricByName } from './find-metric.ts';

/** The metric's name: everything after the command. */
export const metricNameArg: ArgReader<{ name: string }> = {
  read(rest) {
    const name = rest.trim();
    if (!name) throw new ArgsMismatch('Say which metric, e.g. "returns deactivate Robbery".', '');
    return { name };
  },
};

export async function deactivateMetric(deps: CoreDeps, input: Invocation & { name: string }): Promise<NoticeResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const metric = await findMetricByName(deps.prisma, board, input.name);
  if (!metric.active) return notice(`"${metric.name}" is already inactive: new rounds do not ask for it.`);
  await deps.prisma.metric.update({ where: { id: metric.id }, data: { active: false } });
  deps.logger.info({ boardId: board.id, metricId: metric.id }, 'metric deactivated');
  return notice(`"${metric.name}" is deactivated: new rounds will not ask for it. Its history and past figures are kept; "returns metric ${metric.name}" and Save brings it back.`, 'good');
}
