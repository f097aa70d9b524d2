// Reading the fields a clerk writes into an agenda row: time allocations ("(10 MINS)",
// "(1 HR 10 MINS)", "5 - 10 minutes"), page ranges ("5 - 12", "13 – 18", "Pages 5 - 12", "p. 7"),
// who reports ("Report of the Director of …", "Lead: X"), exempt markers ("(exempt)",
// "RESTRICTED") and links. Each reader takes text and returns what it found and the text left
// over, so a title keeps its words and loses only the fields.

export interface Pages {
  from: number;
  to: number;
}

export interface FoundLink {
  /** The link's own label when it has one ("[Report](url)", "Appendix A: url"). */
  title?: string;
  url: string;
}

export interface InlineFields {
  minutes?: number;
  pages?: Pages;
  reportOf?: string;
  exempt: boolean;
  links: FoundLink[];
}

const DASH = '[-‐‑–—]';

/** Trims, collapses spaces and removes separators left dangling once a field is taken out. */
export function tidy(text: string): string {
  let out = text.replace(/[\s\u00a0]+/g, ' ').trim();
  for (let i = 0; i < 3; i += 1) {
    const next = out
      .replace(new RegExp(`\\s*(?:${DASH}|[;,|])\\s*$`), '')
      .replace(new RegExp(`^\\s*(?:${DASH}|[;,:|])\\s+`), '')
      .replace(/\(\s*\)|\[\s*\]/g, '')
      .trim();
    if (next === out) break;
    out = next;
  }
  return out;
}

// ---- time allocation ----

const MINUTES_WORD = '(?:mins?|minutes?)\\.?';
const HOURS_WORD = '(?:hrs?|hours?)\\.?';
const TIMING_BODY =
  `(?:(\\d{1,2}(?:\\.\\d{1,2})?)\\s*${HOURS_WORD}\\s*(?:and\\s+)?)?` + // hours
  `(?:(\\d{1,3})\\s*(?:${DASH}|to)\\s*)?` + // lower bound of a range
  `(\\d{1,3})\\s*${MINUTES_WORD}`;
const HOURS_ONLY_BODY = `(?:(\\d{1,2})\\s*(?:${DASH}|to)\\s*)?(\\d{1,2}(?:\\.\\d{1,2})?)\\s*${HOURS_WORD}`;
const PAREN_TIMING = new RegExp(`[([]\\s*(?:approx\\.?\\s*|c\\.\\s*)?${TIMING_BODY}\\s*[)\\]]`, 'i');
const PAREN_HOURS = new RegExp(`[([]\\s*(?:approx\\.?\\s*|c\\.\\s*)?${HOURS_ONLY_BODY}\\s*[)\\]]`, 'i');
const TRAILING_TIMING = new RegExp(`(?:^|\\s)(?:approx\\.?\\s*|c\\.\\s*)?${TIMING_BODY}\\s*$`, 'i');
const TRAILING_HOURS = new RegExp(`(?:^|\\s)(?:approx\\.?\\s*|c\\.\\s*)?${HOURS_ONLY_BODY}\\s*$`, 'i');

const toMinutes = (hours: string | undefined, minutes: string | undefined): number | undefined => {
  const total = Math.round((hours ? Number(hours) * 60 : 0) + (minutes ? Number(minutes) : 0));
  return total > 0 && total <= 600 ? total : undefined;
};

/**
 * A time allocation, in parentheses anywhere or bare at the end: "(10 MINS)", "(1 HR 10 MINS)",
 * "10 mins", "(15 minutes)", "(1 hour)". A range ("5 - 10 minutes") allocates its upper bound.
 * A bare "20 minute" inside a title ("20 minute neighbourhoods") is left alone.
 */
