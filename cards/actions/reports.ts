// The action reports' cards: matters arising (the clerk's answer and the message sent), the export, the snooze form, the chase rule form.
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
    'action.chase-rule': defineForm({
      id: 'action.chase-rule',
      title: 'How owners are chased',
      submitLabel: 'Save',
      intro: 'Each owner gets one message listing all their actions due a chase. Chases fall on working days only.',
      fields: {
        daysBefore: { label: 'Days before the due date', kind: 'number', min: 1, max: 60, hint: 'Leave empty for no reminder before the due date.' },
        onDueDate: { label: 'Also on the due date', kind: 'checkbox' },
        everyDays: { label: 'Then every so many days while overdue', kind: 'number', required: true, min: 1, max: 60 },
        maxChases: { label: 'Chases before the clerk is told', kind: 'number', required: true, min: 1, max: 10 },
        holidays: { label: 'Bank holidays off', kind: 'select', required: true },
      },
    }),
  },
} satisfies FeatureCards;
