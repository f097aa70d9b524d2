// ModernGov's GetMeeting answer → a meeting, its agenda items and its attendees.
//
// THE FORMAT ASSUMED (ModernGov publishes no schema; this is what public clients of the real
// service read, see the README note in fetch-moderngov-meeting.ts for the sources):
//
//   <meeting>                              (the HTTP GET answer; the SOAP answer wraps the same
//     <meetingid>10234</meetingid>          element in soap:Envelope/GetMeetingResponse/
//     <meetingdate>26/01/2018</meetingdate>   GetMeetingResult, and some installs wrap it in
//     <meetingtime>10:00</meetingtime>        <getmeeting>; all are accepted)
//     <committeetitle>…</committeetitle>   (or <committee><committeetitle>, or <meetingtitle>)
//     <meetinglocation>…</meetinglocation>
//     <agendaitems>                        (or <agenda>)
//       <agendaitem>
//         <agendaitemid/> <agendaitemnumber>5.</agendaitemnumber> <agendaitemtitle/>
//         <agendatext>HTML, often entity-encoded twice</agendatext>   (or <agendaitemdescription>)
//         <isrestricted>True</isrestricted>  (or <agendaitemrestricted>, <restricted>, <isexempt>)
//         <linkeddocuments><linkeddoc>       (or <linkeddocument>)
//           <attachmentid/> <title/> <url>mgConvert2PDF.aspx?ID=…</url> <isrestricted/>
//         </linkeddoc></linkeddocuments>
//       </agendaitem>
//     </agendaitems>
//     <attendees>
//       <attendee memberid="…" name="…" roledescription="…" attendance="…" representing="…"/>
//     </attendees>                         (attributes, or child elements of the same names)
//   </meeting>
//
// Element and attribute names are read case-insensitively and every field is optional except
// the meeting's date. Restricted documents are not linked (members of the public cannot open
// them, and their titles can say too much); an item flagged restricted, or whose title or
// description says "exempt", is exempt.
import { DateTime } from 'luxon';
import { AGENDA_ITEMS_MAX, AGENDA_REPORT_OF_MAX, AGENDA_SUB_POINT_MAX, AGENDA_TITLE_MAX, detectStandingItem, type AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import { decodeEntities, htmlToParagraphs } from '../../domain/agenda/html-fragment.ts';
import { extractInlineFields, isExemptMarker, readReportOfLine, readTiming } from '../../domain/agenda/item-fields.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { children, findFirst, flag, isNode, parseXml, text, type XmlNode } from './moderngov-xml.ts';

export interface ModernGovMeetingImport {
  meeting: {
    externalId: string;
    title: string;
    /** "2018-01-26T10:00:00": the local date and time as published, no zone. */
    startsAtLocal: string;
    venue?: string;
  };
  items: AgendaItemDraft[];
  attendees: { name: string; role?: string }[];
}

export interface ParseModernGovOptions {
  /** The council's ModernGov address: relative document links are resolved against it. */
  baseUrl?: string;
  /** Named in error messages. */
  meetingId?: number;
  /** Where the XML came from, named in error messages. */
  source?: string;
}

const SUB_POINTS_MAX = 30;

const shorten = (value: string, max: number): string => (value.length <= max ? value : `${value.slice(0, max - 1).trimEnd()}…`);

export function parseModernGovMeeting(xml: string, options: ParseModernGovOptions = {}): ModernGovMeetingImport {
  const what = options.meetingId !== undefined ? `meeting ${options.meetingId}` : 'the meeting';
  const from = options.source ? ` from ${options.source}` : '';
  const parsed = parseXml(xml);
  if (!parsed.ok) throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov's answer for ${what}${from} could not be read: ${parsed.message}.`);
  const meeting = findFirst(parsed.root, 'meeting') ?? findOwner(parsed.root, 'meetingid');
  const externalId = text(meeting, 'meetingid', '@_meetingid', 'id');
  const date = text(meeting, 'meetingdate', '@_meetingdate', 'date');
  if (!meeting || (!externalId && !date) || externalId === '0') {
    throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov${from} has no ${what}. Check the meeting id: it is the number after "MId=" in the meeting's web address.`);
  }
  const id = externalId ?? String(options.meetingId ?? '');
  const startsAtLocal = readStart(date, text(meeting, 'meetingtime', '@_meetingtime', 'time'));
  if (!startsAtLocal) {
    throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov${from} gives ${what} a date that cannot be read ("${date ?? ''}").`);
  }
  const committee = isNode(meeting.committee) ? meeting.committee : undefined;
  const title = text(meeting, 'committeetitle', 'committeename', 'meetingtitle', 'title') ?? text(committee, 'committeetitle', 'title', 'name') ?? `ModernGov meeting ${id}`;
  const venue = text(meeting, 'meetinglocation', 'location', 'venue');

  const agenda = firstNode(meeting, 'agendaitems', 'agenda');
  const rawItems = agenda ? children(agenda, 'agendaitem') : children(meeting, 'agendaitem');
  if (rawItems.length > AGENDA_ITEMS_MAX) {
    throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov${from} lists ${rawItems.length} agenda items for ${what}; an agenda in Quorum holds ${AGENDA_ITEMS_MAX} at most.`);
  }
  const items = rawItems.map((node, index) => readItem(node, index, options.baseUrl)).filter((item): item is AgendaItemDraft => item !== undefined);

  const attendees = children(firstNode(meeting, 'attendees'), 'attendee').flatMap((node) => {
    const name = text(node, '@_name', 'name', 'fullusername', '@_fullusername', 'membername', '#text');
    if (!name) return [];
    const role = text(node, '@_roledescription', 'roledescription', '@_role', 'role', '@_representing', 'representing');
    return [role ? { name: cleanText(name), role: cleanText(role) } : { name: cleanText(name) }];
  });

  return {
    meeting: { externalId: id, title: shorten(cleanText(title), AGENDA_TITLE_MAX), startsAtLocal, ...(venue ? { venue: cleanText(venue) } : {}) },
    items,
    attendees,
  };
}

