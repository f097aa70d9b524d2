// The help feature's cards.
import type { FeatureCards } from '../registry-types.ts';
import { helpCard } from './help-card.ts';

export const helpCards = { results: { help: helpCard } } satisfies FeatureCards;
