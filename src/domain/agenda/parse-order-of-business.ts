// Paste to build: the clerk pastes the ORDER OF BUSINESS table of an agenda pack and gets the
// items back for confirmation. What it reads, and how (see test/agenda/ for every case):
// - rows "1.\tWelcome and Introductions\t" and "2.\tMinutes of Previous Meeting\t5 - 12", tab
//   separated as in the pack, or with spaces when copied out of a PDF or Word;
// - sub-points from embedded HTML lists ("<ul><li>• Performance</li></ul>"), bullet lines
//   (•, -, *, ◦, "a)", "(i)") and plain lines under an item;
// - numbers "5", "5.", "5)", "5a", "5.1", "Item 5"; timings "(10 MINS)", "(1 HR 10 MINS)",
//   "5 - 10 minutes"; pages "5 - 12", "13 – 18", "Pages 5 - 12", "7"; "Report of …", "Lead: …";
//   links; "(exempt)"; and everything after "Business not open to the public" / "Part 2" exempt;
// - column headers ("Item No  Title of Report  Pages") and blank lines are skipped.
// A line it cannot attach to an item is returned in `unread`, with its line number and why:
// nothing the clerk pasted disappears without a word.
import {
  AGENDA_ITEMS_MAX,
  AGENDA_REPORT_OF_MAX,
  AGENDA_SUB_POINT_MAX,
  AGENDA_TITLE_MAX,
  detectStandingItem,
  formatPages,
  type AgendaItemDraft,
} from './agenda-item.ts';
import { extractInlineFields, isExemptMarker, readLinks, readPagesColumn, readReportOfLine, readTiming, tidy, type FoundLink } from './item-fields.ts';
import { classifyLine } from './order-of-business-lines.ts';

// Type aliases rather than interfaces, so they can be stored as JSON as they are.
export type UnreadLine = {
  /** 1-based, as the clerk's editor counts. */
  line: number;
  text: string;
  reason: string;
};

export type OrderOfBusiness = {
  items: AgendaItemDraft[];
  unread: UnreadLine[];
};

const SUB_POINTS_MAX = 30;
const LINK_LABEL_MAX = 80;

interface Building {
  item: AgendaItemDraft;
  line: number;
  /** The row had no title ("12." alone on a line): the next text line is its title. */
  needsTitle: boolean;
}

const shorten = (text: string, max: number): string => {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
};

// Columns are tab separated in a pack; a PDF copy leaves runs of spaces. A run of spaces only
// counts as a column break when what follows is a field (pages, time, exempt, a link), so a
// title with a double space inside stays whole.
function columnsOf(rest: string): string[] {
  const tabbed = rest.split(/\t+/).map((c) => c.trim());
  const out: string[] = [];
  for (const cell of tabbed) {
    const parts = cell.split(/ {2,}/);
    let current = parts[0] ?? '';
    for (const part of parts.slice(1)) {
      if (isFieldColumn(part)) {
        out.push(current);
        current = part;
      } else current = `${current} ${part}`;
    }
    out.push(current);
  }
  return out.filter((c, i) => i === 0 || c.trim() !== '');
}

const isFieldColumn = (cell: string): boolean =>
  readPagesColumn(cell) !== undefined || readTiming(cell)?.rest.trim() === '' || isExemptMarker(cell) || /^https?:\/\/\S+$/.test(cell.trim());

