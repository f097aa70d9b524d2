// The neutral markup → each platform's. Neutral: **bold**, _italic_, [label](https://url), and
// lines starting "- " (bullets) or "1. " (numbered). Slack mrkdwn: *bold*, _italic_, <url|label>,
// "• " bullets, with &, < and > escaped. Adaptive Cards TextBlock markdown: the neutral markup as
// written, with a blank line between lines that are not list items (so each stays on its own line).
const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;
const BOLD = /\*\*(.+?)\*\*/g;
const ITALIC = /(^|[\s(])_(\S(?:.*?\S)?)_(?=$|[\s.,;:!?)])/g;
const BULLET = /^(\s*)- /;
const NUMBERED = /^\s*\d+\. /;

/** Escapes what Slack treats as control characters in mrkdwn (&, <, >). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A URL inside Slack's <url|label>: the two characters that would end it are percent-encoded. */
const slackUrl = (url: string) => url.replace(/\|/g, '%7C').replace(/>/g, '%3E').replace(/</g, '%3C');

export function toSlackMrkdwn(text: string): string {
  return text
    .split('\n')
    .map((line) => slackLine(line.replace(BULLET, '$1\u2022 ')))
    .join('\n');
}

function slackLine(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(slackInline(text.slice(last, match.index)));
    const label = (match[1] as string).replace(/[|<>]/g, ' ');
    parts.push(`<${slackUrl(match[2] as string)}|${escapeSlack(label)}>`);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(slackInline(text.slice(last)));
  return parts.join('');
}

function slackInline(text: string): string {
  return escapeSlack(text).replace(BOLD, '*$1*');
}

/** Plain text, for Slack plain_text fields and fallbacks: markup removed, bullets kept as "•". */
export function toPlain(text: string): string {
  return text
    .split('\n')
    .map((line) => line.replace(BULLET, '$1\u2022 ').replace(LINK, '$1').replace(BOLD, '$1').replace(ITALIC, '$1$2'))
    .join('\n');
}

const isListLine = (line: string) => BULLET.test(line) || NUMBERED.test(line);

/** Adaptive Cards' TextBlock markdown: bold, italic, links and lists as written; a line that is
 * not a list item becomes its own paragraph (a single newline would run lines together). */
export function toAdaptiveMarkdown(text: string): string {
  const lines = text.split('\n');
  let out = lines[0] ?? '';
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i] as string;
    out += isListLine(line) && isListLine(lines[i - 1] as string) ? `\n${line}` : `\n\n${line}`;
  }
  return out;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
