// A table of figures in Slack: the native table block (raw text cells, never read as markup) for
// the first table of a message, as Slack shows one table block per message and at most 100 rows
// of 20 cells. Any other table is a monospace block with the columns aligned and the header
// repeated in each block, or, when too wide for that, one line per row ("🔴 *Burglary*: Volume
// 952 · Change +18% ..."). RAG ratings show as a coloured circle and the word, so they read
// without colour too.
import type { TableBlock } from '@slack/types';
import { cleanText, guardSlackLineStart, slackText, truncate } from '../escape.ts';
import { toPlain, toSlackMrkdwn } from '../markup.ts';
import type { Cell, Column, Element, Rag } from '../model.ts';
import { RAG_WORD } from './shared.ts';
import { type Group, mrkdwn, SLACK_LIMITS, splitText } from './slack-text.ts';

export const RAG_EMOJI: Record<Rag, string> = { red: '\u{1F534}', amber: '\u{1F7E0}', green: '\u{1F7E2}' };

/** The widest a monospace table may be and still read on a laptop without wrapping. */
const MAX_WIDTH = 72;
const MAX_COLUMN = 28;
const EMOJI = /\p{Extended_Pictographic}/gu;

/** A cell as plain text: "🔴 Red" for a rating (the word unless the cell says otherwise). */
export function cellText(cell: Cell | undefined): string {
  if (cell === undefined) return '';
  if (typeof cell === 'string') return toPlain(cell);
  return cell.rag ? `${RAG_EMOJI[cell.rag]} ${toPlain(cell.text) || RAG_WORD[cell.rag]}` : toPlain(cell.text);
}

/** Characters on screen: an emoji takes two columns of a monospace font. */
const width = (text: string) => [...text].length + (text.match(EMOJI)?.length ?? 0);

function pad(text: string, size: number, align: Column['align']): string {
  const room = Math.max(0, size - width(text));
  if (align === 'right') return ' '.repeat(room) + text;
  if (align === 'center') return ' '.repeat(Math.floor(room / 2)) + text + ' '.repeat(Math.ceil(room / 2));
  return text + ' '.repeat(room);
}

function fit(text: string, size: number): string {
  return width(text) <= size ? text : truncate(text, size - (text.match(EMOJI)?.length ?? 0));
}

type Table = Extract<Element, { type: 'table' }>;

function monospaceGroups(table: Table, widths: number[]): Group[] {
  const line = (cells: string[]) =>
    slackText(
      table.columns
        .map((c, i) => pad(fit(cells[i] ?? '', widths[i] ?? 0), widths[i] ?? 0, c.align))
        .join('  ')
        .trimEnd(),
      false,
    );
  const header = [line(table.columns.map((c) => toPlain(c.title))), widths.map((w) => '-'.repeat(w)).join('  ')].join('\n');
  const budget = SLACK_LIMITS.sectionText - header.length - 8;
  const groups: Group[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length > 0) groups.push({ blocks: [{ type: 'section', text: mrkdwn('```' + [header, ...rows].join('\n') + '```') }], count: rows.length });
    rows = [];
  };
  for (const row of table.rows) {
    const text = line(row.map(cellText)).slice(0, budget);
    if ([...rows, text].join('\n').length > budget) flush();
    rows.push(text);
  }
  flush();
  return groups;
}

function rowLineGroups(table: Table): Group[] {
  const lines = table.rows.map((row) => {
    const [first, ...rest] = row;
    const rag = row.find((c): c is { text: string; rag: Rag } => typeof c === 'object' && c.rag !== undefined);
    const firstText = cellText(first);
    const name = (typeof first === 'object' && first.rag) || !firstText.trim() ? '' : `*${slackText(firstText, false)}*`;
    const values = rest
      // A rating is the word alone: its colour leads the line.
      .map((cell, i) => (typeof cell === 'object' && cell.rag ? { title: '', text: toPlain(cell.text) || RAG_WORD[cell.rag] } : { title: table.columns[i + 1]?.title ?? '', text: cellText(cell) }))
      .filter((v) => v.text)
      .map((v) => slackText(v.title ? `${toPlain(v.title)} ${v.text}` : v.text, false));
    return guardSlackLineStart(truncate(`${rag ? `${RAG_EMOJI[rag.rag]} ` : ''}${name}${name && values.length ? ': ' : ''}${values.join(' \u00b7 ')}`, SLACK_LIMITS.sectionText));
  });
  const groups: Group[] = [];
  let rows: string[] = [];
  const flush = () => {
    if (rows.length > 0) groups.push({ blocks: [{ type: 'section', text: mrkdwn(rows.join('\n')) }], count: rows.length });
    rows = [];
  };
  for (const text of lines) {
    if ([...rows, text].join('\n').length > SLACK_LIMITS.sectionText) flush();
    rows.push(text);
  }
  flush();
  return groups;
}

/** A cell of the native table: raw text, cleaned; an empty cell shows a dash. */
const rawCell = (text: string) => ({ type: 'raw_text' as const, text: truncate(cleanText(text), SLACK_LIMITS.tableCellText) || '\u2013' });

function nativeGroups(table: Table): Group[] {
  const room = SLACK_LIMITS.tableRows - 1;
  const columns = table.columns.slice(0, SLACK_LIMITS.tableCells);
  const block: TableBlock = {
    type: 'table',
    rows: [columns.map((c) => rawCell(toPlain(c.title))), ...table.rows.slice(0, room).map((row) => columns.map((_, i) => rawCell(cellText(row[i]))))],
    column_settings: columns.map((c) => ({ align: c.align ?? 'left', is_wrapped: true })),
  };
  const rest = table.rows.slice(room);
  return [{ blocks: [block], count: Math.min(room, table.rows.length) }, ...(rest.length > 0 ? rowLineGroups({ ...table, rows: rest }) : [])];
}

/** `native`: the message's one native table block (the first table of the card). */
export function tableGroups(table: Table, native = false): Group[] {
  const caption: Group[] = table.caption ? [{ blocks: splitText(toSlackMrkdwn(table.caption)).map((t) => ({ type: 'section', text: mrkdwn(t) })), count: 0 }] : [];
  if (native && table.columns.length <= SLACK_LIMITS.tableCells) return [...caption, ...nativeGroups(table)];
  const widths = table.columns.map((c, i) => Math.min(MAX_COLUMN, Math.max(width(toPlain(c.title)), ...table.rows.map((r) => width(cellText(r[i]))))));
  const total = widths.reduce((a, b) => a + b, 0) + 2 * (widths.length - 1);
  return [...caption, ...(total <= MAX_WIDTH ? monospaceGroups(table, widths) : rowLineGroups(table))];
}
