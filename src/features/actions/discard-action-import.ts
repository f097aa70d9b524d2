// The clerk discards actions read from pasted minutes: nothing is saved, and the held paste is deleted.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';

export async function discardActionImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<NoticeResult> {
  const held = await deps.prisma.actionImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held) return notice('Discarded: nothing was saved.');
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those actions were saved already; see them with "actions", and drop one from its card.');
  await deps.prisma.actionImport.deleteMany({ where: { id: held.id, appliedAt: null } });
  return notice('Discarded: nothing was saved.');
}
