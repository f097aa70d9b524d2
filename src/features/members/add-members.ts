// "members add": the clerk or the chair chooses people (a person picker over the platform's
// directory, and the channel's own members) and puts them on the roster with an organisation,
// a title and a role.
import { z } from 'zod';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { askDirectory, boardDirectory } from './directory-place.ts';
import { rosterOf, type RosterResult } from './list-members.ts';
import { saveMembers, savedNotice } from './save-members.ts';
import type { DirectoryPerson } from '../../directory/port.ts';

export const ROLES = ['member', 'observer', 'officer', 'adviser'] as const;
export const ROLE_CHOICES = [
  { value: 'member', label: 'Member' },
  { value: 'observer', label: 'Observer' },
  { value: 'officer', label: 'Officer' },
  { value: 'adviser', label: 'Adviser (also attends)' },
];
const MOST = 50;
const NOBODY = 'Choose at least one person, here or from the channel\u2019s members.';
const userIds = z.array(z.string().trim().max(64)).max(MOST, { error: `Choose at most ${MOST} people at a time.` }).default([]);

export const addMembersValues = z.object({
  people: userIds,
  fromChannel: userIds,
  organisation: z.string().trim().max(120, { error: 'Keep the organisation to 120 characters or fewer.' }).optional(),
  title: z.string().trim().max(150, { error: 'Keep the title to 150 characters or fewer.' }).optional(),
  role: z.enum(ROLES, { error: 'Choose a role.' }).default('member'),
}).superRefine((values, ctx) => {
  // Needs no database, so Slack's ack can refuse it under the field with the modal still open.
  if (![...values.people, ...values.fromChannel].some((id) => id !== '')) ctx.addIssue({ code: 'custom', path: ['people'], message: NOBODY });
});

export async function addMembers(deps: CoreDeps, input: Invocation & { boardId: string; values: z.output<typeof addMembersValues> }): Promise<RosterResult> {
  const board = await boardById(deps, input.boardId);
  await requireClerk(deps.prisma, board, input.actor);
  const ids = [...new Set([...input.values.people, ...input.values.fromChannel].filter((id) => id !== ''))];
  if (ids.length === 0) throw formInvalid({ people: NOBODY }, 'Choose someone to add.');
  if (ids.length > MOST) throw formInvalid({ people: `Choose at most ${MOST} people at a time.` });
  const found = await boardDirectory(deps, board, input.actor);
  if (!found) throw new AppError(ErrorCode.DIRECTORY_UNAVAILABLE, 'I can\u2019t look people up for this board here: it has no channel on this platform. Run "board channel" in its channel first.');
  const people: DirectoryPerson[] = [];
  const unknown: string[] = [];
  for (const id of ids) {
    const person = await askDirectory(() => found.directory.person(found.place, id));
    if (person) people.push(person);
    else unknown.push(id);
  }
  if (unknown.length > 0) {
    const where = input.actor.platform === 'slack' ? 'Slack' : 'the board\u2019s team in Teams';
    throw formInvalid({ people: `${unknown.length === 1 ? 'One person chosen is' : `${unknown.length} people chosen are`} not known to ${where} (${unknown.slice(0, 3).join(', ')}). Choose again.` }, 'Someone chosen could not be found.');
  }
  const saved = await saveMembers(deps.prisma, board, {
    platform: input.actor.platform,
    ...(found.place.tenantId ? { tenantId: found.place.tenantId } : {}),
    people,
    role: input.values.role,
    ...(input.values.organisation ? { organisation: input.values.organisation } : {}),
    ...(input.values.title ? { title: input.values.title } : {}),
  });
  return rosterOf(deps, board, { canManage: true, notice: savedNotice(saved) });
}

export async function boardById(deps: Pick<CoreDeps, 'prisma'>, boardId: string): Promise<Board> {
  const board = await deps.prisma.board.findUnique({ where: { id: boardId } });
  if (!board) throw new AppError(ErrorCode.BOARD_NOT_FOUND, 'That board no longer exists.', { log: `board ${boardId} not found` });
  return board;
}
