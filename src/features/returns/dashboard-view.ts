// The compiled performance dashboard of a round, as the seed board reads it: one row per metric
// with the quarter's figure, its change against a year earlier, the rolling 12 months and their
// change, peer ranks, positive and negative factors, and the RAG by the glossary's rule (or the
// clerk's override, with its reason); then the delivery plan's milestones with their RAG. Built
// from the latest version of each organisation's return. Links to the charts and the CSV carry the
// round's unguessable token.
import { z } from 'zod';
import { compare, formatChange, type Change } from '../../domain/returns/comparisons.ts';
import { formatQuarter, quarterKey, quarterMonths, rollingYearMonths } from '../../domain/returns/quarter.ts';
import { RAGS, rateRow, type Rag } from '../../domain/returns/rag.ts';
import { describeUnit, formatFigure, type Unit } from '../../domain/returns/units.ts';
import type { ReturnRound } from '../../persistence/generated/client.ts';
import { activeMilestones, roundMetrics, figureRanksSchema, historyOf, peerRanksOf, unitOf, type Db } from './metrics.ts';
import { quarterOfRound } from './round-access.ts';

const rag = z.enum(RAGS as [Rag, ...Rag[]]);

export const dashboardRowSchema = z.object({
  metricId: z.string(),
  name: z.string(),
  organisation: z.string(),
  unit: z.string(),
  submitted: z.boolean(),
  value: z.string().optional(),
  yearEarlier: z.string().optional(),
  change: z.string().optional(),
  rolling: z.string().optional(),
  rollingChange: z.string().optional(),
  ranks: z.array(z.string()),
  rag: rag.optional(),
  /** The clerk's reason, when the RAG is theirs rather than the rule's. */
  override: z.string().optional(),
  /** The rule's own rating, shown beside an override. */
  computedRag: rag.optional(),
  positive: z.string().optional(),
  negative: z.string().optional(),
});
export type DashboardRow = z.infer<typeof dashboardRowSchema>;

export const dashboardViewSchema = z.object({
  roundId: z.string(),
  boardName: z.string(),
  period: z.string(),
  months: z.string(),
  rollingMonths: z.string(),
  published: z.boolean(),
  rows: z.array(dashboardRowSchema),
  milestones: z.array(z.object({ title: z.string(), organisation: z.string(), lead: z.string(), progress: z.string().optional(), rag: rag.optional() })),
  /** Organisations whose return is missing. */
  missing: z.array(z.string()),
  csvUrl: z.string().optional(),
  chartsUrl: z.string().optional(),
  /** When the dashboard takes several messages (dashboard-parts.ts): which one this is. */
  part: z.object({ number: z.number().int().min(1), of: z.number().int().min(1) }).optional(),
});
export type DashboardView = z.infer<typeof dashboardViewSchema>;

const changeText = (change: Change | undefined) => (change ? formatChange(change) : undefined);

/** The latest version of each organisation's return in the round. */
async function latestVersions(db: Db, roundId: string) {
  const all = await db.returnSubmission.findMany({ where: { roundId }, orderBy: { version: 'desc' }, include: { figures: true, milestones: true } });
  const latest = new Map<string, (typeof all)[number]>();
  for (const s of all) if (!latest.has(s.organisationId)) latest.set(s.organisationId, s);
  return latest;
}

/** The latest override per metric in the round. */
async function overrides(db: Db, roundId: string) {
  const rows = await db.ragOverride.findMany({ where: { roundId }, orderBy: { createdAt: 'desc' } });
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.metricId)) latest.set(r.metricId, r);
  return latest;
}

