// The scraps of HTML that come with text copied out of agenda packs and with ModernGov's item
// descriptions: a row with an embedded "<ul><li>• Performance</li></ul>", a "<br>", an "&amp;",
// Word's own markup ("<p class=MsoNormal>", "<o:p>", conditional comments, a <style> block).
// Read with htmlparser2 and entities (maintained, and decode every named reference as a browser
// does) rather than by hand; this file only decides what is a paragraph and what is a list item.
// (The ModernGov XML document itself is parsed with fast-xml-parser.)
import { decodeHTMLStrict } from 'entities';
import { Parser } from 'htmlparser2';

/** Decodes named and numeric character references that end in ";": "&eacute;", "&rarr;", "&#39;". */
export function decodeEntities(text: string): string {
  return text.includes('&') ? decodeHTMLStrict(text) : text;
}

const ENTITY = /&(?:#[0-9]{1,7}|#x[0-9a-f]{1,6}|[a-z][a-z0-9]{1,31});/i;

/**
 * Text that still holds character references after the HTML was decoded: the source encoded it
 * twice ("&amp;#39;" shows as "&#39;"), which ModernGov sometimes does. Decoded once more.
 */
const decodeLeftovers = (text: string): string => (ENTITY.test(text) ? decodeEntities(text) : text);

/** True when the text carries HTML worth reading: tags, comments or Word's conditional blocks. */
export function hasHtml(text: string): boolean {
  return /<\/?[a-z][a-z0-9:-]*\b[^<>]*>|<!--|<!\[/i.test(text);
}

/** Leading bullet glyphs and the spaces after them: "• ", "◦ ", "- ", "\uF0B7 " (Word's Symbol font). */
export function stripBullet(text: string): string {
  return text.replace(/^[\s\u00a0]*(?:[•·◦▪▫‣○●■□➢➤►▶✓✔\uF0A7\uF0B7\uF0D8§*]|[-–—](?=\s))[\s\u00a0]*/u, '').trim();
}

const collapse = (text: string): string => text.replace(/[\s\u00a0]+/g, ' ').trim();

/** Word writes a second-level bullet as the letter "o" in Courier New followed by hard spaces. */
const stripWordBullet = (text: string): string => text.replace(/^[\s\u00a0]*o\u00a0[\s\u00a0]*/, '');

type Token =
  | { kind: 'text'; text: string }
  | { kind: 'block' }
  | { kind: 'break' }
  | { kind: 'list-start' }
  | { kind: 'list-end' }
  | { kind: 'item-start' }
  | { kind: 'item-end' };

/** Elements that start and end a line of their own (list items and lists are told apart). */
const BLOCKS = new Set([
  'p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'tfoot', 'caption',
  'blockquote', 'section', 'article', 'header', 'footer', 'aside', 'nav', 'main', 'address', 'pre', 'hr',
  'dl', 'dt', 'dd', 'figure', 'figcaption', 'center', 'form', 'fieldset', 'body', 'html',
]);
const LISTS = new Set(['ul', 'ol', 'menu', 'dir']);
/** Elements whose content is never shown: styles, scripts, Word's embedded <xml> settings. */
const HIDDEN = new Set(['script', 'style', 'head', 'title', 'template', 'noscript', 'xml', 'iframe', 'object']);

/** The fragment as a flat run of text and structure; comments and hidden elements are dropped. */
function tokenize(html: string): Token[] {
  const tokens: Token[] = [];
  let hidden = 0;
  const parser = new Parser(
    {
      onopentag(name) {
        if (HIDDEN.has(name)) hidden += 1;
        if (hidden > 0) return;
        if (name === 'br') tokens.push({ kind: 'break' });
        else if (name === 'li') tokens.push({ kind: 'item-start' });
        else if (LISTS.has(name)) tokens.push({ kind: 'list-start' });
        else if (BLOCKS.has(name)) tokens.push({ kind: 'block' });
      },
      onclosetag(name) {
        if (HIDDEN.has(name)) {
          hidden = Math.max(0, hidden - 1);
          return;
        }
        if (hidden > 0) return;
        if (name === 'li') tokens.push({ kind: 'item-end' });
        else if (LISTS.has(name)) tokens.push({ kind: 'list-end' });
        else if (BLOCKS.has(name)) tokens.push({ kind: 'block' });
      },
      ontext(text) {
        if (hidden === 0) tokens.push({ kind: 'text', text });
      },
    },
    { decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true },
  );
  parser.write(html);
  parser.end();
  return tokens;
}

export interface HtmlSplit {
  /** The line without its lists and tags, with a tab where a block stood (so columns survive). */
  text: string;
  /** The text of each <li>, without its bullet glyph. */
  listItems: string[];
}

/**
 * Splits a pasted line into its own text and the items of any HTML lists in it. Blocks (p, div,
 * br, table cells…) become tab separators so "Title <ul>…</ul>\t13 - 18" keeps its page column.
 */
export function splitHtml(line: string): HtmlSplit {
  if (!hasHtml(line)) return { text: decodeEntities(line).replace(/\u00a0/g, ' '), listItems: [] };
  const listItems: string[] = [];
  let outside = '';
  let item: string | undefined;
  let depth = 0;
  const pushItem = (text: string) => {
    const clean = stripBullet(collapse(stripWordBullet(text)));
    if (clean) listItems.push(clean);
  };
  const flushItem = () => {
    if (item !== undefined) pushItem(item);
    item = undefined;
  };
  for (const token of tokenize(line)) {
    switch (token.kind) {
      case 'text':
        if (item !== undefined) item += token.text;
        else if (depth === 0) outside += token.text;
        else pushItem(token.text); // text inside a list but outside any <li>
        break;
      case 'list-start':
      case 'list-end':
        flushItem();
        depth = token.kind === 'list-start' ? depth + 1 : Math.max(0, depth - 1);
        outside += '\t';
        break;
      case 'item-start':
        flushItem();
        item = '';
        break;
      case 'item-end':
        flushItem();
        break;
      case 'block':
      case 'break':
        if (item !== undefined) item += ' ';
        else if (depth === 0) outside += '\t';
        break;
    }
  }
  flushItem();
  return { text: outside.replace(/\u00a0/g, ' '), listItems };
}

/**
 * An HTML description as the paragraphs a reader sees: each paragraph, list item (nested lists
 * included), heading, table cell or line after a <br> is one. A line break in the source is only
 * a space, as in a browser; empty paragraphs ("&nbsp;") and bullet glyphs are dropped.
 */
export function htmlToParagraphs(html: string): string[] {
  const out: string[] = [];
  let current = '';
  const flush = () => {
    const paragraph = stripBullet(collapse(decodeLeftovers(stripWordBullet(current))));
    if (paragraph) out.push(paragraph);
    current = '';
  };
  if (!hasHtml(html)) {
    // Plain text: a blank line or a bulleted line starts a paragraph; a wrapped line does not.
    for (const line of html.split(/\r?\n/)) {
      if (!line.trim() || stripBullet(line) !== line.trim()) flush();
      current += ` ${line}`;
    }
    flush();
    return out;
  }
  for (const token of tokenize(html)) {
    if (token.kind === 'text') current += token.text;
    else flush();
  }
  flush();
  return out;
}
