// The import read on GetMeeting answers that councils really published, checked against what
// each council's own agenda page shows: the numbers, the paragraphs, the committee's name, who
// attends and how.
//
// The answers are third-party data copied from public projects, so they are not in this
// repository: they are in the shared folder every developer and CI run has beside the project
// (../shared/moderngov/, found by looking up from here), with a README saying where each came
// from (repository, path, commit). QUORUM_MODERNGOV_ANSWERS names another folder holding them.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { agendaDraftSchema } from '../../../src/domain/agenda/agenda-item.ts';
import { parseModernGovMeeting } from '../../../src/integrations/moderngov/index.ts';

// Real councils' published answers are third-party data: this project does not commit them. They
// live in the steering repository's shared/moderngov/ (or a folder QUORUM_MODERNGOV_ANSWERS names);
// where they are absent these tests do not run, and say so (test/fixtures/agendas/README.md).
function answersFolder(): string | undefined {
  // eslint-disable-next-line no-restricted-syntax -- the test harness, not the app, says where test data lives
  const named = process.env.QUORUM_MODERNGOV_ANSWERS;
  if (named) return named;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'moderngov');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

const folder = answersFolder();
if (!folder) {
  console.warn('moderngov-real-answers: the real ModernGov answers are not here (shared/moderngov/ or QUORUM_MODERNGOV_ANSWERS), so these tests do not run.');
}
const answer = (name: string): string => readFileSync(resolve(folder ?? '.', name), 'utf8');

