// A clerk records an action against a meeting: description, owners from the roster, agenda item,
// due date. Recorded once per form: the form carries a key, so a double submission or a platform
// retry finds the action already there and records nothing more.
import { z } from 'zod';
import { DateTime } from 'luxon';
import { localDate } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { dbDate, showDate } from './action-dates.ts';
import { actionAnswer, isUniqueClash, type ActionResult } from './action-answer.ts';
import { description, dueDate, owners, rosterOf } from './action-fields.ts';
import { sendOwnerCards } from './action-delivery.ts';

/** The action form's schema for one meeting: owners from its board's roster, items from its agenda. */
export async function actionFormValues(deps: { prisma: PrismaClient; now: () => Date }, metadata: { meetingId: string }) {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: metadata.meetingId }, include: { board: true, items: true } });
  if (!meeting) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: 'the action form\u2019s meeting no longer exists' });
  const roster = await rosterOf(deps.prisma, meeting.boardId);
  const itemIds = new Set(meeting.items.map((i) => i.id));
  return z.object({
    description,
    owners: owners(roster),
    item: z
      .string()
      .refine((id) => itemIds.has(id), { error: 'That item is no longer on the agenda. Choose another.' })
      .optional(),
    due: dueDate(localDate(deps.now(), meeting.board.timezone)),
  });
}

/** What the action form can be refused for without the database (so in Slack's ack, on its
 * fields): no description, no owner, a due date that is no date or has passed everywhere (the
 * board's own "today" is checked after, with its timezone). */
export function actionFormCheck(now: Date) {
  const yesterday = DateTime.fromJSDate(now, { zone: 'utc' }).minus({ days: 1 }).toISODate() as string;
  return z.object({
    description,
    owners: owners(null),
    item: z.string().optional(),
    due: dueDate(yesterday),
  });
}

export type ActionValues = z.output<Awaited<ReturnType<typeof actionFormValues>>>;

export async function recordAction(deps: CoreDeps, input: Invocation & { meetingId: string; key: string; values: ActionValues }): Promise<ActionResult> {
  const meeting = await deps.prisma.meeting.findUnique({ where: { id: input.meetingId }, include: { board: true } });
  if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.', { log: `meeting ${input.meetingId} not found` });
  const clerk = await requireClerk(deps.prisma, meeting.board, input.actor);
  if (meeting.status === 'cancelled') throw formInvalid({ description: 'That meeting was cancelled: record the action against another.' }, 'That meeting was cancelled.');
  const again = await deps.prisma.action.findUnique({ where: { requestKey: input.key } });
  if (again) return actionAnswer(deps, { actionId: again.id, actor: input.actor, notice: 'That action was already recorded.' });
  const { values } = input;
  const today = localDate(deps.now(), meeting.board.timezone);
  try {
    const created = await deps.prisma.$transaction(async (tx) => {
      const action = await tx.action.create({
        data: {
          boardId: meeting.boardId,
          meetingId: meeting.id,
          agendaItemId: values.item ?? null,
          description: values.description,
          dueDate: dbDate(values.due),
          createdById: clerk.id,
          requestKey: input.key,
          owners: { create: values.owners.map((memberId) => ({ memberId, notifiedOn: dbDate(today) })) },
          updates: { create: { kind: 'created', memberId: clerk.id, createdAt: deps.now() } },
        },
      });
      await sendOwnerCards(tx, action.id, deps);
      return action;
    });
    deps.onQueued?.();
    return actionAnswer(deps, { actionId: created.id, actor: input.actor, notice: `Action recorded, due ${showDate(values.due)}.` });
  } catch (error) {
    if (!isUniqueClash(error)) throw error;
    const first = await deps.prisma.action.findUniqueOrThrow({ where: { requestKey: input.key } });
    return actionAnswer(deps, { actionId: first.id, actor: input.actor, notice: 'That action was already recorded.' });
  }
}
