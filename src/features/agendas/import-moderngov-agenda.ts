// A clerk imports a meeting published through the council's ModernGov site: it is fetched, read,
// and held with its items for confirmation.
import { z } from 'zod';
import type { AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import type { PublishedAttendee } from '../../domain/attendance.ts';
import { localToInstant, toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { EXEMPT_NOTE } from './agenda-answer.ts';
import { previewItems, type AgendaImportPreviewResult } from './agenda-import-preview.ts';
import { channelAudience, CLERK_ALONE } from './agenda-view.ts';

export interface ModernGovMeeting {
  meeting: { externalId: string; title: string; startsAtLocal: string; venue?: string };
  items: AgendaItemDraft[];
  /** Kept with the held import (meetingDetails.attendees) for the roster and apologies features. */
  attendees: PublishedAttendee[];
}

export type FetchModernGov = (input: { baseUrl: string; meetingId: number }) => Promise<ModernGovMeeting>;

const importInput = z.object({
  meetingId: z.coerce.number({ error: 'Give the ModernGov meeting id, a number.' }).int().positive({ error: 'Give the ModernGov meeting id, a positive number.' }),
  baseUrl: z.url({ protocol: /^https?$/, error: 'Give the council\u2019s ModernGov address, e.g. https://democracy.barnet.gov.uk' }),
});

export async function importModernGovAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; baseUrl: string }): Promise<AgendaImportPreviewResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const parsed = importInput.safeParse({ meetingId: input.meetingId, baseUrl: input.baseUrl });
  if (!parsed.success) {
    throw new AppError(ErrorCode.IMPORT_ADDRESS_INVALID, `${parsed.error.issues[0]?.message ?? 'Check the command.'} Type it as: agenda import <meeting id> <ModernGov address>`);
  }
  const fetched = await deps.fetchModernGov({ baseUrl: parsed.data.baseUrl, meetingId: parsed.data.meetingId });
  const [date, time] = fetched.meeting.startsAtLocal.split('T') as [string, string | undefined];
  const instant = localToInstant(date, (time ?? '00:00').slice(0, 5), board.timezone);
  if (!instant.ok) throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov gave a date I cannot read for that meeting (${fetched.meeting.startsAtLocal.slice(0, 40)}).`);
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
  const audience = input.audience === 'person' ? CLERK_ALONE : channelAudience(board, input.actor.platform, input.conversationId);
  const items = previewItems(fetched.items, audience);
  const effect = existing
    ? `This meeting was imported before: saving replaces its ${await deps.prisma.agendaItem.count({ where: { meetingId: existing.id } })} items with these ${fetched.items.length}.`
    : `Saving creates the meeting for ${when} with these ${fetched.items.length} items, as a draft to check before posting.`;
  return {
    kind: 'agenda-import-preview',
    importId: held.id,
    source: 'moderngov',
    heading: `${fetched.meeting.title}, ${when}${fetched.meeting.venue ? `, ${fetched.meeting.venue}` : ''} (ModernGov meeting ${fetched.meeting.externalId})`,
    items,
    unread: [],
    effect: items.some((i) => i.redacted) ? `${effect} ${EXEMPT_NOTE}` : effect,
    canPasteMore: false,
  };
}
