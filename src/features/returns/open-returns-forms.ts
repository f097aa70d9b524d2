// The clerk's forms, opened for the board meant: a round (the quarter just ended, a deadline four
// weeks on, as defaults), the catalogue file, a metric, a milestone. And a return's form for an
// organisation, for its submitter or a clerk ("returns submit [organisation]").
import { DateTime } from 'luxon';
import { formatQuarter, previousQuarter, quarterOfDate } from '../../domain/returns/quarter.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { findMember, isClerk, requireClerk } from '../boards/members.ts';
import { describeUnit } from '../../domain/returns/units.ts';
import { findMetricByName } from './find-metric.ts';
import { catalogueForm, metricEditForm, metricForm, milestoneForm, roundOpenForm } from './forms.ts';
import { peerRanksOf, unitOf } from './metrics.ts';
import { openReturnForm } from './return-form-page.ts';
import { matchOrganisation } from './save-catalogue.ts';

export async function openRoundForm(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const today = DateTime.fromJSDate(deps.now(), { zone: board.timezone });
  const quarter = previousQuarter(quarterOfDate(today.toISODate() as string));
  return openForm(roundOpenForm, { values: { period: formatQuarter(quarter), deadline: today.plus({ weeks: 4 }).toISODate() as string }, metadata: { boardId: board.id }, context: board.name });
}

export async function openCatalogueForm(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(catalogueForm, { metadata: { boardId: board.id }, context: board.name });
}

async function organisationChoices(deps: CoreDeps, boardId: string) {
  const organisations = await deps.prisma.organisation.findMany({ where: { boardId }, orderBy: { name: 'asc' } });
  return organisations.map((o) => ({ value: o.id, label: o.name }));
}

/** "returns metric <name>": the metric's form filled in with what the catalogue holds. */
export async function openMetricEditForm(deps: CoreDeps, input: Invocation & { name: string }) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const metric = await findMetricByName(deps.prisma, board, input.name);
  const comparisons = [...(metric.yearOnYear ? ['year on year'] : []), ...(metric.rolling ? ['rolling 12 months'] : [])];
  return openForm(metricEditForm, {
    values: {
      name: metric.name,
      organisation: metric.organisationId,
      unit: describeUnit(unitOf(metric)),
      polarity: metric.polarity,
      comparisons,
      peerRanks: peerRanksOf(metric).map((g) => `${g.name}/${g.outOf}`).join('; '),
    },
    options: { organisation: await organisationChoices(deps, board.id) },
    metadata: { boardId: board.id, metricId: metric.id },
    context: `${board.name}: ${metric.name}${metric.active ? '' : ' (inactive: saving makes it active again)'}`,
  });
}

export async function openMetricForm(deps: CoreDeps, input: Invocation & { name?: string }) {
  if (input.name) return openMetricEditForm(deps, { ...input, name: input.name });
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(metricForm, {
    values: { polarity: 'lower', comparisons: ['year on year'] },
    options: { organisation: await organisationChoices(deps, board.id) },
    metadata: { boardId: board.id },
    context: board.name,
  });
}

export async function openMilestoneForm(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(milestoneForm, { options: { organisation: await organisationChoices(deps, board.id) }, metadata: { boardId: board.id }, context: board.name });
}

/** "returns submit [organisation]": the latest open round's form for the person's organisation,
 * or (a clerk) the one named. */
export async function openReturnFormFor(deps: CoreDeps, input: Invocation & { organisation?: string }) {
  const board = await findBoard(deps.prisma, input);
  const round = await deps.prisma.returnRound.findFirst({ where: { boardId: board.id, status: 'open' }, orderBy: [{ fyStart: 'desc' }, { quarter: 'desc' }] });
  if (!round) throw new AppError(ErrorCode.ROUND_NOT_FOUND, `${board.name} has no figure round open.`, { log: `no open round on board ${board.id}` });
  let organisationId: string | undefined;
  if (input.organisation) {
    const organisation = matchOrganisation(await deps.prisma.organisation.findMany({ where: { boardId: board.id } }), input.organisation);
    if (!organisation) throw new AppError(ErrorCode.UNKNOWN_ORGANISATION, `"${input.organisation.slice(0, 60)}" is not one of ${board.name}\u2019s organisations.`, { log: 'no such organisation' });
    organisationId = organisation.id;
  } else {
    const member = await findMember(deps.prisma, board.id, input.actor);
    if (member?.organisationId && (member.submitsFigures || (await isClerk(deps.prisma, board.id, member.id)))) organisationId = member.organisationId;
  }
  if (!organisationId) throw new AppError(ErrorCode.NOT_A_SUBMITTER, 'Say which organisation\u2019s return to open, e.g. "returns submit MPS". Only its submitters and the clerk can open it.', { log: 'no organisation to open a return for' });
  return openReturnForm(deps, { ...input, roundId: round.id, organisationId });
}
