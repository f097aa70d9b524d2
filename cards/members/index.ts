// The members feature's cards: the roster, the removal check, and the add and edit forms.
import { defineForm } from '../kit.ts';
import type { FeatureCards } from '../registry-types.ts';
import { removalCard, rosterCard } from './roster-card.ts';

export const memberCards = {
  results: { roster: rosterCard, 'member-removal': removalCard },
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
  },
} satisfies FeatureCards;
