// Reading a board's membership as a clerk has it: the agenda pack's membership appendix
// ("- **Simon Rose**, Detective Chief Superintendent, Metropolitan Police"), the minutes'
// attendance tables ("Board Members Present:" / "Also present:", a name, a tab, then title and
// organisation), or a CSV with a header row (name, title, organisation, short name, role, email),
// read by csv-parse. Rows that cannot be read are listed with their line numbers; a CSV that is
// malformed, a role nobody knows, a bad or repeated email refuse the whole paste, naming the line
// and the field.
import { CsvError, parse } from 'csv-parse/sync';

export const MEMBER_ROLES = ['member', 'observer', 'officer', 'adviser'] as const;
export type ImportRole = (typeof MEMBER_ROLES)[number];
export type ImportBoardRole = 'chair' | 'vice-chair' | 'clerk';

export interface MembershipRow {
  /** Where it was read (1-based, in the whole pasted text). */
  line: number;
  name: string;
  title?: string;
  organisation?: string;
  shortName?: string;
  role: ImportRole;
  boardRole?: ImportBoardRole;
  email?: string;
}

export interface UnreadMembershipLine {
  line: number;
  text: string;
  reason: string;
}

export type MembershipReading =
  | { ok: true; format: 'csv' | 'list'; rows: MembershipRow[]; unread: UnreadMembershipLine[] }
  | { ok: false; problem: string };

export const MEMBERSHIP_ROWS_MAX = 100;
export const NAME_MAX = 120;
export const TITLE_MAX = 150;
export const ORGANISATION_MAX = 120;

/** The words a role column (or a bracket after a name) may hold, and what they mean. */
const ROLE_WORDS: Record<string, { role: ImportRole; boardRole?: ImportBoardRole }> = {
  member: { role: 'member' },
  'board member': { role: 'member' },
  observer: { role: 'observer' },
  officer: { role: 'officer' },
  adviser: { role: 'adviser' },
  advisor: { role: 'adviser' },
  'also attends': { role: 'adviser' },
  'also present': { role: 'adviser' },
  chair: { role: 'member', boardRole: 'chair' },
  chairman: { role: 'member', boardRole: 'chair' },
  chairwoman: { role: 'member', boardRole: 'chair' },
  chairperson: { role: 'member', boardRole: 'chair' },
  'vice-chair': { role: 'member', boardRole: 'vice-chair' },
  'vice chair': { role: 'member', boardRole: 'vice-chair' },
  'vice-chairman': { role: 'member', boardRole: 'vice-chair' },
  'vice chairman': { role: 'member', boardRole: 'vice-chair' },
  clerk: { role: 'officer', boardRole: 'clerk' },
};
export const ROLE_LIST = 'member, observer, officer, adviser, chair, vice-chair or clerk';

const COLUMNS: Record<string, keyof Omit<MembershipRow, 'line' | 'boardRole'>> = {
  name: 'name',
  'full name': 'name',
  title: 'title',
  'job title': 'title',
  position: 'title',
  organisation: 'organisation',
  organization: 'organisation',
  org: 'organisation',
  'short name': 'shortName',
  short_name: 'shortName',
  shortname: 'shortName',
  role: 'role',
  email: 'email',
  'e-mail': 'email',
  'email address': 'email',
};

const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:"]+$/;
/** "(Chairman)" after a name or a title: the board role. */
const ROLE_IN_BRACKETS = /\s*\((chair|chairman|chairwoman|chairperson|vice[- ]chair(?:man)?|clerk)\)\s*$/i;
/** "Community Rehabilitation Company (CRC)": the organisation's short name. */
const SHORT_NAME_IN_BRACKETS = /^(.+?)\s*\(([A-Z][A-Za-z&.]{1,11})\)$/;

/** A lone "title or organisation" that names a job: "Community Safety Engagement Group Co-Ordinator". */
const JOB_WORDS = /\b(director|head|manager|co-?ordinator|officer|lead|commander|adviser|advisor|cabinet member|chief executive|ceo|superintendent|inspector|councillor|chair(?:man)?)\b/i;

