// For each person: the meetings coming up on the boards they sit on (Slack App Home, the bot's
// personal chat in Teams). Members see published agendas; clerks also see drafts.
import type { Actor } from '../../domain/platform.ts';
import { toLocalParts } from '../../domain/time.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { identityOf } from '../boards/members.ts';
import { myReplies, type MyReply } from '../apologies/my-replies.ts';
import { whoAddsYou } from '../members/people-who-can-help.ts';

export interface UpcomingMeeting {
  meetingId: string;
  boardName: string;
  title: string;
  short: string;
  venue?: string;
  status: 'draft' | 'agenda_published';
  itemCount: number;
  isClerk: boolean;
  /** The person's own reply (apologies or attending), if they have sent one. */
  myReply?: MyReply;
}

export interface UpcomingMeetingsResult {
  kind: 'upcoming-meetings';
  meetings: UpcomingMeeting[];
  /** True when the person is on no board at all. */
  onNoBoard: boolean;
  /** Then: who adds them ("If you are on X, ask Tracy Scollin (clerk) to add you."). */
  whoAddsYou?: string;
}

export async function listUpcomingMeetings(
  deps: { prisma: PrismaClient; now: () => Date },
  input: { actor: Actor; limit?: number },
): Promise<UpcomingMeetingsResult> {
  const identity = identityOf(input.actor);
  const memberships = await deps.prisma.member.findMany({ where: { ...identity, active: true }, include: { roles: true, board: true } });
  if (memberships.length === 0) return { kind: 'upcoming-meetings', meetings: [], onNoBoard: true, whoAddsYou: await whoAddsYou(deps.prisma, input.actor) };
  const clerkOf = new Set(memberships.filter((m) => m.roles.length > 0).map((m) => m.boardId));
  const meetings = await deps.prisma.meeting.findMany({
    where: {
      boardId: { in: memberships.map((m) => m.boardId) },
      startsAt: { gt: deps.now() },
      status: { in: ['draft', 'agenda_published'] },
    },
    include: { board: true, _count: { select: { items: true } } },
    orderBy: { startsAt: 'asc' },
    take: 50,
  });
  const shown = meetings.filter((m) => m.status === 'agenda_published' || clerkOf.has(m.boardId)).slice(0, input.limit ?? 10);
  const replies = await myReplies(deps.prisma, memberships.map((m) => m.id), shown.map((m) => m.id));
  return {
    kind: 'upcoming-meetings',
    onNoBoard: false,
    meetings: shown
      .map((m) => ({
        meetingId: m.id,
        boardName: m.board.name,
        title: m.title,
        short: toLocalParts(m.startsAt, m.board.timezone).short,
        ...(m.venue ? { venue: m.venue } : {}),
        status: m.status as 'draft' | 'agenda_published',
        itemCount: m._count.items,
        isClerk: clerkOf.has(m.boardId),
        ...(replies.has(m.id) ? { myReply: replies.get(m.id) } : {}),
      })),
  };
}
