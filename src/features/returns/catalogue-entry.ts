// A metric or a milestone as a clerk writes it, in the catalogue form or a row of a CSV or JSON
// file: words a clerk would use ("rate per 1,000", "lower is better", "Similar group/15"), read
// into the catalogue's shape, each problem against its own field.
import { z } from 'zod';
import { parseQuarter, type Quarter } from '../../domain/returns/quarter.ts';
import { describeUnit, figureValueSchema, MAX_BASE, parseUnit, type Unit } from '../../domain/returns/units.ts';
import type { Polarity } from '../../domain/returns/comparisons.ts';

export const METRIC_NAME_MAX = 120;
export const MILESTONE_TITLE_MAX = 300;
export const LEAD_MAX = 150;
export const THEME_MAX = 150;
export const PEER_GROUP_MAX = 40;
export const MAX_PEER_RANKS = 4;

/** A type, not an interface, so it is a Prisma JSON value as it is. */
export type PeerRank = { name: string; outOf: number };

export interface MetricDefinition {
  name: string;
  /** The organisation as written: its name or short name. */
  organisation: string;
  unit: Unit;
  polarity: Polarity;
  yearOnYear: boolean;
  rolling: boolean;
  peerRanks: PeerRank[];
  /** Figures of earlier quarters, from the board's earlier dashboards. */
  history: { quarter: Quarter; value: number }[];
}

export interface MilestoneDefinition {
  title: string;
  organisation: string;
  theme: string | null;
  lead: string;
}

const UNIT_HELP = 'Write the unit as count, rate per N (e.g. "rate per 1,000"), percentage, percentage points or rank out of N.';

export const unitText = z.string({ error: `Enter the unit. ${UNIT_HELP}` }).trim().min(1, { error: `Enter the unit. ${UNIT_HELP}` }).transform((text, ctx) => {
  const unit = parseUnit(text);
  if (!unit) {
    ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 40)}" is not a unit. ${UNIT_HELP}` });
    return z.NEVER;
  }
  return unit;
});

export const polarityText = z.string({ error: 'Say whether lower or higher is better.' }).trim().transform((text, ctx): Polarity => {
  const t = text.toLowerCase().replace(/\s+/g, ' ');
  if (['lower', 'lower is better', 'low', 'down', 'lower better'].includes(t)) return 'lower';
  if (['higher', 'higher is better', 'high', 'up', 'higher better'].includes(t)) return 'higher';
  ctx.addIssue({ code: 'custom', message: `"${text.slice(0, 40)}": write "lower is better" (crime) or "higher is better" (detection rates, confidence).` });
  return z.NEVER;
});

/** "year on year; rolling 12 months", "none", or a list of the same words. */
export const comparisonsText = z.union([z.string(), z.array(z.string())]).transform((value, ctx) => {
  const words = (Array.isArray(value) ? value : value.split(/[;,]/)).map((w) => w.trim().toLowerCase()).filter(Boolean);
  const out = { yearOnYear: false, rolling: false };
  for (const word of words) {
    if (['year on year', 'yearonyear', 'year-on-year', 'yoy', 'previous year', 'vs previous year'].includes(word)) out.yearOnYear = true;
    else if (['rolling', 'rolling 12 months', 'rolling 12', 'rolling12', '12 months'].includes(word)) out.rolling = true;
    else if (word !== 'none') {
      ctx.addIssue({ code: 'custom', message: `"${word.slice(0, 40)}" is not a comparison: write "year on year", "rolling 12 months", both (separated by ;) or "none".` });
      return z.NEVER;
    }
  }
  return out;
});

