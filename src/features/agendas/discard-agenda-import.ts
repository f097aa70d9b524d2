// The clerk discards a held paste or import: nothing is saved, and the held items are deleted.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';

export async function discardAgendaImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<NoticeResult> {
  const held = await deps.prisma.agendaImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held) return notice('Discarded: nothing was saved.');
  await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'Those items were saved already; change the agenda with "agenda edit" or "agenda remove".');
  await deps.prisma.agendaImport.deleteMany({ where: { id: held.id, appliedAt: null } });
  return notice('Discarded: nothing was saved.');
}
