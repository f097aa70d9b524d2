// "members add @Sam Patel @Pat Lee" on Teams: the people @mentioned are added as members, looked up
// in the board's team as the person picker's choices are (once each, however often it is sent).
// Typed names without a mention are not guessed at: the form is the way to pick them (Slack sends
// a slash command's @mentions as plain text, so there it is the only way).
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { addMembers } from './add-members.ts';
import type { RosterResult } from './list-members.ts';

export async function addMentioned(deps: CoreDeps, input: Invocation): Promise<RosterResult> {
  const board = await findBoard(deps.prisma, input);
  const people = (input.mentions ?? []).map((m) => m.userId);
  if (people.length === 0) {
    const say =
      input.actor.platform === 'teams'
        ? 'To add people by name, @mention them ("members add @Sam Patel"), or run "members add" alone to pick them.'
        : 'Run "members add" alone, then pick the people by name in the form.';
    throw new AppError(ErrorCode.COMMAND_USAGE, say, { log: 'members add with text and no mention' });
  }
  return addMembers(deps, { ...input, boardId: board.id, values: { people, fromChannel: [], role: 'member' } });
}