/** "Similar group/15; London/33", or [{ name, outOf }]. */
export const peerRanksText = z
  .union([z.string(), z.array(z.object({ name: z.string(), outOf: z.number() }))])
  .transform((value, ctx): PeerRank[] => {
    const entries = Array.isArray(value)
      ? value.map((v) => ({ name: v.name.trim(), outOf: v.outOf, text: `${v.name}/${v.outOf}` }))
      : value.split(';').map((part) => part.trim()).filter(Boolean).map((part) => {
          const m = /^(.+?)\s*(?:\/|out of)\s*(\d+)$/i.exec(part);
          return m ? { name: (m[1] as string).trim(), outOf: Number(m[2]), text: part } : { name: '', outOf: NaN, text: part };
        });
    for (const e of entries) {
      if (!e.name || !Number.isInteger(e.outOf) || e.outOf < 2 || e.outOf > MAX_BASE || e.name.length > PEER_GROUP_MAX) {
        ctx.addIssue({ code: 'custom', message: `"${e.text.slice(0, 50)}" is not a peer group: write its name and size, e.g. "Similar group/15; London/33".` });
        return z.NEVER;
      }
    }
    if (entries.length > MAX_PEER_RANKS) {
      ctx.addIssue({ code: 'custom', message: `At most ${MAX_PEER_RANKS} peer groups.` });
      return z.NEVER;
    }
    if (new Set(entries.map((e) => e.name.toLowerCase())).size !== entries.length) {
      ctx.addIssue({ code: 'custom', message: 'Each peer group once.' });
      return z.NEVER;
    }
    return entries.map(({ name, outOf }) => ({ name, outOf }));
  });

const required = (label: string, max: number) =>
  z.string({ error: `Enter the ${label}.` }).trim().min(1, { error: `Enter the ${label}.` }).max(max, { error: `Keep the ${label} to ${max} characters or fewer.` });

/** One metric as written. `history` maps a quarter as written ("Q3 2020/21") to its figure. */
export const metricEntrySchema = z
  .object({
    name: required('metric name', METRIC_NAME_MAX),
    organisation: required('organisation', 200),
    unit: unitText,
    polarity: polarityText,
    comparisons: comparisonsText.optional(),
    peerRanks: peerRanksText.optional(),
    history: z.record(z.string(), z.union([z.number(), z.string()])).optional(),
  })
  .transform((entry, ctx): MetricDefinition => {
    const history: MetricDefinition['history'] = [];
    for (const [label, raw] of Object.entries(entry.history ?? {})) {
      const quarter = parseQuarter(label);
      if (!quarter.ok) {
        ctx.addIssue({ code: 'custom', path: ['history'], message: quarter.message });
        continue;
      }
      if (typeof raw === 'string' && raw.trim() === '') continue;
      const value = typeof raw === 'number' ? raw : Number(raw.trim().replace(/,/g, '').replace(/%$/, ''));
      const checked = figureValueSchema(entry.unit).safeParse(value);
      if (!checked.success) {
        ctx.addIssue({ code: 'custom', path: ['history'], message: `${label}: ${String(raw).slice(0, 20)} is not a ${describeUnit(entry.unit)}: ${checked.error.issues[0]?.message ?? ''}` });
        continue;
      }
      history.push({ quarter: quarter.quarter, value: checked.data });
    }
    return {
      name: entry.name,
      organisation: entry.organisation,
      unit: entry.unit,
      polarity: entry.polarity,
      yearOnYear: entry.comparisons?.yearOnYear ?? true,
      rolling: entry.comparisons?.rolling ?? false,
      peerRanks: entry.peerRanks ?? [],
      history,
    };
  });

export const milestoneEntrySchema = z
  .object({
    title: required('milestone ("What we said we would do")', MILESTONE_TITLE_MAX),
    organisation: required('organisation', 200),
    theme: z.string().trim().max(THEME_MAX, { error: `Keep the theme to ${THEME_MAX} characters or fewer.` }).optional(),
    lead: required('lead on update', LEAD_MAX),
  })
  .transform((e): MilestoneDefinition => ({ title: e.title, organisation: e.organisation, theme: e.theme || null, lead: e.lead }));

/** How a metric's peer ranks are written back: "Similar group/15; London/33". */
export const peerRanksToText = (ranks: readonly PeerRank[]): string => ranks.map((r) => `${r.name}/${r.outOf}`).join('; ');
