// Setting a board up from chat: the person who runs it becomes its first clerk, and the channel it
// is run in becomes the board's channel on that platform.
import { z } from 'zod';
import type { Actor } from '../../domain/platform.ts';
import { isValidZone } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { anyBoardChannelWhere, channelFields } from './board-channel.ts';
import { identityFields } from './members.ts';

export const boardSetupValues = z.object({
  name: z.string({ error: 'Enter the board\u2019s name.' }).trim().min(3, { error: 'Enter the board\u2019s full name, e.g. Safer Communities Partnership Board.' }).max(120, { error: 'Keep the name to 120 characters or fewer.' }),
  slug: z
    .string({ error: 'Enter a short name for commands, e.g. scpb.' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,29}$/, { error: 'Use 2 to 30 letters, digits or dashes, e.g. scpb.' }),
  timezone: z.string().trim().default('Europe/London').refine(isValidZone, { error: 'Use a timezone name such as Europe/London.' }),
  quorum: z.coerce.number({ error: 'Enter how many members make the meeting quorate, e.g. 3.' }).int({ error: 'Enter a whole number.' }).min(1, { error: 'The quorum is at least 1.' }).max(100, { error: 'The quorum is at most 100.' }).default(3),
  yourName: z.string().trim().max(120, { error: 'Keep your name to 120 characters or fewer.' }).optional(),
});
export type BoardSetupValues = z.output<typeof boardSetupValues>;

export interface BoardUpdatedResult {
  kind: 'board-updated';
  notice: string;
  board: { id: string; name: string; slug: string };
}

/** Before the form opens: a channel that is already a board's cannot be set up again. */
export async function checkChannelFree(deps: { prisma: PrismaClient }, input: { actor: Actor; conversationId?: string }): Promise<void> {
  if (!input.conversationId) return;
  // Any board, whichever workspace or tenant set it up: a channel shared between workspaces has one id.
  const taken = await deps.prisma.board.findFirst({ where: anyBoardChannelWhere(input.actor, input.conversationId) });
  if (taken) {
    const ours = (input.actor.platform === 'slack' ? taken.slackTeamId : taken.teamsTenantId) === (input.actor.tenantId ?? null);
    throw new AppError(
      ErrorCode.CHANNEL_TAKEN,
      ours ? `This channel is already ${taken.name}\u2019s channel. Set a new board up in another channel.` : 'This channel already has a board, set up from another workspace. Set a new board up in another channel.',
      { log: `channel taken by board ${taken.id}` },
    );
  }
}

export async function setupBoard(
  deps: { prisma: PrismaClient },
  input: { actor: Actor; conversationId?: string; values: BoardSetupValues },
): Promise<BoardUpdatedResult> {
  const { values } = input;
  if (await deps.prisma.board.findUnique({ where: { slug: values.slug } })) {
    throw formInvalid({ slug: `"${values.slug}" is already used by another board.` }, 'That short name is taken.');
  }
  const channel = channelFields(input.actor, input.conversationId);
  if (input.conversationId && (await deps.prisma.board.findFirst({ where: anyBoardChannelWhere(input.actor, input.conversationId) }))) {
    throw formInvalid({ name: 'This channel is already a board\u2019s channel. Run setup in another channel.' }, 'This channel already belongs to a board.');
  }
  // Board, first member and clerk role in one transaction; a second setup racing this one for the
  // same channel or short name meets the unique keys and is refused as the checks above would.
  let board;
  try {
    board = await deps.prisma.$transaction(async (tx) => {
      const created = await tx.board.create({
        data: {
          name: values.name,
          slug: values.slug,
          timezone: values.timezone,
          quorum: values.quorum,
          ...(channel ?? {}),
          members: {
            create: {
              name: values.yourName || input.actor.displayName || 'Clerk',
              title: 'Clerk',
              role: 'officer',
              ...identityFields(input.actor),
            },
          },
        },
        include: { members: true },
      });
      await tx.boardRole.create({ data: { boardId: created.id, memberId: created.members[0]!.id, role: 'clerk' } });
      return created;
    });
  } catch (error) {
    if ((error as { code?: unknown }).code !== 'P2002') throw error;
    throw formInvalid({ name: 'This channel or short name was taken by another board a moment ago. Check and try again.' }, 'Another board was set up here at the same time.');
  }
  return {
    kind: 'board-updated',
    notice: `${board.name} is set up${channel ? ' with this channel as its board channel' : ''}, and you are its clerk. Next: "meeting new".`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}
