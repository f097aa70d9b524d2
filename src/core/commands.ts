// Command words → use cases. The catalogue (src/commands.ts) says which exist; this says what
// each does.
import type { Actor } from '../domain/platform.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { resolveBoard, requireClerk, findMember } from '../use-cases/boards/resolve-board.ts';
import { setBoardChannel, setReminderSchedule } from '../use-cases/boards/setup-board.ts';
import { getOutboxStatus } from '../use-cases/delivery/get-outbox-status.ts';
import { getHelp } from '../use-cases/get-help.ts';
import { moveAgendaItem, removeAgendaItem } from '../use-cases/meetings/agenda-items.ts';
import { previewModernGovImport } from '../use-cases/meetings/agenda-import.ts';
import { buildAgendaView } from '../use-cases/meetings/agenda-view.ts';
import { findMeeting } from '../use-cases/meetings/find-meeting.ts';
import { listForwardPlan } from '../use-cases/meetings/forward-plan.ts';
import { cancelMeeting, meetingFormValues } from '../use-cases/meetings/manage-meeting.ts';
import { postAgenda, previewAgenda, remindAgenda } from '../use-cases/meetings/publish-agenda.ts';
import { listUpcomingMeetings } from '../use-cases/meetings/upcoming-meetings.ts';
import { toLocalParts } from '../domain/time.ts';
import type { CoreDeps } from './context.ts';
import type { CommandResult } from './results.ts';

export interface CommandContext {
  actor: Actor;
  conversationId?: string;
  /** --board, if given. */
  slug?: string;
  /** What follows the command words. */
  rest: string;
}

type Handler = (deps: CoreDeps, ctx: CommandContext) => Promise<CommandResult>;

const board = (ctx: CommandContext) => ({
  actor: ctx.actor,
  ...(ctx.conversationId ? { conversationId: ctx.conversationId } : {}),
  ...(ctx.slug ? { slug: ctx.slug } : {}),
});

/** The trailing date (YYYY-MM-DD) of a command, if any, and the words before it. */
function splitDate(rest: string): { ref?: string; words: string[] } {
  const words = rest.split(/\s+/).filter(Boolean);
  const last = words.at(-1);
  if (last && /^\d{4}-\d{2}-\d{2}$/.test(last)) return { ref: last, words: words.slice(0, -1) };
  return { words };
}

async function clerkMeeting(deps: CoreDeps, ctx: CommandContext, ref: string | undefined) {
  const found = await resolveBoard(deps.prisma, board(ctx));
  await requireClerk(deps.prisma, found, ctx.actor);
  return findMeeting(deps.prisma, found, ref, deps.now());
}

const meetingContext = (m: Awaited<ReturnType<typeof clerkMeeting>>) =>
  `${m.board.name}: ${m.title}, ${toLocalParts(m.startsAt, m.board.timezone).short}`;

