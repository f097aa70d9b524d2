// Submitting (or amending) an organisation's return for a round. Guards first: the round is open,
// the organisation is on the board, the actor is one of its submitters or a clerk, the form names
// only this organisation's metrics and milestones. Then every field is checked in its unit; a
// figure far outside the metric's history is asked about once and accepted when submitted again
// unchanged. Nothing is stored until the whole return is valid; then a new version is written
// with who and when, earlier versions kept, and the figures become the quarter's history.
import { formatQuarter } from '../../domain/returns/quarter.ts';
import { milestoneRag } from '../../domain/returns/rag.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { cleanValues, fieldErrorsOf, type RawValues } from '../../kernel/form-values.ts';
import { clearDraft, pendingOutliers, type Draft } from './drafts.ts';
import { outlierErrors } from './outliers.ts';
import { latestVersion, loadReturnContent } from './load-return.ts';
import { metricIdsIn, milestoneIdsIn, returnFormSchema, type ReturnContent } from './return-form.ts';
import type { Organisation } from '../../persistence/generated/client.ts';
import { loadOrganisation, loadRound, requireOpen, requireSubmitterOrClerk, type ReturnActor, type RoundWithBoard } from './round-access.ts';

export interface ReturnSubmitted {
  kind: 'returns.submitted';
  organisation: string;
  period: string;
  version: number;
  amended: boolean;
  byClerk: boolean;
  figures: number;
  milestones: number;
}

/** A form naming a metric or milestone that is not this organisation's (removed since the form
 * was opened, or another organisation's) is refused whole. */
export function requireKnownFields(content: ReturnContent, raw: RawValues): void {
  const metrics = new Set(content.metrics.map((m) => m.metric.id));
  const milestones = new Set(content.milestones.map((m) => m.id));
  const unknownMetric = metricIdsIn(raw).find((id) => !metrics.has(id));
  const unknownMilestone = milestoneIdsIn(raw).find((id) => !milestones.has(id));
  if (unknownMetric || unknownMilestone) {
    throw new AppError(ErrorCode.UNKNOWN_METRIC, 'This form names a metric or milestone that is not in the organisation\u2019s return any more (the clerk may have changed the catalogue). Nothing was saved: open the return again for a fresh form.', {
      log: `form names unknown ${unknownMetric ? `metric ${unknownMetric}` : `milestone ${unknownMilestone}`}`,
    });
  }
}

/** What a use case that opened the return in this request already read and checked (the round,
 * the organisation, who may submit it, its content), and the person's draft as saved: given,
 * they are not read again. */
export interface OpenedReturn {
  round: RoundWithBoard;
  organisation: Organisation;
  who: ReturnActor;
  content: ReturnContent;
  draft?: Draft;
}

export async function submitReturn(deps: CoreDeps, input: Invocation & { roundId: string; organisationId: string; values: RawValues; opened?: OpenedReturn }): Promise<ReturnSubmitted> {
  const opened = input.opened?.round.id === input.roundId && input.opened.organisation.id === input.organisationId ? input.opened : undefined;
  const round = opened?.round ?? (await loadRound(deps.prisma, input.roundId));
  const organisation = opened?.organisation ?? (await loadOrganisation(deps.prisma, round.boardId, input.organisationId));
  const who = opened?.who ?? (await requireSubmitterOrClerk(deps.prisma, round.board, organisation, input.actor));
  requireOpen(round);
  const content = opened?.content ?? (await loadReturnContent(deps.prisma, round, organisation.id));
  if (content.metrics.length + content.milestones.length === 0) {
    throw new AppError(ErrorCode.NOTHING_TO_RETURN, `${organisation.name} has no metrics or milestones in the catalogue, so there is nothing to submit.`, { log: `organisation ${organisation.id} has nothing to return` });
  }
  const raw = cleanValues(input.values);
  requireKnownFields(content, raw);
  const parsed = returnFormSchema(content).safeParse(raw);
  if (!parsed.success) throw formInvalid(fieldErrorsOf(parsed.error), 'Some figures need correcting. Nothing was saved.');
  const entries = parsed.data;

  const key = { roundId: round.id, organisationId: organisation.id, memberId: who.member.id };
  // The outliers already asked about: read once (outlierErrors writes only when it finds new ones,
  // and then nothing is saved), or taken from the draft the caller saved in this request.
  const confirmed = opened?.draft?.outliers ?? (await pendingOutliers(deps.prisma, key));
  const outliers = await outlierErrors(deps.prisma, key, content, entries, confirmed);
  if (outliers) throw formInvalid(outliers, 'Some figures are far from last year\u2019s. Check them; if they are right, submit again to confirm. Nothing was saved yet.');

  const byClerk = who.clerk && !(who.member.submitsFigures && who.member.organisationId === organisation.id);
  const version = await deps.prisma.$transaction(async (tx) => {
    // Serialises two submissions of the same return: the second waits and takes the next version.
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`return:${round.id}:${organisation.id}`}))`;
    const fresh = await tx.returnRound.findUniqueOrThrow({ where: { id: round.id }, include: { board: true } });
    requireOpen(fresh);
    const previous = await latestVersion(tx, round.id, organisation.id);
    const submission = await tx.returnSubmission.create({
      data: { roundId: round.id, organisationId: organisation.id, version: previous + 1, submittedById: who.member.id, byClerk },
    });
    for (const f of entries.figures) {
      await tx.returnFigure.create({
        data: {
          submissionId: submission.id,
          metricId: f.metricId,
          value: f.value,
          yearEarlier: f.yearEarlier ?? null,
          rolling: f.rolling ?? null,
          rollingEarlier: f.rollingEarlier ?? null,
          ranks: f.ranks,
          positiveFactors: f.positive,
          negativeFactors: f.negative,
          outlierConfirmed: confirmed[f.metricId] === f.value,
        },
      });
      const key = { metricId: f.metricId, fyStart: content.quarter.fyStart, quarter: content.quarter.quarter };
      await tx.metricValue.upsert({
        where: { metricId_fyStart_quarter: key },
        create: { ...key, value: f.value, source: 'submitted', submissionId: submission.id },
        update: { value: f.value, source: 'submitted', submissionId: submission.id },
      });
    }
    for (const m of entries.milestones) {
      await tx.milestoneUpdate.create({ data: { submissionId: submission.id, milestoneId: m.milestoneId, progress: m.progress, achievement: m.achievement, risk: m.risk, rag: milestoneRag(m.achievement, m.risk) } });
    }
    await clearDraft(tx, { roundId: round.id, organisationId: organisation.id, memberId: who.member.id });
    return submission.version;
  });
  deps.logger.info({ roundId: round.id, organisationId: organisation.id, version, byClerk }, 'return submitted');
  return {
    kind: 'returns.submitted',
    organisation: organisation.name,
    period: formatQuarter(content.quarter),
    version,
    amended: version > 1,
    byClerk,
    figures: entries.figures.length,
    milestones: entries.milestones.length,
  };
}
