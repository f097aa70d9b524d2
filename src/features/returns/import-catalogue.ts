// Loading a board's catalogue from its existing dashboard: a CSV (one row per metric or milestone,
// with a column per earlier quarter for history) or JSON ({ metrics: [...], milestones: [...] }).
// Every row is checked before anything is stored; a file with any problem changes nothing and
// says which row and what. Metrics are matched by name and milestones by theme and title, so a
// long catalogue can be loaded in parts and loading it again updates it.
import { parse as parseCsv } from 'csv-parse/sync';
import { z } from 'zod';
import { parseQuarter } from '../../domain/returns/quarter.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { boardFor } from './board-for.ts';
import { requireClerk } from '../boards/members.ts';
import { metricEntrySchema, milestoneEntrySchema, type MetricDefinition, type MilestoneDefinition } from './catalogue-entry.ts';
import { saveCatalogue } from './save-catalogue.ts';

export const CATALOGUE_TEXT_MAX = 200_000;
const MAX_PROBLEMS_SHOWN = 8;

export interface CatalogueFile {
  metrics: { row: string; definition: MetricDefinition }[];
  milestones: { row: string; definition: MilestoneDefinition }[];
}

const COLUMN: Record<string, string> = {
  type: 'type', kind: 'type',
  name: 'name', metric: 'name', indicator: 'name', title: 'name', milestone: 'name', whatwesaidwewoulddo: 'name',
  organisation: 'organisation', organization: 'organisation', org: 'organisation', owner: 'organisation', partner: 'organisation',
  unit: 'unit', units: 'unit',
  polarity: 'polarity', better: 'polarity',
  comparisons: 'comparisons', comparison: 'comparisons',
  peerranks: 'peerRanks', peers: 'peerRanks', ranks: 'peerRanks', peercomparison: 'peerRanks',
  theme: 'theme', priority: 'theme',
  lead: 'lead', leadonupdate: 'lead',
};

function malformed(problems: string[], total = problems.length): AppError {
  const shown = problems.slice(0, MAX_PROBLEMS_SHOWN);
  const more = total > shown.length ? `\n…and ${total - shown.length} more.` : '';
  return new AppError(ErrorCode.CATALOGUE_INVALID, `Nothing was loaded: the file needs correcting.\n${shown.map((p) => `• ${p}`).join('\n')}${more}`, {
    log: `catalogue refused with ${total} problem(s)`,
  });
}

function describeIssues(error: z.ZodError): string {
  return error.issues.map((i) => (i.path[0] && i.path[0] !== 'history' ? `${String(i.path[0])}: ${i.message}` : i.message)).join('; ');
}

type RawRow = { type?: string; name?: string; organisation?: string; unit?: string; polarity?: string; comparisons?: string | string[]; peerRanks?: string | { name: string; outOf: number }[]; theme?: string; lead?: string; history?: Record<string, number | string> };

function classify(rows: { label: string; raw: RawRow }[]): CatalogueFile {
  const file: CatalogueFile = { metrics: [], milestones: [] };
  const problems: string[] = [];
  for (const { label, raw } of rows) {
    const type = (raw.type ?? (raw.unit ? 'metric' : raw.lead ? 'milestone' : '')).trim().toLowerCase();
    const rowName = raw.name ? `${label} (${String(raw.name).slice(0, 40)})` : label;
    if (type === 'metric' || type === 'measure' || type === 'indicator') {
      const parsed = metricEntrySchema.safeParse({ ...raw, type: undefined });
      if (parsed.success) file.metrics.push({ row: rowName, definition: parsed.data });
      else problems.push(`${rowName}: ${describeIssues(parsed.error)}`);
    } else if (type === 'milestone' || type === 'action') {
      const parsed = milestoneEntrySchema.safeParse({ title: raw.name, organisation: raw.organisation, theme: raw.theme, lead: raw.lead });
      if (parsed.success) file.milestones.push({ row: rowName, definition: parsed.data });
      else problems.push(`${rowName}: ${describeIssues(parsed.error)}`);
    } else {
      problems.push(`${rowName}: say whether it is a metric or a milestone (the "type" column), or give a unit (metric) or a lead (milestone).`);
    }
  }
  const seen = new Set<string>();
  for (const m of file.metrics) {
    const key = m.definition.name.toLowerCase();
    if (seen.has(key)) problems.push(`${m.row}: the metric "${m.definition.name}" is in the file twice.`);
    seen.add(key);
  }
  if (problems.length > 0) throw malformed(problems);
  if (file.metrics.length + file.milestones.length === 0) throw malformed(['The file has no metrics or milestones.']);
  return file;
}