export const COMMAND_HANDLERS: Record<string, Handler> = {
  help: async () => getHelp(),
  outbox: (deps, ctx) => getOutboxStatus(deps, board(ctx)),

  'board setup': async (_deps, ctx) => {
    const values: Record<string, string> = { timezone: 'Europe/London', quorum: '3' };
    if (ctx.actor.displayName) values.yourName = ctx.actor.displayName;
    const metadata: Record<string, string> = {};
    if (ctx.conversationId) metadata.conversationId = ctx.conversationId;
    return { kind: 'form', form: 'board.setup', values, metadata };
  },
  'board channel': (deps, ctx) => {
    const word = ctx.rest.trim().toLowerCase();
    if (word && word !== 'private' && word !== 'public') {
      throw new AppError(ErrorCode.INVALID_INPUT, 'Say "board channel", "board channel private" (exempt items shown in full) or "board channel public".');
    }
    return setBoardChannel(deps, { ...board(ctx), ...(word ? { isPrivate: word === 'private' } : {}) });
  },

  'board reminders': (deps, ctx) => setReminderSchedule(deps, { ...board(ctx), text: ctx.rest }),
  meetings: (deps, ctx) => listUpcomingMeetings(deps, { actor: ctx.actor }),
  'meeting new': async (deps, ctx) => {
    const found = await resolveBoard(deps.prisma, board(ctx));
    await requireClerk(deps.prisma, found, ctx.actor);
    return { kind: 'form', form: 'meeting.create', values: { title: found.name, time: '10:00', duration: '120' }, metadata: { board: found.slug }, context: found.name };
  },
  'meeting edit': async (deps, ctx) => {
    const meeting = await clerkMeeting(deps, ctx, splitDate(ctx.rest).ref);
    return { kind: 'form', form: 'meeting.edit', values: meetingFormValues(meeting), metadata: { meetingId: meeting.id }, context: meetingContext(meeting) };
  },
  'meeting cancel': (deps, ctx) => {
    const words = ctx.rest.split(/\s+/).filter(Boolean);
    const ref = words[0] && /^\d{4}-\d{2}-\d{2}$/.test(words[0]) ? words.shift() : undefined;
    return cancelMeeting(deps, { ...board(ctx), ...(ref ? { ref } : {}), reason: words.join(' ') });
  },

  agenda: async (deps, ctx) => {
    const found = await resolveBoard(deps.prisma, board(ctx));
    const member = await findMember(deps.prisma, found.id, ctx.actor);
    if (!member) throw new AppError(ErrorCode.NOT_A_MEMBER, `Only members of ${found.name} can see its agendas here.`);
    const meeting = await findMeeting(deps.prisma, found, splitDate(ctx.rest).ref, deps.now());
    const clerk = (await deps.prisma.boardRole.count({ where: { boardId: found.id, memberId: member.id } })) > 0;
    if (meeting.status === 'draft' && !clerk) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'The agenda for the next meeting has not been published yet.');
    return {
      kind: 'agenda-preview',
      notice: clerk ? 'Only you can see this.' : 'The agenda as published.',
      agenda: buildAgendaView(meeting, { showExempt: false, ...(deps.publicBaseUrl ? { publicBaseUrl: deps.publicBaseUrl } : {}) }),
    };
  },
  'agenda preview': (deps, ctx) => previewAgenda(deps, { ...board(ctx), ...refOf(ctx) }),
  'agenda post': (deps, ctx) => postAgenda(deps, { ...board(ctx), ...refOf(ctx) }),
  'agenda remind': (deps, ctx) => remindAgenda(deps, { ...board(ctx), ...refOf(ctx) }),
  'agenda add': async (deps, ctx) => {
    const meeting = await clerkMeeting(deps, ctx, splitDate(ctx.rest).ref);
    return { kind: 'form', form: 'agenda.item.add', values: { exempt: false }, metadata: { meetingId: meeting.id }, context: meetingContext(meeting) };
  },
  'agenda edit': async (deps, ctx) => {
    const { ref, words } = splitDate(ctx.rest);
    const number = words[0];
    if (!number) throw new AppError(ErrorCode.INVALID_INPUT, 'Say which item: "agenda edit 5".');
    const meeting = await clerkMeeting(deps, ctx, ref);
    const item = meeting.items.find((i) => i.number === number.replace(/\.$/, ''));
    if (!item) throw new AppError(ErrorCode.ITEM_NOT_FOUND, `The agenda has no item ${number}.`);
    return {
      kind: 'form',
      form: 'agenda.item.edit',
      values: {
        title: item.title,
        subPoints: item.subPoints.join('\n'),
        reportOf: item.reportOf ?? '',
        pages: item.pageFrom == null ? '' : item.pageTo && item.pageTo !== item.pageFrom ? `${item.pageFrom} - ${item.pageTo}` : `${item.pageFrom}`,
        minutes: item.minutes == null ? '' : String(item.minutes),
        links: (Array.isArray(item.links) ? (item.links as { title: string; url: string }[]) : []).map((l) => `${l.title} ${l.url}`).join('\n'),
        exempt: item.exempt,
      },
      metadata: { meetingId: meeting.id, itemId: item.id },
      context: `${meetingContext(meeting)}: item ${item.number}`,
    };
  },
  'agenda move': async (deps, ctx) => {
    const { ref, words } = splitDate(ctx.rest);
    const [number, maybeTo, target] = words;
    const to = Number(maybeTo === 'to' ? target : maybeTo);
    if (!number || !Number.isInteger(to)) throw new AppError(ErrorCode.INVALID_INPUT, 'Say which item and where: "agenda move 7 to 5".');
    const meeting = await clerkMeeting(deps, ctx, ref);
    return moveAgendaItem(deps, { actor: ctx.actor, meetingId: meeting.id, number, to });
  },
  'agenda remove': async (deps, ctx) => {
    const { ref, words } = splitDate(ctx.rest);
    if (!words[0]) throw new AppError(ErrorCode.INVALID_INPUT, 'Say which item: "agenda remove 6".');
    const meeting = await clerkMeeting(deps, ctx, ref);
    return removeAgendaItem(deps, { actor: ctx.actor, meetingId: meeting.id, number: words[0] });
  },
  'agenda paste': async (deps, ctx) => {
    const meeting = await clerkMeeting(deps, ctx, splitDate(ctx.rest).ref);
    return { kind: 'form', form: 'agenda.paste', values: {}, metadata: { meetingId: meeting.id }, context: meetingContext(meeting) };
  },
  'agenda import': (deps, ctx) => {
    const [meetingId, baseUrl] = ctx.rest.split(/\s+/).filter(Boolean);
    if (!meetingId || !baseUrl) {
      throw new AppError(ErrorCode.INVALID_INPUT, 'Say which meeting and where: "agenda import 1234 https://democracy.example.gov.uk".');
    }
    return previewModernGovImport(deps, { ...board(ctx), meetingId, baseUrl: baseUrl.replace(/^<|>$/g, '').split('|')[0] as string });
  },

  plan: (deps, ctx) => listForwardPlan(deps, board(ctx)),
  'plan propose': async (deps, ctx) => {
    const plan = await listForwardPlan(deps, board(ctx));
    const found = await resolveBoard(deps.prisma, board(ctx));
    return {
      kind: 'form',
      form: 'plan.propose',
      values: { meeting: '' },
      metadata: { board: found.slug },
      options: { meeting: [{ value: '', label: 'To be allocated' }, ...plan.meetings.map((m) => ({ value: m.id, label: m.short }))] },
      context: plan.board.name,
    };
  },
};

function refOf(ctx: CommandContext): { ref?: string } {
  const { ref } = splitDate(ctx.rest);
  return ref ? { ref } : {};
}