export function parseOrderOfBusiness(text: string): OrderOfBusiness {
  const items: AgendaItemDraft[] = [];
  const unread: UnreadLine[] = [];
  let current: Building | undefined;
  let exemptSection = false;
  let ended: string | undefined;

  const finish = () => {
    if (!current) return;
    const { item } = current;
    if (!item.title) {
      const text = [`${item.number}.`, ...item.subPoints].join(' ');
      unread.push({ line: current.line, text, reason: `Item ${item.number} has a number but no title, so it was left out.` });
    } else if (items.length >= AGENDA_ITEMS_MAX) {
      unread.push({ line: current.line, text: `${item.number}. ${item.title}`, reason: `An agenda holds ${AGENDA_ITEMS_MAX} items at most; item ${item.number} and those after it were left out.` });
    } else {
      const standing = detectStandingItem(item.title);
      items.push(standing ? { ...item, standing } : item);
    }
    current = undefined;
  };

  const addSubPoint = (line: number, raw: string, source: string) => {
    if (!current) return;
    const { item } = current;
    const textOnly = tidy(raw);
    if (!textOnly) return;
    if (item.subPoints.length >= SUB_POINTS_MAX) {
      unread.push({ line, text: source, reason: `Item ${item.number} already has ${SUB_POINTS_MAX} sub-points, the most it can hold.` });
      return;
    }
    if (textOnly.length > AGENDA_SUB_POINT_MAX) {
      unread.push({ line, text: source, reason: `This is longer than ${AGENDA_SUB_POINT_MAX} characters, too long for a sub-point of item ${item.number}. Shorten it, or add it to the item by hand.` });
      return;
    }
    item.subPoints.push(textOnly);
  };

  const addLinks = (links: FoundLink[], label: string) => {
    if (!current) return;
    for (const link of links) current.item.links.push({ title: shorten(link.title ?? (label || current.item.title || 'Link'), 200), url: link.url });
  };

  // A bullet or a plain line under an item: a link, or a sub-point.
  const addContent = (line: number, content: string, source: string) => {
    const { links, rest } = readLinks(content);
    const label = tidy(rest).replace(/\s*:$/, '');
    if (links.length > 0 && label.length <= LINK_LABEL_MAX) {
      addLinks(links, label);
      return;
    }
    if (links.length > 0) addLinks(links, '');
    addSubPoint(line, links.length > 0 ? rest : content, source);
  };

  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  lines.forEach((raw, index) => {
    const line = index + 1;
    const source = raw.trim();
    const kind = classifyLine(raw);
    if (kind.kind === 'blank' || kind.kind === 'header') return;
    if (ended !== undefined) {
      unread.push({ line, text: source, reason: `This comes after the end of the order of business ("${ended}").` });
      return;
    }
    switch (kind.kind) {
      case 'end':
        finish();
        ended = kind.heading;
        unread.push({ line, text: source, reason: 'This is not part of the order of business, nor is anything after it.' });
        return;
      case 'exempt-heading':
        finish();
        exemptSection = true;
        return;
      case 'public-heading':
        finish();
        exemptSection = false;
        return;
      case 'item': {
        finish();
        current = { item: { number: kind.number, title: '', subPoints: [], links: [], exempt: exemptSection }, line, needsTitle: false };
        readRow(current, kind.rest, line, source, unread);
        for (const sub of kind.listItems) addContent(line, sub, source);
        // "Exclusion of the press and public": the items after it are exempt, this one is not.
        if (/exclu(de|sion of) (the )?(press|public)/i.test(current.item.title)) exemptSection = true;
        return;
      }
      case 'bullet':
      case 'text': {
        if (!current) {
          const what = kind.kind === 'bullet' || kind.text === '' ? 'This bullet point comes' : 'This text comes';
          unread.push({ line, text: source, reason: `${what} before the first numbered item, so it belongs to no item. If it is an item, start it with its number (e.g. "1.").` });
          return;
        }
        if (kind.kind === 'bullet') {
          if (kind.text) addContent(line, kind.text, source);
        } else if (kind.text) readTextLine(current, kind.text, line, source);
        for (const sub of kind.listItems) addContent(line, sub, source);
        return;
      }
    }
  });
  finish();
  return { items, unread };

  // A plain line under an item: one of its fields, its title, a continuation or a sub-point.
  function readTextLine(building: Building, content: string, line: number, source: string): void {
    const { item } = building;
    const pages = readPagesColumn(content);
    if (pages) {
      if (item.pages) unread.push({ line, text: source, reason: `Item ${item.number} already has pages ${formatPages(item.pages)}; these were not used.` });
      else item.pages = pages;
      return;
    }
    const timing = readTiming(content);
    if (timing && timing.rest.trim() === '') {
      if (item.minutes !== undefined) unread.push({ line, text: source, reason: `Item ${item.number} already has ${item.minutes} minutes; this time was not used.` });
      else item.minutes = timing.minutes;
      return;
    }
    const reportOf = readReportOfLine(content);
    if (reportOf && !item.reportOf && reportOf.length <= AGENDA_REPORT_OF_MAX) {
      item.reportOf = reportOf;
      return;
    }
    if (isExemptMarker(content)) {
      item.exempt = true;
      return;
    }
    if (building.needsTitle) {
      building.needsTitle = false;
      readRow(building, content, line, source, unread);
      return;
    }
    // The rest of a row whose title wrapped onto a second line in the pack:
    // "PROGRESS AGAINST OBJECTIVES (1 HR 10 MINS)\t5 - 40" under "5.\tSAFER COMMUNITIES STRATEGY; REVIEW OF".
    if (item.subPoints.length === 0 && /\t/.test(content) && content.split(/\t+/).slice(1).some(isFieldColumn)) {
      const part: Building = { item: { number: item.number, title: '', subPoints: [], links: [], exempt: false }, line, needsTitle: false };
      readRow(part, content, line, source, unread);
      if (part.item.title) item.title = shorten(`${item.title} ${part.item.title}`.trim(), AGENDA_TITLE_MAX);
      item.pages ??= part.item.pages;
      item.minutes ??= part.item.minutes;
      item.reportOf ??= part.item.reportOf;
      item.exempt ||= part.item.exempt;
      item.links.push(...part.item.links);
      item.subPoints.push(...part.item.subPoints);
      return;
    }
    const continues = /^[a-z(&]/.test(content) || /^and\b/i.test(content);
    if (continues) {
      const last = item.subPoints.length - 1;
      if (last >= 0 && item.subPoints[last]!.length + content.length < AGENDA_SUB_POINT_MAX) {
        item.subPoints[last] = `${item.subPoints[last]} ${content}`;
        return;
      }
      if (last < 0 && item.title.length + content.length < AGENDA_TITLE_MAX) {
        item.title = `${item.title} ${content}`;
        return;
      }
    }
    addContent(line, content, source);
  }
}

/** The columns of a numbered row: title first, then pages, time, who reports, links, exempt. */
function readRow(building: Building, rest: string, line: number, source: string, unread: UnreadLine[]): void {
  const { item } = building;
  const [titleCell = '', ...cells] = columnsOf(rest);
  const { rest: title, fields } = extractInlineFields(titleCell);
  const extra: string[] = [];
  for (const cell of cells) {
    const pages = readPagesColumn(cell);
    const timing = readTiming(cell);
    if (pages && !item.pages && !fields.pages) fields.pages = pages;
    else if (timing && timing.rest.trim() === '' && fields.minutes === undefined) fields.minutes = timing.minutes;
    else if (isExemptMarker(cell)) fields.exempt = true;
    else if (/^https?:\/\/\S+$/.test(cell.trim())) fields.links.push({ url: cell.trim() });
    else {
      const who = readReportOfLine(cell) ?? tidy(cell);
      if (who) extra.push(who);
    }
  }
  // A column that is none of the known fields is who leads the item ("Cdr Adrian Usher").
  if (!fields.reportOf && extra.length > 0) fields.reportOf = extra.join('; ');
  else if (extra.length > 0) item.subPoints.push(...extra.map((e) => shorten(e, AGENDA_SUB_POINT_MAX)));

  if (!title) building.needsTitle = true;
  if (title.length > AGENDA_TITLE_MAX) {
    unread.push({ line, text: source, reason: `The title of item ${item.number} is longer than ${AGENDA_TITLE_MAX} characters and was shortened; check it.` });
  }
  item.title = shorten(title, AGENDA_TITLE_MAX);
  if (fields.pages && !item.pages) item.pages = fields.pages;
  if (fields.minutes !== undefined && item.minutes === undefined) item.minutes = fields.minutes;
  if (fields.exempt) item.exempt = true;
  if (fields.reportOf && !item.reportOf) {
    if (fields.reportOf.length > AGENDA_REPORT_OF_MAX) {
      unread.push({ line, text: source, reason: `"Report of" for item ${item.number} is longer than ${AGENDA_REPORT_OF_MAX} characters and was shortened; check it.` });
    }
    item.reportOf = shorten(fields.reportOf, AGENDA_REPORT_OF_MAX);
  }
  for (const link of fields.links) item.links.push({ title: shorten(link.title ?? (item.title || 'Link'), 200), url: link.url });
}
