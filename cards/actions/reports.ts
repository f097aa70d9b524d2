// The action reports' cards: matters arising (the clerk's answer and the message sent), the export, the snooze form.
import { defineForm } from '../kit.ts';
import type { FeatureCards } from '../registry-types.ts';
import { actionExportCard } from './action-export-card.ts';
import { mattersArisingMessageCard, mattersArisingResultCard } from './matters-arising-card.ts';

export const actionReportCards = {
  results: { 'matters-arising': mattersArisingResultCard, 'action-export': actionExportCard },
  templates: { 'action.matters-arising': mattersArisingMessageCard },
  forms: {
    'action.snooze': defineForm({
      id: 'action.snooze',
      title: 'Snooze reminders',
      submitLabel: 'Snooze',
      intro: 'No reminders about this action until the date you choose.',
      fields: { until: { label: 'Snooze until', kind: 'date', required: true } },
    }),
  },
} satisfies FeatureCards;
