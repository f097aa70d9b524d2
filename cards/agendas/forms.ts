// The agenda forms: an item (add and edit), and the pasted ORDER OF BUSINESS.
import { AGENDA_REPORT_OF_MAX, AGENDA_TITLE_MAX } from '../../src/domain/agenda/agenda-item.ts';
import { ITEM_TEXTAREA_MAX } from '../../src/features/agendas/agenda-item-form.ts';
import { PASTE_CHUNK_MAX } from '../../src/features/agendas/paste-agenda.ts';
import { defineForm, type FieldDefinition } from '../kit.ts';

const itemFields = {
  title: { label: 'Title', kind: 'text', required: true, maxLength: AGENDA_TITLE_MAX, placeholder: 'e.g. Police Update' },
  subPoints: { label: 'Sub-points', kind: 'textarea', maxLength: ITEM_TEXTAREA_MAX, hint: 'One a line.' },
  reportOf: { label: 'Report of', kind: 'text', maxLength: AGENDA_REPORT_OF_MAX, placeholder: 'e.g. Borough Commander' },
  pages: { label: 'Pages in the pack', kind: 'text', maxLength: 20, placeholder: 'e.g. 5 - 12' },
  minutes: { label: 'Time allocated (minutes)', kind: 'number', min: 1, max: 480 },
  links: { label: 'Links to reports', kind: 'textarea', maxLength: ITEM_TEXTAREA_MAX, hint: 'One a line: a title, then the address (https://...).' },
  exempt: { label: 'Exempt', kind: 'checkbox', hint: 'Business not open to the public' },
} satisfies Record<string, FieldDefinition>;

export const agendaForms = {
  'agenda.item.add': defineForm({ id: 'agenda.item.add', title: 'Add an agenda item', submitLabel: 'Add', intro: 'It goes before Any Other Business; move it with "agenda move".', fields: itemFields }),
  'agenda.item.edit': defineForm({ id: 'agenda.item.edit', title: 'Edit the agenda item', submitLabel: 'Save', fields: itemFields }),
  'agenda.paste': defineForm({
    id: 'agenda.paste',
    title: 'Paste the agenda',
    submitLabel: 'Read it',
    intro: `Paste the ORDER OF BUSINESS table from the agenda pack, up to ${PASTE_CHUNK_MAX.toLocaleString('en-GB')} characters at a time (a longer table: paste the rest with "Paste more" after checking). You will see the items before anything is saved.`,
    fields: {
      text: { label: 'Order of business', kind: 'textarea', required: true, maxLength: PASTE_CHUNK_MAX, placeholder: '1. Welcome and Introductions\n2. Minutes of Previous Meeting   5 - 12' },
    },
  }),
};
