// Quarterly returns: the metric catalogue, figure rounds, partners' returns through interactive
// forms, and who has and hasn't submitted.
import { z } from 'zod';
import { parseQuarter } from '../../domain/returns/quarter.ts';
import { ArgsMismatch, freeText, noArgs, type ArgReader } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { attachDashboard, attachForm } from './attach-dashboard.ts';
import { compileDashboard, showDashboardPart } from './compile-dashboard.ts';
import { catalogueForm, metricEditForm, metricForm, milestoneForm, roundOpenForm } from './forms.ts';
import { deactivateMetric, metricNameArg } from './deactivate-metric.ts';
import { lockRound } from './lock-round.ts';
import { overrideRag } from './override-rag.ts';
import { publishDashboard } from './publish-dashboard.ts';
import { returnsChaseJob } from './returns-chase-job.ts';
import { openCatalogueForm, openMetricForm, openMilestoneForm, openReturnFormFor, openRoundForm } from './open-returns-forms.ts';
import { openReturnForm, returnSubmitForm } from './return-form-page.ts';
import { showRoundStatus } from './show-round-status.ts';
import { returnRequestTemplate, returnsDashboardTemplate, returnsOverdueTemplate } from './templates.ts';

/** An optional quarter: "Q3 2026/27". Anything else is a mistyped subcommand or quarter. */
const optionalQuarter: ArgReader<{ period?: string }> = {
  read(rest) {
    const text = rest.trim();
    if (!text) return {};
    const quarter = parseQuarter(text);
    if (!quarter.ok) throw new ArgsMismatch(quarter.message, text.split(/\s+/)[0]);
    return { period: text };
  },
};

const organisationArg: ArgReader<{ organisation?: string }> = {
  read: (rest) => (rest.trim() ? { organisation: rest.trim() } : {}),
};

const optionalMetricName: ArgReader<{ name?: string }> = {
  read: (rest) => (rest.trim() ? { name: rest.trim() } : {}),
};

export const returns = defineFeature({
  name: 'returns',
  commands: [
    command({
      words: 'returns',
      usage: 'returns [quarter]',
      description: 'Who has and hasn\u2019t submitted their figures for the latest round (or the quarter named).',
      who: 'clerks',
      args: optionalQuarter,
      run: (deps, input) => showRoundStatus(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'returns open',
      usage: 'returns open',
      description: 'Open a figure round for a quarter with a deadline; each organisation\u2019s submitters are asked.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => openRoundForm(deps, input),
    }),
    command({
      words: 'returns lock',
      usage: 'returns lock [quarter]',
      description: 'Lock a round: figures can no longer be submitted or amended.',
      who: 'clerks',
      args: optionalQuarter,
      run: (deps, input) => lockRound(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'returns catalogue',
      usage: 'returns catalogue',
      description: 'Load metrics and milestones (and earlier figures) from a CSV or JSON file.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => openCatalogueForm(deps, input),
    }),
    command({
      words: 'returns metric',
      usage: 'returns metric [name]',
      description: 'Add a metric to the catalogue (name, organisation, unit, polarity, comparisons), or change the one named.',
      who: 'clerks',
      args: optionalMetricName,
      run: (deps, input) => openMetricForm(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'returns deactivate',
      usage: 'returns deactivate <metric>',
      description: 'Stop asking for a metric in new rounds; its history and past figures are kept.',
      who: 'clerks',
      args: metricNameArg,
      run: (deps, input) => deactivateMetric(deps, { ...input, name: input.args.name }),
    }),
    command({
      words: 'returns milestone',
      usage: 'returns milestone',
      description: 'Add a delivery-plan milestone with its lead.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => openMilestoneForm(deps, input),
    }),
    command({
      words: 'returns dashboard',
      usage: 'returns dashboard [quarter]',
      description: 'The compiled performance dashboard, for you first, with a button to publish it to the board channel.',
      who: 'clerks',
      args: optionalQuarter,
      run: (deps, input) => compileDashboard(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'returns attach',
      usage: 'returns attach [quarter]',
      description: 'Link the published dashboard from the next meeting’s performance item on the agenda.',
      who: 'clerks',
      args: optionalQuarter,
      run: (deps, input) => attachDashboard(deps, { ...input, ...input.args }),
    }),
    command({
      words: 'returns rag',
      usage: 'returns rag <metric> <red|amber|green> <reason>',
      description: 'Rate a metric yourself for the latest round; the reason is shown beside the rating.',
      who: 'clerks',
      args: freeText,
      run: (deps, input) => overrideRag(deps, { ...input, text: input.args.text }),
    }),
    command({
      words: 'returns submit',
      usage: 'returns submit [organisation]',
      description: 'Fill in (or amend) your organisation\u2019s figures for the open round; a clerk names the organisation.',
      who: 'everyone',
      args: organisationArg,
      run: (deps, input) => openReturnFormFor(deps, { ...input, ...input.args }),
    }),
  ],
  buttons: [
    button({
      id: 'returns.fill',
      payload: z.object({ roundId: z.uuid(), organisationId: z.uuid() }),
      run: (deps, input) => openReturnForm(deps, { ...input, ...input.payload }),
    }),
    button({
      id: 'returns.publish',
      payload: z.object({ roundId: z.uuid() }),
      run: (deps, input) => publishDashboard(deps, { ...input, ...input.payload }),
    }),
    button({
      id: 'returns.attach',
      payload: z.object({ roundId: z.uuid() }),
      run: (deps, input) => attachDashboard(deps, { ...input, roundId: input.payload.roundId }),
    }),
    button({
      id: 'returns.dashboardPart',
      payload: z.object({ roundId: z.uuid(), part: z.number().int().min(1).max(1000) }),
      run: (deps, input) => showDashboardPart(deps, { ...input, ...input.payload }),
    }),
  ],
  forms: [roundOpenForm, catalogueForm, metricForm, metricEditForm, milestoneForm, returnSubmitForm, attachForm],
  templates: [returnRequestTemplate, returnsOverdueTemplate, returnsDashboardTemplate],
  jobs: (ctx) => [returnsChaseJob(ctx)],
});
