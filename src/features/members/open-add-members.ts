// "members add": the form, with the board channel's members who are not on the roster yet to
// choose from, beside the platform's own person picker.
import { AppError } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { ROLE_CHOICES } from './add-members.ts';
import { askDirectory, boardDirectory } from './directory-place.ts';
import { addMembersForm } from './forms.ts';

export async function openAddMembers(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const found = await boardDirectory(deps, board, input.actor);
  let fromChannel: { value: string; label: string }[] = [];
  let note = '';
  if (found) {
    try {
      const inChannel = await askDirectory(() => found.directory.channelMembers(found.place, 100));
      const onRoster = await deps.prisma.member.findMany({ where: { boardId: board.id, active: true }, select: { slackUserId: true, teamsAadId: true } });
      const known = new Set(onRoster.map((m) => (input.actor.platform === 'slack' ? m.slackUserId : m.teamsAadId)));
      fromChannel = inChannel.filter((p) => !known.has(p.userId)).map((p) => ({ value: p.userId, label: p.name }));
      if (fromChannel.length === 0) note = 'Everyone in the board\u2019s channel is on the roster already.';
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      note = `I couldn\u2019t list the channel\u2019s members: ${error.say}`;
    }
  } else {
    note = 'The board has no channel here yet, so only the person picker works.';
  }
  return openForm(addMembersForm, {
    values: { role: 'member' },
    metadata: { boardId: board.id },
    options: { fromChannel, role: ROLE_CHOICES },
    context: [board.name, note].filter(Boolean).join('. '),
  });
}

