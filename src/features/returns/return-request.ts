// The request for one organisation's return, as its submitters receive it: exactly their metrics
// (with last quarter's figure for reference) and milestones. Queued once per person per platform
// per round (and per chase), in the caller's transaction.
import { formatQuarter, previousQuarter, quarterKey, quarterMonths } from '../../domain/returns/quarter.ts';
import { describeUnit, formatFigure } from '../../domain/returns/units.ts';
import { enqueue, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { Member, Organisation } from '../../persistence/generated/client.ts';
import { historyOf, organisationCatalogue, unitOf } from './metrics.ts';
import { deadlineText, quarterOfRound, type RoundWithBoard } from './round-access.ts';
import { returnRequestTemplate, type ReturnRequest } from './templates.ts';

export async function buildReturnRequest(tx: Tx, round: RoundWithBoard, organisation: Organisation, chase?: { number: number; due: string }): Promise<ReturnRequest> {
  const quarter = quarterOfRound(round);
  const { metrics, milestones } = await organisationCatalogue(tx, round.boardId, organisation.id);
  const histories = await historyOf(tx, metrics.map((m) => m.id));
  const last = previousQuarter(quarter);
  return {
    roundId: round.id,
    organisationId: organisation.id,
    boardName: round.board.name,
    organisation: organisation.name,
    period: formatQuarter(quarter),
    months: quarterMonths(quarter),
    deadline: deadlineText(round, round.board),
    ...(chase ? { chase: chase.number, due: chase.due } : {}),
    metrics: metrics.map((m) => {
      const value = histories.get(m.id)?.get(quarterKey(last));
      return { name: m.name, unit: describeUnit(unitOf(m)), ...(value !== undefined ? { last: `${formatFigure(unitOf(m), value)} in ${formatQuarter(last)}` } : {}) };
    }),
    milestones: milestones.map((m) => ({ title: m.title, lead: m.lead })),
  };
}

/** The organisation's submitters who can be reached. */
export function submittersOf(tx: Tx, organisationId: string): Promise<Member[]> {
  return tx.member.findMany({ where: { organisationId, submitsFigures: true, active: true }, orderBy: { name: 'asc' } });
}

/** Where a person gets direct messages: one platform only (one message per person), the first
 * of the board's platforms they have an id on. */
export function personalTarget(member: Pick<Member, 'slackUserId' | 'teamsAadId'>, ctx: Pick<DeliveryContext, 'platforms'>): { platform: 'slack' | 'teams'; id: string } | undefined {
  for (const platform of ctx.platforms) {
    const id = platform === 'slack' ? member.slackUserId : member.teamsAadId;
    if (id) return { platform, id };
  }
  return undefined;
}

/** Queues the request to each submitter, one message per person. Returns whom it reached. */
export async function sendReturnRequest(tx: Tx, round: RoundWithBoard, organisation: Organisation, request: ReturnRequest, ctx: DeliveryContext, key: string): Promise<{ sent: string[]; unreachable: string[] }> {
  const outcome = { sent: [] as string[], unreachable: [] as string[] };
  for (const member of await submittersOf(tx, organisation.id)) {
    const target = personalTarget(member, ctx);
    if (!target) {
      outcome.unreachable.push(member.name);
      continue;
    }
    await enqueue(tx, {
      boardId: round.boardId,
      platform: target.platform,
      target: { kind: 'user', id: target.id },
      template: returnRequestTemplate,
      data: request,
      dedupeKey: `${key}:${member.id}`,
      digestible: false,
    });
    outcome.sent.push(member.name);
  }
  return outcome;
}
