// Card text (text.ts) → each platform's markup. Our emphasis, links and lists become Slack mrkdwn
// (*bold*, _italic_, <url|label>, "• " bullets) or Adaptive Card markdown (**bold**, _italic_,
// [label](url), "- " lists, a blank line between other lines so each keeps its own line); every
// piece of literal text goes through escape.ts on the way. A link whose address is not http(s)
// shows as its label alone.
import { markdownLink, markdownText, plainField, slackLink, slackText } from './escape.ts';
import { isBlank, richOf, wordsOf, type Span, type Text } from './text.ts';

export { truncate } from './escape.ts';

/** Consecutive spans in one style (and one link) make one run. */
function runs(spans: readonly Span[]): Span[] {
  const out: Span[] = [];
  for (const span of spans) {
    const last = out[out.length - 1];
    if (last && last.strong === span.strong && last.em === span.em && last.url === span.url) out[out.length - 1] = { ...last, text: last.text + span.text };
    else out.push(span);
  }
  return out;
}

/** Wraps a run in emphasis markers, its outer spaces kept outside them (neither platform reads
 * "* bold*" as bold). */
function emphasise(text: string, span: Span, strong: string, em: string): string {
  if (!span.strong && !span.em) return text;
  const match = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) as RegExpExecArray;
  const [, lead = '', inner = '', trail = ''] = match;
  if (inner === '') return text;
  const open = (span.strong ? strong : '') + (span.em ? em : '');
  const close = (span.em ? em : '') + (span.strong ? strong : '');
  return `${lead}${open}${inner}${close}${trail}`;
}

function renderLine(spans: readonly Span[], text: (t: string, atLineStart: boolean) => string, link: (label: string, url: string) => string | undefined, strong: string, em: string): string {
  return runs(spans)
    .map((span, i) => {
      const linked = span.url !== undefined ? link(span.text, span.url) : undefined;
      // A line that starts with emphasis markers cannot start a list or a quote.
      const atLineStart = i === 0 && !span.strong && !span.em;
      // Spaces before the markers at the start of a line would make an indented code block.
      const words = i === 0 && (span.strong || span.em) ? span.text.trimStart() : span.text;
      return emphasise(linked ?? text(words, atLineStart), span, strong, em);
    })
    .join('');
}

/** Slack mrkdwn. */
export function toSlackMrkdwn(value: Text): string {
  return richOf(value)
    .lines.map((line) => (line.bullet ? '\u2022 ' : '') + renderLine(line.spans, slackText, slackLink, '*', '_'))
    .join('\n');
}

/** Adaptive Card TextBlock markdown. */
export function toAdaptiveMarkdown(value: Text): string {
  const lines = richOf(value).lines;
  let out = '';
  lines.forEach((line, i) => {
    const text = (line.bullet ? '- ' : '') + renderLine(line.spans, markdownText, markdownLink, '**', '_');
    if (i > 0) out += line.bullet && lines[i - 1]?.bullet ? '\n' : '\n\n';
    out += text;
  });
  return out;
}

/** The words alone, cleaned, for a plain field (Slack plain_text, a button, a summary): links
 * become their labels, list items start with "• ". Escape further for Slack's `text`. */
export function toPlain(value: Text): string {
  return plainField(wordsOf(value));
}

export { isBlank };
