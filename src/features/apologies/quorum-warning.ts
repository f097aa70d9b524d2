// The clerk and chair are told when the quorum forecast falls to the quorum or below: once per
// fall (one message, not one per apology), and again with each reminder before the meeting. If the
// forecast recovers above the quorum (an apology withdrawn, a substitute named) and later falls
// again, that new fall is warned of too.
// "Once" is a row in quorum_warning, unique per meeting and occasion ("forecast:1", "forecast:2"...
// for each fall, "reminder:<key>" per reminder), written in the transaction of the reply that
// caused it, under the meeting's lock: two instances, two clicks or a retried request never send
// two. A recovery is recorded on the fall's row (recovered_at), which lets the next fall through.
import { randomUUID } from 'node:crypto';
import { needsWarning } from '../../domain/apologies/quorum-forecast.ts';
import { enqueue, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { Board, Meeting, Prisma } from '../../persistence/generated/client.ts';
import { loadMeeting, meetingView } from '../agendas/agenda-view.ts';
import { meetingForecast, meetingReplies } from './meeting-replies.ts';
import { quorumWarningTemplate } from './templates.ts';

export type WarningOccasion = { kind: 'forecast' } | { kind: 'reminder'; key: string };

/** Queues the warning if the forecast is at the quorum or below and this occasion has not been
 * warned of yet. Returns whether it was queued. */
export async function warnIfQuorumAtRisk(tx: Tx, meetingOrId: string | (Meeting & { board: Board }), occasion: WarningOccasion, ctx: DeliveryContext): Promise<boolean> {
  // Given the meeting with its board (read by the caller in this transaction), it is not read again.
  const meeting = typeof meetingOrId === 'string' ? await loadMeeting(tx, meetingOrId) : meetingOrId;
  if (meeting.status === 'cancelled') return false;
  const forecast = await meetingForecast(tx, meeting);
  let occasionKey: string;
  let fall: number | undefined;
  if (occasion.kind === 'forecast') {
    const falls = await tx.quorumWarning.findMany({ where: { meetingId: meeting.id, occasion: { startsWith: 'forecast:' } } });
    const unrecovered = falls.find((w) => w.recoveredAt === null);
    if (!needsWarning(forecast)) {
      if (unrecovered) await tx.quorumWarning.update({ where: { id: unrecovered.id }, data: { recoveredAt: ctx.now() } });
      return false;
    }
    // Still below or at the quorum since the last warning: nothing new to say.
    if (unrecovered) return false;
    fall = falls.length + 1;
    occasionKey = `forecast:${fall}`;
  } else {
    if (!needsWarning(forecast)) return false;
    occasionKey = `reminder:${occasion.key}`;
  }
  const marked = await (tx as Prisma.TransactionClient).$queryRaw<{ id: string }[]>`
    INSERT INTO "quorum_warning" ("id", "meeting_id", "occasion", "expected", "quorum")
    VALUES (${randomUUID()}::uuid, ${meeting.id}::uuid, ${occasionKey}, ${forecast.expected}, ${forecast.quorum})
    ON CONFLICT ("meeting_id", "occasion") DO NOTHING
    RETURNING "id"`;
  if (marked.length === 0) return false;
  const replies = await meetingReplies(tx, meeting.id);
  const apologies = replies
    .filter((r) => r.reply === 'apologies')
    .map((r) => ({ name: r.member.name, ...(r.substitute ? { substitute: r.substitute.name } : r.substituteName ? { substitute: r.substituteName } : {}) }));
  const roles = await tx.boardRole.findMany({ where: { boardId: meeting.boardId, role: { in: ['clerk', 'chair'] }, member: { active: true } }, include: { member: true } });
  const people = [...new Map(roles.map((r) => [r.member.id, r.member])).values()];
  for (const person of people) {
    for (const platform of ctx.platforms) {
      const userId = platform === 'slack' ? person.slackUserId : person.teamsAadId;
      if (!userId) continue;
      await enqueue(tx, {
        boardId: meeting.boardId,
        platform,
        target: { kind: 'user', id: userId },
        template: quorumWarningTemplate,
        data: {
          meeting: meetingView(meeting),
          occasion: occasion.kind,
          ...(fall ? { fall } : {}),
          expected: forecast.expected,
          quorum: forecast.quorum,
          counting: forecast.counting,
          noReply: forecast.noReply,
          apologies,
        },
        dedupeKey: `quorum-warning:${meeting.id}:${occasionKey}:${person.id}:${platform}`,
        digestible: false,
        expiresAt: meeting.startsAt,
      });
    }
  }
  return true;
}
