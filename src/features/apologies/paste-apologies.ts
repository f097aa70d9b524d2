// Paste to record, step one: the clerk pastes an apologies passage (a sentence or a list with
// roles, as the seeds' minutes write them) and sees whom it names: the people matched to the
// roster, and the names that match nobody (or several people), shown to resolve and never dropped.
// Nothing is recorded yet: the passage as matched is kept (apology_paste) and only the clerk's
// Confirm records it (confirm-apology-paste.ts), as apologies while the meeting is to come and as
// attendance marks once it has started; before that the clerk may say who an unmatched name is
// (resolve-apology-paste.ts). A close spelling ("Ms Abram" for Lynne Abrams) is flagged.
import { z } from 'zod';
import { parseApologies, type ParsedApology, type ParsedPerson } from '../../domain/apologies/parse-apologies.ts';
import type { RosterPerson } from '../../domain/apologies/match-member.ts';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import type { ApologyPaste, Member } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { meetingView, type MeetingView } from '../agendas/agenda-view.ts';
import { pasteForm } from './paste-form.ts';
import { loadMeetingForReplies, type MeetingWithBoard } from './open-meeting.ts';
import { substituteChoices } from './save-reply.ts';

export interface PastedEntry {
  /** As written in the passage. */
  asWritten: string;
  memberName: string;
  substitute?: string;
  /** Matched on a spelling one letter off: for the clerk to check. */
  close?: true;
}

export interface UnresolvedEntry {
  asWritten: string;
  why: string;
}

export interface PasteResult {
  kind: 'apologies.paste';
  /** "preview": matched, waiting for Confirm; "recorded": this Confirm recorded them; "already":
   * confirmed before (a double click, a retry), nothing recorded twice. */
  stage: 'preview' | 'recorded' | 'already';
  pasteId: string;
  meeting: MeetingView;
  /** "replies" before the meeting, "attendance" once it has started. */
  recordedAs: 'replies' | 'attendance';
  matched: PastedEntry[];
  unresolved: UnresolvedEntry[];
  /** The passage said "None." */
  none: boolean;
}

/** What is kept between the paste and the Confirm: ids, and the names as written. */
const storedSubstitute = z.discriminatedUnion('kind', [z.object({ kind: z.literal('member'), memberId: z.uuid() }), z.object({ kind: z.literal('named'), name: z.string() })]);
export const storedMatches = z.array(z.object({ memberId: z.uuid(), asWritten: z.string(), substitute: storedSubstitute.optional(), close: z.literal(true).optional() }));
export const storedUnresolved = z.array(z.object({ asWritten: z.string(), why: z.string(), candidateIds: z.array(z.uuid()).optional() }));
export type StoredMatch = z.output<typeof storedMatches>[number];

/** Refuses a cancelled meeting: there is nothing to record for it. */
export function requireNotCancelled(meeting: MeetingWithBoard): void {
  if (meeting.status === 'cancelled') {
    throw new AppError(ErrorCode.MEETING_CANCELLED, `The meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short} was cancelled, so there are no apologies to record for it.`, {
      log: `meeting ${meeting.id} cancelled`,
    });
  }
}

export async function openPasteForm(deps: CoreDeps, input: Invocation & { meetingId: string }) {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  requireNotCancelled(meeting);
  return openForm(pasteForm, { metadata: { meetingId: meeting.id }, context: `${meeting.board.name}: apologies for the meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}` });
}

const matchedId = (person: ParsedPerson): string | undefined => (person.match.kind === 'exact' || person.match.kind === 'close' ? person.match.memberId : undefined);

const whyUnresolved = (entry: ParsedApology, roster: Member[]): string =>
  entry.match.kind === 'ambiguous'
    ? `Could be ${entry.match.candidateIds.map((id) => roster.find((m) => m.id === id)?.name ?? '').filter(Boolean).join(' or ')}: choose who it is before you confirm.`
    : 'Not on the roster: choose a member before you confirm, or add them to the roster.';

/** The result a clerk reads, at any stage: the stored matches with today's names. */
export function pasteResult(paste: ApologyPaste, meeting: MeetingWithBoard, roster: Member[], stage: PasteResult['stage'], now: Date): PasteResult {
  const name = (id: string) => roster.find((m) => m.id === id)?.name;
  const matched = storedMatches.parse(paste.matched).map((m): PastedEntry => {
    const substitute = m.substitute?.kind === 'member' ? name(m.substitute.memberId) : m.substitute?.name;
    return { asWritten: m.asWritten, memberName: name(m.memberId) ?? m.asWritten, ...(substitute ? { substitute } : {}), ...(m.close ? { close: true as const } : {}) };
  });
  return {
    kind: 'apologies.paste',
    stage,
    pasteId: paste.id,
    meeting: meetingView(meeting),
    recordedAs: meeting.startsAt > now ? 'replies' : 'attendance',
    matched,
    unresolved: storedUnresolved.parse(paste.unresolved).map((u) => ({ asWritten: u.asWritten, why: u.why })),
    none: paste.none,
  };
}

export async function pasteApologies(deps: CoreDeps, input: Invocation & { meetingId: string; text: string }): Promise<PasteResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
  requireNotCancelled(meeting);
  const members = await deps.prisma.member.findMany({ where: { boardId: meeting.boardId, active: true }, include: { organisation: true } });
  const roster: RosterPerson[] = members.map((m) => ({
    id: m.id,
    name: m.name,
    ...(m.organisation ? { organisation: m.organisation.name, ...(m.organisation.shortName ? { organisationShortName: m.organisation.shortName } : {}) } : {}),
  }));
  const passage = parseApologies(input.text, roster);
  if (passage.kind === 'not_found') {
    throw formInvalid({ text: 'I could not find apologies in that: paste the passage, e.g. "Apologies were received from …" or the list under "Apologies:".' }, 'No apologies found in what was pasted.');
  }
  const matched: StoredMatch[] = [];
  const unresolved: z.output<typeof storedUnresolved> = [];
  for (const entry of passage.kind === 'none' ? [] : passage.apologies) {
    const member = members.find((m) => m.id === matchedId(entry));
    if (!member) {
      unresolved.push({
        asWritten: entry.name + (entry.details ? `, ${entry.details}` : ''),
        why: whyUnresolved(entry, members),
        ...(entry.match.kind === 'ambiguous' ? { candidateIds: entry.match.candidateIds } : {}),
      });
      continue;
    }
    // The same person named twice is recorded once.
    if (matched.some((m) => m.memberId === member.id)) continue;
    let substitute: StoredMatch['substitute'];
    if (entry.substitute) {
      const subId = matchedId(entry.substitute);
      const allowed = subId ? (await substituteChoices(deps.prisma, member)).some((m) => m.id === subId) : false;
      substitute = subId && allowed ? { kind: 'member', memberId: subId } : { kind: 'named', name: entry.substitute.name };
    }
    const close = entry.match.kind === 'close' || entry.substitute?.match.kind === 'close';
    matched.push({ memberId: member.id, asWritten: entry.name, ...(substitute ? { substitute } : {}), ...(close ? { close: true as const } : {}) });
  }
  const paste = await deps.prisma.apologyPaste.create({ data: { meetingId: meeting.id, pastedById: clerk.id, matched, unresolved: unresolved.map((u) => ({ asWritten: u.asWritten, why: u.why, ...(u.candidateIds ? { candidateIds: u.candidateIds } : {}) })), none: passage.kind === 'none', createdAt: deps.now() } });
  return pasteResult(paste, meeting, members, 'preview', deps.now());
}
