// Building an agenda from what the clerk already has: a pasted ORDER OF BUSINESS table, or a
// meeting published through ModernGov. Either way the items are shown for confirmation first,
// with the lines that could not be read, and saved only when the clerk confirms.
import { randomBytes } from 'node:crypto';
import { z } from 'zod';
import type { AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import type { PublishedAttendee } from '../../domain/attendance.ts';
import { parseOrderOfBusiness } from '../../domain/agenda/parse-order-of-business.ts';
import { localToInstant, toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Actor } from '../../domain/platform.ts';
import { requireClerk, resolveBoard, type BoardContext } from '../boards/resolve-board.ts';
import { announceAgendaChange } from './agenda-delivery.ts';
import { MAX_ITEMS } from './agenda-item-form.ts';
import { buildAgendaView, loadMeeting } from './agenda-view.ts';
import type { MeetingDeps } from './manage-meeting.ts';
import type { MeetingResult } from './manage-meeting.ts';

export interface ImportedItemView {
  number: string;
  title: string;
  subPoints: string[];
  reportOf?: string;
  pages?: string;
  minutes?: number;
  exempt: boolean;
  standing?: string;
  links: { title: string; url: string }[];
  redacted?: true;
}

export interface AgendaImportPreviewResult {
  kind: 'agenda-import-preview';
  importId: string;
  source: 'paste' | 'moderngov';
  /** "for the meeting on Fri 4 Dec 2026, 10:00" or the imported meeting's details. */
  heading: string;
  items: ImportedItemView[];
  unread: { line: number; text: string; reason: string }[];
  /** What saving will do to the existing agenda. */
  effect: string;
}

export interface ModernGovMeeting {
  meeting: { externalId: string; title: string; startsAtLocal: string; venue?: string };
  items: AgendaItemDraft[];
  /** Kept with the held import (meetingDetails.attendees) for the roster and apologies features. */
  attendees: PublishedAttendee[];
}

export type FetchModernGov = (input: { baseUrl: string; meetingId: number }) => Promise<ModernGovMeeting>;

const toView = (item: AgendaItemDraft): ImportedItemView => ({
  number: item.number,
  title: item.title,
  subPoints: item.subPoints,
  ...(item.reportOf ? { reportOf: item.reportOf } : {}),
  ...(item.pages ? { pages: item.pages.from === item.pages.to ? `${item.pages.from}` : `${item.pages.from} - ${item.pages.to}` } : {}),
  ...(item.minutes != null ? { minutes: item.minutes } : {}),
  exempt: item.exempt,
  ...(item.standing ? { standing: item.standing } : {}),
  links: item.links,
});

const PASTE_MAX = 20_000;

/** Reads a pasted ORDER OF BUSINESS for a meeting and holds the result for confirmation. */
export async function previewPastedAgenda(
  deps: MeetingDeps,
  input: { actor: Actor; meetingId: string; values: Record<string, unknown> },
): Promise<AgendaImportPreviewResult> {
  const meeting = await loadMeeting(deps.prisma, input.meetingId).catch(() => {
    throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.');
  });
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const text = typeof input.values.text === 'string' ? input.values.text : '';
  if (!text.trim()) throw new AppError(ErrorCode.INVALID_INPUT, 'Paste the agenda first.', { text: 'Paste the ORDER OF BUSINESS table from the agenda pack.' });
  if (text.length > PASTE_MAX) throw new AppError(ErrorCode.INVALID_INPUT, 'That is too long.', { text: `Paste at most ${PASTE_MAX.toLocaleString('en-GB')} characters: the order of business, not the whole pack.` });
  const parsed = parseOrderOfBusiness(text);
  if (parsed.items.length === 0) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'No agenda items found.', {
      text: 'I could not find any numbered items. Paste the rows of the ORDER OF BUSINESS table, each starting with its number (e.g. "1. Welcome and Introductions").',
    });
  }
  if (parsed.items.length > MAX_ITEMS) throw new AppError(ErrorCode.INVALID_INPUT, 'Too many items.', { text: `An agenda holds ${MAX_ITEMS} items at most; this has ${parsed.items.length}.` });
  const held = await deps.prisma.agendaImport.create({
    data: { boardId: meeting.boardId, meetingId: meeting.id, source: 'paste', items: parsed.items as object[], unread: parsed.unread, createdBy: `${input.actor.platform}:${input.actor.userId}` },
  });
  return {
    kind: 'agenda-import-preview',
    importId: held.id,
    source: 'paste',
    heading: `Agenda read for ${meeting.title}, ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}`,
    items: parsed.items.map(toView),
    unread: parsed.unread,
    effect: `Saving replaces the ${meeting.items.length} items now on this meeting's agenda with these ${parsed.items.length}.`,
  };
}

