// Slack's documented Block Kit limits, and the text pieces every Slack renderer uses.
import { toPlain, truncate } from '../markup.ts';

export type Block = Record<string, unknown>;

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
} as const;

export const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(toPlain(text), max) || ' ', emoji: true });
export const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

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
  return cut > 0 ? cut : max;
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
      rest = rest.slice(cut).replace(/^ /, '');
    }
    current = rest;
  }
  pieces.push(current);
  return pieces.filter((p) => p.trim());
}
