// The action log as CSV (csv-stringify): one row per action, with its meeting, item, owners, due
// date, status, when it was closed and its latest update. Everything people typed goes through
// spreadsheetText, so no cell is run as a formula.
import { stringify } from 'csv-stringify/sync';
import { spreadsheetText } from '../../domain/spreadsheet-text.ts';

export interface ActionLogRow {
  /** ISO local date of the meeting it was recorded at. */
  meetingDate: string;
  meeting: string;
  item?: string;
  description: string;
  owners: string[];
  /** ISO local date. */
  due: string;
  /** open, overdue, done or dropped. */
  status: string;
  /** ISO local date it was done or dropped. */
  closedOn?: string;
  statusReason?: string;
  latestUpdate?: { text: string; by?: string; on: string };
  exempt: boolean;
}

export const ACTION_LOG_HEADER = ['Meeting date', 'Meeting', 'Agenda item', 'Action', 'Owners', 'Due', 'Status', 'Done or dropped on', 'Reason dropped', 'Latest update', 'Latest update by', 'Latest update on', 'Exempt'] as const;

export function actionLogCsv(rows: readonly ActionLogRow[]): string {
  const records = rows.map((r) => [
    r.meetingDate,
    spreadsheetText(r.meeting),
    spreadsheetText(r.item),
    spreadsheetText(r.description),
    spreadsheetText(r.owners.join('; ')),
    r.due,
    r.status,
    r.closedOn ?? '',
    spreadsheetText(r.statusReason),
    spreadsheetText(r.latestUpdate?.text),
    spreadsheetText(r.latestUpdate?.by),
    r.latestUpdate?.on ?? '',
    r.exempt ? 'yes' : 'no',
  ]);
  return stringify([[...ACTION_LOG_HEADER], ...records], { bom: true, record_delimiter: 'windows' });
}
