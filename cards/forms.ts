// The bot's forms, one definition each, opened as a Slack modal or shown as an Adaptive Card.
// Field ids are the ones the core's use cases read.
import type { FormId, FormRequest } from '../src/core.ts';
import type { Field, Form } from './model.ts';

const meetingFields: Field[] = [
  { id: 'title', label: 'Title', kind: 'text', maxLength: 150, hint: 'Leave as the board\u2019s name unless this is a special meeting.' },
  { id: 'date', label: 'Date', kind: 'date', required: true },
  { id: 'time', label: 'Start time', kind: 'time', required: true, hint: 'In the board\u2019s timezone.' },
  { id: 'duration', label: 'Length (minutes)', kind: 'number', min: 15, max: 600 },
  { id: 'venue', label: 'Venue', kind: 'text', maxLength: 200, placeholder: 'e.g. Hendon Town Hall, Committee Room 1' },
];

const itemFields: Field[] = [
  { id: 'title', label: 'Title', kind: 'text', required: true, maxLength: 200, placeholder: 'e.g. Police Update' },
  { id: 'subPoints', label: 'Sub-points', kind: 'textarea', maxLength: 3000, hint: 'One a line.' },
  { id: 'reportOf', label: 'Report of', kind: 'text', maxLength: 150, placeholder: 'e.g. Borough Commander' },
  { id: 'pages', label: 'Pages in the pack', kind: 'text', maxLength: 20, placeholder: 'e.g. 5 - 12' },
  { id: 'minutes', label: 'Time allocated (minutes)', kind: 'number', min: 1, max: 480 },
  { id: 'links', label: 'Links to reports', kind: 'textarea', maxLength: 3000, hint: 'One a line: a title, then the address (https://...).' },
  { id: 'exempt', label: 'Exempt', kind: 'checkbox', hint: 'Business not open to the public' },
];

const DEFINITIONS: Record<FormId, Omit<Form, 'metadata'>> = {
  'board.setup': {
    id: 'board.setup',
    title: 'Set up a board',
    submitLabel: 'Set up',
    intro: 'This channel becomes the board\u2019s channel, and you its first clerk.',
    fields: [
      { id: 'name', label: 'Board name', kind: 'text', required: true, maxLength: 120, placeholder: 'e.g. Safer Communities Partnership Board' },
      { id: 'slug', label: 'Short name for commands', kind: 'text', required: true, maxLength: 30, placeholder: 'e.g. scpb' },
      { id: 'timezone', label: 'Timezone', kind: 'text', maxLength: 60 },
      { id: 'quorum', label: 'Quorum (members present)', kind: 'number', min: 1, max: 100 },
      { id: 'yourName', label: 'Your name, as minutes print it', kind: 'text', maxLength: 120 },
    ],
  },
  'meeting.create': { id: 'meeting.create', title: 'New meeting', submitLabel: 'Create', intro: 'The standing items are added for you.', fields: meetingFields },
  'meeting.edit': { id: 'meeting.edit', title: 'Change the meeting', submitLabel: 'Save', fields: meetingFields },
  'agenda.item.add': { id: 'agenda.item.add', title: 'Add an agenda item', submitLabel: 'Add', intro: 'It goes before Any Other Business; move it with "agenda move".', fields: itemFields },
  'agenda.item.edit': { id: 'agenda.item.edit', title: 'Edit the agenda item', submitLabel: 'Save', fields: itemFields },
  'agenda.paste': {
    id: 'agenda.paste',
    title: 'Paste the agenda',
    submitLabel: 'Read it',
    intro: 'Paste the ORDER OF BUSINESS table from the agenda pack. You will see the items before anything is saved.',
    fields: [{ id: 'text', label: 'Order of business', kind: 'textarea', required: true, maxLength: 3000, placeholder: '1. Welcome and Introductions\n2. Minutes of Previous Meeting   5 - 12' }],
  },
  'plan.propose': {
    id: 'plan.propose',
    title: 'Propose an item',
    submitLabel: 'Propose',
    intro: 'For a future meeting of the board; the clerk decides.',
    fields: [
      { id: 'title', label: 'Title', kind: 'text', required: true, maxLength: 200 },
      { id: 'overview', label: 'Overview', kind: 'textarea', maxLength: 1000 },
      { id: 'reportOf', label: 'Report of', kind: 'text', maxLength: 150 },
      { id: 'meeting', label: 'Meeting', kind: 'select' },
    ],
  },
};

export function formDefinition(id: string): Omit<Form, 'metadata'> | undefined {
  // Own keys only: a verb named "constructor" or "__proto__" is no form.
  return Object.hasOwn(DEFINITIONS, id) ? DEFINITIONS[id as FormId] : undefined;
}

/** The form a core result asks for, with its initial values, choices and context filled in. */
export function formFor(request: FormRequest): Form {
  const definition = DEFINITIONS[request.form];
  return {
    ...definition,
    ...(request.context ? { intro: [request.context, definition.intro].filter(Boolean).join('\n') } : {}),
    metadata: request.metadata,
    fields: definition.fields.map((field) => ({
      ...field,
      ...(request.values[field.id] !== undefined ? { value: request.values[field.id] } : {}),
      ...(request.options?.[field.id] ? { options: request.options[field.id] } : {}),
    })),
  };
}
