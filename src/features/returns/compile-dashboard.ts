// "returns dashboard [quarter]": the compiled dashboard, for the clerk first (figures are not
// public until the clerk publishes them to the board channel). A dashboard too big for one message
// is shown a part at a time, with buttons to the other parts.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { dashboardPart } from './dashboard-parts.ts';
import { buildDashboard, type DashboardView } from './dashboard-view.ts';
import { findRound } from './find-round.ts';
import { loadRound, type RoundWithBoard } from './round-access.ts';

export interface DashboardResult {
  kind: 'returns.dashboard';
  view: DashboardView;
  /** The clerk's preview carries the Publish button. */
  forClerk: boolean;
}

async function preview(deps: CoreDeps, round: RoundWithBoard, part: number): Promise<DashboardResult> {
  return { kind: 'returns.dashboard', view: dashboardPart(await buildDashboard(deps.prisma, round, deps), part), forClerk: true };
}

export async function compileDashboard(deps: CoreDeps, input: Invocation & { period?: string }): Promise<DashboardResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return preview(deps, await findRound(deps.prisma, board, input.period), 1);
}

/** The clerk's button to another part of the preview. */
export async function showDashboardPart(deps: CoreDeps, input: Invocation & { roundId: string; part: number }): Promise<DashboardResult> {
  const round = await loadRound(deps.prisma, input.roundId);
  await requireClerk(deps.prisma, round.board, input.actor);
  return preview(deps, round, input.part);
}
