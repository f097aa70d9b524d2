// "returns rag <metric> <red|amber|green> <reason>": the clerk's rating instead of the rule's, for
// the latest round, with the reason recorded (every override is kept; the latest applies).
import { parseRag, RAG_LABEL } from '../../domain/returns/rag.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { formatQuarter } from '../../domain/returns/quarter.ts';
import { findRound } from './find-round.ts';
import { quarterOfRound } from './round-access.ts';

export const OVERRIDE_REASON_MAX = 300;

export async function overrideRag(deps: CoreDeps, input: Invocation & { text: string }): Promise<NoticeResult> {
  const board = await findBoard(deps.prisma, input);
  const clerk = await requireClerk(deps.prisma, board, input.actor);
  const words = input.text.trim().split(/\s+/);
  const at = words.findIndex((w, i) => i > 0 && ['red', 'amber', 'green'].includes(w.toLowerCase()));
  const usage = 'Say the metric, the rating and why, e.g. "returns rag Burglary amber Rise explained by one series of offences".';
  if (at < 1) throw new AppError(ErrorCode.COMMAND_USAGE, usage, { log: 'rag override without metric or rating' });
  const name = words.slice(0, at).join(' ');
  const rag = parseRag(words[at] as string) as NonNullable<ReturnType<typeof parseRag>>;
  const reason = words.slice(at + 1).join(' ').trim();
  if (!reason) throw new AppError(ErrorCode.COMMAND_USAGE, `Give the reason for the override. ${usage}`, { log: 'rag override without a reason' });
  if (reason.length > OVERRIDE_REASON_MAX) throw new AppError(ErrorCode.TEXT_TOO_LONG, `Keep the reason to ${OVERRIDE_REASON_MAX} characters or fewer.`);
  const metric = await deps.prisma.metric.findFirst({ where: { boardId: board.id, name: { equals: name, mode: 'insensitive' } } });
  if (!metric) throw new AppError(ErrorCode.UNKNOWN_METRIC, `"${name.slice(0, 60)}" is not a metric of ${board.name}. "returns dashboard" lists them.`, { log: 'override of an unknown metric' });
  const round = await findRound(deps.prisma, board, undefined);
  await deps.prisma.ragOverride.create({ data: { roundId: round.id, metricId: metric.id, rag, reason, byId: clerk.id } });
  deps.logger.info({ roundId: round.id, metricId: metric.id }, 'RAG overridden');
  return notice(`${metric.name} is rated ${RAG_LABEL[rag]} for ${formatQuarter(quarterOfRound(round))}, by the clerk: the reason is shown beside it on the dashboard.`, 'good');
}
