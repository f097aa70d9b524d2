// What each pasted line of an ORDER OF BUSINESS is: a numbered row, a bullet, a heading that
// changes the section (public / not open to the public), a column header to skip, the end of
// the table, or plain text that continues the item above.
import { splitHtml, stripBullet } from './html-fragment.ts';
import { readPagesColumn, readTiming } from './item-fields.ts';

export type PastedLine =
  | { kind: 'blank' }
  | { kind: 'header' }
  | { kind: 'exempt-heading' }
  | { kind: 'public-heading' }
  | { kind: 'end'; heading: string }
  | { kind: 'item'; number: string; rest: string; listItems: string[] }
  | { kind: 'bullet'; text: string; listItems: string[] }
  | { kind: 'text'; text: string; listItems: string[] };

// Words that make up the column headers of agenda tables: "Item No | Title of Report | Pages",
// "NO | PRIORITY | LED BY | APPROX TIME ALLOCATED", "Agenda item | Subject | Lead | Time".
const HEADER_WORDS = new Set([
  'item', 'items', 'no', 'no.', 'nos', 'number', 'ref', 'title', 'titles', 'of', 'the', 'report', 'reports',
  'pages', 'page', 'pp', 'priority', 'led', 'by', 'lead', 'leads', 'officer', 'officers', 'approx', 'approx.',
  'approximate', 'time', 'timing', 'timings', 'allocated', 'allocation', 'presenter', 'presenters', 'subject',
  'paper', 'papers', 'agenda', 'purpose', 'action', 'required', 'owner', 'minutes', 'mins', 'duration', 'and',
]);
const HEADER_KEY_WORDS = new Set(['title', 'pages', 'page', 'subject', 'priority', 'item']);
const FIXED_HEADERS = [
  /^order of business$/,
  /^agenda( items)?$/,
  /^(all )?timings? (are )?approximate$/,
  /^(all )?times (are )?approximate$/,
];

const EXEMPT_HEADINGS = [
  /not open to the public/,
  /^(section \d+\s*)?exempt( items?| business| reports?| session)?$/,
  /^part\s*(2|ii|b|two)\b/,
  /^(private|confidential|restricted|closed) (business|items?|session|reports?)$/,
  /^items? (to be )?(considered|taken) in private/,
  /^(the )?press and public (are|will be|may be) excluded/,
];
const PUBLIC_HEADINGS = [/^part\s*(1|i|a|one)\b/, /^(public|open) (business|items?|session|reports?)$/, /^business open to the public$/];

// Boilerplate that follows the order of business in an agenda pack: anything after it was pasted
// by mistake, and is shown back rather than turned into sub-points of the last item.
const END_HEADINGS = [
  /^facilities for people with disabilities/,
  /^fire ?\/ ?emergency evacuation procedure/,
  /^this page is intentionally left blank/,
  /^filming (and|&) recording/,
  /^access to the (meeting|building|town hall)/,
];

// "1.", "1", "1)", "5a", "5a.", "5(a)", "5.1", "5.1.", "Item 5", "Item 5:", followed by a space,
// a tab or nothing. Up to three digits, so a year starting a line ("2018 review") is not a number.
const ITEM_NUMBER = /^(?:item\s+)?(\d{1,3}(?:\.\d{1,2})?(?:[a-z]|\([a-z]\))?)(?:[.):]+\s*|\s+|$)(.*)$/i;

// Bullets a clerk types or a pack carries: •, ◦, -, *, "a)", "(a)", "(i)", "ii)", "(1)", Word's
// "o" and Symbol-font bullets.
const BULLET = /^(?:[•·◦▪▫‣○●■□➢➤►▶✓✔\uF0A7\uF0B7\uF0D8§*]|[-–—](?=\s)|o(?=\t)|\(?[a-z]\)|\(?(?:i|ii|iii|iv|v|vi|vii|viii|ix|x)\)|\(\d{1,2}\))\s*(.*)$/i;

const normalise = (text: string): string =>
  text
    .toLowerCase()
    .replace(/[*_#`|]+/g, ' ')
    .replace(/[:.]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();

function isHeader(normal: string): boolean {
  if (FIXED_HEADERS.some((re) => re.test(normal))) return true;
  const words = normal.split(' ').filter(Boolean);
  return words.length >= 2 && words.every((w) => HEADER_WORDS.has(w)) && words.some((w) => HEADER_KEY_WORDS.has(w));
}

/** Markdown and table decoration a paste picks up: "## ORDER", "**bold**", "| 1. | Welcome |". */
function undecorate(text: string): string {
  let out = text.replace(/\u00a0/g, ' ');
  if (/^\s*\|.*\|\s*$/.test(out)) {
    if (/^\s*\|[\s:|-]+\|\s*$/.test(out)) return ''; // a markdown table rule "|---|---|"
    out = out.trim().slice(1, -1).replace(/\s*\|\s*/g, '\t');
  }
  return out.replace(/^\s*#{1,6}\s+/, '').replace(/\*\*|__/g, '');
}

export function classifyLine(raw: string): PastedLine {
  const { text, listItems } = splitHtml(undecorate(raw));
  const trimmed = text.trim();
  if (!/[\p{L}\p{N}]/u.test(trimmed) && listItems.length === 0) return { kind: 'blank' };
  if (!trimmed) return { kind: 'text', text: '', listItems };
  const normal = normalise(trimmed);
  if (isHeader(normal)) return { kind: 'header' };
  if (END_HEADINGS.some((re) => re.test(normal))) return { kind: 'end', heading: trimmed };
  const number = ITEM_NUMBER.exec(trimmed);
  // "5 - 12", "7" or "10 mins" on a line of its own are the fields of the item above, not items.
  const onlyFields = readPagesColumn(trimmed) !== undefined || readTiming(trimmed)?.rest.trim() === '';
  if (number?.[1] !== undefined && !onlyFields) {
    return { kind: 'item', number: number[1].replace(/[()]/g, ''), rest: number[2] ?? '', listItems };
  }
  if (EXEMPT_HEADINGS.some((re) => re.test(normal))) return { kind: 'exempt-heading' };
  if (PUBLIC_HEADINGS.some((re) => re.test(normal)) && normal.length <= 60) return { kind: 'public-heading' };
  const bullet = BULLET.exec(trimmed);
  if (bullet) return { kind: 'bullet', text: stripBullet(bullet[1] ?? ''), listItems };
  return { kind: 'text', text: trimmed, listItems };
}
