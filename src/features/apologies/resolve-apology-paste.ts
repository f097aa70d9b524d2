// Paste to record, between the paste and the Confirm: the clerk says who the unmatched names are
// (one of the candidates of an ambiguous name, or anyone on the roster for a name that matched
// nobody), or leaves a name out for now. A chosen name joins the matches; the others stay shown,
// never dropped. Nothing is recorded here: the Confirm records the matches as they then stand.
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm, type Choice } from '../../kernel/results.ts';
import type { ApologyPaste, Prisma } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { boardRoster } from './meeting-replies.ts';
import { loadMeetingForReplies, type MeetingWithBoard } from './open-meeting.ts';
import { pasteResult, requireNotCancelled, storedMatches, storedUnresolved, type PasteResult, type StoredMatch } from './paste-apologies.ts';
import { resolveForm } from './resolve-form.ts';

const LEAVE_OUT: Choice = { value: '', label: 'Leave it out for now (not recorded)' };
/** Slack's limit on the options of one select. */
const MAX_CHOICES = 100;

async function loadPaste(deps: CoreDeps, actor: Invocation['actor'], pasteId: string): Promise<{ paste: ApologyPaste; meeting: MeetingWithBoard }> {
  const paste = await deps.prisma.apologyPaste.findUnique({ where: { id: pasteId } });
  if (!paste) throw new AppError(ErrorCode.STALE_CARD, 'That pasted passage is no longer there (its meeting was removed). Paste it again with "apologies paste".', { log: `apology paste ${pasteId} not found` });
  const meeting = await loadMeetingForReplies(deps.prisma, paste.meetingId);
  await requireClerk(deps.prisma, meeting.board, actor);
  requireNotCancelled(meeting);
  return { paste, meeting };
}

export async function openResolveForm(deps: CoreDeps, input: Invocation & { pasteId: string }) {
  const { paste, meeting } = await loadPaste(deps, input.actor, input.pasteId);
  const roster = await boardRoster(deps.prisma, meeting.boardId);
  if (paste.confirmedAt) return pasteResult(paste, meeting, roster, 'already', deps.now());
  const unresolved = storedUnresolved.parse(paste.unresolved);
  if (unresolved.length === 0) return pasteResult(paste, meeting, roster, 'preview', deps.now());
  const fields = unresolved.map((u, i) => {
    const candidates = roster.filter((m) => u.candidateIds?.includes(m.id));
    const others = roster.filter((m) => !u.candidateIds?.includes(m.id));
    const options = [LEAVE_OUT, ...[...candidates, ...others].map((m) => ({ value: m.id, label: m.name }))].slice(0, MAX_CHOICES);
    return { id: `who_${i}`, label: u.asWritten.slice(0, 150), kind: 'select' as const, hint: u.why, options };
  });
  return openForm(resolveForm, {
    metadata: { pasteId: paste.id, names: String(unresolved.length) },
    values: Object.fromEntries(fields.map((f) => [f.id, ''])),
    fields,
    context: `Who are these? A name you choose is recorded with the others when you confirm; a name left out stays listed.`,
  });
}

export async function resolveApologyPaste(deps: CoreDeps, input: { actor: Invocation['actor']; pasteId: string; names: number; values: Record<string, string | undefined> }): Promise<PasteResult> {
  const { meeting } = await loadPaste(deps, input.actor, input.pasteId);
  const roster = await boardRoster(deps.prisma, meeting.boardId);
  const onRoster = new Set(roster.map((m) => m.id));
  const paste = await deps.prisma.$transaction(async (tx: Prisma.TransactionClient) => {
    await tx.$queryRaw`SELECT "id" FROM "apology_paste" WHERE "id" = ${input.pasteId}::uuid FOR UPDATE`;
    const current = await tx.apologyPaste.findUniqueOrThrow({ where: { id: input.pasteId } });
    if (current.confirmedAt) return current;
    const unresolved = storedUnresolved.parse(current.unresolved);
    if (unresolved.length !== input.names) {
      throw new AppError(ErrorCode.STALE_FORM, 'The unmatched names have changed since this form opened. Close it and open it again from the latest list.', { log: `apology paste ${current.id} changed` });
    }
    const matched: StoredMatch[] = storedMatches.parse(current.matched);
    const errors: Record<string, string> = {};
    const left: typeof unresolved = [];
    unresolved.forEach((u, i) => {
      const chosen = input.values[`who_${i}`];
      if (!chosen) return void left.push(u);
      if (!onRoster.has(chosen)) errors[`who_${i}`] = 'Choose a member of this board, or leave it out.';
      // Already matched, or chosen for an earlier name of this form.
      else if (matched.some((m) => m.memberId === chosen)) errors[`who_${i}`] = `${roster.find((m) => m.id === chosen)?.name ?? 'That member'} is in the list already.`;
      else matched.push({ memberId: chosen, asWritten: u.asWritten });
    });
    if (Object.keys(errors).length > 0) throw formInvalid(errors, 'Some names need another choice.');
    return tx.apologyPaste.update({ where: { id: current.id }, data: { matched, unresolved: left.map((u) => ({ asWritten: u.asWritten, why: u.why, ...(u.candidateIds ? { candidateIds: u.candidateIds } : {}) })) } });
  });
  return pasteResult(paste, meeting, roster, paste.confirmedAt ? 'already' : 'preview', deps.now());
}