export function readTiming(text: string): { minutes: number; rest: string } | undefined {
  for (const [pattern, hoursOnly] of [
    [PAREN_TIMING, false],
    [PAREN_HOURS, true],
    [TRAILING_TIMING, false],
    [TRAILING_HOURS, true],
  ] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const minutes = hoursOnly ? toMinutes(m[2], undefined) : toMinutes(m[1], m[3]);
    if (minutes === undefined) continue;
    return { minutes, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
  }
  return undefined;
}

// ---- pages ----

const PAGE_PREFIX = '(?:pages?|pp?\\.?)';
const WHOLE_PAGES = new RegExp(`^${PAGE_PREFIX}?\\s*(\\d{1,4})\\s*(?:(?:${DASH}|to)\\s*(\\d{1,4}))?$`, 'i');
const TRAILING_PREFIXED_PAGES = new RegExp(`(?:^|\\s|[(,])${PAGE_PREFIX}\\s*(\\d{1,4})\\s*(?:(?:${DASH}|to)\\s*(\\d{1,4}))?\\s*\\)?\\s*$`, 'i');
const TRAILING_RANGE = new RegExp(`\\s(\\d{1,4})\\s*${DASH}\\s*(\\d{1,4})\\s*$`);

const looksLikeYears = (from: number, to: number) => from >= 1900 && from <= 2100 && to >= 1900 && to <= 2100;
const looksLikeYearRange = (from: number, to: number) => from >= 1900 && from <= 2100 && to < 100 && to === (from + 1) % 100;

const toPages = (a: string | undefined, b: string | undefined, prefixed: boolean): Pages | undefined => {
  const from = Number(a);
  const to = b === undefined ? from : Number(b);
  if (!Number.isInteger(from) || !Number.isInteger(to) || from < 1 || to < from || to > 9999) return undefined;
  if (!prefixed && (looksLikeYears(from, to) || looksLikeYearRange(from, to))) return undefined;
  return { from, to };
};

/** A whole column or line that is only pages: "5 - 12", "5-12", "13 – 18", "Pages 5 - 12", "7", "p. 7". */
export function readPagesColumn(text: string): Pages | undefined {
  const m = WHOLE_PAGES.exec(text.trim());
  if (!m) return undefined;
  return toPages(m[1], m[2], /^\D/.test(text.trim()));
}

/**
 * Pages at the end of a title copied with single spaces: "Minutes of Previous Meeting 5 - 12",
 * "Police Update Pages 13 - 18". A lone trailing number is not read as a page ("Local Plan
 * Part 2"), nor are years ("Youth Justice Plan 2024 - 2025").
 */
export function readTrailingPages(text: string): { pages: Pages; rest: string } | undefined {
  for (const [pattern, prefixed] of [
    [TRAILING_PREFIXED_PAGES, true],
    [TRAILING_RANGE, false],
  ] as const) {
    const m = pattern.exec(text);
    if (!m) continue;
    const pages = toPages(m[1], m[2], prefixed);
    if (pages) return { pages, rest: text.slice(0, m.index) };
  }
  return undefined;
}

// ---- report of ----

// "Report of", "led by", "presented by" read with or without a colon; the bare words "lead",
// "officer" and "presenter" only with one ("Lead: X"), so "Lead Member briefing" stays a title.
const REPORT_OF_WORDS = '(?:(?:joint\\s+)?report\\s+of|reports?\\s+(?:by|from)|led\\s+by|presented\\s+by|introduced\\s+by)';
const REPORT_OF_LABELS = '(?:lead(?:\\s+officers?)?|officers?|presenters?|lead\\s+member|responsible\\s+officer)';
const REPORT_OF_LINE = new RegExp(`^(?:${REPORT_OF_WORDS}\\s*:?|${REPORT_OF_LABELS}\\s*:)\\s*(.+)$`, 'i');
const REPORT_OF_INLINE = new RegExp(`(?:\\s${DASH}\\s*|\\s*[;:]\\s*)(?:${REPORT_OF_WORDS}\\s*:?|${REPORT_OF_LABELS}\\s*:)\\s*(.+)$`, 'i');
const REPORT_OF_PAREN = new RegExp(`\\(\\s*(?:${REPORT_OF_WORDS}\\s*:?|${REPORT_OF_LABELS}\\s*:)\\s*([^)]+)\\)`, 'i');

const cleanReportOf = (who: string): string | undefined => {
  const out = tidy(who.replace(/^the\s+/i, ''));
  return out.length > 0 ? out : undefined;
};

/** A line that only says who reports: "Report of the Director of Children's Services", "Lead: X". */
export function readReportOfLine(text: string): string | undefined {
  const m = REPORT_OF_LINE.exec(text.trim());
  return m?.[1] ? cleanReportOf(m[1]) : undefined;
}

/** "Budget Monitoring - Report of the Chief Finance Officer", "Police Update (Lead: Borough Commander)". */
export function readInlineReportOf(text: string): { reportOf: string; rest: string } | undefined {
  const m = REPORT_OF_PAREN.exec(text) ?? REPORT_OF_INLINE.exec(text);
  if (!m?.[1]) return undefined;
  const reportOf = cleanReportOf(m[1]);
  return reportOf ? { reportOf, rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) } : undefined;
}

