// "members edit <name>": the form for one person, filled in as they are on the roster.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { ROLE_CHOICES } from './add-members.ts';
import { BOARD_ROLE_CHOICES } from './edit-member.ts';
import { findRosterMember } from './find-roster-member.ts';
import { editMemberForm } from './forms.ts';

const BOARD_ROLE_VALUE = { clerk: 'clerk', chair: 'chair', vice_chair: 'vice-chair' } as const;

export async function openEditMember(deps: CoreDeps, input: Invocation & { name: string }) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const found = await findRosterMember(deps.prisma, board.id, input.name, 'members edit');
  const member = await deps.prisma.member.findUniqueOrThrow({ where: { id: found.id }, include: { organisation: true, roles: true } });
  const others = await deps.prisma.member.findMany({ where: { boardId: board.id, active: true, id: { not: member.id } }, orderBy: { name: 'asc' }, take: 99 });
  const [role] = member.roles;
  return openForm(editMemberForm, {
    values: {
      name: member.name,
      title: member.title ?? '',
      organisation: member.organisation?.name ?? '',
      role: member.role,
      boardRole: role ? BOARD_ROLE_VALUE[role.role] : 'none',
      deputy: member.standingDeputyId ?? '',
      email: member.email ?? '',
      countsTowardsQuorum: member.countsTowardsQuorum,
      submitsFigures: member.submitsFigures,
    },
    metadata: { memberId: member.id },
    options: { role: ROLE_CHOICES, boardRole: BOARD_ROLE_CHOICES, deputy: [{ value: '', label: 'No standing deputy' }, ...others.map((o) => ({ value: o.id, label: o.name }))] },
    context: `${board.name}: ${member.name}`,
  });
}
