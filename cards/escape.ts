// The one place where text is made safe for a platform. Every literal piece of text a card holds
// (a board's name, an item's title, a venue, a reason someone typed, and our own words alike)
// reaches Slack or Teams through one of these functions, chosen by the renderer for the field it
// fills. Nothing a person typed can ping, link, or format.
//
// Slack mrkdwn (section text, fields, context) and the message's `text`, which Slack reads as
// mrkdwn too: &, < and > become entities (so <!channel>, <!here>, <@U123>, <#C123|x> and
// <https://x|label> are shown, not parsed). Slack has no escape for *, _, ~ and `: they become
// look-alike characters (∗ ˍ ∼ ˋ, as jsx-slack does), an emoji short code gets an invisible word
// joiner after its first colon, and a line that would start a quote or a list gets an invisible
// soft hyphen first. The blocks also set `verbatim: true`, which stops Slack linking bare
// addresses and channel names by itself.
//
// In Adaptive Card markdown, a word joiner after the "https:" of an address someone typed (or
// after "www") keeps Teams from making it a link (Slack's blocks have `verbatim` for that; a
// message's own `text`, used alone only for a sentence to the person who asked, keeps addresses as
// typed so a suggested command can be copied). Links are only the ones the cards build
// (inlineLink, link buttons), with http(s) addresses checked by safeUrl.
//
// Adaptive Card markdown (TextBlock, Fact title and value, fallbackText): *, _, ~ and ` become the
// same look-alikes (Teams on iOS and Android shows a backslash escape as typed, so backslashes are
// not used); an invisible zero-width space goes after a ] that a ( [ or : follows (no
// [label](url), no reference link), after a < that would open a tag or <https://autolink>, after
// a \ that could escape (also at the end of a run, before our own ** or _), after a & that would start an entity, and before a line that would
// start a heading, a quote, a list, a rule or a code block.
//
// Plain fields (Slack plain_text, Adaptive Card titles, labels and choices, Teams summaries) are
// not read as markup by either platform: they are only cleaned, and Slack's emoji short codes
// broken as above.
//
// Everywhere: control characters (NUL...) and bidirectional overrides and isolates (which could
// turn the text around them, ours included, back to front) are removed, a lone half of a
// surrogate pair becomes U+FFFD, and every kind of line break becomes "\n".

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const LINE_BREAKS = /\r\n|[\r\v\f\u0085\u2028\u2029]/g;
// eslint-disable-next-line no-control-regex -- removing control characters is the point
const CONTROL = /[\u0000-\u0008\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Text any platform can carry as it is: no control characters or direction overrides, no half
 * surrogate pairs, "\n" for every line break and a space for a tab. */
export function cleanText(text: string): string {
  return text.replace(LONE_SURROGATE, '\uFFFD').replace(LINE_BREAKS, '\n').replace(/\t/g, ' ').replace(CONTROL, '');
}

/** Slack and Teams read these as emphasis, strike-through or code; shown as look-alikes. */
const LOOKALIKE: Record<string, string> = {
  '*': '\u2217',
  _: '\u02CD',
  '~': '\u223C',
  '`': '\u02CB',
  '\uFF0A': '\uFE61',
  '\uFF3F': '\u2E0F',
  '\uFF40': '\u02CB',
  '\uFF5E': '\u223C',
};
const EMPHASIS = /[*_~`\uFF0A\uFF3F\uFF40\uFF5E]/g;
const neutraliseEmphasis = (text: string) => text.replace(EMPHASIS, (c) => LOOKALIKE[c] ?? c);

/** ":rotating_light:" would become an emoji on Slack: a word joiner after the colon stops it. */
const SHORT_CODE = /:(?=[a-z0-9_+'-]+:)/gi;
const WORD_JOINER = '\u2060';
const ZERO_WIDTH_SPACE = '\u200B';
const SOFT_HYPHEN = '\u00AD';

/** "https://evil.example" and "www.evil.example" would be linked by the client: a word joiner
 * after the scheme's colon (or after "www") stops that; the words read the same. */
const BARE_LINK = /(?<=\b[a-z][a-z0-9+.-]*:)(?=\/\/)|(?<=\bwww)(?=\.)/gi;
const unlink = (text: string) => text.replace(BARE_LINK, WORD_JOINER);

// --- Slack -------------------------------------------------------------------------------------

/** A line Slack would show as a quote (> or ＞, escaped or not) or a list ("- ", "• ", "1. "). */
const SLACK_LINE_START = /^(?= *(?:&gt;|\uFF1E|[-+\u2022\u25E6\u25AA] |\d+[.)] ))/;

/** Literal text in Slack mrkdwn or a message's `text`. `atLineStart` says whether it starts a
 * line; its own line breaks always do. */
export function slackText(text: string, atLineStart = true): string {
  const escaped = neutraliseEmphasis(cleanText(text).replace(SHORT_CODE, `:${WORD_JOINER}`).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'));
  return escaped
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart ? line.replace(SLACK_LINE_START, SOFT_HYPHEN) : line))
    .join('\n');
}

/** A piece of mrkdwn that now starts a line (a long line split across sections). */
export const guardSlackLineStart = (mrkdwn: string): string => mrkdwn.replace(SLACK_LINE_START, SOFT_HYPHEN);

/** Text for a Slack plain_text object: not read as mrkdwn, but `emoji: true` reads short codes. */
export function slackPlain(text: string): string {
  return cleanText(text).replace(SHORT_CODE, `:${WORD_JOINER}`);
}

/** A link we built, or undefined when its address is not one to link to: http and https only,
 * no user name or password in it ("https://council.gov.uk@evil.example" is not the council). */
export function safeUrl(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(cleanText(url).trim());
  } catch {
    return undefined;
  }
  if ((parsed.protocol !== 'https:' && parsed.protocol !== 'http:') || parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/** A link's label longer than this is cut: a link must fit in one Slack section. */
const LINK_LABEL_MAX = 200;

/** <url|label>: the address cannot end the link early (| < > percent-encoded), the label is
 * literal text on one line without a | to split it. */
export function slackLink(label: string, url: string): string | undefined {
  const href = safeUrl(url);
  if (!href) return undefined;
  const address = href.replace(/\|/g, '%7C').replace(/</g, '%3C').replace(/>/g, '%3E');
  return `<${address}|${slackText(truncate(label.replace(/\n/g, ' '), LINK_LABEL_MAX), false).replace(/\|/g, '\u2223')}>`;
}

// --- Adaptive Cards ----------------------------------------------------------------------------

/** A line markdown would read as a heading (#, or a line of = or - under text), a quote (>), a
 * list (- + * or a number and . or )), a rule, a table (|), a code block (``` ~~~ or indented),
 * HTML (<) or a link definition ([x]: url). */
const MARKDOWN_LINE_START = /^(?=[ \t\-+*#>=|<`~_[]|\p{N}+[.)])/u;

/** Literal text in Adaptive Card markdown. `atLineStart` as for slackText. */
export function markdownText(text: string, atLineStart = true): string {
  const escaped = neutraliseEmphasis(unlink(cleanText(text)))
    .replace(/\\(?=[!-/:-@[-`{-~]|$)/gm, `\\${ZERO_WIDTH_SPACE}`)
    .replace(/](?=[([:])/g, `]${ZERO_WIDTH_SPACE}`)
    .replace(/<(?=[a-z/!?])/gi, `<${ZERO_WIDTH_SPACE}`)
    .replace(/&(?=#?[a-z0-9]+;)/gi, `&${ZERO_WIDTH_SPACE}`);
  return escaped
    .split('\n')
    .map((line, i) => (i > 0 || atLineStart) && line !== '' ? line.replace(MARKDOWN_LINE_START, ZERO_WIDTH_SPACE) : line)
    .join('\n');
}

/** [label](url): the address cannot end the link early (parentheses and spaces
 * percent-encoded), the label is literal text without brackets to end it. */
export function markdownLink(label: string, url: string): string | undefined {
  const href = safeUrl(url);
  if (!href) return undefined;
  const address = href.replace(/\(/g, '%28').replace(/\)/g, '%29').replace(/ /g, '%20');
  return `[${markdownText(truncate(label.replace(/\n/g, ' '), LINK_LABEL_MAX).replace(/\[/g, '(').replace(/]/g, ')'), false)}](${address})`;
}

/** Text for a plain field: a button's title, an input's label, a choice, a summary. */
export const plainField = (text: string): string => cleanText(text);

/** At most `max` characters, with "…" when cut; never cuts a surrogate pair in half. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}\u2026`;
}
