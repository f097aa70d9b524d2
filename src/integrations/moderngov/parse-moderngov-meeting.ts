// ModernGov's GetMeeting answer → a meeting, its agenda items and its attendees.
//
// THE FORMAT (ModernGov publishes no schema; this is what real answers hold, as kept by public
// projects that read the service; see fetch-moderngov-meeting.ts for the sources):
//
//   <meeting>                              (the HTTP GET answer; the SOAP answer wraps the same
//     <meetingid>4967</meetingid>           element in soap:Envelope/GetMeetingResponse/
//     <meetingdate>10/02/2026</meetingdate>   GetMeetingResult, and some installs wrap it in
//     <meetingtime>10.00 am</meetingtime>     <getmeeting>; all are accepted)
//     <meetingstatus>Confirmed</meetingstatus> <meetinglocation>…</meetinglocation>
//     <agendaitems>                        (or <agenda>)
//       <agendaitem>
//         <agendaitemid/> <agendaitemtitle/>
//         <agendatext>HTML, escaped once by the XML (sometimes twice)</agendatext>
//         <agendaitemnumber>4</agendaitemnumber> <agendaitemsubnumber/>   (ModernGov's ordering)
//         <fulldisplaynumberformat>1.</fulldisplaynumberformat>          (what the public sees)
//         <isrestricted>False</isrestricted>  (or <agendaitemrestricted>, <restricted>, <isexempt>)
//         <refertocommittee>Audit Committee</refertocommittee>
//         <linkeddocuments><linkeddoc>       (or <linkeddocument>)
//           <attachmentid/> <title/> <url>…mgConvert2PDF.aspx?ID=…</url> <isrestricted/>
//           <committeetitle>Audit Committee</committeetitle>
//         </linkeddoc></linkeddocuments>
//       </agendaitem>
//     </agendaitems>
//     <attendees>
//       <attendee memberid="…" name="…" roledescription="…" attendance="…" representing="…"/>
//     </attendees>                         (attributes, or child elements of the same names)
//   </meeting>
//
// The answer does not name the meeting at its top: the committee is named on each item
// (<refertocommittee>) and each document (<committeetitle>); some installs also give a
// <committeetitle> on the meeting, which is taken first. Items are read in
// moderngov-agenda-item.ts, attendees in moderngov-attendees.ts.
//
// Element and attribute names are read case-insensitively and every field is optional except
// the meeting's date. Restricted documents are not linked (members of the public cannot open
// them, and their titles can say too much); an item flagged restricted, or whose title or
// description says "exempt", is exempt.
import { DateTime } from 'luxon';
import { AGENDA_ITEMS_MAX, AGENDA_TITLE_MAX, type AgendaItemDraft } from '../../domain/agenda/agenda-item.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { cleanText, readAgendaItem, shorten } from './moderngov-agenda-item.ts';
import { readAttendees, type ModernGovAttendee } from './moderngov-attendees.ts';
import { children, findFirst, isNode, parseXml, text, type XmlNode } from './moderngov-xml.ts';

export interface ModernGovMeetingImport {
  meeting: {
    externalId: string;
    /** The committee, as the council's own agenda page names it: "Audit Committee". */
    title: string;
    /** "2018-01-26T10:00:00": the local date and time as published, no zone. */
    startsAtLocal: string;
    venue?: string;
  };
  items: AgendaItemDraft[];
  /** Everyone the answer lists, with how they attend (expected, apologies, present…). */
  attendees: ModernGovAttendee[];
}

export interface ParseModernGovOptions {
  /** The council's ModernGov address: relative document links are resolved against it. */
  baseUrl?: string;
  /** Named in error messages. */
  meetingId?: number;
  /** Where the XML came from, named in error messages. */
  source?: string;
}

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
  const venue = text(meeting, 'meetinglocation', 'location', 'venue');

  const agenda = firstNode(meeting, 'agendaitems', 'agenda');
  const rawItems = agenda ? children(agenda, 'agendaitem') : children(meeting, 'agendaitem');
  if (rawItems.length > AGENDA_ITEMS_MAX) {
    throw new AppError(ErrorCode.IMPORT_FAILED, `ModernGov${from} lists ${rawItems.length} agenda items for ${what}; an agenda in Quorum holds ${AGENDA_ITEMS_MAX} at most.`);
  }
  const items: AgendaItemDraft[] = [];
  for (const node of rawItems) {
    const item = readAgendaItem(node, String(items.length + 1), options.baseUrl);
    if (item) items.push(item);
  }
  const title = readCommitteeName(meeting, rawItems) ?? `ModernGov meeting ${id}`;

  return {
    meeting: { externalId: id, title: shorten(cleanText(title), AGENDA_TITLE_MAX), startsAtLocal, ...(venue ? { venue: cleanText(venue) } : {}) },
    items,
    attendees: readAttendees(firstNode(meeting, 'attendees')),
  };
}

/**
 * The committee the meeting belongs to: the meeting's own <committeetitle> where an install gives
 * one, else the name its items and documents refer to most often.
 */
function readCommitteeName(meeting: XmlNode, items: XmlNode[]): string | undefined {
  const committee = isNode(meeting.committee) ? meeting.committee : undefined;
  const own = text(meeting, 'committeetitle', 'committeename', 'meetingtitle', 'title') ?? text(committee, 'committeetitle', 'title', 'name');
  if (own) return own;
  const counts = new Map<string, number>();
  const count = (name: string | undefined) => {
    const clean = name ? cleanText(name) : '';
    if (clean) counts.set(clean, (counts.get(clean) ?? 0) + 1);
  };
  for (const item of items) {
    count(text(item, 'refertocommittee', 'committeetitle'));
    const docs = firstNode(item, 'linkeddocuments', 'documents');
    for (const doc of [...children(docs, 'linkeddoc'), ...children(docs, 'linkeddocument'), ...children(docs, 'document')]) count(text(doc, 'committeetitle'));
  }
  let best: string | undefined;
  for (const [name, n] of counts) if (best === undefined || n > (counts.get(best) ?? 0)) best = name;
  return best;
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
