// The standing items are defined once, in the agenda domain; business goes before the closing ones.
import { DEFAULT_STANDING_ITEMS } from '../../domain/agenda/agenda-item.ts';

export const STANDING_ITEMS = DEFAULT_STANDING_ITEMS;

/** Standing items that close the agenda: new business goes before the first of these. */
export const CLOSING_STANDING = new Set<string>(DEFAULT_STANDING_ITEMS.filter((i) => i.closing).map((i) => i.standing));
