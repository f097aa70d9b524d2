// Slack's documented Block Kit limits, the blocks the bot sends (typed with @slack/types), and
// the text pieces every Slack renderer uses.
import type { ActionsBlock, ContextBlock, DividerBlock, HeaderBlock, InputBlock, MrkdwnElement, PlainTextElement, SectionBlock, TableBlock } from '@slack/types';
import { guardSlackLineStart, slackPlain, truncate } from '../escape.ts';
import { toPlain } from '../markup.ts';
import type { Text } from '../text.ts';

/** Every kind of block the bot sends: a subset of @slack/types' KnownBlock. */
export type Block = SectionBlock | HeaderBlock | ContextBlock | DividerBlock | ActionsBlock | InputBlock | TableBlock;

/** Blocks that stand for things a reader counts (items, rows), or that must be kept. */
export interface Group {
  blocks: Block[];
  /** How many items or rows these blocks show, for "… (n more items)". */
  count: number;
  /** Kept even when the card is cut short: the card's own buttons. */
  keep?: boolean;
}

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  blockId: 255,
  modalTitle: 24,
  modalButton: 24,
  privateMetadata: 3000,
  callbackId: 255,
  fieldText: 2000,
  fieldsPerSection: 10,
  elementsPerActions: 25,
  contextElements: 10,
  contextText: 3000,
  optionText: 75,
  optionValue: 150,
  optionsPerSelect: 100,
  inputLabel: 2000,
  hint: 2000,
  placeholder: 150,
  textInputLength: 3000,
  tableRows: 100,
  tableCells: 20,
  tableCellText: 2000,
} as const;

/** A plain_text object: the words of `text`, cleaned (escape.ts), cut to `max`. */
export const plain = (text: Text, max: number): PlainTextElement => ({ type: 'plain_text', text: truncate(slackPlain(toPlain(text)), max) || ' ', emoji: true });

/** A mrkdwn object for text already written as mrkdwn by markup.ts or escape.ts. `verbatim` stops
 * Slack turning bare addresses and channel names into links by itself. */
export const mrkdwn = (text: string): MrkdwnElement => ({ type: 'mrkdwn', text, verbatim: true });

/** Where a piece of mrkdwn may be cut: at a space, but not inside a <url|label> link, nor
 * inside an entity such as &amp;. */
function cutAt(line: string, max: number): number {
  let cut = line.lastIndexOf(' ', max);
  const open = line.lastIndexOf('<', cut);
  if (open > line.lastIndexOf('>', cut)) cut = open;
  if (cut <= 0) {
    cut = max;
    const amp = line.lastIndexOf('&', cut - 1);
    if (amp > max - 6 && !line.slice(amp, cut).includes(';')) cut = amp;
  }
  if (cut <= 0) cut = max;
  // Never between the two halves of a surrogate pair (an emoji).
  const code = line.charCodeAt(cut - 1);
  return code >= 0xd800 && code <= 0xdbff && cut > 1 ? cut - 1 : cut;
}

/** At most `max` characters of mrkdwn, cut where splitText would (never inside a link or an
 * entity), with "…" when cut. */
export function truncateMrkdwn(text: string, max: number): string {
  return text.length <= max ? text : `${splitText(text, max - 1)[0] ?? ''}\u2026`;
}

/** Splits mrkdwn into pieces of at most `max` characters, at line ends, else at spaces. */
export function splitText(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while (rest.length > max) {
      const cut = cutAt(rest, max);
      pieces.push(rest.slice(0, cut));
      // What follows starts a section of its own: it must not start a quote or a list there.
      rest = guardSlackLineStart(rest.slice(cut).replace(/^ /, ''));
    }
    current = rest;
  }
  pieces.push(current);
  return pieces.filter((p) => p.trim());
}
