// Pacing shared by every instance: a row per conversation (and one per platform) holding the next
// instant a message may go there, locked while a dispatcher books it.
import type { Platform } from '../domain/platform.ts';
import type { Prisma } from '../persistence/generated/client.ts';

/** Locks a lane if it is free now (or within `lookaheadMs`) and books its next slot: returns when
 * the message may go (now, or the lane's free time a little ahead), or undefined when busy or paced. */
export async function takeLane(
  tx: Prisma.TransactionClient,
  platform: Platform,
  laneKey: string,
  now: Date,
  gapMs: number,
  lookaheadMs = 0,
): Promise<Date | undefined> {
  const lock = () => tx.$queryRaw<{ next_at: Date }[]>`
    SELECT next_at FROM "delivery_lane" WHERE platform = ${platform}::"Platform" AND lane_key = ${laneKey}
    FOR UPDATE SKIP LOCKED`;
  // A lane that exists and is free (nearly always): one statement. Otherwise the lane is created if
  // it does not exist yet, and locked if it is free, as before (another dispatcher holding it, the
  // lock is skipped again).
  let lane = await lock();
  if (lane.length === 0) {
    await tx.$executeRaw`
      INSERT INTO "delivery_lane" (platform, lane_key, next_at) VALUES (${platform}::"Platform", ${laneKey}, ${now})
      ON CONFLICT DO NOTHING`;
    lane = await lock();
  }
  const nextAt = lane[0]?.next_at;
  if (!nextAt || nextAt.getTime() > now.getTime() + lookaheadMs) return undefined;
  const sendAt = nextAt.getTime() > now.getTime() ? nextAt : now;
  if (gapMs > 0) {
    await tx.$executeRaw`
      UPDATE "delivery_lane" SET next_at = ${new Date(sendAt.getTime() + gapMs)}
       WHERE platform = ${platform}::"Platform" AND lane_key = ${laneKey}`;
  }
  return sendAt;
}
