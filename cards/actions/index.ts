// The actions feature's cards: an action, the list, and the action forms.
import { DESCRIPTION_MAX, REASON_MAX } from '../../src/features/actions/action-fields.ts';
import { UPDATE_MAX } from '../../src/features/actions/add-action-update.ts';
import { defineForm } from '../kit.ts';
import type { FeatureCards } from '../registry-types.ts';
import { actionChaseCard, actionMessageCard, actionResultCard, actionsListCard } from './action-card.ts';
import { importPreviewCard } from './import-preview-card.ts';
import { myActionsCard } from './my-actions-card.ts';
import { MINUTES_CHUNK_MAX } from '../../src/features/actions/paste-minutes.ts';

const reasonField = { label: 'Reason', kind: 'textarea', required: true, maxLength: REASON_MAX } as const;

export const actionCards = {
  results: { action: actionResultCard, actions: actionsListCard, 'action-import-preview': importPreviewCard, 'my-actions': myActionsCard },
  templates: { 'action.card': actionMessageCard, 'action.chase': actionChaseCard },
  forms: {
    'action.create': defineForm({
      id: 'action.create',
      title: 'Record an action',
      submitLabel: 'Record',
      fields: {
        description: { label: 'What is to be done', kind: 'textarea', required: true, maxLength: DESCRIPTION_MAX },
        owners: { label: 'Owners', kind: 'multiselect', required: true, hint: 'From the board\u2019s roster.' },
        item: { label: 'Agenda item', kind: 'select' },
        due: { label: 'Due', kind: 'date', required: true, hint: 'By default the day before the next meeting.' },
      },
    }),
    'action.update': defineForm({
      id: 'action.update',
      title: 'Add an update',
      submitLabel: 'Add',
      fields: { text: { label: 'Update', kind: 'textarea', required: true, maxLength: UPDATE_MAX } },
    }),
    'action.more-time': defineForm({
      id: 'action.more-time',
      title: 'Ask for more time',
      submitLabel: 'Ask the clerk',
      intro: 'The clerk accepts or declines the new date.',
      fields: { due: { label: 'New due date', kind: 'date', required: true }, reason: reasonField },
    }),
    'action.reassign': defineForm({
      id: 'action.reassign',
      title: 'Reassign the action',
      submitLabel: 'Reassign',
      fields: { owners: { label: 'Owners', kind: 'multiselect', required: true }, reason: reasonField },
    }),
    'action.extend': defineForm({
      id: 'action.extend',
      title: 'Give a new due date',
      submitLabel: 'Save',
      fields: { due: { label: 'Due', kind: 'date', required: true }, reason: reasonField },
    }),
    'action.paste': defineForm({
      id: 'action.paste',
      title: 'Paste minutes',
      submitLabel: 'Read the actions',
      fields: { text: { label: 'Minutes', kind: 'textarea', required: true, maxLength: MINUTES_CHUNK_MAX, hint: 'Action lines such as "ACTION: Paul Lamb" or "Action: Ms Hirani/Mr Clifton", with the items and paragraphs above them.' } },
    }),
    'action.drop': defineForm({
      id: 'action.drop',
      title: 'Drop the action',
      submitLabel: 'Drop',
      fields: { reason: reasonField },
    }),
  },
} satisfies FeatureCards;
