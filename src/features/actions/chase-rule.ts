// "actions chase rule": a clerk sets how the board's action owners are chased: days before the
// due date (blank: none), on the due date or not, how often while overdue, how many chases before
// the clerk is told, and whose bank holidays are days off (England and Wales by default,
// Scotland, Northern Ireland, or none). Saved on the board; the chase job reads it
// (chase-actions.ts, boardChaseRule). Submitting the same form twice saves the same rule.
import { z } from 'zod';
import { chaseRuleSchema, type ChaseRule } from '../../domain/actions/chase-schedule.ts';
import { HOLIDAY_NAMES, describeChaseRule } from '../../domain/actions/describe-chase-rule.ts';
import { HOLIDAY_REGIONS } from '../../domain/working-days.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { form, type Invocation } from '../../kernel/feature.ts';
import { notice, openForm, type FormRequest, type NoticeResult } from '../../kernel/results.ts';
import { findBoard, findFormBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { boardChaseRule } from './chase-actions.ts';

const whole = (what: string, min: number, max: number) =>
  z.coerce
    .number({ error: `Enter ${what} as a whole number.` })
    .int({ error: `Enter ${what} as a whole number.` })
    .min(min, { error: `Enter ${what} from ${min} to ${max}.` })
    .max(max, { error: `Enter ${what} from ${min} to ${max}.` });

export const chaseRuleValues = z
  .object({
    daysBefore: whole('the days before the due date', 1, 60).optional(),
    onDueDate: z.union([z.boolean(), z.string()]).optional(),
    everyDays: whole('the days between chases', 1, 60),
    maxChases: whole('the number of chases', 1, 10),
    holidays: z.enum(HOLIDAY_REGIONS, { error: 'Choose whose bank holidays are days off.' }),
  })
  .transform(
    (v): ChaseRule =>
      chaseRuleSchema.parse({
        daysBeforeDue: v.daysBefore ?? null,
        onDueDate: v.onDueDate === true || v.onDueDate === 'true',
        everyDaysOverdue: v.everyDays,
        maxChases: v.maxChases,
        workingDays: { skipWeekends: true, holidays: v.holidays },
      }),
  );

export const chaseRuleForm = form({
  id: 'action.chase-rule',
  metadata: z.object({ boardId: z.uuid() }),
  values: chaseRuleValues,
  run: (deps, input) => saveChaseRule(deps, { ...input, boardId: input.metadata.boardId, rule: input.values }),
});

export async function openChaseRuleForm(deps: CoreDeps, input: Invocation): Promise<FormRequest> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const rule = boardChaseRule(board.actionChaseRule);
  return openForm(chaseRuleForm, {
    metadata: { boardId: board.id },
    values: {
      ...(rule.daysBeforeDue !== null ? { daysBefore: String(rule.daysBeforeDue) } : {}),
      onDueDate: rule.onDueDate,
      everyDays: String(rule.everyDaysOverdue),
      maxChases: String(rule.maxChases),
      holidays: rule.workingDays.holidays,
    },
    options: { holidays: HOLIDAY_REGIONS.map((r) => ({ value: r, label: r === 'none' ? 'None: chase on bank holidays too' : HOLIDAY_NAMES[r] })) },
    context: `${board.name} now: ${describeChaseRule(rule)}`,
  });
}

export async function saveChaseRule(deps: CoreDeps, input: Invocation & { boardId: string; rule: ChaseRule }): Promise<NoticeResult> {
  const board = await findFormBoard(deps.prisma, input.boardId);
  await requireClerk(deps.prisma, board, input.actor);
  await deps.prisma.board.update({ where: { id: board.id }, data: { actionChaseRule: input.rule } });
  return notice(`${board.name}'s actions are chased from now on: ${describeChaseRule(input.rule)}`, 'good');
}
