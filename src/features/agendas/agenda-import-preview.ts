// Items read from a pasted ORDER OF BUSINESS or a ModernGov meeting, held for the clerk to
// confirm: what the preview shows, and the held row read back from the database.
import { z } from 'zod';
import { agendaDraftSchema, type AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import { publishedAttendeeSchema } from '../../domain/attendance.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { AgendaImport } from '../../persistence/generated/client.ts';
import { formatPages, redactedItem, showsExempt, type AgendaAudience, type AgendaItemView } from './agenda-view.ts';

export interface UnreadLine {
  line: number;
  text: string;
  reason: string;
}

export interface AgendaImportPreviewResult {
  kind: 'agenda-import-preview';
  importId: string;
  source: 'paste' | 'moderngov';
  /** "for the meeting on Fri 4 Dec 2026, 10:00" or the imported meeting's details. */
  heading: string;
  items: AgendaItemView[];
  unread: UnreadLine[];
  /** What saving will do to the existing agenda. */
  effect: string;
  /** A paste can be continued: Slack takes 3,000 characters at a time. */
  canPasteMore: boolean;
  /** The meeting the items go into, when it exists already. */
  meetingId?: string;
}

const unreadSchema = z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() }));

export const moderngovDetailsSchema = z.object({
  title: z.string(),
  startsAt: z.string(),
  venue: z.string().nullable(),
  externalRef: z.string(),
  /** Who the council's system lists for the meeting, for the roster and apologies. */
  attendees: z.array(publishedAttendeeSchema).default([]),
});

/** The held row's JSON, parsed: anything else is a row this version cannot read. */
export function readHeldImport(held: AgendaImport): { items: AgendaItemDraft[]; unread: UnreadLine[]; details?: z.infer<typeof moderngovDetailsSchema> } {
  const items = agendaDraftSchema.safeParse(held.items);
  const unread = unreadSchema.safeParse(held.unread ?? []);
  const details = held.meetingDetails == null ? undefined : moderngovDetailsSchema.safeParse(held.meetingDetails);
  if (!items.success || !unread.success || (details && !details.success)) {
    throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those items can no longer be read. Paste or import them again.', { log: `agenda_import ${held.id} does not parse` });
  }
  return { items: items.data, unread: unread.data, ...(details?.success ? { details: details.data } : {}) };
}

/** The items as the preview shows them, to the audience reading it. */
export function previewItems(items: AgendaItemDraft[], audience: AgendaAudience): AgendaItemView[] {
  const full = showsExempt(audience);
  return items.map((item) =>
    item.exempt && !full
      ? redactedItem(item.number)
      : {
          number: item.number,
          title: item.title,
          subPoints: item.subPoints,
          ...(item.reportOf ? { reportOf: item.reportOf } : {}),
          ...(item.pages ? { pages: formatPages(item.pages.from, item.pages.to) as string } : {}),
          ...(item.minutes != null ? { minutes: item.minutes } : {}),
          exempt: item.exempt,
          ...(item.standing ? { standing: item.standing } : {}),
          links: item.links,
        },
  );
}