export async function buildDashboard(db: Db, round: ReturnRound & { board: { name: string } }, links: { publicBaseUrl?: string }): Promise<DashboardView> {
  const quarter = quarterOfRound(round);
  const [metrics, milestones, latest, overridden] = await Promise.all([roundMetrics(db, round.boardId, round.id), activeMilestones(db, round.boardId), latestVersions(db, round.id), overrides(db, round.id)]);
  const histories = await historyOf(db, metrics.map((m) => m.id));
  const rows: DashboardRow[] = metrics.map((m) => {
    const unit: Unit = unitOf(m);
    const figure = latest.get(m.organisationId)?.figures.find((f) => f.metricId === m.id);
    const base = { metricId: m.id, name: m.name, organisation: m.organisation.shortName ?? m.organisation.name, unit: describeUnit(unit) };
    if (!figure) return { ...base, submitted: false, ranks: [] };
    const history = new Map(histories.get(m.id));
    history.delete(quarterKey(quarter));
    const entered = { ...(figure.yearEarlier !== null ? { yearEarlier: figure.yearEarlier } : {}), ...(figure.rolling !== null ? { rolling: figure.rolling } : {}), ...(figure.rollingEarlier !== null ? { rollingEarlier: figure.rollingEarlier } : {}) };
    const c = compare({ unit, yearOnYear: m.yearOnYear, rolling: m.rolling }, history, quarter, figure.value, entered);
    const groups = peerRanksOf(m);
    const parsedRanks = figureRanksSchema.safeParse(figure.ranks);
    const ranks = (parsedRanks.success ? parsedRanks.data : []).flatMap((r) => {
      const group = groups.find((g) => g.name === r.name);
      return group ? [{ ...r, outOf: group.outOf }] : [];
    });
    const rated = rateRow({ polarity: m.polarity, ...(c.yearEarlier?.change ? { yearOnYear: c.yearEarlier.change } : {}), ...(c.rolling?.change ? { rolling: c.rolling.change } : {}), ranks });
    const override = overridden.get(m.id);
    return {
      ...base,
      submitted: true,
      value: formatFigure(unit, figure.value),
      ...(c.yearEarlier ? { yearEarlier: formatFigure(unit, c.yearEarlier.value) } : {}),
      ...(changeText(c.yearEarlier?.change) ? { change: changeText(c.yearEarlier?.change) } : {}),
      ...(c.rolling ? { rolling: formatFigure(unit, c.rolling.value) } : {}),
      ...(changeText(c.rolling?.change) ? { rollingChange: changeText(c.rolling?.change) } : {}),
      ranks: ranks.map((r) => `${r.name} ${r.rank}/${r.outOf}`),
      ...(override ? { rag: override.rag as Rag, override: override.reason, ...(rated.rag ? { computedRag: rated.rag } : {}) } : rated.rag ? { rag: rated.rag } : {}),
      ...(figure.positiveFactors ? { positive: figure.positiveFactors } : {}),
      ...(figure.negativeFactors ? { negative: figure.negativeFactors } : {}),
    };
  });
  const milestoneRows = milestones.map((m) => {
    const update = latest.get(m.organisationId)?.milestones.find((u) => u.milestoneId === m.id);
    return { title: m.title, organisation: m.organisation.shortName ?? m.organisation.name, lead: m.lead, ...(update ? { progress: update.progress, rag: update.rag as Rag } : {}) };
  });
  const owing = new Map<string, string>();
  for (const m of [...metrics, ...milestones]) if (!latest.has(m.organisationId)) owing.set(m.organisationId, m.organisation.name);
  const base = links.publicBaseUrl?.replace(/\/+$/, '');
  return {
    roundId: round.id,
    boardName: round.board.name,
    period: formatQuarter(quarter),
    months: quarterMonths(quarter),
    rollingMonths: rollingYearMonths(quarter),
    published: round.publishedAt !== null,
    rows,
    milestones: milestoneRows,
    missing: [...owing.values()].sort(),
    ...(base ? { csvUrl: `${base}/returns/${round.dashboardToken}/dashboard.csv`, chartsUrl: `${base}/returns/${round.dashboardToken}/charts` } : {}),
  };
}
