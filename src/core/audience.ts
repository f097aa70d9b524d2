// Who will see a result. On Slack a command's answer is ephemeral (the person alone); on Teams an
// answer in a channel or group chat is seen by everyone there. Exempt business (not open to the
// public) is shown in full only to the person alone, or in the board's own channel when that is
// marked private to the board.
import type { PrismaClient } from '../persistence/generated/client.ts';
import { redactedItem, redactExempt } from '../use-cases/meetings/agenda-view.ts';
import type { CommandResult } from './results.ts';

export type Audience = 'actor' | 'conversation';

const EXEMPT_NOTE = 'Exempt items are shown as "Exempt item" here, where others can see them; ask in your own chat with Quorum to see them in full.';

async function conversationIsPrivateBoardChannel(prisma: PrismaClient, conversationId: string | undefined): Promise<boolean> {
  if (!conversationId) return false;
  const board = await prisma.board.findFirst({
    where: { channelIsPrivate: true, OR: [{ slackChannelId: conversationId }, { teamsChannelId: conversationId }] },
    select: { id: true },
  });
  return board !== null;
}

/** The result as the audience may see it. */
export async function forAudience(
  prisma: PrismaClient,
  result: CommandResult,
  audience: Audience | undefined,
  conversationId: string | undefined,
): Promise<CommandResult> {
  if (audience !== 'conversation') return result;
  const hasExempt =
    ('agenda' in result && result.agenda.showsExempt && result.agenda.items.some((i) => i.exempt)) ||
    (result.kind === 'agenda-import-preview' && result.items.some((i) => i.exempt));
  if (!hasExempt || (await conversationIsPrivateBoardChannel(prisma, conversationId))) return result;
  if (result.kind === 'agenda-import-preview') {
    return {
      ...result,
      effect: `${result.effect} ${EXEMPT_NOTE}`,
      items: result.items.map((i) => (i.exempt ? redactedItem(i.number) : i)),
    };
  }
  if ('agenda' in result) {
    const notice = 'notice' in result ? `${result.notice} ${EXEMPT_NOTE}` : EXEMPT_NOTE;
    return { ...result, notice, agenda: redactExempt(result.agenda) } as CommandResult;
  }
  return result;
}
