// The boards feature's cards: the set-up form, and what a change to the board says.
import { defineForm } from '../kit.ts';
import { noticeCard } from '../notice-card.ts';
import type { FeatureCards } from '../registry-types.ts';

export const boardSetupForm = defineForm({
  id: 'board.setup',
  title: 'Set up a board',
  submitLabel: 'Set up',
  intro: 'This channel becomes the board\u2019s channel, and you its first clerk.',
  fields: {
    name: { label: 'Board name', kind: 'text', required: true, maxLength: 120, placeholder: 'e.g. Safer Communities Partnership Board' },
    slug: { label: 'Short name for commands', kind: 'text', required: true, maxLength: 30, placeholder: 'e.g. scpb' },
    timezone: { label: 'Timezone', kind: 'text', maxLength: 60 },
    quorum: { label: 'Quorum (members present)', kind: 'number', min: 1, max: 100 },
    yourName: { label: 'Your name, as minutes print it', kind: 'text', maxLength: 120 },
  },
});

export const boardCards = {
  results: { 'board-updated': (result) => noticeCard(result.notice, 'good') },
  forms: { 'board.setup': boardSetupForm },
} satisfies FeatureCards;
