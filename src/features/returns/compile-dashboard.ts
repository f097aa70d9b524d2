// "returns dashboard [quarter]": the compiled dashboard, for the clerk first (figures are not
// public until the clerk publishes them to the board channel).
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { buildDashboard, type DashboardView } from './dashboard-view.ts';
import { findRound } from './find-round.ts';

export interface DashboardResult {
  kind: 'returns.dashboard';
  view: DashboardView;
  /** The clerk's preview carries the Publish button. */
  forClerk: boolean;
}

export async function compileDashboard(deps: CoreDeps, input: Invocation & { period?: string }): Promise<DashboardResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const round = await findRound(deps.prisma, board, input.period);
  return { kind: 'returns.dashboard', view: await buildDashboard(deps.prisma, round, deps), forClerk: true };
}
