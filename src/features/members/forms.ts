// The members feature's forms: adding people, editing one person, and pasting the membership list.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { addMembers, addMembersValues } from './add-members.ts';
import { editMember, editMemberValues } from './edit-member.ts';
import { MEMBERS_PASTE_CHUNK_MAX } from './member-import-preview.ts';
import { pasteMembers } from './paste-members.ts';

export const addMembersForm = form({
  id: 'members.add',
  values: addMembersValues,
  metadata: z.object({ boardId: z.uuid() }),
  run: (deps, input) => addMembers(deps, { ...input, boardId: input.metadata.boardId, values: input.values }),
});

export const editMemberForm = form({
  id: 'members.edit',
  values: editMemberValues,
  metadata: z.object({ memberId: z.uuid() }),
  run: (deps, input) => editMember(deps, { ...input, memberId: input.metadata.memberId, values: input.values }),
});

const PASTE_SOMETHING = 'Paste the membership list: one person a line, the minutes\u2019 attendance table, or a CSV with a header row (or upload it as a file: on Teams, send it to me with "members import" in our personal chat).';

export const importMembersForm = form({
  id: 'members.import',
  values: z
    .object({
      text: z
        .string()
        .nullish()
        .refine((text) => (text ?? '').length <= MEMBERS_PASTE_CHUNK_MAX, {
          error: `Paste at most ${MEMBERS_PASTE_CHUNK_MAX.toLocaleString('en-GB')} characters at a time; after checking the people, "Paste more" adds the rest (or upload the list as a file).`,
        }),
      file: z.array(z.string().regex(/^F[A-Z0-9]{1,30}$/, { error: 'That file could not be read. Please upload it again.' })).max(1, { error: 'Upload one file.' }).nullish(),
    })
    .refine((v) => (v.text ?? '').trim() !== '' || (v.file ?? []).length > 0, { error: PASTE_SOMETHING, path: ['text'] })
    .refine((v) => (v.text ?? '').trim() === '' || (v.file ?? []).length === 0, { error: 'Paste the list or upload it, not both.', path: ['file'] }),
  metadata: z.object({ boardId: z.uuid(), importId: z.uuid().optional() }),
  run: (deps, input) => pasteMembers(deps, { ...input, ...input.metadata, text: input.values.text ?? '', ...(input.values.file?.[0] ? { fileId: input.values.file[0] } : {}) }),
});
