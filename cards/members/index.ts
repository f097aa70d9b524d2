// The members feature's cards: the roster.
import type { FeatureCards } from '../registry-types.ts';
import { rosterCard } from './roster-card.ts';

export const memberCards = {
  results: { roster: rosterCard },
} satisfies FeatureCards;
