// "actions [open|overdue|done|dropped|all] [YYYY-MM-DD] [owner]": a board's actions for the clerk,
// filtered by status, by the meeting they were recorded at and by owner (named as minutes name
// people: "Ms Hirani", "the Chairman"). A member who is not a clerk sees their own.
import { DateTime } from 'luxon';
import { matchOwner } from '../../domain/actions/match-owners.ts';
import { localDate, toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { ArgsMismatch, ISO_DATE, clip, type ArgReader } from '../../kernel/args.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { isClerk, requireMember } from '../boards/members.ts';
import { dbDate } from './action-dates.ts';
import { rosterOf } from './action-fields.ts';
import { actionInclude, buildActionView, type ActionView } from './action-view.ts';

export const STATUS_FILTERS = ['open', 'overdue', 'done', 'dropped', 'all'] as const;
export type StatusFilter = (typeof STATUS_FILTERS)[number];

export interface ActionFilter {
  status?: StatusFilter;
  /** The local date of the meeting the actions were recorded at. */
  meetingDate?: string;
  /** An owner as typed. */
  owner?: string;
}

export const actionFilterArgs: ArgReader<ActionFilter> = {
  read(rest) {
    const words = rest.split(/\s+/).filter(Boolean);
    const filter: ActionFilter = {};
    const first = words[0]?.toLowerCase();
    if (first && (STATUS_FILTERS as readonly string[]).includes(first)) {
      filter.status = first as StatusFilter;
      words.shift();
    }
    const dateAt = words.findIndex((w) => ISO_DATE.test(w));
    if (dateAt >= 0) filter.meetingDate = words.splice(dateAt, 1)[0] as string;
    if (words.some((w) => ISO_DATE.test(w))) throw new ArgsMismatch('Give one meeting date at most.');
    if (words.length > 0) filter.owner = clip(words.join(' '), 80);
    return filter;
  },
};

export interface ActionsResult {
  kind: 'actions';
  boardName: string;
  /** "Overdue actions of Ms Hirani, meeting of 4 Dec 2026". */
  heading: string;
  actions: ActionView[];
  /** More matched than are shown. */
  more: number;
  /** Only the person's own actions (they are not a clerk). */
  mine: boolean;
  canManage: boolean;
}

export const LIST_MAX = 25;

export async function listActions(deps: CoreDeps, input: Invocation & { filter: ActionFilter }): Promise<ActionsResult> {
  const board = await findBoard(deps.prisma, input);
  const member = await requireMember(deps.prisma, board, input.actor, 'see its actions');
  const clerk = await isClerk(deps.prisma, board.id, member.id);
  const { filter } = input;
  const today = localDate(deps.now(), board.timezone);
  const where: Prisma.ActionWhereInput = { boardId: board.id };
  const status = filter.status ?? 'open';
  if (status === 'open') where.status = 'open';
  if (status === 'overdue') Object.assign(where, { status: 'open', dueDate: { lt: dbDate(today) } });
  if (status === 'done' || status === 'dropped') where.status = status;
  const parts: string[] = [];
  if (filter.meetingDate) {
    const day = DateTime.fromISO(filter.meetingDate, { zone: board.timezone });
    if (!day.isValid) throw new AppError(ErrorCode.INVALID_DATE, `${filter.meetingDate} is not a date in the calendar.`);
    where.meeting = { startsAt: { gte: day.startOf('day').toJSDate(), lt: day.plus({ days: 1 }).startOf('day').toJSDate() } };
    parts.push(`from the meeting of ${toLocalParts(day.toJSDate(), board.timezone).date}`);
  }
  let ownerId = clerk ? undefined : member.id;
  if (filter.owner && clerk) {
    const roster = await rosterOf(deps.prisma, board.id);
    const match = matchOwner(filter.owner, roster);
    if (match.kind !== 'matched') {
      const say =
        match.kind === 'ambiguous'
          ? `"${filter.owner}" could be ${match.candidateIds.map((id) => roster.find((m) => m.id === id)?.name).join(' or ')}: give the full name.`
          : `"${filter.owner}" is not on the roster of ${board.name}${match.suggestionId ? `; did you mean ${roster.find((m) => m.id === match.suggestionId)?.name}?` : '.'}`;
      throw new AppError(ErrorCode.COMMAND_USAGE, say, { log: `owner filter ${match.kind}` });
    }
    ownerId = match.memberId;
    parts.push(`of ${roster.find((m) => m.id === ownerId)?.name ?? filter.owner}`);
  }
  if (ownerId) where.owners = { some: { memberId: ownerId } };
  const [found, total] = await Promise.all([
    deps.prisma.action.findMany({ where, include: actionInclude, orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }], take: LIST_MAX }),
    deps.prisma.action.count({ where }),
  ]);
  const label = status === 'all' ? 'All actions' : `${status.charAt(0).toUpperCase()}${status.slice(1)} actions`;
  return {
    kind: 'actions',
    boardName: board.name,
    heading: [clerk ? label : `Your ${status === 'all' ? '' : `${status} `}actions`, ...parts].join(' '),
    actions: found.map((a) => buildActionView(a, deps.now())),
    more: Math.max(0, total - found.length),
    mine: !clerk,
    canManage: clerk,
  };
}
