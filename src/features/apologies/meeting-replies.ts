// What the apologies feature reads about one meeting: the board's roster, every reply, and the
// quorum forecast from them (src/domain/apologies/quorum-forecast.ts). Also the counts a posted
// agenda card shows, which the agendas feature reads through replyCounts (no names: the card is
// in a channel).
import { forecastQuorum, type ForecastOptions, type ForecastReply, type QuorumForecast } from '../../domain/apologies/quorum-forecast.ts';
import type { Member, MeetingReply, Prisma, PrismaClient } from '../../persistence/generated/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type ReplyWithPeople = MeetingReply & { member: Member; substitute: Member | null };

/** Who is asked to reply: the board's active members, observers and officers aside (advisers
 * and observers may reply, but are not chased and never count). */
export async function boardRoster(db: Db, boardId: string): Promise<Member[]> {
  return db.member.findMany({ where: { boardId, active: true }, orderBy: { name: 'asc' } });
}

export async function meetingReplies(db: Db, meetingId: string): Promise<ReplyWithPeople[]> {
  return db.meetingReply.findMany({ where: { meetingId }, include: { member: true, substitute: true }, orderBy: { createdAt: 'asc' } });
}

export const forecastReplies = (replies: readonly MeetingReply[]): ForecastReply[] =>
  replies.map((r) => ({
    memberId: r.memberId,
    reply: r.reply,
    ...(r.substituteMemberId ? { substitute: { kind: 'member' as const, memberId: r.substituteMemberId } } : r.substituteName ? { substitute: { kind: 'named' as const, name: r.substituteName } } : {}),
  }));

/** The board's settings that the forecast follows. */
export type ForecastBoard = { quorum: number; namedSubstitutesCount: boolean };

export const boardForecastOptions = (board: ForecastBoard): ForecastOptions => ({ namedSubstitutesCount: board.namedSubstitutesCount });

export async function meetingForecast(db: Db, meeting: { id: string; boardId: string; board: ForecastBoard }): Promise<QuorumForecast> {
  // One query after the other: inside a transaction they share one connection.
  return forecastFrom(db, meeting, await db.meetingReply.findMany({ where: { meetingId: meeting.id } }));
}

/** The forecast from replies already read, with the board's roster. */
async function forecastFrom(db: Db, meeting: { boardId: string; board: ForecastBoard }, replies: MeetingReply[]): Promise<QuorumForecast> {
  const roster = await boardRoster(db, meeting.boardId);
  return forecastQuorum(roster, forecastReplies(replies), meeting.board.quorum, boardForecastOptions(meeting.board));
}

/** What the posted card shows: counts, and the names of those who sent apologies only when the
 * board has chosen to show them in its channel ("apologies settings"); reasons never. */
export type ReplyCounts = { apologies: number; attending: number; expected: number; quorum: number; names?: string[] };

/** The meeting as replyCounts reads it: given by a caller that has it (with its board), it is not read again. */
export type CountedMeeting = { id: string; boardId: string; board: ForecastBoard & { showApologyNames: boolean } };

const nameWithSubstitute = (r: ReplyWithPeople): string => {
  const substitute = r.substitute?.name ?? r.substituteName;
  return substitute ? `${r.member.name} (${substitute} substituting)` : r.member.name;
};

export async function replyCounts(db: Db, meetingOrId: string | CountedMeeting): Promise<ReplyCounts> {
  const meeting = typeof meetingOrId === 'string' ? await db.meeting.findUniqueOrThrow({ where: { id: meetingOrId }, include: { board: true } }) : meetingOrId;
  // The people who replied are read only when the card names them; the forecast is worked out from
  // the same replies (and the roster), not from a second read of them.
  let replies: MeetingReply[];
  let names: string[] | undefined;
  if (meeting.board.showApologyNames) {
    const withPeople = await meetingReplies(db, meeting.id);
    names = withPeople.filter((r) => r.reply === 'apologies').map(nameWithSubstitute);
    replies = withPeople;
  } else {
    replies = await db.meetingReply.findMany({ where: { meetingId: meeting.id }, orderBy: { createdAt: 'asc' } });
  }
  const forecast = await forecastFrom(db, meeting, replies);
  return {
    apologies: replies.filter((r) => r.reply === 'apologies').length,
    attending: replies.filter((r) => r.reply === 'attending').length,
    expected: forecast.expected,
    quorum: forecast.quorum,
    ...(names ? { names } : {}),
  };
}
