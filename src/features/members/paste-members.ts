// "members import": the clerk or the chair pastes the board's membership (the agenda pack's
// membership appendix, the minutes' attendance tables, or CSV); the people are read and held for
// confirmation with the lines that could not be read. Slack's text box takes 3,000 characters, so
// a longer list comes in several pastes ("Paste more"), read again as one text each time; nothing
// is ever cut silently. On Slack the list may be uploaded as a file instead (the form's file
// input): at most 2 MB, text only, read exactly like a paste.
import { parseMembership } from '../../domain/members/parse-membership.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard, findFormBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { askDirectory } from './directory-place.ts';
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

/** An uploaded membership list: 2 MB at most, never downloaded further. */
export const MEMBERS_FILE_MAX_BYTES = 2 * 1024 * 1024;

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toLocaleString('en-GB', { maximumFractionDigits: 1 })} MB`;

/** The uploaded file as text, or a refusal naming what is wrong with it (beside the file field). */
async function uploadedText(deps: CoreDeps, input: Invocation & { fileId: string; fileName?: string }): Promise<string> {
  const directory = deps.directories?.[input.actor.platform];
  if (!directory?.readFile) {
    const say = 'Files cannot be uploaded here: paste the list instead.';
    throw formInvalid({ file: say }, say);
  }
  const read = directory.readFile;
  const file = await askDirectory(() => read(input.fileId, MEMBERS_FILE_MAX_BYTES, input.fileName));
  if (!file.ok) {
    const say = `${file.name} is ${file.size !== undefined ? megabytes(file.size) : 'more than 2 MB'}; a membership list file is at most 2 MB. Upload the list only (a CSV or text file), or paste it.`;
    throw formInvalid({ file: say }, say);
  }
  let text: string;
  try {
    if (file.bytes.includes(0)) throw new Error('NUL byte');
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(file.bytes);
  } catch {
    const say = `${file.name} is not a text file. Save the list as CSV (UTF-8) or plain text and upload that, or paste it.`;
    throw formInvalid({ file: say }, say);
  }
  return text.replace(/\r\n?/g, '\n');
}

/** Teams: "members import" sent with the list as a file in the personal chat, read like a paste. */
export async function importUploadedMembers(deps: CoreDeps, input: Invocation & { file: { id: string; name: string } }): Promise<MemberImportPreviewResult> {
  const board = await findBoard(deps.prisma, input);
  return pasteMembers(deps, { ...input, boardId: board.id, text: '', fileId: input.file.id, fileName: input.file.name });
}

export async function pasteMembers(deps: CoreDeps, input: Invocation & { boardId: string; importId?: string; text: string; fileId?: string; fileName?: string }): Promise<MemberImportPreviewResult> {
  const board = await findFormBoard(deps.prisma, input.boardId);
  await requireClerk(deps.prisma, board, input.actor);
  if (input.fileId) input = { ...input, text: await uploadedText(deps, { ...input, fileId: input.fileId }) };
  const earlier = input.importId ? await deps.prisma.memberImport.findFirst({ where: { id: input.importId, boardId: board.id, appliedAt: null } }) : null;
  if (input.importId && !earlier) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list was saved or discarded already. Start again with "members import".');
  const text = earlier ? `${earlier.sourceText}\n${input.text}` : input.text;
  if (text.length > MEMBERS_PASTE_TOTAL_MAX) {
    const say = `${input.fileId ? 'With the file, that makes' : 'That makes'} ${text.length.toLocaleString('en-GB')} characters; a membership list is at most ${MEMBERS_PASTE_TOTAL_MAX.toLocaleString('en-GB')}. Paste the list only, or save this part first and import the rest separately.`;
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