/** The headings of the minutes' attendance tables, and the role of the people under each. */
const HEADINGS: [RegExp, ImportRole][] = [
  [/^(board )?members present$/i, 'member'],
  [/^present$/i, 'member'],
  [/^apologies( for absence)?$/i, 'member'],
  [/^(also present|also in attendance|in attendance|officers present)$/i, 'adviser'],
];

export function parseMembership(text: string): MembershipReading {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);
  const first = lines.find((l) => l.trim() !== '');
  if (first === undefined) return { ok: false, problem: 'Paste the membership list: one person a line, or a CSV with a header row.' };
  const reading = looksLikeCsv(first) ? readCsv(text) : readList(lines);
  if (!reading.ok) return reading;
  if (reading.rows.length > MEMBERSHIP_ROWS_MAX) return { ok: false, problem: `A paste holds ${MEMBERSHIP_ROWS_MAX} people at most; this has ${reading.rows.length}. Paste it in parts.` };
  return checkRepeats(reading);
}

function headerCells(line: string): string[] | undefined {
  try {
    const [cells] = parse(line, { trim: true, relax_quotes: true }) as string[][];
    return cells?.map((c) => c.toLowerCase());
  } catch {
    return undefined;
  }
}

function looksLikeCsv(firstLine: string): boolean {
  if (!firstLine.includes(',')) return false;
  const cells = headerCells(firstLine);
  return cells !== undefined && cells.includes('name') && cells.filter((c) => c in COLUMNS).length >= 2;
}

function readCsv(text: string): MembershipReading {
  let lastLine = 0;
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      on_record: (record: string[], context: { lines: number }) => {
        lastLine = context.lines;
        return record;
      },
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (error) {
    if (!(error instanceof CsvError)) throw error;
    const at = (error as CsvError & { lines?: number }).lines ?? lastLine + 1;
    if (error.code === 'CSV_QUOTE_NOT_CLOSED') {
      return { ok: false, problem: `Line ${nextLine(text, lastLine)}: a quote (") is opened and never closed, so the rest of the text is one value. Close the quote, or take it out.` };
    }
    if (error.code === 'CSV_RECORD_INCONSISTENT_FIELDS_LENGTH') {
      const got = (error as CsvError & { record?: unknown[] }).record?.length;
      const header = headerCells(text.split(/\r\n|\r|\n/).find((l) => l.trim() !== '') ?? '') ?? [];
      return { ok: false, problem: `Line ${at}: ${got ?? 'a different number of'} columns where the header has ${header.length} (${header.join(', ')}). Put a value that has a comma in quotes.` };
    }
    return { ok: false, problem: `Line ${at}: the CSV could not be read (${error.message.slice(0, 120)}).` };
  }
  const [header, ...body] = records;
  if (!header) return { ok: false, problem: 'The CSV has no rows.' };
  const fields: (typeof COLUMNS)[string][] = [];
  for (const cell of header.record) {
    const field = COLUMNS[cell.toLowerCase()];
    if (!field) return { ok: false, problem: `Line ${header.info.lines}, column "${cell.slice(0, 40)}": not a column I know. Use name, title, organisation, short name, role and email.` };
    if (fields.includes(field)) return { ok: false, problem: `Line ${header.info.lines}: the ${field === 'shortName' ? 'short name' : field} column is there twice.` };
    fields.push(field);
  }
  const rows: MembershipRow[] = [];
  const unread: UnreadMembershipLine[] = [];
  for (const { record, info } of body) {
    const cells = Object.fromEntries(fields.map((f, i) => [f, (record[i] ?? '').trim()])) as Partial<Record<(typeof fields)[number], string>>;
    if (!cells.name) {
      unread.push({ line: info.lines, text: record.join(', ').slice(0, 200), reason: 'No name in this row.' });
      continue;
    }
    const role = (cells.role ?? '').toLowerCase().replace(/\s+/g, ' ');
    const meant = role === '' ? { role: 'member' as const } : ROLE_WORDS[role];
    if (!meant) return { ok: false, problem: `Line ${info.lines}, role: "${(cells.role ?? '').slice(0, 40)}" is not a role. Use ${ROLE_LIST}.` };
    const email = cells.email?.replace(/^mailto:/i, '');
    if (email && !EMAIL.test(email)) return { ok: false, problem: `Line ${info.lines}, email: "${email.slice(0, 80)}" is not an email address.` };
    const row: MembershipRow = {
      line: info.lines,
      name: cells.name,
      role: meant.role,
      ...(meant.boardRole ? { boardRole: meant.boardRole } : {}),
      ...(cells.title ? { title: cells.title } : {}),
      ...(cells.organisation ? organisationOf(cells.organisation, cells.shortName) : {}),
      ...(email ? { email: email.toLowerCase() } : {}),
    };
    const tooLong = lengthProblem(row);
    if (tooLong) return { ok: false, problem: tooLong };
    rows.push(row);
  }
  return { ok: true, format: 'csv', rows, unread };
}

