// Members: the board's roster, and (for clerks and the chair) changing it: adding people from the
// platform's directory and the channel, editing one person, removing one (their history stays),
// and importing the membership list pasted from the board's papers or a CSV.
import { z } from 'zod';
import { freeText, noArgs } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { decideLinkRequest } from './decide-link-request.ts';
import { discardMemberImport } from './discard-member-import.ts';
import { addMembersForm, editMemberForm, importMembersForm } from './forms.ts';
import { linkByEmail } from './link-by-email.ts';
import { listMembers } from './list-members.ts';
import { addMentioned } from './add-mentioned.ts';
import { openAddMembers } from './open-add-members.ts';
import { openEditMember } from './open-edit-member.ts';
import { importUploadedMembers, openImportMembers, openImportMoreMembers } from './paste-members.ts';
import { confirmRemoval, removeMember } from './remove-member.ts';
import { saveMemberImport } from './save-member-import.ts';
import { linkRequestTemplate } from './templates.ts';

const importId = z.object({ importId: z.uuid() });
const requestId = z.object({ requestId: z.uuid() });

export const members = defineFeature({
  name: 'members',
  commands: [
    command({
      words: 'members',
      usage: 'members',
      description: 'See the board\u2019s members by organisation: roles, deputies, quorum and who is not linked yet.',
      who: 'everyone',
      args: noArgs,
      run: (deps, input) => listMembers(deps, input),
    }),
    command({
      words: 'members add',
      usage: 'members add [@people]',
      description: 'Add people to the board: pick them, choose from the channel\u2019s members, or @mention them (Teams).',
      who: 'clerks',
      args: freeText,
      run: async (deps, input) => (input.mentions?.length || input.args.text.trim() ? await addMentioned(deps, input) : await openAddMembers(deps, input)),
    }),
    command({
      words: 'members edit',
      usage: 'members edit <name>',
      description: 'Change someone\u2019s title, organisation, role, deputy, quorum or figures flags.',
      who: 'clerks',
      args: freeText,
      run: (deps, input) => openEditMember(deps, { ...input, name: input.args.text }),
    }),
    command({
      words: 'members remove',
      usage: 'members remove <name>',
      description: 'Take someone off the board (their apologies, actions and figures are kept).',
      who: 'clerks',
      args: freeText,
      run: (deps, input) => confirmRemoval(deps, { ...input, name: input.args.text }),
    }),
    command({
      words: 'members link',
      usage: 'members link',
      description: 'Link people on the roster to their Slack or Teams account by their email address.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => linkByEmail(deps, input),
    }),
    command({
      words: 'members import',
      usage: 'members import',
      description: 'Paste the board\u2019s membership list (the agenda pack\u2019s list, the minutes\u2019 attendance table, or CSV); check it, then save.',
      who: 'clerks',
      args: noArgs,
      // On Teams the list may come as a file sent with the command in the personal chat.
      run: async (deps, input) => (input.files?.[0] ? await importUploadedMembers(deps, { ...input, file: input.files[0] }) : await openImportMembers(deps, input)),
    }),
  ],
  buttons: [
    button({
      id: 'members.remove',
      payload: z.object({ memberId: z.uuid() }),
      run: (deps, input) => removeMember(deps, { ...input, memberId: input.payload.memberId }),
    }),
    button({ id: 'members.import.save', payload: importId, run: (deps, input) => saveMemberImport(deps, { ...input, importId: input.payload.importId }) }),
    button({ id: 'members.import.discard', payload: importId, run: (deps, input) => discardMemberImport(deps, { ...input, importId: input.payload.importId }) }),
    button({ id: 'members.link.confirm', payload: requestId, run: (deps, input) => decideLinkRequest(deps, { ...input, requestId: input.payload.requestId, link: true }) }),
    button({ id: 'members.link.refuse', payload: requestId, run: (deps, input) => decideLinkRequest(deps, { ...input, requestId: input.payload.requestId, link: false }) }),
    button({ id: 'members.import.more', payload: importId, run: (deps, input) => openImportMoreMembers(deps, { ...input, importId: input.payload.importId }) }),
  ],
  forms: [addMembersForm, editMemberForm, importMembersForm],
  templates: [linkRequestTemplate],
});
