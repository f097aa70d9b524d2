// Paste to record: the clerk pastes an apologies passage (a sentence or a list with roles, as the
// seeds' minutes write them) and the people it names are matched to the roster and recorded: as
// apologies while the meeting is to come, as attendance marks once it has started. A name that
// matches nobody, or several people, is shown for the clerk to resolve and never dropped; a close
// spelling ("Ms Abram" for Lynne Abrams) is recorded and flagged.
import { parseApologies, type ParsedApology, type ParsedPerson } from '../../domain/apologies/parse-apologies.ts';
import type { RosterPerson } from '../../domain/apologies/match-member.ts';
import { toLocalParts } from '../../domain/time.ts';
import { formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import type { Member } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { meetingView, type MeetingView } from '../agendas/agenda-view.ts';
import { pasteForm } from './paste-form.ts';
import { loadMeetingForReplies, lockMeeting } from './open-meeting.ts';
import { saveReply, substituteChoices, type Substitute } from './save-reply.ts';

export interface PastedEntry {
  /** As written in the passage. */
  asWritten: string;
  memberName?: string;
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
  meeting: MeetingView;
  /** "replies" before the meeting, "attendance" once it has started. */
  recordedAs: 'replies' | 'attendance';
  recorded: PastedEntry[];
  unresolved: UnresolvedEntry[];
  /** The passage said "None." */
  none: boolean;
}

export async function openPasteForm(deps: CoreDeps, input: Invocation & { meetingId: string }) {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  return openForm(pasteForm, { metadata: { meetingId: meeting.id }, context: `${meeting.board.name}: apologies for the meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}` });
}

const matchedId = (person: ParsedPerson): string | undefined => (person.match.kind === 'exact' || person.match.kind === 'close' ? person.match.memberId : undefined);

const whyUnresolved = (entry: ParsedApology, roster: Member[]): string =>
  entry.match.kind === 'ambiguous'
    ? `Could be ${entry.match.candidateIds.map((id) => roster.find((m) => m.id === id)?.name ?? '').filter(Boolean).join(' or ')}: record it with "apologies record".`
    : 'Not on the roster: add them, or record it with "apologies record".';

export async function pasteApologies(deps: CoreDeps, input: Invocation & { meetingId: string; text: string }): Promise<PasteResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
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
  const result: PasteResult = { kind: 'apologies.paste', meeting: meetingView(meeting), recordedAs: meeting.startsAt > deps.now() ? 'replies' : 'attendance', recorded: [], unresolved: [], none: passage.kind === 'none' };
  if (passage.kind === 'none') return result;
  for (const entry of passage.apologies) {
    const memberId = matchedId(entry);
    const member = members.find((m) => m.id === memberId);
    if (!member) {
      result.unresolved.push({ asWritten: entry.name + (entry.details ? `, ${entry.details}` : ''), why: whyUnresolved(entry, members) });
      continue;
    }
    let substitute: Substitute | undefined;
    if (entry.substitute) {
      const subId = matchedId(entry.substitute);
      const allowed = subId ? (await substituteChoices(deps.prisma, member)).some((m) => m.id === subId) : false;
      substitute = subId && allowed ? { kind: 'member', memberId: subId } : { kind: 'named', name: entry.substitute.name };
    }
    if (result.recordedAs === 'replies') {
      const saved = await saveReply(deps, { actor: input.actor, meetingId: meeting.id, memberId: member.id, change: { reply: 'apologies', ...(substitute ? { substitute } : {}) }, fromMinutes: true });
      const subName = saved.reply?.substitute?.name ?? saved.reply?.substituteName ?? undefined;
      result.recorded.push({ asWritten: entry.name, memberName: member.name, ...(subName ? { substitute: subName } : {}), ...(entry.match.kind === 'close' || entry.substitute?.match.kind === 'close' ? { close: true as const } : {}) });
    } else {
      const subName = substitute?.kind === 'member' ? members.find((m) => m.id === substitute.memberId)?.name : substitute?.name;
      await deps.prisma.$transaction(async (tx) => {
        await lockMeeting(tx, meeting.id);
        const fields = { mark: subName ? ('substitute' as const) : ('apologies' as const), substituteName: subName ?? null, markedById: clerk.id };
        await tx.attendanceRecord.upsert({ where: { meetingId_memberId: { meetingId: meeting.id, memberId: member.id } }, create: { meetingId: meeting.id, memberId: member.id, ...fields }, update: fields });
      });
      result.recorded.push({ asWritten: entry.name, memberName: member.name, ...(subName ? { substitute: subName } : {}), ...(entry.match.kind === 'close' || entry.substitute?.match.kind === 'close' ? { close: true as const } : {}) });
    }
  }
  return result;
}
