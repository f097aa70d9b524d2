// Setting a board up from chat: the person who runs it becomes its first clerk, and the channel
// it is run in becomes the board's channel on that platform.
import { z } from 'zod';
import type { Actor } from '../../domain/platform.ts';
import { isValidZone } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk, resolveBoard, type BoardContext } from './resolve-board.ts';

const schema = z.object({
  name: z.string({ error: 'Enter the board\u2019s name.' }).trim().min(3, { error: 'Enter the board\u2019s full name, e.g. Safer Communities Partnership Board.' }).max(120, { error: 'Keep the name to 120 characters or fewer.' }),
  slug: z
    .string({ error: 'Enter a short name for commands, e.g. scpb.' })
    .trim()
    .toLowerCase()
    .regex(/^[a-z0-9][a-z0-9-]{1,29}$/, { error: 'Use 2 to 30 letters, digits or dashes, e.g. scpb.' }),
  timezone: z.string().trim().default('Europe/London').refine(isValidZone, { error: 'Use a timezone name such as Europe/London.' }),
  quorum: z.coerce.number({ error: 'Enter how many members make the meeting quorate, e.g. 3.' }).int({ error: 'Enter a whole number.' }).min(1, { error: 'The quorum is at least 1.' }).max(100, { error: 'The quorum is at most 100.' }).default(3),
  yourName: z.string().trim().max(120).optional(),
});

export interface BoardSetUpResult {
  kind: 'board-set-up';
  notice: string;
  board: { id: string; name: string; slug: string };
}

export async function setupBoard(
  deps: { prisma: PrismaClient },
  input: { actor: Actor; conversationId?: string; values: Record<string, unknown> },
): Promise<BoardSetUpResult> {
  const parsed = schema.safeParse(Object.fromEntries(Object.entries(input.values).map(([k, v]) => [k, v === '' || v === null ? undefined : v])));
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const issue of parsed.error.issues) fieldErrors[String(issue.path[0])] ??= issue.message;
    throw new AppError(ErrorCode.INVALID_INPUT, 'Some details need correcting.', fieldErrors);
  }
  const values = parsed.data;
  if (await deps.prisma.board.findUnique({ where: { slug: values.slug } })) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'That short name is taken.', { slug: `"${values.slug}" is already used by another board.` });
  }
  const channel = channelFields(input.actor, input.conversationId);
  if (channel && (await deps.prisma.board.findFirst({ where: channel }))) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'This channel already belongs to a board.', { name: 'This channel is already a board\u2019s channel. Run setup in another channel.' });
  }
  const board = await deps.prisma.board.create({
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
          ...(input.actor.platform === 'slack' ? { slackUserId: input.actor.userId } : { teamsAadId: input.actor.userId }),
        },
      },
    },
    include: { members: true },
  });
  await deps.prisma.boardRole.create({ data: { boardId: board.id, memberId: board.members[0]!.id, role: 'clerk' } });
  return {
    kind: 'board-set-up',
    notice: `${board.name} is set up${channel ? ' with this channel as its board channel' : ''}, and you are its clerk. Next: "meeting new".`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}

/** A clerk makes the current channel the board's channel on this platform. */
export async function setBoardChannel(
  deps: { prisma: PrismaClient },
  input: BoardContext & { isPrivate?: boolean },
): Promise<BoardSetUpResult> {
  if (!input.conversationId) throw new AppError(ErrorCode.INVALID_INPUT, 'Run this in the channel where the board meets.');
  const { conversationId, ...rest } = input;
  const board = await resolveBoard(deps.prisma, rest);
  await requireClerk(deps.prisma, board, input.actor);
  const fields = channelFields(input.actor, conversationId)!;
  const other = await deps.prisma.board.findFirst({ where: { ...fields, id: { not: board.id } } });
  if (other) throw new AppError(ErrorCode.INVALID_INPUT, `This channel already belongs to ${other.name}.`);
  await deps.prisma.board.update({ where: { id: board.id }, data: { ...fields, ...(input.isPrivate !== undefined ? { channelIsPrivate: input.isPrivate } : {}) } });
  return {
    kind: 'board-set-up',
    notice: `This channel is now ${board.name}\u2019s channel on ${input.actor.platform === 'slack' ? 'Slack' : 'Teams'}. Agendas and reminders will be posted here.`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}

function channelFields(actor: Actor, conversationId: string | undefined) {
  if (!conversationId) return undefined;
  return actor.platform === 'slack'
    ? { slackChannelId: conversationId, ...(actor.tenantId ? { slackTeamId: actor.tenantId } : {}) }
    : { teamsChannelId: conversationId, ...(actor.tenantId ? { teamsTenantId: actor.tenantId } : {}) };
}

/** A clerk sets when agenda reminders go out: "7d 1d", "2h", or "none". */
export async function setReminderSchedule(
  deps: { prisma: PrismaClient },
  input: BoardContext & { text: string },
): Promise<BoardSetUpResult> {
  const board = await resolveBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const words = input.text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) {
    throw new AppError(ErrorCode.INVALID_INPUT, `Reminders for ${board.name} go out ${describeOffsets(board.reminderOffsets)}. Change them with e.g. "board reminders 7d 1d" (days or hours before), or "board reminders none".`);
  }
  const offsets: string[] = [];
  if (!(words.length === 1 && words[0] === 'none')) {
    for (const word of words) {
      const m = /^(\d{1,3})(d|h)$/.exec(word);
      const amount = Number(m?.[1]);
      if (!m || amount < 1 || (m[2] === 'd' && amount > 60) || (m[2] === 'h' && amount > 72)) {
        throw new AppError(ErrorCode.INVALID_INPUT, `"${word.slice(0, 20)}" is not a reminder time. Use days or hours before the meeting, e.g. 7d, 1d or 2h (at most 60 days or 72 hours).`);
      }
      offsets.push(m[2] === 'd' ? `P${amount}D` : `PT${amount}H`);
    }
  }
  const unique = [...new Set(offsets)].slice(0, 5);
  await deps.prisma.board.update({ where: { id: board.id }, data: { reminderOffsets: unique } });
  return {
    kind: 'board-set-up',
    notice: `Agenda reminders for ${board.name} now go out ${describeOffsets(unique)}. You can also send one at any time with "agenda remind".`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}

function describeOffsets(offsets: string[]): string {
  if (offsets.length === 0) return 'only when a clerk asks';
  const words = offsets.map((o) => {
    const d = /^P(\d+)D$/.exec(o);
    if (d) return d[1] === '1' ? '1 day' : `${d[1]} days`;
    const h = /^PT(\d+)H$/.exec(o);
    return h ? (h[1] === '1' ? '1 hour' : `${h[1]} hours`) : o;
  });
  return `${words.join(' and ')} before each meeting`;
}
