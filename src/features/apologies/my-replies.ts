// A person's own replies, for the list of their upcoming meetings (Slack App Home, the Teams
// personal chat): what they answered for each meeting, so they can see it and change it there.
import type { PrismaClient } from '../../persistence/generated/client.ts';

export interface MyReply {
  state: 'apologies' | 'attending';
  substitute?: string;
}

/** Replies of these member records to these meetings, by meeting id. */
export async function myReplies(prisma: PrismaClient, memberIds: string[], meetingIds: string[]): Promise<Map<string, MyReply>> {
  if (memberIds.length === 0 || meetingIds.length === 0) return new Map();
  const replies = await prisma.meetingReply.findMany({ where: { memberId: { in: memberIds }, meetingId: { in: meetingIds } }, include: { substitute: true } });
  return new Map(
    replies.map((r) => {
      const substitute = r.substitute?.name ?? r.substituteName ?? undefined;
      return [r.meetingId, { state: r.reply, ...(substitute ? { substitute } : {}) }];
    }),
  );
}
