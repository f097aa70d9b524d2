// The clerk confirms a held paste or import: its items replace the meeting's agenda (or create the
// meeting, for a ModernGov import). Claimed once: a second click or Slack's retry changes nothing.
import { randomBytes } from 'node:crypto';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { requireClerk } from '../boards/members.ts';
import { agendaAnswer, type AgendaResult } from './agenda-answer.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { readHeldImport } from './agenda-import-preview.ts';
import { AGENDA_ITEMS_MAX } from '../../domain/agenda/agenda-item.ts';
import { lockBoard } from '../meetings/meeting-time.ts';
import { lockMeeting } from './insert-agenda-item.ts';

export async function saveAgendaImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<AgendaResult> {
  const held = await deps.prisma.agendaImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That import could not be found. Paste or import again.', { log: `agenda_import ${input.importId} not found` });
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) {
    if (!held.meetingId) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those items were saved already.');
    return agendaAnswer(deps, { meetingId: held.meetingId, invocation: input, notice: 'Those items were saved already.', clerk: true });
  }
  const { items, details } = readHeldImport(held);
  if (items.length > AGENDA_ITEMS_MAX) {
    throw new AppError(ErrorCode.AGENDA_FULL, `An agenda holds ${AGENDA_ITEMS_MAX} items at most; this import has ${items.length}. Import a shorter agenda, or paste it in parts.`, { log: `agenda_import ${held.id} with ${items.length} items` });
  }
  const meetingId = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.agendaImport.updateMany({ where: { id: held.id, appliedAt: null }, data: { appliedAt: deps.now() } });
    if (claimed.count === 0) return null;
    let id = held.meetingId;
    if (!id) {
      if (!details) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That import has no meeting to save into. Import it again.', { log: `agenda_import ${held.id} without meeting details` });
      // One meeting per ModernGov meeting: another import of it may have been saved since this
      // one was read (looked up again with the board locked), and then its agenda is replaced.
      await lockBoard(tx, held.boardId);
      const imported = await tx.meeting.findFirst({ where: { boardId: held.boardId, externalRef: details.externalRef } });
      id = imported?.id ?? null;
    }
    if (!id) {
      if (!details) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That import has no meeting to save into. Import it again.', { log: `agenda_import ${held.id} without meeting details` });
      const created = await tx.meeting.create({
        data: { boardId: held.boardId, title: details.title, startsAt: new Date(details.startsAt), venue: details.venue, externalRef: details.externalRef, calendarToken: randomBytes(18).toString('base64url') },
      });
      id = created.id;
    } else {
      await lockMeeting(tx, id);
      const meeting = await tx.meeting.findUniqueOrThrow({ where: { id } });
      if (meeting.status === 'cancelled' || meeting.startsAt <= deps.now()) throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting is cancelled or has started; its agenda can no longer change.');
      await tx.agendaItem.deleteMany({ where: { meetingId: id } });
    }
    await tx.agendaItem.createMany({
      data: items.map((item, index) => ({
        meetingId: id as string,
        position: index + 1,
        number: item.number || String(index + 1),
        title: item.title,
        subPoints: item.subPoints,
        reportOf: item.reportOf ?? null,
        pageFrom: item.pages?.from ?? null,
        pageTo: item.pages?.to ?? null,
        minutes: item.minutes ?? null,
        links: item.links,
        exempt: item.exempt,
        standing: item.standing ?? null,
      })),
    });
    await tx.agendaImport.update({ where: { id: held.id }, data: { meetingId: id } });
    await announceAgendaChange(tx, id, ['The agenda has been revised'], deps);
    return id;
  });
  // Someone else's click claimed it between our read and our claim: answer as they were answered.
  if (!meetingId) return saveAgendaImport(deps, input);
  deps.onQueued?.();
  const meeting = await deps.prisma.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { board: true } });
  const notice = `Saved ${items.length} items to the agenda for ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}. Check it with "agenda preview", then "agenda post".`;
  return agendaAnswer(deps, { meetingId, invocation: input, notice, clerk: true });
}
