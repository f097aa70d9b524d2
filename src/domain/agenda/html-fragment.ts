// The scraps of HTML that come with text copied out of agenda packs and ModernGov: a row with
// an embedded "<ul><li>• Performance</li></ul>", a "<br>", an "&amp;". Not a general HTML
// parser: it finds list items and drops other tags, which is all a pasted line or an item
// description needs. (The ModernGov XML document itself is parsed with fast-xml-parser.)

const NAMED_ENTITIES: Record<string, string> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  ndash: '–',
  mdash: '—',
  lsquo: '‘',
  rsquo: '’',
  ldquo: '“',
  rdquo: '”',
  hellip: '…',
  bull: '•',
  middot: '·',
  pound: '£',
  euro: '€',
  copy: '©',
};

/** Decodes named and numeric character references; unknown ones are left as they are. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]{1,6}|#[0-9]{1,7}|[a-z]{2,8});/gi, (whole, ref: string) => {
    if (ref[0] === '#') {
      const code = ref[1] === 'x' || ref[1] === 'X' ? Number.parseInt(ref.slice(2), 16) : Number.parseInt(ref.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return NAMED_ENTITIES[ref.toLowerCase()] ?? whole;
  });
}

const TAG = /<\/?([a-z][a-z0-9]*)\b[^<>]*>/gi;

/** True when the text carries HTML tags worth reading (lists, breaks, paragraphs...). */
export function hasHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9]*\b[^<>]*>/i.test(text);
}

/** Leading bullet glyphs and the spaces after them: "• ", "◦ ", "- ", "\uF0B7 " (Word's Symbol font). */
export function stripBullet(text: string): string {
  return text.replace(/^[\s\u00a0]*(?:[•·◦▪▫‣○●■□➢➤►▶✓✔\uF0A7\uF0B7\uF0D8§*]|[-–—](?=\s))[\s\u00a0]*/u, '').trim();
}

const collapse = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

export interface HtmlSplit {
  /** The line without its lists and tags, with a tab where a block stood (so columns survive). */
  text: string;
  /** The text of each <li>, without its bullet glyph. */
  listItems: string[];
}

/**
 * Splits a line into its own text and the items of any HTML lists in it. Block tags (ul, ol, p,
 * div, br, tr, td) become tab separators so "Title <ul>…</ul>\t13 - 18" keeps its page column.
 */
export function splitHtml(line: string): HtmlSplit {
  if (!hasHtml(line)) return { text: decodeEntities(line), listItems: [] };
  const listItems: string[] = [];
  let outside = '';
  let inItem: string | undefined;
  let depth = 0;
  let last = 0;
  const flushItem = () => {
    if (inItem === undefined) return;
    const item = stripBullet(collapse(decodeEntities(inItem)));
    if (item) listItems.push(item);
    inItem = undefined;
  };
  for (const match of line.matchAll(TAG)) {
    const between = line.slice(last, match.index);
    if (inItem !== undefined) inItem += between;
    else if (depth === 0) outside += between;
    else if (between.trim()) listItems.push(stripBullet(collapse(decodeEntities(between))));
    last = match.index + match[0].length;
    const name = (match[1] ?? '').toLowerCase();
    const closing = match[0][1] === '/';
    if (name === 'ul' || name === 'ol') {
      flushItem();
      depth = closing ? Math.max(0, depth - 1) : depth + 1;
      outside += '\t';
    } else if (name === 'li') {
      flushItem();
      if (!closing) inItem = '';
    } else if (['br', 'p', 'div', 'tr', 'td', 'th', 'table'].includes(name)) {
      if (inItem !== undefined) inItem += ' ';
      else if (depth === 0) outside += '\t';
    }
  }
  const rest = line.slice(last);
  if (inItem !== undefined) {
    inItem += rest;
    flushItem();
  } else if (depth === 0) outside += rest;
  else if (rest.trim()) listItems.push(stripBullet(collapse(decodeEntities(rest))));
  return { text: decodeEntities(outside), listItems };
}

/** An HTML description as plain paragraphs: list items and blocks each become one paragraph. */
export function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  // Block boundaries become line breaks first, then each line is split like a pasted line.
  const lines = html.replace(/<\/(p|div|h[1-6]|tr)>|<br\s*\/?>/gi, '\n').split(/\r?\n/);
  for (const line of lines) {
    const split = splitHtml(line);
    for (const part of split.text.split('\t')) {
      const paragraph = collapse(part);
      if (paragraph) out.push(paragraph);
    }
    out.push(...split.listItems);
  }
  return out;
}
