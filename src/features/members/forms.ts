// The members feature's forms: adding people, and editing one person.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { addMembers, addMembersValues } from './add-members.ts';
import { editMember, editMemberValues } from './edit-member.ts';

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
