// The calendar invite behind a meeting's "Add to calendar" link: found by the link's token,
// with the board's timezone, a sequence that grows with every change, and CANCELLED status
// once cancelled, so calendars that imported it update themselves.
import { meetingInvite } from '../../domain/calendar/ics.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { buildAgendaView } from '../agendas/agenda-view.ts';

export async function meetingCalendar(
  deps: { prisma: PrismaClient; publicBaseUrl?: string },
  token: string,
): Promise<{ filename: string; ics: string } | undefined> {
  if (!/^[\w-]{8,64}$/.test(token)) return undefined;
  const meeting = await deps.prisma.meeting.findUnique({
    where: { calendarToken: token },
    include: { board: true, items: { orderBy: { position: 'asc' } } },
  });
  if (!meeting || meeting.status === 'draft') return undefined;
  // Calendar files are forwarded and copied into people's own calendars: never exempt business.
  const agenda = buildAgendaView(meeting, { kind: 'channel', privateToBoard: false })
    .items.map((item) => `${item.number}. ${item.title}`)
    .join('\n');
  const ics = meetingInvite({
    uid: `${meeting.id}@quorum`,
    title: `${meeting.board.name}${meeting.title !== meeting.board.name ? `: ${meeting.title}` : ''}`,
    description: `Agenda\n${agenda}`,
    venue: meeting.venue ?? '',
    startsAt: meeting.startsAt,
    durationMinutes: meeting.durationMinutes,
    timezone: meeting.board.timezone,
    sequence: meeting.version,
    status: meeting.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED',
    ...(deps.publicBaseUrl ? { url: `${deps.publicBaseUrl}/calendar/${token}.ics` } : {}),
  });
  const date = meeting.startsAt.toISOString().slice(0, 10);
  return { filename: `${meeting.board.slug}-${date}.ics`, ics };
}
