// One <agendaitem> of a GetMeeting answer, read as the council's own agenda page shows it.
//
// Numbers: the number people see is <fulldisplaynumberformat> ("1.", "9.", "4a."); the
// <agendaitemnumber> beside it is ModernGov's internal ordering (Manchester's Audit Committee of
// 10 February 2026 shows items 1 and 9 whose agendaitemnumber is 4 and 12; Gloucester's Cabinet
// of 21 November 2025 shows 51 to 55 for agendaitemnumber 2 to 6). Public scrapers of ModernGov
// read fulldisplaynumberformat first and fall back to agendaitemnumber (with
// <agendaitemsubnumber>, "4" + "a"); an item numbered 0 is a procedural placeholder the agenda
// page does not list.
//
// Text: <agendatext> is HTML that the XML escapes once (so the XML parser gives back HTML);
// sometimes it is escaped twice and arrives as "&lt;p&gt;…", which is decoded once more. Titles
// are text whose references ModernGov also escapes twice ("Members&amp;#39;").
import { AGENDA_REPORT_OF_MAX, AGENDA_SUB_POINT_MAX, AGENDA_TITLE_MAX, detectStandingItem, type AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import { decodeEntities, hasHtml, htmlToParagraphs } from '../../domain/agenda/html-fragment.ts';
import { extractInlineFields, isExemptMarker, readReportOfLine, readTiming } from '../../domain/agenda/item-fields.ts';
import { children, flag, text, type XmlNode } from './moderngov-xml.ts';

const SUB_POINTS_MAX = 30;

export const shorten = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

/** Text whose references may be escaped twice ("&amp;#39;" → "'"), collapsed to one line. */
export const cleanText = (value: string): string => decodeEntities(value).replace(/\s+/g, ' ').trim();

/** "9." → "9", "4)" → "4", "4 a" → "4a", "4(i)" kept; anything that is not an item number is undefined. */
function cleanNumber(value: string | undefined): string | undefined {
  let out = cleanText(value ?? '').replace(/\s+/g, '');
  for (let last = ''; last !== out; ) {
    last = out;
    out = out.replace(/[.:]$/, '');
    if (out.endsWith(')') && !out.includes('(')) out = out.slice(0, -1);
  }
  return out && out.length <= 10 && /^[0-9A-Za-z][0-9A-Za-z.()-]*$/.test(out) ? out : undefined;
}

const PLACEHOLDER = 'placeholder' as const;

/** The number the public sees, or "placeholder" for an item ModernGov numbers 0. */
export function readItemNumber(node: XmlNode): string | typeof PLACEHOLDER | undefined {
  const display = cleanNumber(text(node, 'fulldisplaynumberformat', 'displaynumber'));
  if (display !== undefined) return display === '0' ? PLACEHOLDER : display;
  const own = cleanNumber(text(node, 'agendaitemnumber', 'itemnumber', 'number'));
  if (own === '0') return PLACEHOLDER;
  if (own !== undefined) return cleanNumber(own + (text(node, 'agendaitemsubnumber', 'subnumber') ?? '')) ?? own;
  return cleanNumber(text(node, 'minutesitemnumber'));
}

function resolveUrl(url: string, baseUrl: string | undefined): string | undefined {
  try {
    const resolved = baseUrl ? new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : new URL(url);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.toString() : undefined;
  } catch {
    return undefined;
  }
}

/** The item's description as paragraphs; HTML escaped once more than usual is unescaped first. */
function readDescription(node: XmlNode): string[] {
  let description = text(node, 'agendatext', 'agendaitemdescription', 'description', 'agendaitemtext');
  if (!description) return [];
  if (!hasHtml(description) && /&lt;\/?[a-z!]/i.test(description)) description = decodeEntities(description);
  return htmlToParagraphs(description);
}

const firstNode = (node: XmlNode | undefined, ...names: string[]): XmlNode | undefined => {
  for (const name of names) {
    const found = children(node, name)[0];
    if (found) return found;
  }
  return undefined;
};

function readLinks(node: XmlNode, fallbackTitle: string, baseUrl: string | undefined): AgendaItemDraft['links'] {
  const links: AgendaItemDraft['links'] = [];
  const docs = firstNode(node, 'linkeddocuments', 'documents');
  for (const doc of [...children(docs, 'linkeddoc'), ...children(docs, 'linkeddocument'), ...children(docs, 'document')]) {
    if (flag(doc, 'isrestricted', 'restricted', '@_isrestricted')) continue;
    const url = text(doc, 'url', '@_url', 'link', 'href');
    const resolved = url ? resolveUrl(decodeEntities(url), baseUrl) : undefined;
    if (!resolved) continue;
    links.push({ title: shorten(cleanText(text(doc, 'title', '@_title', 'name') ?? fallbackTitle), 200), url: resolved });
  }
  return links;
}

/**
 * The item as a draft, numbered `fallbackNumber` when ModernGov gives no number; undefined for an
 * item with no title or a placeholder numbered 0.
 */
export function readAgendaItem(node: XmlNode, fallbackNumber: string, baseUrl: string | undefined): AgendaItemDraft | undefined {
  const rawTitle = text(node, 'agendaitemtitle', 'title', 'itemtitle');
  if (!rawTitle) return undefined;
  const number = readItemNumber(node);
  if (number === PLACEHOLDER) return undefined;
  const { rest, fields } = extractInlineFields(cleanText(rawTitle));
  const title = shorten(rest || cleanText(rawTitle), AGENDA_TITLE_MAX);

  let reportOf = fields.reportOf;
  let minutes = fields.minutes;
  let exempt = fields.exempt;
  const subPoints: string[] = [];
  for (const paragraph of readDescription(node)) {
    const who = readReportOfLine(paragraph);
    const timing = readTiming(paragraph);
    if (who && !reportOf && who.length <= AGENDA_REPORT_OF_MAX) reportOf = who;
    else if (timing && timing.rest.trim() === '' && minutes === undefined) minutes = timing.minutes;
    else if (isExemptMarker(paragraph) || /^exempt information\b/i.test(paragraph)) exempt = true;
    else if (subPoints.length < SUB_POINTS_MAX) subPoints.push(shorten(paragraph, AGENDA_SUB_POINT_MAX));
  }
  if (flag(node, 'isrestricted', 'agendaitemrestricted', 'agendaitemisrestricted', 'restricted', 'isexempt', 'exempt')) exempt = true;
  if (flag(node, 'ispublic') === false) exempt = true;

  const standing = detectStandingItem(title);
  return {
    number: number ?? fallbackNumber,
    title,
    subPoints,
    ...(reportOf ? { reportOf: shorten(reportOf, AGENDA_REPORT_OF_MAX) } : {}),
    ...(fields.pages ? { pages: fields.pages } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
    links: readLinks(node, title, baseUrl),
    exempt,
    ...(standing ? { standing } : {}),
  };
}
