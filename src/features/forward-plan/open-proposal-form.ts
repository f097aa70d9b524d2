// "plan propose": the proposal form, with the meetings still to come to choose from.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireMember } from '../boards/members.ts';
import { proposeForm } from './forms.ts';
import { upcomingMeetings } from './list-forward-plan.ts';

export async function openProposalForm(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireMember(deps.prisma, board, input.actor, 'propose items for its meetings');
  const meetings = await upcomingMeetings(deps, board);
  return openForm(proposeForm, {
    values: { meeting: '' },
    metadata: { boardId: board.id },
    options: { meeting: [{ value: '', label: 'To be allocated' }, ...meetings.map((m) => ({ value: m.id, label: m.short }))] },
    context: board.name,
  });
}
