// What an agenda card shows, built from the database: the meeting in the board's timezone and its
// items, for one audience. The exempt rule lives here and nowhere else: an exempt item (business
// not open to the public) is shown in full only to an audience allowed to see it, and otherwise as
// its number and the words "Exempt item". A view cannot be built without saying who it is for.
import { z } from 'zod';
import type { Platform } from '../../domain/platform.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { toLocalParts } from '../../domain/time.ts';
import type { Board, Prisma, PrismaClient } from '../../persistence/generated/client.ts';

/** Who will read the view. */
export type AgendaAudience =
  /** A clerk or the chair alone: everything. */
  | { kind: 'clerk' }
  /** A channel (or a member, who sees what the board's channel shows): exempt business only if
   * the channel is the board's own channel and marked private to the board. */
  | { kind: 'channel'; privateToBoard: boolean };

export const CLERK_ALONE: AgendaAudience = { kind: 'clerk' };

/** The audience of a channel: private to the board only if it is the board's current channel on
 * that platform and the clerk marked it so. A card left in a channel that is no longer the
 * board's is treated as public. */
export function channelAudience(board: Pick<Board, 'slackChannelId' | 'teamsChannelId' | 'channelIsPrivate'>, platform: Platform, channelId: string | undefined): AgendaAudience {
  const boardChannel = platform === 'slack' ? board.slackChannelId : board.teamsChannelId;
  return { kind: 'channel', privateToBoard: Boolean(channelId) && channelId === boardChannel && board.channelIsPrivate };
}

/** A member reading privately sees what the board's channel shows. */
export function memberAudience(board: Pick<Board, 'channelIsPrivate'>): AgendaAudience {
  return { kind: 'channel', privateToBoard: board.channelIsPrivate };
}

export const showsExempt = (audience: AgendaAudience): boolean => audience.kind === 'clerk' || audience.privateToBoard;

const link = z.object({ title: z.string(), url: z.string() });

export const agendaItemViewSchema = z.object({
  number: z.string(),
  title: z.string(),
  subPoints: z.array(z.string()),
  reportOf: z.string().optional(),
  pages: z.string().optional(),
  minutes: z.number().optional(),
  links: z.array(link),
  exempt: z.boolean(),
  standing: z.string().optional(),
  /** An exempt item with everything but its number withheld from this audience. */
  redacted: z.literal(true).optional(),
});
export type AgendaItemView = z.infer<typeof agendaItemViewSchema>;

export const meetingViewSchema = z.object({
  id: z.string(),
  boardName: z.string(),
  title: z.string(),
  status: z.enum(['draft', 'agenda_published', 'held', 'minutes_approved', 'cancelled']),
  version: z.number(),
  startsAt: z.string(),
  timezone: z.string(),
  date: z.string(),
  time: z.string(),
  short: z.string(),
  durationMinutes: z.number(),
  venue: z.string().optional(),
  cancelReason: z.string().optional(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const agendaViewSchema = z.object({
  meeting: meetingViewSchema,
  items: z.array(agendaItemViewSchema),
  /** Whether exempt items are shown in full to this audience. */
  showsExempt: z.boolean(),
  /** Link to the meeting's calendar invite, when the service has a public address. */
  calendarUrl: z.string().optional(),
  /** Replies so far: counts, and names of those who sent apologies only when the board shows them
   * in its channel (the card may be in a channel; by default names are for the clerk's list). */
  replies: z.object({ apologies: z.number(), attending: z.number(), expected: z.number(), quorum: z.number(), names: z.array(z.string()).optional() }).optional(),
});
export type AgendaView = z.infer<typeof agendaViewSchema>;

/** What an exempt item shows where its business may not be seen: its number, nothing else. */
export function redactedItem(number: string): AgendaItemView {
  return { number, title: 'Exempt item', subPoints: [], links: [], exempt: true, redacted: true };
}

export type MeetingWithItems = Prisma.MeetingGetPayload<{ include: { items: true; board: true } }>;

/** A meeting's items in agenda order, and its board. */
export const MEETING_WITH_ITEMS = { items: { orderBy: { position: 'asc' } }, board: true } as const satisfies Prisma.MeetingInclude;

/** The meeting with its items and board; a meeting that no longer exists (a stale form's id) is
 * MEETING_NOT_FOUND, said plainly, not a database error. */
export async function loadMeeting(prisma: PrismaClient | Prisma.TransactionClient, meetingId: string): Promise<MeetingWithItems> {
  const meeting = await prisma.meeting.findUnique({ where: { id: meetingId }, include: MEETING_WITH_ITEMS });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists. Run the command again for a fresh card.', { log: `meeting ${meetingId} not found` });
  return meeting;
}

export function formatPages(from: number | null, to: number | null): string | undefined {
  if (from == null) return undefined;
  return to == null || to === from ? `${from}` : `${from} - ${to}`;
}

export function meetingView(meeting: Omit<MeetingWithItems, 'items'>): MeetingView {
  const local = toLocalParts(meeting.startsAt, meeting.board.timezone);
  return {
    id: meeting.id,
    boardName: meeting.board.name,
    title: meeting.title,
    status: meeting.status,
    version: meeting.version,
    startsAt: meeting.startsAt.toISOString(),
    timezone: meeting.board.timezone,
    date: local.date,
    time: local.time,
    short: local.short,
    durationMinutes: meeting.durationMinutes,
    ...(meeting.venue ? { venue: meeting.venue } : {}),
    ...(meeting.cancelReason ? { cancelReason: meeting.cancelReason } : {}),
  };
}

const linksOf = (value: Prisma.JsonValue): { title: string; url: string }[] => {
  const parsed = z.array(link).safeParse(value);
  return parsed.success ? parsed.data : [];
};

export function buildAgendaView(meeting: MeetingWithItems, audience: AgendaAudience, options: { publicBaseUrl?: string } = {}): AgendaView {
  const full = showsExempt(audience);
  return {
    meeting: meetingView(meeting),
    items: meeting.items.map((item) => {
      if (item.exempt && !full) return redactedItem(item.number);
      const pages = formatPages(item.pageFrom, item.pageTo);
      return {
        number: item.number,
        title: item.title,
        subPoints: item.subPoints,
        ...(item.reportOf ? { reportOf: item.reportOf } : {}),
        ...(pages ? { pages } : {}),
        ...(item.minutes != null ? { minutes: item.minutes } : {}),
        links: linksOf(item.links),
        exempt: item.exempt,
        ...(item.standing ? { standing: item.standing } : {}),
      };
    }),
    showsExempt: full,
    // The calendar serves published meetings only (a draft may still change date).
    ...(options.publicBaseUrl && meeting.status !== 'draft' ? { calendarUrl: `${options.publicBaseUrl}/calendar/${meeting.calendarToken}.ics` } : {}),
  };
}
