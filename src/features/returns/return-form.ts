// The return form of one organisation for one round: a field per figure, the comparisons the
// history cannot give, peer ranks, positive and negative factors, and per milestone its progress,
// achievement and risk (its RAG follows the plan's RAG Guidance). Field ids carry the metric's or
// milestone's id, never its name. The schema checks every field at once, each in its unit.
import { z } from 'zod';
import { comparisonsToEnter, type EnteredComparisons, type History } from '../../domain/returns/comparisons.ts';
import { formatQuarter, rollingYear, yearEarlier, type Quarter } from '../../domain/returns/quarter.ts';
import { ACHIEVEMENTS, RISKS, type Achievement, type Risk } from '../../domain/returns/rag.ts';
import { readFigure, type Unit } from '../../domain/returns/units.ts';
import type { Metric, Milestone } from '../../persistence/generated/client.ts';
import type { PeerRank } from './catalogue-entry.ts';
import { peerRanksOf, unitOf } from './metrics.ts';

export const FACTORS_MAX = 500;
export const PROGRESS_MAX = 1000;

/** Field ids: a prefix and the metric's or milestone's id. */
export const fieldId = {
  value: (metricId: string) => `v_${metricId}`,
  yearEarlier: (metricId: string) => `ye_${metricId}`,
  rolling: (metricId: string) => `r_${metricId}`,
  rollingEarlier: (metricId: string) => `re_${metricId}`,
  rank: (metricId: string, i: number) => `rk${i}_${metricId}`,
  positive: (metricId: string) => `pf_${metricId}`,
  negative: (metricId: string) => `nf_${metricId}`,
  progress: (milestoneId: string) => `mp_${milestoneId}`,
  achievement: (milestoneId: string) => `ma_${milestoneId}`,
  risk: (milestoneId: string) => `mr_${milestoneId}`,
} as const;

/** The metric ids a set of raw values names in its figure fields. */
export function metricIdsIn(raw: Record<string, unknown>): string[] {
  return Object.keys(raw).flatMap((k) => {
    const m = /^(?:v|ye|r|re|rk\d+|pf|nf)_([0-9a-f-]{36})$/.exec(k);
    return m ? [m[1] as string] : [];
  });
}

export function milestoneIdsIn(raw: Record<string, unknown>): string[] {
  return Object.keys(raw).flatMap((k) => {
    const m = /^(?:mp|ma|mr)_([0-9a-f-]{36})$/.exec(k);
    return m ? [m[1] as string] : [];
  });
}

export interface ReturnMetric {
  metric: Metric;
  unit: Unit;
  peerRanks: PeerRank[];
  history: History;
  /** The comparisons the form asks for, because the history cannot give them. */
  toEnter: (keyof EnteredComparisons)[];
}

export interface ReturnContent {
  quarter: Quarter;
  metrics: ReturnMetric[];
  milestones: Milestone[];
}

export function returnMetric(metric: Metric, history: History, quarter: Quarter): ReturnMetric {
  const unit = unitOf(metric);
  return { metric, unit, peerRanks: peerRanksOf(metric), history, toEnter: comparisonsToEnter({ unit, yearOnYear: metric.yearOnYear, rolling: metric.rolling }, history, quarter) };
}

export interface FigureEntry extends EnteredComparisons {
  metricId: string;
  value: number;
  ranks: { name: string; rank: number }[];
  positive: string | null;
  negative: string | null;
}

export interface MilestoneEntry {
  milestoneId: string;
  progress: string;
  achievement: Achievement;
  risk: Risk;
}

export interface ReturnEntries {
  figures: FigureEntry[];
  milestones: MilestoneEntry[];
}

const figureText = (unit: Unit, missing: string) =>
  z.string({ error: missing }).transform((text, ctx) => {
    const read = readFigure(unit, text);
    if (!read.ok) {
      ctx.addIssue({ code: 'custom', message: read.message });
      return z.NEVER;
    }
    return read.value;
  });

const factors = z.string().trim().max(FACTORS_MAX, { error: `Keep the factors to ${FACTORS_MAX} characters or fewer.` }).optional();

/** What each comparison field asks for, for the labels and the messages. */
export function comparisonLabel(which: keyof EnteredComparisons, quarter: Quarter): string {
  switch (which) {
    case 'yearEarlier': return `${formatQuarter(yearEarlier(quarter))} (a year earlier)`;
    case 'rolling': return `Rolling 12 months to ${formatQuarter(quarter)}`;
    case 'rollingEarlier': return `Rolling 12 months to ${formatQuarter(rollingYear(yearEarlier(quarter)).at(-1) as Quarter)}`;
  }
}

/** The schema of the whole form: its output is the entries, valid in every unit. */
export function returnFormSchema(content: ReturnContent) {
  const shape: Record<string, z.ZodType> = {};
  for (const m of content.metrics) {
    const id = m.metric.id;
    shape[fieldId.value(id)] = figureText(m.unit, `Enter the ${formatQuarter(content.quarter)} figure.`);
    for (const which of m.toEnter) shape[fieldId[which](id)] = figureText(m.unit, '').optional();
    m.peerRanks.forEach((group, i) => {
      shape[fieldId.rank(id, i)] = figureText({ kind: 'rank', outOf: group.outOf }, '').optional();
    });
    shape[fieldId.positive(id)] = factors;
    shape[fieldId.negative(id)] = factors;
  }
  for (const milestone of content.milestones) {
    shape[fieldId.progress(milestone.id)] = z
      .string({ error: 'Say what progress was made this quarter.' })
      .trim()
      .min(1, { error: 'Say what progress was made this quarter.' })
      .max(PROGRESS_MAX, { error: `Keep the progress to ${PROGRESS_MAX} characters or fewer.` });
    shape[fieldId.achievement(milestone.id)] = z.enum(ACHIEVEMENTS, { error: 'Say whether the milestone was met.' });
    shape[fieldId.risk(milestone.id)] = z.enum(RISKS, { error: 'Say whether there is a risk to future performance.' });
  }
  return z.object(shape).transform((values): ReturnEntries => {
    const v = values as Record<string, unknown>;
    const num = (key: string) => (typeof v[key] === 'number' ? (v[key] as number) : undefined);
    const str = (key: string) => (typeof v[key] === 'string' && v[key] !== '' ? (v[key] as string) : null);
    return {
      figures: content.metrics.map((m): FigureEntry => {
        const id = m.metric.id;
        const entered: EnteredComparisons = {};
        for (const which of m.toEnter) {
          const n = num(fieldId[which](id));
          if (n !== undefined) entered[which] = n;
        }
        return {
          metricId: id,
          value: num(fieldId.value(id)) as number,
          ...entered,
          ranks: m.peerRanks.flatMap((group, i) => {
            const rank = num(fieldId.rank(id, i));
            return rank === undefined ? [] : [{ name: group.name, rank }];
          }),
          positive: str(fieldId.positive(id)),
          negative: str(fieldId.negative(id)),
        };
      }),
      milestones: content.milestones.map((milestone) => ({
        milestoneId: milestone.id,
        progress: v[fieldId.progress(milestone.id)] as string,
        achievement: v[fieldId.achievement(milestone.id)] as Achievement,
        risk: v[fieldId.risk(milestone.id)] as Risk,
      })),
    };
  });
}