function findOwner(root: XmlNode, key: string): XmlNode | undefined {
  const queue: XmlNode[] = [root];
  while (queue.length > 0) {
    const node = queue.shift() as XmlNode;
    if (key in node) return node;
    for (const value of Object.values(node)) for (const v of Array.isArray(value) ? value : [value]) if (isNode(v)) queue.push(v);
  }
  return undefined;
}

const firstNode = (node: XmlNode | undefined, ...names: string[]): XmlNode | undefined => {
  for (const name of names) {
    const found = children(node, name)[0];
    if (found) return found;
  }
  return undefined;
};

/** Text that may carry entities ModernGov encoded twice ("&amp;amp;"), collapsed to one line. */
const cleanText = (value: string): string => decodeEntities(value).replace(/\s+/g, ' ').trim();

/** "26/01/2018" or "2018-01-26[T…]" with "10:00", "10.00", "10.00 am", "2.30 pm", "14:30:00". */
function readStart(date: string | undefined, time: string | undefined): string | undefined {
  if (!date) return undefined;
  const day = date.trim().split(/[ T]/)[0] ?? '';
  const parsed = ['dd/MM/yyyy', 'd/M/yyyy', 'yyyy-MM-dd', 'dd-MM-yyyy', 'dd.MM.yyyy']
    .map((format) => DateTime.fromFormat(day, format, { zone: 'UTC' }))
    .find((d) => d.isValid);
  if (!parsed) return undefined;
  const timeText = time ?? (/[T ]\d{1,2}:\d{2}/.test(date) ? date.trim().slice(day.length + 1) : undefined);
  const clock = readClock(timeText);
  return `${parsed.toFormat('yyyy-LL-dd')}T${clock ?? '00:00:00'}`;
}

