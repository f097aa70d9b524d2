// What an agenda card shows, built from the database: the meeting in the board's timezone and
// its items. The rule for exempt business lives here: in a channel not private to the board an
// exempt item shows only as "Exempt item", without title, sub-points, report or links.
import { toLocalParts } from '../../domain/time.ts';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';

export interface AgendaItemView {
  number: string;
  title: string;
  subPoints: string[];
  reportOf?: string;
  pages?: string;
  minutes?: number;
  links: { title: string; url: string }[];
  exempt: boolean;
  standing?: string;
  /** An exempt item with everything but its number withheld from this audience. */
  redacted?: true;
}

/** What an exempt item shows where its business may not be seen: its number, nothing else. */
export function redactedItem(number: string): AgendaItemView & { redacted: true } {
  return { number, title: 'Exempt item', subPoints: [], links: [], exempt: true, redacted: true };
}

/** The rule for exempt business, in one place: withheld unless the audience may see it. */
export function redactExempt<V extends Pick<AgendaView, 'items' | 'showsExempt'>>(view: V): V {
  return { ...view, showsExempt: false, items: view.items.map((item) => (item.exempt ? redactedItem(item.number) : item)) };
}

export interface AgendaView {
  meeting: {
    id: string;
    boardName: string;
    title: string;
    status: 'draft' | 'agenda_published' | 'held' | 'minutes_approved' | 'cancelled';
    version: number;
    startsAt: string;
    timezone: string;
    date: string;
    time: string;
    short: string;
    durationMinutes: number;
    venue?: string;
    cancelReason?: string;
  };
  items: AgendaItemView[];
  /** Whether exempt items are shown in full (private channel, or the clerk's own preview). */
  showsExempt: boolean;
  /** Link to the meeting's calendar invite, when the service has a public address. */
  calendarUrl?: string;
}

export type MeetingWithItems = Prisma.MeetingGetPayload<{ include: { items: true; board: true } }>;

export async function loadMeeting(prisma: PrismaClient | Prisma.TransactionClient, meetingId: string): Promise<MeetingWithItems> {
  return prisma.meeting.findUniqueOrThrow({
    where: { id: meetingId },
    include: { items: { orderBy: { position: 'asc' } }, board: true },
  });
}

export function formatPages(from: number | null, to: number | null): string | undefined {
  if (from == null) return undefined;
  return to == null || to === from ? `${from}` : `${from} - ${to}`;
}

export function buildAgendaView(
  meeting: MeetingWithItems,
  options: { showExempt: boolean; publicBaseUrl?: string },
): AgendaView {
  const local = toLocalParts(meeting.startsAt, meeting.board.timezone);
  return {
    meeting: {
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
    },
    items: meeting.items.map((item) => {
      if (item.exempt && !options.showExempt) return redactedItem(item.number);
      const pages = formatPages(item.pageFrom, item.pageTo);
      return {
        number: item.number,
        title: item.title,
        subPoints: item.subPoints,
        ...(item.reportOf ? { reportOf: item.reportOf } : {}),
        ...(pages ? { pages } : {}),
        ...(item.minutes != null ? { minutes: item.minutes } : {}),
        links: Array.isArray(item.links) ? (item.links as { title: string; url: string }[]) : [],
        exempt: item.exempt,
        ...(item.standing ? { standing: item.standing } : {}),
      };
    }),
    showsExempt: options.showExempt,
    // The calendar serves published meetings only (a draft may still change date).
    ...(options.publicBaseUrl && meeting.status !== 'draft'
      ? { calendarUrl: `${options.publicBaseUrl}/calendar/${meeting.calendarToken}.ics` }
      : {}),
  };
}
