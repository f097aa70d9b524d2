// The agendas feature's cards.
import { withNotice } from '../notice-card.ts';
import type { FeatureCards } from '../registry-types.ts';
import { agendaCard } from './agenda-card.ts';
import { agendaForms } from './forms.ts';
import { importPreviewCard } from './import-preview-card.ts';
import { agendaTemplates } from './templates.ts';

export const agendaCards = {
  results: {
    agenda: (result) => withNotice(result.notice, agendaCard(result.agenda, { forClerk: result.forClerk })),
    'agenda-import-preview': importPreviewCard,
  },
  forms: agendaForms,
  templates: agendaTemplates,
} satisfies FeatureCards;
