// The members feature's cards: the roster, the removal check, the import preview, and the add,
// edit and import forms.
import { defineForm } from '../kit.ts';
import type { FeatureCards } from '../registry-types.ts';
import { memberImportPreviewCard } from './import-preview-card.ts';
import { linkRequestCard } from './link-request-card.ts';
import { removalCard, rosterCard } from './roster-card.ts';
import { MEMBERS_PASTE_CHUNK_MAX } from '../../src/features/members/member-import-preview.ts';

export const memberCards = {
  results: { roster: rosterCard, 'member-removal': removalCard, 'member-import-preview': memberImportPreviewCard },
  forms: {
    'members.add': defineForm({
      id: 'members.add',
      title: 'Add members',
      submitLabel: 'Add',
      intro: 'Choose people, then what they share (leave empty what differs and edit each later).',
      fields: {
        people: { label: 'People', kind: 'people', multiple: true, placeholder: 'Search by name' },
        fromChannel: { label: 'Or from the board\u2019s channel', kind: 'multiselect' },
        organisation: { label: 'Organisation', kind: 'text', maxLength: 120, placeholder: 'e.g. Metropolitan Police' },
        title: { label: 'Title', kind: 'text', maxLength: 150, placeholder: 'e.g. Borough Commander' },
        role: { label: 'Role', kind: 'select' },
      },
    }),
    'members.edit': defineForm({
      id: 'members.edit',
      title: 'Edit member',
      submitLabel: 'Save',
      fields: {
        name: { label: 'Name', kind: 'text', required: true, maxLength: 120 },
        title: { label: 'Title', kind: 'text', maxLength: 150 },
        organisation: { label: 'Organisation', kind: 'text', maxLength: 120, hint: 'A new name adds the organisation.' },
        role: { label: 'Role', kind: 'select' },
        boardRole: { label: 'Board role', kind: 'select', hint: 'Clerks and the chair run the board\u2019s business.' },
        deputy: { label: 'Standing deputy', kind: 'select' },
        email: { label: 'Email', kind: 'text', maxLength: 254, hint: 'Links their chat account by email.' },
        countsTowardsQuorum: { label: 'Quorum', kind: 'checkbox', hint: 'Counts towards the quorum' },
        submitsFigures: { label: 'Figures', kind: 'checkbox', hint: 'Submits their organisation\u2019s quarterly figures' },
      },
    }),
    'members.import': defineForm({
      id: 'members.import',
      title: 'Import members',
      submitLabel: 'Read it',
      intro: `Paste the membership list, up to ${MEMBERS_PASTE_CHUNK_MAX.toLocaleString('en-GB')} characters at a time (a longer list: paste the rest with "Paste more" after checking): one person a line ("Name, Title, Organisation"), the minutes\u2019 attendance table, or a CSV with a header row (name, title, organisation, short name, role, email). Or upload it as a CSV or text file of at most 2 MB: on Slack below; on Teams, send the file to me in our personal chat with the words "members import". You will see the people before anything is saved.`,
      fields: {
        text: { label: 'Membership list', kind: 'textarea', maxLength: MEMBERS_PASTE_CHUNK_MAX, placeholder: '- **Simon Rose**, Borough Commander, Metropolitan Police' },
        file: { label: 'Or upload it', kind: 'file', filetypes: ['csv', 'txt'], hint: 'A CSV or text file of at most 2 MB, read like a paste.' },
      },
    }),
  },
  templates: { 'members.link-request': linkRequestCard },
} satisfies FeatureCards;
