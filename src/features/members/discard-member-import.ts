// The clerk discards a pasted membership list: nothing is saved, and the held list is deleted.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';

export async function discardMemberImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<NoticeResult> {
  const held = await deps.prisma.memberImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held) return notice('Discarded: nobody was added.');
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list was saved already; change the roster with "members edit" or "members remove".');
  await deps.prisma.memberImport.deleteMany({ where: { id: held.id, appliedAt: null } });
  return notice('Discarded: nobody was added.');
}
