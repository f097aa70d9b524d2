// The dashboard as CSV (csv-stringify), one row per metric then one per milestone. A cell a
// spreadsheet would read as a formula (=, +, -, @ first) is kept as text with a leading quote;
// a figure ("-1%") is ours and safe.
import { stringify } from 'csv-stringify/sync';
import { RAG_LABEL } from '../../domain/returns/rag.ts';
import { spreadsheetText as text } from '../../domain/spreadsheet-text.ts';
import type { DashboardView } from './dashboard-view.ts';

export function dashboardCsv(view: DashboardView): string {
  const header = ['Type', 'Name', 'Organisation', 'Unit', view.period, 'Year earlier', 'Change vs previous year', 'Rolling 12 months', 'Change vs previous 12 months', 'Peer ranks', 'RAG', 'RAG override reason', 'Positive factors', 'Negative factors / progress', 'Lead'];
  const rows = view.rows.map((r) => [
    'metric',
    text(r.name),
    text(r.organisation),
    r.unit,
    r.submitted ? (r.value ?? '') : 'not submitted',
    r.yearEarlier ?? '',
    r.change ?? '',
    r.rolling ?? '',
    r.rollingChange ?? '',
    text(r.ranks.join('; ')),
    r.rag ? RAG_LABEL[r.rag] : '',
    text(r.override),
    text(r.positive),
    text(r.negative),
    '',
  ]);
  const milestones = view.milestones.map((m) => ['milestone', text(m.title), text(m.organisation), '', '', '', '', '', '', '', m.rag ? RAG_LABEL[m.rag] : '', '', '', text(m.progress ?? 'not submitted'), text(m.lead)]);
  return stringify([header, ...rows, ...milestones], { bom: true, record_delimiter: 'windows' });
}
