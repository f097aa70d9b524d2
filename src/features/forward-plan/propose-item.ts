// A member proposes an item for a future meeting (or "to be allocated"); the clerk decides.
import { z } from 'zod';
import { formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findFormBoard } from '../boards/find-board.ts';
import { requireMember } from '../boards/members.ts';
import { listForwardPlan, type ForwardPlanResult } from './list-forward-plan.ts';

export const proposalValues = z.object({
  title: z.string({ error: 'Enter a title for the item.' }).trim().min(3, { error: 'Enter a title for the item.' }).max(200, { error: 'Keep the title to 200 characters or fewer.' }),
  overview: z.string().trim().max(1000, { error: 'Keep the overview to 1,000 characters or fewer.' }).optional(),
  reportOf: z.string().trim().max(150, { error: 'Keep "report of" to 150 characters or fewer.' }).optional(),
  /** A meeting id, or empty for "to be allocated". */
  meeting: z.string().trim().optional(),
});

export async function proposeItem(deps: CoreDeps, input: Invocation & { boardId: string; values: z.output<typeof proposalValues> }): Promise<ForwardPlanResult> {
  const { values } = input;
  const board = await findFormBoard(deps.prisma, input.boardId);
  const member = await requireMember(deps.prisma, board, input.actor, 'propose items for its meetings');
  if (values.meeting && !(await isFutureMeeting(deps, board.id, values.meeting))) {
    throw formInvalid({ meeting: 'Choose a meeting that is still to come, or "to be allocated".' }, 'Choose a meeting that is still to come.');
  }
  await deps.prisma.forwardPlanItem.create({
    data: { boardId: board.id, proposedById: member.id, meetingId: values.meeting ?? null, title: values.title, overview: values.overview ?? null, reportOf: values.reportOf ?? null },
  });
  return listForwardPlan(deps, { ...input, board, notice: `Thank you: "${values.title}" is proposed. The clerk will decide whether it goes on an agenda.` });
}

export async function isFutureMeeting(deps: CoreDeps, boardId: string, meetingId: string): Promise<boolean> {
  if (!z.uuid().safeParse(meetingId).success) return false;
  const meeting = await deps.prisma.meeting.findFirst({ where: { id: meetingId, boardId } });
  return Boolean(meeting && meeting.status !== 'cancelled' && meeting.startsAt > deps.now());
}
