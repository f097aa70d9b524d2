// The clerk publishes the compiled dashboard to the board channel (each platform's), through the
// outbox; from then its figures are the board's. Publishing again after a change posts the
// dashboard as it now is.
import { enqueue } from '../../delivery/outbox.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { boardChannels } from '../agendas/agenda-delivery.ts';
import { requireClerk } from '../boards/members.ts';
import { dashboardParts } from './dashboard-parts.ts';
import { buildDashboard } from './dashboard-view.ts';
import { loadRound } from './round-access.ts';
import { returnsDashboardTemplate } from './templates.ts';

export async function publishDashboard(deps: CoreDeps, input: Invocation & { roundId: string }): Promise<NoticeResult> {
  const round = await loadRound(deps.prisma, input.roundId);
  await requireClerk(deps.prisma, round.board, input.actor);
  const channels = boardChannels(round.board, deps.platforms);
  if (channels.length === 0) throw new AppError(ErrorCode.NO_BOARD_CHANNEL, `${round.board.name} has no board channel to publish to. Run "board setup" in the board\u2019s channel first.`, { log: `board ${round.boardId} has no channel` });
  const now = deps.now();
  await deps.prisma.$transaction(async (tx) => {
    const published = await tx.returnRound.update({ where: { id: round.id }, data: { publishedAt: now }, include: { board: true } });
    const parts = dashboardParts(await buildDashboard(tx, published, deps));
    for (const channel of channels) {
      // Queued one after the other: each part waits for the one before it (see enqueue's `after`).
      let previous: string | undefined;
      for (const [i, data] of parts.entries()) {
        const queued = await enqueue(tx, {
          boardId: round.boardId,
          platform: channel.platform,
          target: { kind: 'channel', id: channel.channelId },
          template: returnsDashboardTemplate,
          data,
          dedupeKey: `returns-dashboard:${round.id}:${channel.platform}:${channel.channelId}:${now.toISOString()}${parts.length > 1 ? `:part${i + 1}` : ''}`,
          digestible: false,
          ...(previous ? { after: previous } : {}),
        });
        previous = queued.id;
      }
    }
  });
  deps.onQueued?.();
  deps.logger.info({ roundId: round.id, channels: channels.length }, 'returns dashboard published');
  return notice(`The ${round.board.name} dashboard is being posted to the board channel${channels.length > 1 ? 's' : ''}.`, 'good');
}
