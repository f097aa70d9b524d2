// A sentence as a card, and a sentence above another card.
import type { Card } from './model.ts';
import { cardFallback } from './render/shared.ts';

export function noticeCard(text: string, tone: 'default' | 'good' | 'attention' = 'default'): Card {
  return { fallback: text, body: [{ type: 'text', text, tone }] };
}

export function withNotice(notice: string, card: Card): Card {
  return { ...card, fallback: `${notice} ${cardFallback(card)}`, body: [{ type: 'text', text: notice, tone: 'good' }, ...card.body] };
}
