// What both renderers say the same way: a card's fallback sentence, the words for RAG ratings,
// and how a numbered entry reads (the headline, then sub-points, "Report of · Pages · time",
// links and any other lines), as card text that each renderer escapes for its platform.
import { toPlain } from '../markup.ts';
import type { Card, ItemEntry, Rag } from '../model.ts';
import { bullets, em, inlineLink, joined, md, wordsOf, type Rich, type Text } from '../text.ts';

/** Neither platform accepts an empty choice value; this stands for "none" and reads back as ''. */
export const EMPTY_CHOICE = '-';

export const RAG_WORD: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

/** The plain sentence for notifications and screen readers: the fallback, else the title, else
 * the first text. Unescaped words: each platform escapes it for where it goes. */
export function cardFallback(card: Card): string {
  const first = card.body.find((e) => e.type === 'text' || e.type === 'heading') as { text: Text } | undefined;
  return toPlain(card.fallback ?? card.title ?? first?.text ?? 'Quorum').trim() || 'Quorum';
}

export const EXEMPT_WORDS = 'Exempt item';

/** "**6.** Police Update · _Exempt item_" (the title as the card gives it, bold or not). */
export function itemHeadline(item: ItemEntry): Rich {
  const tag = item.exempt && wordsOf(item.title).trim() !== EXEMPT_WORDS ? md` \u00b7 ${em(EXEMPT_WORDS)}` : '';
  return item.number ? md`**${item.number}.** ${item.title}${tag}` : md`${item.title}${tag}`;
}

/** "Report of Borough Commander · Pages 13 - 18 · 10 mins" */
export function itemDetails(item: ItemEntry): string {
  return [item.reportOf ? `Report of ${item.reportOf}` : '', item.pages ? `Pages ${item.pages}` : '', item.time ?? ''].filter(Boolean).join(' \u00b7 ');
}

/** The item's links on one line, " · " between them. */
export function itemLinks(item: ItemEntry): Rich {
  return joined(' \u00b7 ', (item.links ?? []).map((l) => inlineLink(l.label, l.url)));
}

/** The lines under the headline: sub-points as a list, then details, links and other lines. */
export function itemLines(item: ItemEntry): Text[] {
  const subPoints = item.subPoints ?? [];
  const links = itemLinks(item);
  return [...(subPoints.length > 0 ? [bullets(subPoints)] : []), itemDetails(item), ...(item.links?.length ? [links] : []), ...(item.lines ?? [])].filter((t) => wordsOf(t).trim() !== '');
}
