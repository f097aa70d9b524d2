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
  const roster = await boardRoster(db, meeting.boardId);
  const replies = await db.meetingReply.findMany({ where: { meetingId: meeting.id } });
  return forecastQuorum(roster, forecastReplies(replies), meeting.board.quorum, boardForecastOptions(meeting.board));
}

/** What the posted card shows: counts, and the names of those who sent apologies only when the
 * board has chosen to show them in its channel ("apologies settings"); reasons never. */
export type ReplyCounts = { apologies: number; attending: number; expected: number; quorum: number; names?: string[] };

export async function replyCounts(db: Db, meetingId: string): Promise<ReplyCounts> {
  const meeting = await db.meeting.findUniqueOrThrow({ where: { id: meetingId }, include: { board: true } });
  const replies = await meetingReplies(db, meetingId);
  const forecast = await meetingForecast(db, meeting);
  const apologies = replies.filter((r) => r.reply === 'apologies');
  return {
    apologies: apologies.length,
    attending: replies.filter((r) => r.reply === 'attending').length,
    expected: forecast.expected,
    quorum: forecast.quorum,
    ...(meeting.board.showApologyNames
      ? {
          names: apologies.map((r) => {
            const substitute = r.substitute?.name ?? r.substituteName;
            return substitute ? `${r.member.name} (${substitute} substituting)` : r.member.name;
          }),
        }
      : {}),
  };
}
