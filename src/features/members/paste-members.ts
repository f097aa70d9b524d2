// "members import": the clerk or the chair pastes the board's membership (the agenda pack's
// membership appendix, the minutes' attendance tables, or CSV); the people are read and held for
// confirmation with the lines that could not be read. Slack's text box takes 3,000 characters, so
// a longer list comes in several pastes ("Paste more"), read again as one text each time; nothing
// is ever cut silently.
import { parseMembership } from '../../domain/members/parse-membership.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard, findFormBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { importMembersForm } from './forms.ts';
import { meetRoster, MEMBERS_PASTE_TOTAL_MAX, type MemberImportPreviewResult } from './member-import-preview.ts';

export async function openImportMembers(deps: CoreDeps, input: Invocation) {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  return openForm(importMembersForm, { metadata: { boardId: board.id }, context: board.name });
}

/** The rest of a long list: read together with what was pasted before. */
export async function openImportMoreMembers(deps: CoreDeps, input: Invocation & { importId: string }) {
  const held = await deps.prisma.memberImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held || held.appliedAt) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list was saved or discarded already. Start again with "members import".');
  await requireClerk(deps.prisma, held.board, input.actor);
  return openForm(importMembersForm, {
    metadata: { boardId: held.boardId, importId: held.id },
    context: `${held.board.name}. Paste the rest of the list: it is read together with what you pasted before.`,
  });
}

export async function pasteMembers(deps: CoreDeps, input: Invocation & { boardId: string; importId?: string; text: string }): Promise<MemberImportPreviewResult> {
  const board = await findFormBoard(deps.prisma, input.boardId);
  await requireClerk(deps.prisma, board, input.actor);
  const earlier = input.importId ? await deps.prisma.memberImport.findFirst({ where: { id: input.importId, boardId: board.id, appliedAt: null } }) : null;
  if (input.importId && !earlier) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list was saved or discarded already. Start again with "members import".');
  const text = earlier ? `${earlier.sourceText}\n${input.text}` : input.text;
  if (text.length > MEMBERS_PASTE_TOTAL_MAX) {
    const say = `That makes ${text.length.toLocaleString('en-GB')} characters; a membership list is at most ${MEMBERS_PASTE_TOTAL_MAX.toLocaleString('en-GB')}. Paste the list only, or save this part first and import the rest separately.`;
    throw formInvalid({ text: say }, say);
  }
  const reading = parseMembership(text);
  if (!reading.ok) throw formInvalid({ text: reading.problem }, reading.problem);
  if (reading.rows.length === 0) {
    const say = 'I could not find anyone in that. Paste one person a line ("Name, Title, Organisation"), the minutes\u2019 attendance table, or a CSV with a header row (name, title, organisation, role, email).';
    throw formInvalid({ text: say }, say);
  }
  const onRoster = await meetRoster(deps.prisma, board.id, reading.rows);
  const data = { rows: reading.rows as object[], unread: reading.unread as object[], sourceText: text };
  const held = earlier
    ? await deps.prisma.memberImport.update({ where: { id: earlier.id }, data })
    : await deps.prisma.memberImport.create({ data: { boardId: board.id, createdBy: `${input.actor.platform}:${input.actor.userId}`, ...data } });
  return {
    kind: 'member-import-preview',
    importId: held.id,
    board: { id: board.id, name: board.name },
    format: reading.format,
    rows: reading.rows.map((row) => ({ ...row, onRoster: onRoster.has(row.line) })),
    unread: reading.unread,
    canPasteMore: text.length < MEMBERS_PASTE_TOTAL_MAX,
  };
}
