// What both renderers say the same way, in the neutral markup: a card's fallback sentence, the
// words for RAG ratings, and how a numbered entry reads (the headline, then sub-points,
// "Report of · Pages · time", links and any other lines).
import { toPlain } from '../markup.ts';
import type { Card, ItemEntry, Rag } from '../model.ts';

/** Neither platform accepts an empty choice value; this stands for "none" and reads back as ''. */
export const EMPTY_CHOICE = '-';

export const RAG_WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The plain sentence for notifications and screen readers: the fallback, else the title. */
export function cardFallback(card: Card): string {
  const firstText = card.body.find((e) => e.type === 'text' || e.type === 'heading') as { text: string } | undefined;
  return toPlain(card.fallback ?? card.title ?? firstText?.text ?? 'Quorum').trim() || 'Quorum';
}

export const EXEMPT_WORDS = 'Exempt item';

/** "**6.** **Police Update** · _Exempt item_" */
export function itemHeadline(item: ItemEntry): string {
  const tag = item.exempt && toPlain(item.title).trim() !== EXEMPT_WORDS ? ` \u00b7 _${EXEMPT_WORDS}_` : '';
  return `${item.number ? `**${item.number}.** ` : ''}${item.title}${tag}`;
}

/** The lines under the headline, each in the neutral markup; sub-points as a "- " list. */
export function itemLines(item: ItemEntry): string[] {
  const details = [item.reportOf ? `Report of ${item.reportOf}` : '', item.pages ? `Pages ${item.pages}` : '', item.time ?? '']
    .filter(Boolean)
    .join(' \u00b7 ');
  const links = (item.links ?? []).map((l) => `[${l.label}](${l.url})`).join(' \u00b7 ');
  return [...(item.subPoints ?? []).map((p) => `- ${p}`), details, links, ...(item.lines ?? [])].filter(Boolean);
}
