// A return as form pages: each metric's fields (figure, the comparisons the history cannot give,
// peer ranks, factors) and each milestone's (progress, achievement, risk) kept together on one
// page, pages filled up to a number of fields both platforms show comfortably (a Slack modal holds
// 100 blocks: an input and its error line each). What a page shows first: what this person typed
// before (the draft), else the organisation's latest version, else nothing.
import { formatQuarter, previousQuarter, quarterKey, yearEarlier } from '../../domain/returns/quarter.ts';
import { ACHIEVEMENT_LABEL, ACHIEVEMENTS, RISK_LABEL, RISKS } from '../../domain/returns/rag.ts';
import { describeUnit, figureInputText, formatFigure } from '../../domain/returns/units.ts';
import type { DataField } from '../../kernel/results.ts';
import type { MilestoneUpdate, ReturnFigure } from '../../persistence/generated/client.ts';
import type { Draft } from './drafts.ts';
import { figureRanksSchema } from './metrics.ts';
import { comparisonLabel, FACTORS_MAX, fieldId, PROGRESS_MAX, type ReturnContent, type ReturnMetric } from './return-form.ts';

/** Fields on one page at most (a metric with every comparison and four peer groups has ten). */
export const FIELDS_PER_PAGE = 30;

type Milestone = ReturnContent['milestones'][number];

export interface ReturnPage {
  metrics: ReturnMetric[];
  milestones: Milestone[];
}

function metricFields(m: ReturnMetric, content: ReturnContent): DataField[] {
  const id = m.metric.id;
  const name = m.metric.name;
  const last = m.history.get(quarterKey(previousQuarter(content.quarter)));
  const yearAgo = m.history.get(quarterKey(yearEarlier(content.quarter)));
  const reference = [
    describeUnit(m.unit),
    last !== undefined ? `${formatQuarter(previousQuarter(content.quarter))}: ${formatFigure(m.unit, last)}` : '',
    yearAgo !== undefined ? `${formatQuarter(yearEarlier(content.quarter))}: ${formatFigure(m.unit, yearAgo)}` : '',
  ].filter(Boolean);
  const fields: DataField[] = [{ id: fieldId.value(id), label: `${name}: ${formatQuarter(content.quarter)}`, kind: 'text', required: true, hint: `${reference.join('. ')}.`, maxLength: 30 }];
  for (const which of m.toEnter) {
    fields.push({ id: fieldId[which](id), label: `${name}: ${comparisonLabel(which, content.quarter)}`, kind: 'text', hint: 'Not in Quorum\u2019s history yet: enter it for the comparison, or leave it empty.', maxLength: 30 });
  }
  m.peerRanks.forEach((group, i) => {
    fields.push({ id: fieldId.rank(id, i), label: `${name}: ${group.name} rank`, kind: 'text', hint: `1 is best, ${group.outOf} is worst.`, maxLength: 12 });
  });
  fields.push(
    { id: fieldId.positive(id), label: `${name}: positive factors`, kind: 'textarea', maxLength: FACTORS_MAX },
    { id: fieldId.negative(id), label: `${name}: negative factors`, kind: 'textarea', maxLength: FACTORS_MAX },
  );
  return fields;
}

function milestoneFields(m: Milestone): DataField[] {
  return [
    { id: fieldId.progress(m.id), label: `${m.title}: progress this quarter`, kind: 'textarea', required: true, hint: `Lead on update: ${m.lead}.${m.theme ? ` ${m.theme}.` : ''}`, maxLength: PROGRESS_MAX },
    { id: fieldId.achievement(m.id), label: `${m.title}: milestone`, kind: 'select', required: true, options: ACHIEVEMENTS.map((a) => ({ value: a, label: ACHIEVEMENT_LABEL[a] })) },
    { id: fieldId.risk(m.id), label: `${m.title}: risk`, kind: 'select', required: true, hint: 'The RAG follows the plan\u2019s guidance: Green met with no risks, Amber met with a risk identified, Red not met, partly met or risks threaten.', options: RISKS.map((r) => ({ value: r, label: RISK_LABEL[r] })) },
  ];
}

/** The return's pages, in catalogue order; a return with nothing still has one (empty) page. */
export function returnPages(content: ReturnContent): ReturnPage[] {
  const pages: ReturnPage[] = [];
  let current: ReturnPage = { metrics: [], milestones: [] };
  let count = 0;
  const place = (size: number, add: (p: ReturnPage) => void) => {
    if (count > 0 && count + size > FIELDS_PER_PAGE) {
      pages.push(current);
      current = { metrics: [], milestones: [] };
      count = 0;
    }
    add(current);
    count += size;
  };
  for (const m of content.metrics) place(metricFields(m, content).length, (p) => p.metrics.push(m));
  for (const m of content.milestones) place(3, (p) => p.milestones.push(m));
  pages.push(current);
  return pages;
}

export function pageFields(page: ReturnPage, content: ReturnContent): DataField[] {
  return [...page.metrics.flatMap((m) => metricFields(m, content)), ...page.milestones.flatMap(milestoneFields)];
}

/** The page's content as a return of its own, for checking one page. */
export const pageContent = (page: ReturnPage, content: ReturnContent): ReturnContent => ({ quarter: content.quarter, metrics: page.metrics, milestones: page.milestones });

/** The text each field of the latest version had, so an amendment starts from it. */
export function valuesOfSubmission(content: ReturnContent, latest: { figures: ReturnFigure[]; milestones: MilestoneUpdate[] } | null): Record<string, string> {
  const out: Record<string, string> = {};
  if (!latest) return out;
  for (const m of content.metrics) {
    const f = latest.figures.find((x) => x.metricId === m.metric.id);
    if (!f) continue;
    const id = m.metric.id;
    out[fieldId.value(id)] = figureInputText(m.unit, f.value);
    if (f.yearEarlier !== null) out[fieldId.yearEarlier(id)] = figureInputText(m.unit, f.yearEarlier);
    if (f.rolling !== null) out[fieldId.rolling(id)] = figureInputText(m.unit, f.rolling);
    if (f.rollingEarlier !== null) out[fieldId.rollingEarlier(id)] = figureInputText(m.unit, f.rollingEarlier);
    const ranks = figureRanksSchema.safeParse(f.ranks);
    m.peerRanks.forEach((group, i) => {
      const r = ranks.success ? ranks.data.find((x) => x.name === group.name) : undefined;
      if (r) out[fieldId.rank(id, i)] = String(r.rank);
    });
    if (f.positiveFactors) out[fieldId.positive(id)] = f.positiveFactors;
    if (f.negativeFactors) out[fieldId.negative(id)] = f.negativeFactors;
  }
  for (const m of content.milestones) {
    const u = latest.milestones.find((x) => x.milestoneId === m.id);
    if (!u) continue;
    out[fieldId.progress(m.id)] = u.progress;
    out[fieldId.achievement(m.id)] = u.achievement;
    out[fieldId.risk(m.id)] = u.risk;
  }
  return out;
}

/** Initial values of a page's fields: the draft first, then the latest version. */
export function pageValues(fields: DataField[], draft: Draft, submitted: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of fields) {
    const typed = draft.values[f.id];
    if (typeof typed === 'string') out[f.id] = typed;
    else if (submitted[f.id] !== undefined) out[f.id] = submitted[f.id] as string;
  }
  return out;
}
