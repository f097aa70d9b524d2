// The return form, a page at a time. Opening it (the request's button, or a clerk's "returns
// submit") checks who may see it; each page's submission is checked on its own and kept as a
// draft, so an invalid page comes back with its errors beside the fields and nothing typed is
// lost; the last page submits the whole return.
import { z } from 'zod';
import { AppError, ErrorCode, isAppError } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { form, type Invocation } from '../../kernel/feature.ts';
import { cleanValues, fieldErrorsOf, type RawValues } from '../../kernel/form-values.ts';
import { openForm, type FormRequest } from '../../kernel/results.ts';
import type { Organisation } from '../../persistence/generated/client.ts';
import { loadDraft, saveDraftValues, type DraftKey } from './drafts.ts';
import { latestSubmission, loadReturnContent } from './load-return.ts';
import { pageContent, pageFields, pageValues, returnPages, valuesOfSubmission } from './return-pages.ts';
import { returnFormSchema, type ReturnContent } from './return-form.ts';
import { loadOrganisation, loadRound, requireOpen, requireSubmitterOrClerk, roundLabel, type ReturnActor, type RoundWithBoard } from './round-access.ts';
import { requireKnownFields, submitReturn, type ReturnSubmitted } from './submit-return.ts';
import { outlierErrors } from './outliers.ts';

const metadataSchema = z.object({ roundId: z.uuid(), organisationId: z.uuid(), page: z.coerce.number().int().min(1).max(500) });
type ReturnFormMetadata = z.output<typeof metadataSchema>;

/** Every field comes back as typed; the use case checks them against the organisation's return. */
const rawValues = z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())]).optional());

interface Opened {
  round: RoundWithBoard;
  organisation: Organisation;
  who: ReturnActor;
  content: ReturnContent;
  key: DraftKey;
}

async function openReturn(deps: CoreDeps, input: Invocation & { roundId: string; organisationId: string }): Promise<Opened> {
  const round = await loadRound(deps.prisma, input.roundId);
  const organisation = await loadOrganisation(deps.prisma, round.boardId, input.organisationId);
  const who = await requireSubmitterOrClerk(deps.prisma, round.board, organisation, input.actor);
  requireOpen(round);
  const content = await loadReturnContent(deps.prisma, round, organisation.id);
  if (content.metrics.length + content.milestones.length === 0) {
    throw new AppError(ErrorCode.NOTHING_TO_RETURN, `${organisation.name} has no metrics or milestones in the catalogue, so there is nothing to submit.`, { log: `organisation ${organisation.id} has nothing to return` });
  }
  return { round, organisation, who, content, key: { roundId: round.id, organisationId: organisation.id, memberId: who.member.id } };
}

/** Page `page` of the form, its fields filled from the draft or the latest version, unless
 * `typed` (a refused page, as it was typed) is given with its errors. */
async function pageForm(deps: CoreDeps, opened: Opened, page: number, refused?: { typed: Record<string, string>; errors: Record<string, string> }) {
  const pages = returnPages(opened.content);
  const index = Math.min(Math.max(page, 1), pages.length);
  const fields = pageFields(pages[index - 1] as (typeof pages)[number], opened.content);
  const values = refused
    ? refused.typed
    : pageValues(fields, await loadDraft(deps.prisma, opened.key), valuesOfSubmission(opened.content, await latestSubmission(deps.prisma, opened.round.id, opened.organisation.id)));
  const context = `${opened.round.board.name}: ${opened.organisation.name}, ${roundLabel(opened.round)}.${pages.length > 1 ? ` Page ${index} of ${pages.length}.` : ''}`;
  return openForm(returnSubmitForm, {
    // Every page but the last goes on to the next; the last one submits the return.
    submitLabel: index < pages.length ? `Next: page ${index + 1} of ${pages.length}` : 'Submit',
    metadata: { roundId: opened.round.id, organisationId: opened.organisation.id, page: String(index) },
    fields,
    values,
    context,
    ...(refused ? { errors: refused.errors } : {}),
  });
}

export async function openReturnForm(deps: CoreDeps, input: Invocation & { roundId: string; organisationId: string }) {
  return pageForm(deps, await openReturn(deps, input), 1);
}

/** What was typed on the page, as text by field id ('' for a field left empty). */
function typedOnPage(raw: RawValues, fieldIds: string[]): Record<string, string> {
  return Object.fromEntries(fieldIds.map((id) => [id, typeof raw[id] === 'string' ? (raw[id] as string) : '']));
}

export async function submitReturnPage(deps: CoreDeps, input: Invocation & { metadata: ReturnFormMetadata; values: RawValues }): Promise<ReturnSubmitted | FormRequest> {
  const opened = await openReturn(deps, { ...input, ...input.metadata });
  const pages = returnPages(opened.content);
  const page = pages[input.metadata.page - 1];
  if (!page) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date (the catalogue changed). Close it and open the return again; what you typed is kept.', { log: 'return page out of range' });
  requireKnownFields(opened.content, cleanValues(input.values));
  const fields = pageFields(page, opened.content).map((f) => f.id);
  const typed = typedOnPage(input.values, fields);
  const onPage = pageContent(page, opened.content);
  const parsed = returnFormSchema(onPage).safeParse(cleanValues(typed));
  if (!parsed.success) return pageForm(deps, opened, input.metadata.page, { typed, errors: fieldErrorsOf(parsed.error) });
  // The draft is read once: outlierErrors writes to it only when it finds new outliers, and then
  // the page comes back without saving what was typed.
  const saved = await loadDraft(deps.prisma, opened.key);
  const outliers = await outlierErrors(deps.prisma, opened.key, onPage, parsed.data, saved.outliers);
  if (outliers) return pageForm(deps, opened, input.metadata.page, { typed, errors: outliers });
  const draft = await saveDraftValues(deps.prisma, opened.key, typed, saved);
  if (input.metadata.page < pages.length) return pageForm(deps, opened, input.metadata.page + 1);
  try {
    // What this request read and checked, and the draft as saved, are handed on: not read again.
    return await submitReturn(deps, { ...input, roundId: opened.round.id, organisationId: opened.organisation.id, values: draft.values as RawValues, opened: { ...opened, draft } });
  } catch (error) {
    if (!isAppError(error) || Object.keys(error.fieldErrors).length === 0) throw error;
    // A problem on an earlier page (the catalogue changed meanwhile): back to that page.
    const first = Object.keys(error.fieldErrors)[0] as string;
    const at = pages.findIndex((p) => pageFields(p, opened.content).some((f) => f.id === first));
    return pageForm(deps, opened, at + 1, { typed: typedOnPage(draft.values as RawValues, pageFields(pages[at] ?? page, opened.content).map((f) => f.id)), errors: error.fieldErrors });
  }
}

export const returnSubmitForm = form({
  id: 'returns.submit',
  metadata: metadataSchema,
  values: rawValues,
  answersInPlace: true,
  run: (deps, input) => submitReturnPage(deps, input),
});