// ---- exempt ----

const EXEMPT_WORDS = '(?:exempt|restricted|confidential|private|not\\s+for\\s+publication|part\\s*(?:2|ii|b))';
const EXEMPT_PAREN = new RegExp(`[([]\\s*${EXEMPT_WORDS}\\b[^)\\]]*[)\\]]`, 'i');
const EXEMPT_TRAILING = new RegExp(`(?:\\s${DASH}\\s*|\\s*[:;]\\s*|\\s+)(?:exempt|restricted|confidential|not\\s+for\\s+publication)\\b(?:\\s*(?:${DASH}|:)?\\s*(?:information|item|report|paragraphs?|para\\.?|schedule|appendix|under)\\b[^]*)?$`, 'i');
const EXEMPT_WHOLE = new RegExp(`^[([]?\\s*${EXEMPT_WORDS}\\b[^]{0,120}$`, 'i');

/** A column or line that only marks the item exempt: "Exempt", "(Restricted)", "Exempt – paragraph 3". */
export function isExemptMarker(text: string): boolean {
  const t = text.trim();
  if (!EXEMPT_WHOLE.test(t)) return false;
  // "Exempt", "RESTRICTED", "(exempt)", "Exempt information – paragraph 3 of Schedule 12A".
  return /^[([]?\s*\w+(\s+for\s+publication)?\s*[)\]]?$/i.test(t) || /paragraph|para\.|schedule|12a|information|appendix/i.test(t);
}

/** "(exempt)", "[RESTRICTED]", "… - EXEMPT", "… – Not for publication" in a title. */
export function readExemptMarker(text: string): { rest: string } | undefined {
  const m = EXEMPT_PAREN.exec(text) ?? EXEMPT_TRAILING.exec(text);
  if (!m) return undefined;
  return { rest: text.slice(0, m.index) + ' ' + text.slice(m.index + m[0].length) };
}

// ---- links ----

const MARKDOWN_LINK = /\[([^\]]{1,200})\]\((https?:\/\/[^\s)]+)\)/gi;
const BARE_URL = /<?(https?:\/\/[^\s<>"]+)>?/gi;

const trimUrl = (url: string): string => url.replace(/[).,;:!?'"’”]+$/, '');

/** Links in a piece of text, and the text without them. */
export function readLinks(text: string): { links: FoundLink[]; rest: string } {
  const links: FoundLink[] = [];
  let rest = text.replace(MARKDOWN_LINK, (_whole, title: string, url: string) => {
    links.push({ title: tidy(title), url: trimUrl(url) });
    return ' ';
  });
  rest = rest.replace(BARE_URL, (whole, url: string) => {
    const trimmed = trimUrl(url);
    links.push({ url: trimmed });
    // Keep whatever trailing punctuation was not part of the address.
    return ' ' + whole.replace(/^<?/, '').replace(/>$/, '').slice(trimmed.length);
  });
  return { links, rest };
}

/** Every field that can sit inside a title or a line, taken out; the rest is the title. */
export function extractInlineFields(text: string): { rest: string; fields: InlineFields } {
  const fields: InlineFields = { exempt: false, links: [] };
  const linked = readLinks(text);
  fields.links = linked.links;
  let rest = linked.rest;
  const exemptParen = readExemptMarker(rest);
  if (exemptParen) {
    fields.exempt = true;
    rest = exemptParen.rest;
  }
  // Timing and pages may come in either order at the end: take each up to twice.
  for (let round = 0; round < 2; round += 1) {
    const timing = fields.minutes === undefined ? readTiming(rest) : undefined;
    if (timing) {
      fields.minutes = timing.minutes;
      rest = timing.rest;
    }
    const pages = fields.pages === undefined ? readTrailingPages(tidy(rest)) : undefined;
    if (pages) {
      fields.pages = pages.pages;
      rest = pages.rest;
    }
  }
  const reportOf = readInlineReportOf(rest);
  if (reportOf) {
    fields.reportOf = reportOf.reportOf;
    rest = reportOf.rest;
  }
  return { rest: tidy(rest), fields };
}
