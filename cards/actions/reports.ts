// The action reports' cards: matters arising (the clerk's answer and the message sent), the export.
import type { FeatureCards } from '../registry-types.ts';
import { actionExportCard } from './action-export-card.ts';
import { mattersArisingMessageCard, mattersArisingResultCard } from './matters-arising-card.ts';

export const actionReportCards = {
  results: { 'matters-arising': mattersArisingResultCard, 'action-export': actionExportCard },
  templates: { 'action.matters-arising': mattersArisingMessageCard },
} satisfies FeatureCards;
