// A clerk builds the agenda: adds, edits, moves and removes items. Items are numbered by their
// place; a change to a published agenda updates the posted cards and says what changed.
import { AppError, ErrorCode } from '../../errors.ts';
import type { Tx } from '../../delivery/outbox.ts';
import { requireClerk } from '../boards/resolve-board.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { MAX_ITEMS, readItemForm, type ItemFields } from './agenda-item-form.ts';
import { buildAgendaView, loadMeeting, type AgendaView } from './agenda-view.ts';
import type { MeetingDeps } from './manage-meeting.ts';
import { CLOSING_STANDING } from './standing-items.ts';
import type { Actor } from '../../domain/platform.ts';

export interface AgendaEditedResult {
  kind: 'agenda-edited';
  notice: string;
  agenda: AgendaView;
}

/** Renumbers 1..n in position order. */
async function renumber(tx: Tx, meetingId: string): Promise<void> {
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: [{ position: 'asc' }, { createdAt: 'asc' }] });
  for (const [index, item] of items.entries()) {
    if (item.position !== index + 1 || item.number !== String(index + 1)) {
      await tx.agendaItem.update({ where: { id: item.id }, data: { position: index + 1, number: String(index + 1) } });
    }
  }
}

/** Puts a business item before Any Other Business / Date of Next Meeting. */
export async function insertItemBeforeClosing(
  tx: Tx,
  meetingId: string,
  item: Partial<ItemFields> & { title: string },
): Promise<{ id: string; number: string }> {
  const items = await tx.agendaItem.findMany({ where: { meetingId }, orderBy: { position: 'asc' } });
  if (items.length >= MAX_ITEMS) throw new AppError(ErrorCode.INVALID_INPUT, `An agenda holds ${MAX_ITEMS} items at most.`);
  const closing = items.find((i) => i.standing && CLOSING_STANDING.has(i.standing));
  const position = closing ? closing.position : items.length + 1;
  await tx.agendaItem.updateMany({ where: { meetingId, position: { gte: position } }, data: { position: { increment: 1 } } });
  const created = await tx.agendaItem.create({
    data: {
      meetingId,
      position,
      number: String(position),
      title: item.title,
      subPoints: item.subPoints ?? [],
      reportOf: item.reportOf ?? null,
      pageFrom: item.pageFrom ?? null,
      pageTo: item.pageTo ?? null,
      minutes: item.minutes ?? null,
      links: item.links ?? [],
      exempt: item.exempt ?? false,
    },
  });
  await renumber(tx, meetingId);
  const fresh = await tx.agendaItem.findUniqueOrThrow({ where: { id: created.id } });
  return { id: fresh.id, number: fresh.number };
}

async function editable(deps: MeetingDeps, actor: Actor, meetingId: string) {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId }, include: { board: true } });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.');
  await requireClerk(deps.prisma, meeting.board, actor);
  if (meeting.status === 'cancelled') throw new AppError(ErrorCode.MEETING_CANCELLED, 'That meeting is cancelled; its agenda cannot change.');
  if (meeting.startsAt <= deps.now()) throw new AppError(ErrorCode.MEETING_PASSED, 'That meeting has started; its agenda can no longer change.');
  return meeting;
}

async function finish(deps: MeetingDeps, meetingId: string, notice: string, changed: boolean): Promise<AgendaEditedResult> {
  if (changed) deps.onQueued?.();
  const meeting = await loadMeeting(deps.prisma, meetingId);
  return { kind: 'agenda-edited', notice, agenda: buildAgendaView(meeting, { showExempt: true }) };
}

const label = (title: string, exempt: boolean) => (exempt ? 'an exempt item' : title);

export async function addAgendaItem(deps: MeetingDeps, input: { actor: Actor; meetingId: string; values: Record<string, unknown> }) {
  await editable(deps, input.actor, input.meetingId);
  const fields = readItemForm(input.values);
  let number = '';
  await deps.prisma.$transaction(async (tx) => {
    ({ number } = await insertItemBeforeClosing(tx, input.meetingId, fields));
    await announceAgendaChange(tx, input.meetingId, [`Item ${number} added: ${label(fields.title, fields.exempt)}`], deps);
  });
  return finish(deps, input.meetingId, `Added as item ${number}.`, true);
}

async function findItem(deps: MeetingDeps, meetingId: string, number: string) {
  const item = await deps.prisma.agendaItem.findFirst({ where: { meetingId, number: number.replace(/\.$/, '') } });
  if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, `The agenda has no item ${number}.`);
  return item;
}

export async function editAgendaItem(deps: MeetingDeps, input: { actor: Actor; meetingId: string; itemId: string; values: Record<string, unknown> }) {
  await editable(deps, input.actor, input.meetingId);
  const item = await deps.prisma.agendaItem.findFirst({ where: { id: input.itemId, meetingId: input.meetingId } });
  if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, 'That item is no longer on the agenda.');
  const fields = readItemForm(input.values);
  await deps.prisma.$transaction(async (tx) => {
    await tx.agendaItem.update({ where: { id: item.id }, data: fields });
    await announceAgendaChange(tx, input.meetingId, [`Item ${item.number} changed: ${label(fields.title, fields.exempt)}`], deps);
  });
  return finish(deps, input.meetingId, `Item ${item.number} saved.`, true);
}

export async function moveAgendaItem(deps: MeetingDeps, input: { actor: Actor; meetingId: string; number: string; to: number }) {
  await editable(deps, input.actor, input.meetingId);
  const item = await findItem(deps, input.meetingId, input.number);
  const count = await deps.prisma.agendaItem.count({ where: { meetingId: input.meetingId } });
  if (!Number.isInteger(input.to) || input.to < 1 || input.to > count) {
    throw new AppError(ErrorCode.INVALID_INPUT, `Move it to a place from 1 to ${count}.`);
  }
  if (input.to === item.position) return finish(deps, input.meetingId, 'Nothing moved: the item is already there.', false);
  await deps.prisma.$transaction(async (tx) => {
    const others = (await tx.agendaItem.findMany({ where: { meetingId: input.meetingId }, orderBy: { position: 'asc' } })).filter((i) => i.id !== item.id);
    others.splice(input.to - 1, 0, item);
    for (const [index, each] of others.entries()) {
      await tx.agendaItem.update({ where: { id: each.id }, data: { position: index + 1, number: String(index + 1) } });
    }
    await announceAgendaChange(tx, input.meetingId, [`Item "${label(item.title, item.exempt)}" moved from ${item.number} to ${input.to}; items renumbered`], deps);
  });
  return finish(deps, input.meetingId, `Moved to ${input.to}; the items are renumbered.`, true);
}

export async function removeAgendaItem(deps: MeetingDeps, input: { actor: Actor; meetingId: string; number: string }) {
  await editable(deps, input.actor, input.meetingId);
  const item = await findItem(deps, input.meetingId, input.number);
  await deps.prisma.$transaction(async (tx) => {
    await tx.agendaItem.delete({ where: { id: item.id } });
    await renumber(tx, input.meetingId);
    await announceAgendaChange(tx, input.meetingId, [`Item ${item.number} withdrawn: ${label(item.title, item.exempt)}; items renumbered`], deps);
  });
  return finish(deps, input.meetingId, `Item ${item.number} removed; the items are renumbered.`, true);
}