function readClock(time: string | undefined): string | undefined {
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(?::(\d{2}))?\s*(am|pm|a\.m\.|p\.m\.)?/i.exec(time?.trim() ?? '');
  if (!m) return undefined;
  let hour = Number(m[1]);
  const minute = Number(m[2] ?? '0');
  const meridiem = m[4]?.toLowerCase().replace(/\./g, '');
  if (meridiem === 'pm' && hour < 12) hour += 12;
  if (meridiem === 'am' && hour === 12) hour = 0;
  if (hour > 23 || minute > 59) return undefined;
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}:00`;
}

function resolveUrl(url: string, baseUrl: string | undefined): string | undefined {
  try {
    const resolved = baseUrl ? new URL(url, baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`) : new URL(url);
    return resolved.protocol === 'https:' || resolved.protocol === 'http:' ? resolved.toString() : undefined;
  } catch {
    return undefined;
  }
}

function readItem(node: XmlNode, index: number, baseUrl: string | undefined): AgendaItemDraft | undefined {
  const rawTitle = text(node, 'agendaitemtitle', 'title', 'itemtitle');
  if (!rawTitle) return undefined;
  const { rest, fields } = extractInlineFields(cleanText(rawTitle));
  const title = shorten(rest || cleanText(rawTitle), AGENDA_TITLE_MAX);
  const number = (text(node, 'agendaitemnumber', 'itemnumber', 'minutesitemnumber', 'number') ?? String(index + 1)).replace(/[.):]+$/, '').trim() || String(index + 1);

  const description = text(node, 'agendatext', 'agendaitemdescription', 'description', 'agendaitemtext');
  // Entity-encoded HTML is decoded once by the XML parser; ModernGov sometimes encodes twice.
  const paragraphs = description ? htmlToParagraphs(decodeEntities(description)) : [];
  let reportOf = fields.reportOf;
  let minutes = fields.minutes;
  let exempt = fields.exempt;
  const subPoints: string[] = [];
  for (const paragraph of paragraphs) {
    const who = readReportOfLine(paragraph);
    const timing = readTiming(paragraph);
    if (who && !reportOf && who.length <= AGENDA_REPORT_OF_MAX) reportOf = who;
    else if (timing && timing.rest.trim() === '' && minutes === undefined) minutes = timing.minutes;
    else if (isExemptMarker(paragraph) || /^exempt information\b/i.test(paragraph)) exempt = true;
    else if (subPoints.length < SUB_POINTS_MAX) subPoints.push(shorten(paragraph, AGENDA_SUB_POINT_MAX));
  }
  if (flag(node, 'isrestricted', 'agendaitemrestricted', 'agendaitemisrestricted', 'restricted', 'isexempt', 'exempt')) exempt = true;
  if (flag(node, 'ispublic') === false) exempt = true;

  const links: AgendaItemDraft['links'] = [];
  const docs = firstNode(node, 'linkeddocuments', 'documents');
  for (const doc of [...children(docs, 'linkeddoc'), ...children(docs, 'linkeddocument'), ...children(docs, 'document')]) {
    if (flag(doc, 'isrestricted', 'restricted', '@_isrestricted')) continue;
    const url = text(doc, 'url', '@_url', 'link', 'href');
    const resolved = url ? resolveUrl(decodeEntities(url), baseUrl) : undefined;
    if (!resolved) continue;
    links.push({ title: shorten(cleanText(text(doc, 'title', '@_title', 'name') ?? title), 200), url: resolved });
  }

  const standing = detectStandingItem(title);
  return {
    number,
    title,
    subPoints,
    ...(reportOf ? { reportOf: shorten(reportOf, AGENDA_REPORT_OF_MAX) } : {}),
    ...(fields.pages ? { pages: fields.pages } : {}),
    ...(minutes !== undefined ? { minutes } : {}),
    links,
    exempt,
    ...(standing ? { standing } : {}),
  };
}