function readCsv(text: string): CatalogueFile {
  let records: string[][];
  try {
    records = parseCsv(text, { bom: true, skip_empty_lines: true, relax_column_count: false, trim: true, delimiter: text.split('\n')[0]?.includes('\t') ? '\t' : ',' });
  } catch (error) {
    const e = error as { code?: string; lines?: number };
    throw malformed([`The CSV cannot be read${e.lines ? ` at line ${e.lines}` : ''}: ${csvProblem(e.code)}`]);
  }
  const [header, ...body] = records;
  if (!header) throw malformed(['The file is empty.']);
  const columns = header.map((h) => {
    const key = COLUMN[h.toLowerCase().replace(/[^a-z]/g, '')];
    if (key) return { kind: 'field' as const, key };
    const quarter = parseQuarter(h);
    if (quarter.ok) return { kind: 'history' as const, label: h };
    return { kind: 'unknown' as const, label: h };
  });
  const unknown = columns.filter((c) => c.kind === 'unknown').map((c) => `"${(c as { label: string }).label.slice(0, 30)}"`);
  if (unknown.length > 0) throw malformed([`The header has columns Quorum does not know: ${unknown.join(', ')}. Use type, name, organisation, unit, polarity, comparisons, peer ranks, theme, lead, and one column per earlier quarter ("Q3 2020/21").`]);
  if (!columns.some((c) => c.kind === 'field' && c.key === 'name')) throw malformed(['The header has no "name" column.']);
  const rows = body.map((cells, i) => {
    const raw: RawRow & Record<string, unknown> = {};
    const history: Record<string, string> = {};
    cells.forEach((cell, j) => {
      const column = columns[j];
      if (!column) return;
      if (column.kind === 'history') history[column.label] = cell;
      else if (column.kind === 'field' && cell !== '') raw[column.key] = cell;
    });
    if (Object.keys(history).length > 0) raw.history = history;
    return { label: `Row ${i + 2}`, raw };
  });
  return classify(rows);
}

function csvProblem(code: string | undefined): string {
  switch (code) {
    case 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH': return 'a row has a different number of columns from the header.';
    case 'CSV_QUOTE_NOT_CLOSED': return 'a quoted value is not closed.';
    case 'CSV_INVALID_CLOSING_QUOTE': return 'a quote is in the wrong place.';
    default: return 'it is not comma- or tab-separated values.';
  }
}

const jsonFileSchema = z.object({ metrics: z.array(z.record(z.string(), z.unknown())).optional(), milestones: z.array(z.record(z.string(), z.unknown())).optional() }).strict();

function readJson(text: string): CatalogueFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw malformed([`The JSON cannot be read: ${(error as Error).message.slice(0, 120)}.`]);
  }
  const file = jsonFileSchema.safeParse(data);
  if (!file.success) throw malformed(['The JSON should be an object with "metrics" and/or "milestones", each a list of objects.']);
  const rows: { label: string; raw: RawRow }[] = [
    ...(file.data.metrics ?? []).map((m, i) => ({ label: `Metric ${i + 1}`, raw: { ...(m as RawRow), type: 'metric' } })),
    ...(file.data.milestones ?? []).map((m, i) => ({ label: `Milestone ${i + 1}`, raw: { ...(m as RawRow), name: (m.title ?? m.name) as string, type: 'milestone' } })),
  ];
  return classify(rows);
}

/** Reads a catalogue file: JSON when it starts with "{", CSV (comma or tab separated) otherwise. */
export function readCatalogue(text: string): CatalogueFile {
  const t = text.trim();
  if (t.length === 0) throw malformed(['The file is empty.']);
  if (t.length > CATALOGUE_TEXT_MAX) throw malformed([`The file is longer than ${CATALOGUE_TEXT_MAX.toLocaleString('en-GB')} characters: load it in parts, each with its header row.`]);
  return t.startsWith('{') || t.startsWith('[') ? readJson(t) : readCsv(t);
}

export async function importCatalogue(deps: CoreDeps, input: Invocation & { boardId?: string; text: string }) {
  const board = await boardFor(deps, input);
  await requireClerk(deps.prisma, board, input.actor);
  const file = readCatalogue(input.text);
  return saveCatalogue(deps, { board, file });
}