/** The first non-empty line after `line`: where a record that never ended began. */
function nextLine(text: string, line: number): number {
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = line; i < lines.length; i++) if ((lines[i] ?? '').trim() !== '') return i + 1;
  return line + 1;
}

function readList(lines: string[]): MembershipReading {
  const rows: MembershipRow[] = [];
  const unread: UnreadMembershipLine[] = [];
  let sectionRole: ImportRole = 'member';
  for (const [index, raw] of lines.entries()) {
    const number = index + 1;
    const text = raw.trim();
    if (text === '') continue;
    const heading = text.replace(/^#+\s*/, '').replace(/^\*\*(.*)\*\*$/, '$1').replace(/\s*:\s*$/, '').trim();
    const section = HEADINGS.find(([pattern]) => pattern.test(heading));
    if (section) {
      sectionRole = section[1];
      continue;
    }
    const person = readPersonLine(text);
    if (!person) {
      unread.push({ line: number, text: text.slice(0, 200), reason: 'Not read as a person: expected "Name, Title, Organisation" (a bullet) or a table row (the name, a tab, then title and organisation).' });
      continue;
    }
    const row: MembershipRow = { line: number, ...person, role: person.boardRole ? 'member' : sectionRole };
    const tooLong = lengthProblem(row);
    if (tooLong) return { ok: false, problem: tooLong };
    rows.push(row);
  }
  return { ok: true, format: 'list', rows, unread };
}

function readPersonLine(text: string): Omit<MembershipRow, 'line' | 'role'> | undefined {
  const bullet = /^[-*\u2022\u00b7]\s+(.+)$/.exec(text);
  let name: string;
  let rest: string[];
  if (bullet) {
    const content = (bullet[1] as string).trim();
    const bold = /^\*\*(.+?)\*\*\s*,?\s*(.*)$/.exec(content);
    if (bold) {
      name = bold[1] as string;
      rest = (bold[2] as string).split(',');
    } else {
      const cells = splitCells(content);
      const [head = '', ...tail] = cells.length > 1 ? cells : content.split(',');
      name = head.trim();
      rest = tail.flatMap((t) => t.split(','));
    }
  } else {
    const cells = splitCells(text);
    if (cells.length < 2) return undefined;
    name = cells[0] as string;
    rest = cells.slice(1).flatMap((c) => c.split(','));
  }
  let boardRole: ImportBoardRole | undefined;
  const named = ROLE_IN_BRACKETS.exec(name);
  if (named) {
    boardRole = ROLE_WORDS[(named[1] as string).toLowerCase().replace(/\s+/g, ' ')]?.boardRole;
    name = name.slice(0, named.index).trim();
  }
  name = name.replace(/\*\*/g, '').trim();
  if (!/\p{L}/u.test(name)) return undefined;
  const parts = rest.map((p) => p.trim()).filter(Boolean);
  const emailAt = parts.findIndex((p) => EMAIL.test(p.replace(/^<|>$/g, '')));
  const email = emailAt >= 0 ? (parts.splice(emailAt, 1)[0] as string).replace(/^<|>$/g, '').toLowerCase() : undefined;
  // "Cabinet Member for Safety and Resident Engagement (Chairman)": the bracket is the board role.
  for (const [i, part] of parts.entries()) {
    const titled = ROLE_IN_BRACKETS.exec(part);
    if (!titled) continue;
    boardRole ??= ROLE_WORDS[(titled[1] as string).toLowerCase().replace(/\s+/g, ' ')]?.boardRole;
    parts[i] = part.slice(0, titled.index).trim();
  }
  const kept = parts.filter(Boolean);
  // One part alone is the organisation ("London Fire Brigade"), unless it reads as a job.
  const alone = kept.length === 1 && JOB_WORDS.test(kept[0] as string);
  const organisation = kept.length > 0 && !alone ? (kept.pop() as string) : undefined;
  const title = kept.length > 0 ? kept.join(', ') : undefined;
  return {
    name,
    ...(title ? { title } : {}),
    ...(organisation ? organisationOf(organisation) : {}),
    ...(boardRole ? { boardRole } : {}),
    ...(email ? { email } : {}),
  };
}

/** A table row's cells: separated by tabs, or by two spaces or more (a table pasted as text). */
function splitCells(text: string): string[] {
  return text
    .split(/\t+| {2,}/)
    .map((c) => c.trim())
    .filter(Boolean);
}

function organisationOf(text: string, shortName?: string): { organisation: string; shortName?: string } {
  const short = shortName ? undefined : SHORT_NAME_IN_BRACKETS.exec(text);
  if (short) return { organisation: (short[1] as string).trim(), shortName: short[2] as string };
  return { organisation: text, ...(shortName ? { shortName } : {}) };
}

function lengthProblem(row: MembershipRow): string | undefined {
  if (row.name.length > NAME_MAX) return `Line ${row.line}, name: keep it to ${NAME_MAX} characters or fewer.`;
  if (row.title && row.title.length > TITLE_MAX) return `Line ${row.line}, title: keep it to ${TITLE_MAX} characters or fewer.`;
  if (row.organisation && row.organisation.length > ORGANISATION_MAX) return `Line ${row.line}, organisation: keep it to ${ORGANISATION_MAX} characters or fewer.`;
  if (row.shortName && row.shortName.length > 40) return `Line ${row.line}, short name: keep it to 40 characters or fewer.`;
  return undefined;
}

/** The same email twice refuses the paste; the same person twice (name and organisation) is read
 * once, and the repeat listed as a line not read. */
function checkRepeats(reading: Extract<MembershipReading, { ok: true }>): MembershipReading {
  const emails = new Map<string, number>();
  const people = new Map<string, number>();
  const rows: MembershipRow[] = [];
  const unread = [...reading.unread];
  for (const row of reading.rows) {
    if (row.email) {
      const earlier = emails.get(row.email);
      if (earlier !== undefined) return { ok: false, problem: `Line ${row.line}, email: ${row.email} is also on line ${earlier}. Each person has their own email.` };
      emails.set(row.email, row.line);
    }
    const key = personKey(row.name, row.organisation);
    const before = people.get(key);
    if (before !== undefined) {
      unread.push({ line: row.line, text: [row.name, row.organisation].filter(Boolean).join(', '), reason: `${row.name} is on line ${before} already.` });
      continue;
    }
    people.set(key, row.line);
    rows.push(row);
  }
  unread.sort((a, b) => a.line - b.line);
  return { ...reading, rows, unread };
}

/** Who a row is, for "the same person": the name and organisation, ignoring case and spacing. */
export function personKey(name: string, organisation: string | undefined): string {
  const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();
  return `${norm(name)}\u0000${norm(organisation ?? '')}`;
}
