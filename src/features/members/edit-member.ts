// A clerk or the chair changes one person: name, title, organisation, role, board role, standing
// deputy, email, whether they count towards the quorum and whether they submit figures.
import { z } from 'zod';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { ROLES } from './add-members.ts';
import { rosterOf, type RosterResult } from './list-members.ts';
import { inTransactionOnce, organisationNamed } from './save-members.ts';

export const BOARD_ROLES = ['none', 'clerk', 'chair', 'vice-chair'] as const;
export const BOARD_ROLE_CHOICES = [
  { value: 'none', label: 'None' },
  { value: 'clerk', label: 'Clerk' },
  { value: 'chair', label: 'Chair' },
  { value: 'vice-chair', label: 'Vice-chair' },
];

export const editMemberValues = z.object({
  name: z.string({ error: 'Enter their name.' }).trim().min(1, { error: 'Enter their name.' }).max(120, { error: 'Keep the name to 120 characters or fewer.' }),
  title: z.string().trim().max(150, { error: 'Keep the title to 150 characters or fewer.' }).optional(),
  organisation: z.string().trim().max(120, { error: 'Keep the organisation to 120 characters or fewer.' }).optional(),
  role: z.enum(ROLES, { error: 'Choose a role.' }).default('member'),
  boardRole: z.enum(BOARD_ROLES, { error: 'Choose a board role, or None.' }).default('none'),
  deputy: z.uuid({ error: 'Choose their deputy from the list.' }).optional(),
  email: z.email({ error: 'Enter an email address like name@example.org, or leave it empty.' }).max(254).optional(),
  countsTowardsQuorum: z.boolean().default(false),
  submitsFigures: z.boolean().default(false),
});
export type EditMemberValues = z.output<typeof editMemberValues>;

/** Someone must still be able to run the board: a clerk or a chair among the active members. */
export async function requireSomeoneToRunTheBoard(tx: Prisma.TransactionClient, boardId: string, field?: string): Promise<void> {
  const left = await tx.boardRole.count({ where: { boardId, role: { in: ['clerk', 'chair'] }, member: { active: true } } });
  if (left > 0) return;
  const say = 'The board needs a clerk or a chair: give the role to someone else first.';
  throw field ? formInvalid({ [field]: say }, say) : new AppError(ErrorCode.LAST_CLERK, say, { log: 'would leave no clerk or chair' });
}

export async function editMember(deps: CoreDeps, input: Invocation & { memberId: string; values: EditMemberValues }): Promise<RosterResult> {
  const member = await deps.prisma.member.findUnique({ where: { id: input.memberId }, include: { board: true } });
  if (!member || !member.active) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, 'That person is no longer on the roster. Run "members" for a fresh list.', { log: `member ${input.memberId} not found` });
  const board = member.board;
  await requireClerk(deps.prisma, board, input.actor);
  const v = input.values;
  if (v.deputy === member.id) throw formInvalid({ deputy: 'Someone cannot be their own deputy.' });
  const email = v.email?.toLowerCase();
  await inTransactionOnce(deps.prisma, async (tx) => {
    if (v.deputy && !(await tx.member.count({ where: { id: v.deputy, boardId: board.id, active: true } }))) throw formInvalid({ deputy: 'That deputy is no longer on the roster. Choose another.' });
    if (email && (await tx.member.count({ where: { boardId: board.id, email, id: { not: member.id } } }))) throw formInvalid({ email: `Another person on the roster has ${email}.` }, 'That email is already used.');
    await tx.member.update({
      where: { id: member.id },
      data: {
        name: v.name,
        title: v.title ?? null,
        organisationId: v.organisation ? await organisationNamed(tx, board.id, v.organisation) : null,
        role: v.role,
        standingDeputyId: v.deputy ?? null,
        email: email ?? null,
        countsTowardsQuorum: v.countsTowardsQuorum,
        submitsFigures: v.submitsFigures,
      },
    });
    await tx.boardRole.deleteMany({ where: { boardId: board.id, memberId: member.id } });
    if (v.boardRole !== 'none') await tx.boardRole.create({ data: { boardId: board.id, memberId: member.id, role: v.boardRole === 'vice-chair' ? 'vice_chair' : v.boardRole } });
    await requireSomeoneToRunTheBoard(tx, board.id, 'boardRole');
  });
  return rosterOf(deps, board, { canManage: true, notice: `${v.name}\u2019s details are saved.` });
}