describe.runIf(folder)('Manchester City Council, Audit Committee, 10 February 2026 (meeting 4967)', () => {
  // Read in the tests, not while collecting: without the answers the suite is collected, not run.
  let read: ReturnType<typeof parseModernGovMeeting> | undefined;
  const meeting = () => (read ??= parseModernGovMeeting(answer('manchester-audit-committee-2026-02-10.xml'), { baseUrl: 'https://democracy.manchester.gov.uk', meetingId: 4967 }));

  it('is titled by its committee, not "ModernGov meeting 4967"', () => {
    expect(meeting().meeting).toEqual({
      externalId: '4967',
      title: 'Audit Committee',
      startsAtLocal: '2026-02-10T10:00:00',
      venue: 'Council Antechamber, Level 2, Town Hall Extension',
    });
  });

  it('numbers items as the agenda page does (1 and 9), not by ModernGov ordering (4 and 12)', () => {
    expect(meeting().items.map((i) => [i.number, i.title, i.standing ?? null])).toEqual([
      ['1', 'Minutes', 'minutes'],
      ['9', 'Work Programme', null],
    ]);
  });

  it('keeps a paragraph with a line break in it as one sub-point', () => {
    expect(meeting().items.map((i) => i.subPoints)).toEqual([
      ['To approve as a correct record the minutes of the meeting held on 25 November 2025.'],
      ['The report of the Governance and Scrutiny Support Unit, attached.'],
    ]);
  });

  it('links the published documents and keeps the committee member with how they attend', () => {
    expect(meeting().items.map((i) => i.links)).toEqual([
      [{ title: '6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860' }],
      [{ title: 'DRAFT WP FEBRUARY 2026', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909' }],
    ]);
    expect(meeting().attendees).toEqual([{ name: 'Councillor Basil Curley', role: 'Committee Member', attendance: 'expected', attendanceAsGiven: 'Expected' }]);
    expect(agendaDraftSchema.safeParse(meeting().items).error?.issues ?? []).toEqual([]);
  });
});

describe.runIf(folder)('Gloucester City Council, Cabinet, special meeting of 21 November 2025 (meeting 7837)', () => {
  // Read in the tests, not while collecting: without the answers the suite is collected, not run.
  let read: ReturnType<typeof parseModernGovMeeting> | undefined;
  const meeting = () => (read ??= parseModernGovMeeting(answer('gloucester-cabinet-2025-11-21.xml'), { baseUrl: 'https://democracy.gloucester.gov.uk', meetingId: 7837 }));

  it('is titled by its committee, named only on its items and documents', () => {
    expect(meeting().meeting).toEqual({
      externalId: '7837',
      title: 'Cabinet',
      startsAtLocal: '2025-11-21T12:30:00',
      venue: 'Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP',
    });
  });

  it('numbers items 51 to 55 as the published minutes do, not 2 to 6', () => {
    expect(meeting().items.map((i) => [i.number, i.title, i.minutes ?? null])).toEqual([
      ['51', 'Declarations of Interest', null],
      ['52', 'Public Question Time', 15],
      ['53', 'Petitions and Deputations', 15],
      // The title is escaped twice in the answer ("Members&amp;#39;").
      ['54', "Leader and Cabinet Members' Question Time", 15],
      ['55', 'Final Proposals for Local Government Reorganisation in Gloucestershire', null],
    ]);
  });

  it('reads Word paragraphs and Symbol-font bullets as the page shows them, without the empty ones', () => {
    expect(meeting().items[0]?.subPoints).toEqual([
      'To receive from Members, declarations of the existence of any disclosable pecuniary, or non-pecuniary, interests and the nature of those interests in relation to any agenda item. Please see Agenda Notes.',
    ]);
    expect(meeting().items[3]?.subPoints).toEqual([
      'Any Member of the Council may ask the Leader of the Council or any Cabinet Member any question upon:',
      'Any matter relating to the Council\u2019s administration',
      'Any matter relating to any report of the Cabinet appearing on the summons',
      'A matter coming within their portfolio of responsibilities',
      'Only one supplementary question is allowed per question.',
      'Questions must be submitted to democratic.services@gloucester.gov.uk by 12 noon on Tuesday 18th November 2025. Responses to questions will be published in an addendum to the agenda by 12 noon on the day of the Cabinet Meeting.',
    ]);
    expect(meeting().items[1]?.subPoints[1]).toBe(
      'To ask a question at this meeting, please submit it to democratic.services@gloucester.gov.uk by 12 noon on Tuesday 18th November 2025 or telephone 01452 396203 for support.',
    );
    expect(meeting().items.flatMap((i) => i.subPoints).filter((p) => /&[a-z#0-9]+;|<|\u00a0|^\s|\s$|\s{2}/i.test(p))).toEqual([]);
  });

  it('links all six documents of the reorganisation item', () => {
    expect(meeting().items[4]?.links.map((l) => l.url)).toEqual([65412, 65413, 65414, 65415, 65416, 65417].map((id) => `https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=${id}`));
    expect(agendaDraftSchema.safeParse(meeting().items).error?.issues ?? []).toEqual([]);
  });

  it('keeps members and officers with their role, what they represent and how they attended', () => {
    expect(meeting().attendees).toHaveLength(13);
    expect(meeting().attendees[0]).toEqual({ name: 'Councillor Jeremy Hilton', role: 'Chair', attendance: 'present', attendanceAsGiven: 'Present, as expected' });
    expect(meeting().attendees[1]).toMatchObject({ name: 'Councillor Declan Wilson', role: 'Vice-Chair', attendance: 'present' });
    expect(meeting().attendees[7]).toEqual({ name: 'Jon McGinty', role: 'Officer', representing: 'Managing Director', attendance: 'in_attendance', attendanceAsGiven: 'In attendance' });
    expect(meeting().attendees.filter((a) => a.attendance === 'present')).toHaveLength(7);
    expect(meeting().attendees.filter((a) => a.attendance === 'in_attendance').map((a) => a.representing)).toEqual([
      'Managing Director',
      'Corporate Director',
      'Deputy Monitoring Officer',
      'Head of Place',
      'Head of Transformation and Commissioning',
      'Democratic and Electoral Services Officer',
    ]);
  });
});
