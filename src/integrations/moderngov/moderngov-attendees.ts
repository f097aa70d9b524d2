// Who ModernGov lists for a meeting, and how they attend: the members expected, those who sent
// apologies, substitutes, officers in attendance. Kept for the roster and apologies features.
//
// A real answer writes each person as attributes (Gloucester City Council, Cabinet, 21 November
// 2025):
//   <attendee memberid="129" name="Councillor Jeremy Hilton" roledescription="Chair"
//             attendance="Present, as expected" politicalparty="LIBDEM" ward="K&amp;W" keyposts="…"/>
//   <attendee memberid="1627" name="Jon McGinty" roledescription="Officer"
//             attendance="In attendance" representing="Managing Director"/>
// Other installs use child elements of the same names. Before the meeting the attendance says
// "Expected" or "Apologies"; after it, what happened ("Present", "Absent", "Present as substitute").
import type { AttendanceKind, PublishedAttendee } from '../../domain/attendance.ts';
import { decodeEntities } from '../../domain/agenda/html-fragment.ts';
import { children, text, type XmlNode } from './moderngov-xml.ts';

export type { AttendanceKind, PublishedAttendee as ModernGovAttendee } from '../../domain/attendance.ts';

const clean = (value: string): string => decodeEntities(value).replace(/\s+/g, ' ').trim();

// Order matters: "Apologies, sent substitute" is an apology; "Present as substitute" a substitute.
const KINDS: readonly [AttendanceKind, RegExp][] = [
  ['apologies', /^apolog/i],
  ['substitute', /substitut/i],
  ['absent', /^(absent|did not attend|not present)/i],
  ['in_attendance', /^in attendance/i],
  ['present', /^(present|attended|attending|virtual|remote)/i],
  ['expected', /^(expected|invited|due to attend)/i],
];

export function readAttendanceKind(words: string | undefined): AttendanceKind {
  const given = words?.trim();
  if (!given) return 'unknown';
  return KINDS.find(([, pattern]) => pattern.test(given))?.[0] ?? 'unknown';
}

/** The meeting's <attendees>, in the order given; a person with no name is left out. */
export function readAttendees(attendees: XmlNode | undefined): PublishedAttendee[] {
  return children(attendees, 'attendee').flatMap((node) => {
    const name = text(node, '@_name', 'name', 'fullusername', '@_fullusername', 'membername', '#text');
    if (!name) return [];
    const role = text(node, '@_roledescription', 'roledescription', '@_role', 'role');
    const representing = text(node, '@_representing', 'representing');
    const attendance = text(node, '@_attendance', 'attendance');
    return [
      {
        name: clean(name),
        ...(role ? { role: clean(role) } : {}),
        ...(representing ? { representing: clean(representing) } : {}),
        attendance: readAttendanceKind(attendance),
        ...(attendance ? { attendanceAsGiven: clean(attendance) } : {}),
      },
    ];
  });
}
