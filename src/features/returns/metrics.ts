// The catalogue as stored, read back into the domain's terms: a metric's unit, its peer groups,
// its figures by quarter. One place turns rows into units, so no other file reads unit columns.
import { z } from 'zod';
import type { History } from '../../domain/returns/comparisons.ts';
import { quarterKey, type Quarter } from '../../domain/returns/quarter.ts';
import type { Unit, UnitKind } from '../../domain/returns/units.ts';
import type { Metric, Milestone, Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import type { PeerRank } from './catalogue-entry.ts';

export type Db = PrismaClient | Prisma.TransactionClient;

/** A unit as two columns: its kind, and the N of "per N" / "out of N". */
export function unitColumns(unit: Unit): { unit: UnitKind; unitBase: number | null } {
  return { unit: unit.kind, unitBase: unit.kind === 'rate' ? unit.per : unit.kind === 'rank' ? unit.outOf : null };
}

export function unitOf(metric: Pick<Metric, 'unit' | 'unitBase'>): Unit {
  switch (metric.unit) {
    case 'count': return { kind: 'count' };
    case 'percentage': return { kind: 'percentage' };
    case 'points': return { kind: 'points' };
    case 'rate': return { kind: 'rate', per: metric.unitBase ?? 1000 };
    case 'rank': return { kind: 'rank', outOf: metric.unitBase ?? 2 };
    default: throw new Error(`metric with unknown unit "${metric.unit}"`);
  }
}

const peerRanksSchema = z.array(z.object({ name: z.string(), outOf: z.number().int() }));

export function peerRanksOf(metric: Pick<Metric, 'peerRanks'>): PeerRank[] {
  return peerRanksSchema.parse(metric.peerRanks);
}

/** The ranks stored with a figure: [{ name, rank }]. */
export const figureRanksSchema = z.array(z.object({ name: z.string(), rank: z.number().int() }));

const METRIC_ORDER = [{ position: 'asc' }, { name: 'asc' }] as const satisfies Prisma.MetricOrderByWithRelationInput[];
const MILESTONE_ORDER = [{ position: 'asc' }, { title: 'asc' }] as const satisfies Prisma.MilestoneOrderByWithRelationInput[];
const active = (boardId: string, organisationId?: string) => ({ boardId, active: true, ...(organisationId ? { organisationId } : {}) });

/** The active metrics of a board (or of one organisation), in dashboard order. */
export function activeMetrics(db: Db, boardId: string, organisationId?: string) {
  return db.metric.findMany({
    where: active(boardId, organisationId),
    include: { organisation: true },
    orderBy: [...METRIC_ORDER],
  });
}

/** One organisation's active metrics and milestones, in dashboard order, without their
 * organisation (the caller has it): the same rows as activeMetrics and activeMilestones, in two
 * statements instead of four. */
export async function organisationCatalogue(db: Db, boardId: string, organisationId: string): Promise<{ metrics: Metric[]; milestones: Milestone[] }> {
  const [metrics, milestones] = await Promise.all([
    db.metric.findMany({ where: active(boardId, organisationId), orderBy: [...METRIC_ORDER] }),
    db.milestone.findMany({ where: active(boardId, organisationId), orderBy: [...MILESTONE_ORDER] }),
  ]);
  return { metrics, milestones };
}

/** The metrics a round's dashboard lists: the active ones, and any deactivated since that has a
 * figure submitted in the round (its history is kept). */
export function roundMetrics(db: Db, boardId: string, roundId: string) {
  return db.metric.findMany({
    where: { boardId, OR: [{ active: true }, { figures: { some: { submission: { roundId } } } }] },
    include: { organisation: true },
    orderBy: [{ position: 'asc' }, { name: 'asc' }],
  });
}

export function activeMilestones(db: Db, boardId: string, organisationId?: string) {
  return db.milestone.findMany({
    where: active(boardId, organisationId),
    include: { organisation: true },
    orderBy: [...MILESTONE_ORDER],
  });
}

/** Each metric's figures by quarter key, for the comparisons. */
export async function historyOf(db: Db, metricIds: string[]): Promise<Map<string, History>> {
  const rows = await db.metricValue.findMany({ where: { metricId: { in: metricIds } } });
  const byMetric = new Map<string, Map<string, number>>(metricIds.map((id) => [id, new Map()]));
  for (const row of rows) byMetric.get(row.metricId)?.set(quarterKey({ fyStart: row.fyStart, quarter: row.quarter as Quarter['quarter'] }), row.value);
  return byMetric;
}
