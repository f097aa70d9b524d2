// The neutral markup → each platform's: **bold**, _italic_, [label](url).
const LINK = /\[([^\]]+)\]\((https?:\/\/[^\s)]+)\)/g;

/** Escapes what Slack treats as control characters in mrkdwn (&, <, >). */
export function escapeSlack(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function toSlackMrkdwn(text: string): string {
  const parts: string[] = [];
  let last = 0;
  for (const match of text.matchAll(LINK)) {
    parts.push(slackInline(text.slice(last, match.index)));
    const label = (match[1] as string).replace(/[|<>]/g, ' ');
    parts.push(`<${match[2]}|${escapeSlack(label)}>`);
    last = (match.index ?? 0) + match[0].length;
  }
  parts.push(slackInline(text.slice(last)));
  return parts.join('');
}

function slackInline(text: string): string {
  return escapeSlack(text).replace(/\*\*(.+?)\*\*/g, '*$1*');
}

/** Plain text, for Slack plain_text fields and fallbacks: markup removed. */
export function toPlain(text: string): string {
  return text.replace(LINK, '$1').replace(/\*\*(.+?)\*\*/g, '$1').replace(/(^|\s)_(.+?)_(?=\s|$|[.,;:])/g, '$1$2');
}

/** Adaptive Cards' TextBlock markdown supports the same markup as written. */
export function toAdaptiveMarkdown(text: string): string {
  return text;
}

export function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}\u2026`;
}