const importInput = z.object({
  meetingId: z.coerce.number({ error: 'Give the ModernGov meeting id, a number.' }).int().positive({ error: 'Give the ModernGov meeting id, a positive number.' }),
  baseUrl: z.url({ protocol: /^https?$/, error: 'Give the council\u2019s ModernGov address, e.g. https://democracy.barnet.gov.uk' }),
});

/** Fetches a ModernGov meeting and holds it, with its items, for confirmation. */
export async function previewModernGovImport(
  deps: MeetingDeps & { fetchModernGov: FetchModernGov },
  input: BoardContext & { meetingId: string; baseUrl: string },
): Promise<AgendaImportPreviewResult> {
  const board = await resolveBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const parsed = importInput.safeParse({ meetingId: input.meetingId, baseUrl: input.baseUrl });
  if (!parsed.success) throw new AppError(ErrorCode.INVALID_INPUT, `${parsed.error.issues[0]?.message ?? 'Check the command.'} Usage: agenda import <meeting id> <ModernGov address>`);
  const fetched = await deps.fetchModernGov({ baseUrl: parsed.data.baseUrl, meetingId: parsed.data.meetingId });
  const [date, time] = fetched.meeting.startsAtLocal.split('T') as [string, string | undefined];
  const instant = localToInstant(date, (time ?? '00:00').slice(0, 5), board.timezone);
  if (!instant.ok) throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov gave a date I cannot read for that meeting (${fetched.meeting.startsAtLocal}).`);
  const externalRef = `moderngov:${new URL(parsed.data.baseUrl).origin}:${fetched.meeting.externalId}`;
  const existing = await deps.prisma.meeting.findFirst({ where: { boardId: board.id, externalRef } });
  const held = await deps.prisma.agendaImport.create({
    data: {
      boardId: board.id,
      meetingId: existing?.id ?? null,
      source: 'moderngov',
      meetingDetails: { title: fetched.meeting.title, startsAt: instant.instant.toISOString(), venue: fetched.meeting.venue ?? null, externalRef, attendees: fetched.attendees },
      items: fetched.items as object[],
      createdBy: `${input.actor.platform}:${input.actor.userId}`,
    },
  });
  const when = toLocalParts(instant.instant, board.timezone).short;
  return {
    kind: 'agenda-import-preview',
    importId: held.id,
    source: 'moderngov',
    heading: `${fetched.meeting.title}, ${when}${fetched.meeting.venue ? `, ${fetched.meeting.venue}` : ''} (ModernGov meeting ${fetched.meeting.externalId})`,
    items: fetched.items.map(toView),
    unread: [],
    effect: existing
      ? `This meeting was imported before: saving replaces its ${await deps.prisma.agendaItem.count({ where: { meetingId: existing.id } })} items with these ${fetched.items.length}.`
      : `Saving creates the meeting for ${when} with these ${fetched.items.length} items, as a draft to check before posting.`,
  };
}

/** The clerk confirms: the held items replace the meeting's agenda (or create the meeting). */
export async function applyAgendaImport(deps: MeetingDeps, input: { actor: Actor; payload: unknown }): Promise<MeetingResult> {
  const importId = z.object({ importId: z.string().uuid() }).safeParse(input.payload);
  if (!importId.success) throw new AppError(ErrorCode.INVALID_INPUT, 'That import could not be found. Paste or import again.');
  const held = await deps.prisma.agendaImport.findUnique({ where: { id: importId.data.importId }, include: { board: true } });
  if (!held) throw new AppError(ErrorCode.INVALID_INPUT, 'That import could not be found. Paste or import again.');
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) {
    if (!held.meetingId) throw new AppError(ErrorCode.INVALID_INPUT, 'Those items were saved already.');
    return { kind: 'meeting', notice: 'Those items were saved already.', agenda: buildAgendaView(await loadMeeting(deps.prisma, held.meetingId), { showExempt: true }) };
  }
  const items = held.items as unknown as AgendaItemDraft[];
  const meetingId = await deps.prisma.$transaction(async (tx) => {
    // The claim: a second click (or Slack's retry) finds it taken and changes nothing.
    const claimed = await tx.agendaImport.updateMany({ where: { id: held.id, appliedAt: null }, data: { appliedAt: deps.now() } });
    if (claimed.count === 0) return null;
    let id = held.meetingId;
    if (!id) {
      const details = held.meetingDetails as { title: string; startsAt: string; venue: string | null; externalRef: string };
      const created = await tx.meeting.create({
        data: { boardId: held.boardId, title: details.title, startsAt: new Date(details.startsAt), venue: details.venue, externalRef: details.externalRef, calendarToken: randomBytes(18).toString('base64url') },
      });
      id = created.id;
    } else {
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
  if (!meetingId) return applyAgendaImport(deps, input);
  deps.onQueued?.();
  const meeting = await loadMeeting(deps.prisma, meetingId);
  return {
    kind: 'meeting',
    notice: `Saved ${items.length} items to the agenda for ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}. Check it with "agenda preview", then "agenda post".`,
    agenda: buildAgendaView(meeting, { showExempt: true }),
  };
}
