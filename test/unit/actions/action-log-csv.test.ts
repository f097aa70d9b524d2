// The action log's CSV: the header, one row per action, text with commas, quotes and line breaks
// kept whole, and no cell a spreadsheet would run as a formula (CSV injection).
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { ACTION_LOG_HEADER, actionLogCsv, type ActionLogRow } from '../../../src/features/actions/action-log-csv.ts';
import { spreadsheetText } from '../../../src/domain/spreadsheet-text.ts';

const row = (over: Partial<ActionLogRow> = {}): ActionLogRow => ({
  meetingDate: '2026-11-20',
  meeting: 'Safer Communities Partnership Board',
  item: '5. Police Update',
  description: 'Bring the ward burglary figures, by ward, to the "next" meeting.\nWith the trend.',
  owners: ['Richard Norfolk', 'Ms Hirani'],
  due: '2027-01-21',
  status: 'overdue',
  latestUpdate: { text: 'Analyst back Monday', by: 'Richard Norfolk', on: 'Mon 4 Jan 2027, 10:00' },
  exempt: false,
  ...over,
});

const read = (csv: string) => parse(csv.replace(/^\uFEFF/, ''), { relax_column_count: false }) as string[][];

describe('the action log as CSV', () => {
  it('has a header and one row per action, with text kept whole', () => {
    const csv = actionLogCsv([row(), row({ status: 'dropped', closedOn: '2026-12-10', statusReason: 'Covered elsewhere', latestUpdate: undefined, item: undefined, exempt: true })]);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv).toContain('\r\n');
    const [header, first, second] = read(csv);
    expect(header).toEqual([...ACTION_LOG_HEADER]);
    expect(first).toEqual([
      '2026-11-20',
      'Safer Communities Partnership Board',
      '5. Police Update',
      'Bring the ward burglary figures, by ward, to the "next" meeting.\nWith the trend.',
      'Richard Norfolk; Ms Hirani',
      '2027-01-21',
      'overdue',
      '',
      '',
      'Analyst back Monday',
      'Richard Norfolk',
      'Mon 4 Jan 2027, 10:00',
      'no',
    ]);
    expect(second?.slice(6)).toEqual(['dropped', '2026-12-10', 'Covered elsewhere', '', '', '', 'yes']);
  });

  it('keeps every cell people typed from being read as a formula', () => {
    const attacks = ['=HYPERLINK("https://evil.example","x")', '+1+1', '-2+3', '@SUM(A1:A2)', '\t=1', '\r=1'];
    const csv = actionLogCsv(
      attacks.map((a) => row({ meeting: a, item: a, description: a, owners: [a], statusReason: a, latestUpdate: { text: a, by: a, on: 'Mon 4 Jan 2027, 10:00' } })),
    );
    const rows = read(csv).slice(1);
    expect(rows).toHaveLength(attacks.length);
    for (const [n, cells] of rows.entries()) {
      const typed = [cells[1], cells[2], cells[3], cells[4], cells[8], cells[9], cells[10]];
      expect(typed).toEqual(Array(7).fill(`'${attacks[n]}`));
    }
    // Only text that would be a formula is changed.
    expect(spreadsheetText('Ward figures = 12')).toBe('Ward figures = 12');
    expect(spreadsheetText(undefined)).toBe('');
  });

  it('is the header alone when there are no actions', () => {
    expect(read(actionLogCsv([]))).toEqual([[...ACTION_LOG_HEADER]]);
  });
});
