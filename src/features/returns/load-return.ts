// What one organisation returns in a round: its metrics with their history, its milestones, and
// its latest submitted version (to amend), read together.
import { quarterKey } from '../../domain/returns/quarter.ts';
import type { ReturnRound } from '../../persistence/generated/client.ts';
import { historyOf, organisationCatalogue, type Db } from './metrics.ts';
import { returnMetric, type ReturnContent } from './return-form.ts';
import { quarterOfRound } from './round-access.ts';

export async function loadReturnContent(db: Db, round: ReturnRound, organisationId: string): Promise<ReturnContent> {
  const quarter = quarterOfRound(round);
  const { metrics, milestones } = await organisationCatalogue(db, round.boardId, organisationId);
  const histories = await historyOf(db, metrics.map((m) => m.id));
  // The round's own quarter is not history: an amendment is compared with the year before, not
  // with the figure it replaces.
  const withoutThisQuarter = (id: string) => {
    const h = new Map(histories.get(id));
    h.delete(quarterKey(quarter));
    return h;
  };
  return { quarter, metrics: metrics.map((m) => returnMetric(m, withoutThisQuarter(m.id), quarter)), milestones };
}

/** The organisation's latest version for the round, with its figures and milestone updates. */
export function latestSubmission(db: Db, roundId: string, organisationId: string) {
  return db.returnSubmission.findFirst({
    where: { roundId, organisationId },
    orderBy: { version: 'desc' },
    include: { figures: true, milestones: true },
  });
}

/** The number of the organisation's latest version for the round (0 before the first). */
export async function latestVersion(db: Db, roundId: string, organisationId: string): Promise<number> {
  const latest = await db.returnSubmission.findFirst({ where: { roundId, organisationId }, orderBy: { version: 'desc' }, select: { version: true } });
  return latest?.version ?? 0;
}
