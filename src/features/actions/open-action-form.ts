// "action new [YYYY-MM-DD]": the action form for the meeting on that date, or for the board's
// latest meeting that has started (else its next one), with the due date set to the day before
// the meeting after it.
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { defaultDueDate } from '../../domain/actions/chase-schedule.ts';
import { localDate, toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import type { Board, Meeting } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { rosterChoices, rosterOf } from './action-fields.ts';
import { actionCreateForm } from './forms.ts';

/** The meeting an action is recorded against. */
export async function actionMeeting(deps: CoreDeps, board: Board, date: string | undefined): Promise<Meeting> {
  const live = { boardId: board.id, status: { not: 'cancelled' as const } };
  if (date) {
    const day = DateTime.fromISO(date, { zone: board.timezone });
    if (!day.isValid) throw new AppError(ErrorCode.INVALID_DATE, `${date} is not a date in the calendar.`);
    const found = await deps.prisma.meeting.findFirst({ where: { ...live, startsAt: { gte: day.startOf('day').toJSDate(), lt: day.plus({ days: 1 }).startOf('day').toJSDate() } } });
    if (!found) throw new AppError(ErrorCode.MEETING_NOT_FOUND, `${board.name} has no meeting on ${toLocalParts(day.toJSDate(), board.timezone).date}.`);
    return found;
  }
  const started = await deps.prisma.meeting.findFirst({ where: { ...live, startsAt: { lte: deps.now() } }, orderBy: { startsAt: 'desc' } });
  const found = started ?? (await deps.prisma.meeting.findFirst({ where: live, orderBy: { startsAt: 'asc' } }));
  if (!found) throw new AppError(ErrorCode.MEETING_NOT_FOUND, `${board.name} has no meetings yet. Create one with "meeting new", then record its actions.`);
  return found;
}

/** The day before the board's next meeting after this one, if there is one still to come. */
export async function suggestedDueDate(deps: CoreDeps, board: Board, meeting: Meeting): Promise<string | undefined> {
  const next = await deps.prisma.meeting.findFirst({
    where: { boardId: board.id, status: { not: 'cancelled' }, startsAt: { gt: meeting.startsAt } },
    orderBy: { startsAt: 'asc' },
  });
  if (!next) return undefined;
  const due = defaultDueDate(localDate(next.startsAt, board.timezone));
  return due >= localDate(deps.now(), board.timezone) ? due : undefined;
}

/** `description`: what the form starts with (a chat message turned into an action). `note`: a line
 * after the meeting's, e.g. that the message was cut to fit. */
export async function openActionForm(deps: CoreDeps, input: Invocation & { date?: string; description?: string; note?: string }) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await actionMeeting(deps, board, input.date);
  const [roster, items, due] = await Promise.all([
    rosterOf(deps.prisma, board.id),
    deps.prisma.agendaItem.findMany({ where: { meetingId: meeting.id }, orderBy: { position: 'asc' } }),
    suggestedDueDate(deps, board, meeting),
  ]);
  if (roster.length === 0) throw new AppError(ErrorCode.NO_ROSTER, `${board.name} has no members on its roster yet, so an action has no one to go to. Add the members first.`);
  return openForm(actionCreateForm, {
    values: { ...(due ? { due } : {}), ...(input.description ? { description: input.description } : {}) },
    metadata: { meetingId: meeting.id, key: randomUUID() },
    options: { owners: rosterChoices(roster), item: [{ value: '', label: 'No particular item' }, ...items.map((i) => ({ value: i.id, label: `${i.number}. ${i.title}`.slice(0, 75) }))] },
    context: `${board.name}: ${meeting.title}, ${toLocalParts(meeting.startsAt, board.timezone).short}${due ? '' : '. There is no next meeting yet, so choose the due date.'}${input.note ? ` ${input.note}` : ''}`,
  });
}
