// Card text: what the bot writes and what people wrote, kept apart by type.
//
// A plain `string` anywhere in the card model is literal text. Renderers escape all of it for
// their platform (cards/escape.ts), so a board named "Board <!channel>" or an item titled
// "[click here](https://evil.example)" shows exactly as typed, and cannot ping or link.
//
// Our own emphasis, links and lists are `Rich` text, built only with the helpers below:
//
//   md`**${item.number}.** ${item.title}`      bold from the template, the values as literal text
//   strong(name), em('Exempt item')            styled text
//   inlineLink(label, url)                     a link we made (an agenda paper, a calendar file)
//   bullets(subPoints), lines(a, b)            lists and lines
//
// Rich text has no way to hold raw markup: it is lines of spans, each span literal text with a
// style (and, for a link, its address). The only markup md reads is `**` and line breaks, and only
// in the template's own source text, never in a value put into it. Forgetting md gives literal
// asterisks on screen, never user text read as markup.

/** A run of literal text; with `url`, the label of a link. */
export interface Span {
  readonly text: string;
  readonly strong?: true;
  readonly em?: true;
  readonly url?: string;
}

export interface Line {
  /** An item of a bulleted list. */
  readonly bullet?: true;
  readonly spans: readonly Span[];
}

export interface Rich {
  readonly kind: 'rich';
  readonly lines: readonly Line[];
}

/** Literal text, or our own rich text. */
export type Text = string | Rich;

/** What may go into md`...` and the other helpers: text, rich text, or a number. */
export type Part = Text | number;

type Style = { strong?: true; em?: true };

/** Every way text can end a line: a renderer never sees a line break inside a span. */
const LINE_BREAK = /\r\n|[\n\r\v\f\u0085\u2028\u2029]/;

export const isRich = (text: unknown): text is Rich => typeof text === 'object' && text !== null && (text as { kind?: unknown }).kind === 'rich';

/** Builds lines of spans; a value's line breaks start new lines. */
class Builder {
  private readonly out: { bullet?: true; spans: Span[] }[] = [{ spans: [] }];

  private get current(): { bullet?: true; spans: Span[] } {
    return this.out[this.out.length - 1] as { bullet?: true; spans: Span[] };
  }

  /** Makes the current line a list item. */
  bullet(): void {
    this.current.bullet = true;
  }

  newLine(bullet?: true): void {
    this.out.push(bullet ? { bullet, spans: [] } : { spans: [] });
  }

  text(text: string, style: Style): void {
    text.split(LINE_BREAK).forEach((piece, i) => {
      if (i > 0) this.newLine();
      if (piece !== '') this.current.spans.push({ text: piece, ...style });
    });
  }

  part(part: Part, style: Style): void {
    if (typeof part === 'number') return this.text(String(part), style);
    if (typeof part === 'string') return this.text(part, style);
    part.lines.forEach((line, i) => {
      if (i > 0) this.newLine(line.bullet);
      else if (line.bullet && this.current.spans.length === 0) this.current.bullet = true;
      for (const span of line.spans) this.current.spans.push({ ...span, ...(style.strong ? { strong: true } : {}), ...(style.em ? { em: true } : {}) });
    });
  }

  done(): Rich {
    return { kind: 'rich', lines: this.out };
  }
}

/** Rich text from a template: `**` in the template's own text starts and ends bold, a line break
 * starts a new line; every value is put in as literal text (or as the rich text it is). */
export function md(strings: TemplateStringsArray, ...values: Part[]): Rich {
  const builder = new Builder();
  let style: Style = {};
  strings.forEach((chunk, i) => {
    for (const piece of chunk.split(/(\*\*)/)) {
      if (piece === '**') style = style.strong ? {} : { strong: true };
      else builder.text(piece, style);
    }
    if (i < values.length) builder.part(values[i] as Part, style);
  });
  if (style.strong) throw new Error(`md: a ** is not closed in "${strings.join('${…}')}"`);
  return builder.done();
}

const styled = (parts: Part[], style: Style): Rich => {
  const builder = new Builder();
  for (const part of parts) builder.part(part, style);
  return builder.done();
};

export const strong = (...parts: Part[]): Rich => styled(parts, { strong: true });
export const em = (...parts: Part[]): Rich => styled(parts, { em: true });

/** A link we made. The renderers check the address (http or https only, else the label alone is
 * shown) and write it so it cannot end the link early. The label is literal text. */
export const inlineLink = (label: string, url: string): Rich => ({ kind: 'rich', lines: [{ spans: [{ text: label.split(LINE_BREAK).join(' '), url }] }] });

/** Each text on its own line, the empty ones left out. */
export function lines(...texts: (Part | undefined | null | false)[]): Rich {
  const builder = new Builder();
  let first = true;
  for (const text of texts) {
    if (text === undefined || text === null || text === false || isBlank(text)) continue;
    if (!first) builder.newLine();
    builder.part(text, {});
    first = false;
  }
  return builder.done();
}

/** A bulleted list, one item a line (an item's own line breaks continue the item). */
export function bullets(items: readonly Text[]): Rich {
  const builder = new Builder();
  items.forEach((item, i) => {
    if (i > 0) builder.newLine(true);
    else builder.bullet();
    builder.part(item, {});
  });
  return builder.done();
}

/** The texts on one line with a separator between them (" · "), the empty ones left out. */
export function joined(separator: string, texts: readonly (Text | undefined | null | false)[]): Rich {
  const builder = new Builder();
  let first = true;
  for (const text of texts) {
    if (text === undefined || text === null || text === false || isBlank(text)) continue;
    if (!first) builder.text(separator, {});
    builder.part(text, {});
    first = false;
  }
  return builder.done();
}

/** Any text as lines of spans. */
export function richOf(text: Text): Rich {
  if (isRich(text)) return text;
  const builder = new Builder();
  builder.text(text, {});
  return builder.done();
}

export const isBlank = (text: Part): boolean =>
  typeof text === 'number' ? false : typeof text === 'string' ? text.trim() === '' : text.lines.every((l) => l.spans.every((s) => s.text.trim() === ''));

/** The words alone, unescaped, for a renderer to escape: a link is its label, a list item starts
 * with "• ". What a notification or a plain field shows. */
export function wordsOf(text: Text): string {
  if (!isRich(text)) return text;
  return text.lines.map((line) => (line.bullet ? '\u2022 ' : '') + line.spans.map((s) => s.text).join('')).join('\n');
}
