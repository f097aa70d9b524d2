// Adding or changing one metric or milestone of the catalogue through its form.
import { describeUnit } from '../../domain/returns/units.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import type { MetricFormValues, MilestoneFormValues } from './metric-form.ts';
import { unitColumns } from './metrics.ts';

async function catalogueBoard(deps: CoreDeps, boardId: string, input: Invocation): Promise<Board> {
  const board = await deps.prisma.board.findUnique({ where: { id: boardId } });
  if (!board) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: 'the form\u2019s board no longer exists' });
  await requireClerk(deps.prisma, board, input.actor);
  return board;
}

async function requireBoardOrganisation(deps: CoreDeps, board: Board, organisationId: string): Promise<void> {
  const organisation = await deps.prisma.organisation.findFirst({ where: { id: organisationId, boardId: board.id } });
  if (!organisation) throw formInvalid({ organisation: 'Choose one of the board\u2019s organisations.' });
}

export async function saveMetric(deps: CoreDeps, input: Invocation & { boardId: string; metricId?: string; values: MetricFormValues }): Promise<NoticeResult> {
  const board = await catalogueBoard(deps, input.boardId, input);
  const v = input.values;
  await requireBoardOrganisation(deps, board, v.organisation);
  const clash = await deps.prisma.metric.findFirst({ where: { boardId: board.id, name: { equals: v.name, mode: 'insensitive' }, ...(input.metricId ? { id: { not: input.metricId } } : {}) } });
  if (clash) throw formInvalid({ name: `The catalogue already has a metric called "${clash.name}".` });
  const data = {
    name: v.name,
    organisationId: v.organisation,
    ...unitColumns(v.unit),
    polarity: v.polarity,
    yearOnYear: v.comparisons?.yearOnYear ?? false,
    rolling: v.comparisons?.rolling ?? false,
    peerRanks: v.peerRanks ?? [],
  };
  if (input.metricId) {
    const before = await deps.prisma.metric.findFirst({ where: { id: input.metricId, boardId: board.id } });
    if (!before) throw formInvalid({ name: 'This metric is no longer in the catalogue.' });
    await deps.prisma.metric.update({ where: { id: before.id }, data: { ...data, active: true } });
    return notice(`"${v.name}" updated (${describeUnit(v.unit)})${before.active ? '' : '; it is active again, and new rounds will ask for it'}.`, 'good');
  }
  const position = ((await deps.prisma.metric.aggregate({ where: { boardId: board.id }, _max: { position: true } }))._max.position ?? 0) + 1;
  await deps.prisma.metric.create({ data: { ...data, boardId: board.id, position } });
  return notice(`"${v.name}" added to the catalogue (${describeUnit(v.unit)}).`, 'good');
}

export async function saveMilestone(deps: CoreDeps, input: Invocation & { boardId: string; milestoneId?: string; values: MilestoneFormValues }): Promise<NoticeResult> {
  const board = await catalogueBoard(deps, input.boardId, input);
  const v = input.values;
  await requireBoardOrganisation(deps, board, v.organisation);
  const data = { theme: v.theme || null, title: v.title, organisationId: v.organisation, lead: v.lead };
  if (input.milestoneId) {
    const updated = await deps.prisma.milestone.updateMany({ where: { id: input.milestoneId, boardId: board.id }, data });
    if (updated.count === 0) throw formInvalid({ title: 'This milestone is no longer in the catalogue.' });
    return notice(`Milestone updated: "${v.title}".`, 'good');
  }
  const position = ((await deps.prisma.milestone.aggregate({ where: { boardId: board.id }, _max: { position: true } }))._max.position ?? 0) + 1;
  await deps.prisma.milestone.create({ data: { ...data, boardId: board.id, position } });
  return notice(`Milestone added: "${v.title}" (lead: ${v.lead}).`, 'good');
}
