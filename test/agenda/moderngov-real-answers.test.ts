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
import { agendaDraftSchema } from '../../src/domain/agenda/agenda-item.ts';
import { parseModernGovMeeting } from '../../src/integrations/moderngov/index.ts';

function answersFolder(): string {
  // eslint-disable-next-line no-restricted-syntax -- the test harness, not the app, says where test data lives
  const named = process.env.QUORUM_MODERNGOV_ANSWERS;
  if (named) return named;
  for (let dir = dirname(fileURLToPath(import.meta.url)); ; dir = dirname(dir)) {
    const candidate = join(dir, 'shared', 'moderngov');
    if (existsSync(join(candidate, 'README.md'))) return candidate;
    if (dirname(dir) === dir) break;
  }
  throw new Error(
    'The real ModernGov answers are missing: put them in shared/moderngov/ beside the project (see test/agenda/fixtures/README.md), or set QUORUM_MODERNGOV_ANSWERS to their folder.',
  );
}

const answer = (name: string): string => readFileSync(resolve(answersFolder(), name), 'utf8');

describe('Manchester City Council, Audit Committee, 10 February 2026 (meeting 4967)', () => {
  const result = parseModernGovMeeting(answer('manchester-audit-committee-2026-02-10.xml'), { baseUrl: 'https://democracy.manchester.gov.uk', meetingId: 4967 });

  it('is titled by its committee, not "ModernGov meeting 4967"', () => {
    expect(result.meeting).toEqual({
      externalId: '4967',
      title: 'Audit Committee',
      startsAtLocal: '2026-02-10T10:00:00',
      venue: 'Council Antechamber, Level 2, Town Hall Extension',
    });
  });

  it('numbers items as the agenda page does (1 and 9), not by ModernGov ordering (4 and 12)', () => {
    expect(result.items.map((i) => [i.number, i.title, i.standing ?? null])).toEqual([
      ['1', 'Minutes', 'minutes'],
      ['9', 'Work Programme', null],
    ]);
  });

  it('keeps a paragraph with a line break in it as one sub-point', () => {
    expect(result.items.map((i) => i.subPoints)).toEqual([
      ['To approve as a correct record the minutes of the meeting held on 25 November 2025.'],
      ['The report of the Governance and Scrutiny Support Unit, attached.'],
    ]);
  });

  it('links the published documents and keeps the committee member with how they attend', () => {
    expect(result.items.map((i) => i.links)).toEqual([
      [{ title: '6 - CHAIR APPROVED Minutes Audit Committee 25 Nov 2025', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60860' }],
      [{ title: 'DRAFT WP FEBRUARY 2026', url: 'https://democracy.manchester.gov.uk/mgConvert2PDF.aspx?ID=60909' }],
    ]);
    expect(result.attendees).toEqual([{ name: 'Councillor Basil Curley', role: 'Committee Member', attendance: 'expected', attendanceAsGiven: 'Expected' }]);
    expect(agendaDraftSchema.safeParse(result.items).error?.issues ?? []).toEqual([]);
  });
});

describe('Gloucester City Council, Cabinet, special meeting of 21 November 2025 (meeting 7837)', () => {
  const result = parseModernGovMeeting(answer('gloucester-cabinet-2025-11-21.xml'), { baseUrl: 'https://democracy.gloucester.gov.uk', meetingId: 7837 });

  it('is titled by its committee, named only on its items and documents', () => {
    expect(result.meeting).toEqual({
      externalId: '7837',
      title: 'Cabinet',
      startsAtLocal: '2025-11-21T12:30:00',
      venue: 'Civic Suite, North Warehouse, The Docks, Gloucester, GL1 2EP',
    });
  });

  it('numbers items 51 to 55 as the published minutes do, not 2 to 6', () => {
    expect(result.items.map((i) => [i.number, i.title, i.minutes ?? null])).toEqual([
      ['51', 'Declarations of Interest', null],
      ['52', 'Public Question Time', 15],
      ['53', 'Petitions and Deputations', 15],
      // The title is escaped twice in the answer ("Members&amp;#39;").
      ['54', "Leader and Cabinet Members' Question Time", 15],
      ['55', 'Final Proposals for Local Government Reorganisation in Gloucestershire', null],
    ]);
  });

  it('reads Word paragraphs and Symbol-font bullets as the page shows them, without the empty ones', () => {
    expect(result.items[0]?.subPoints).toEqual([
      'To receive from Members, declarations of the existence of any disclosable pecuniary, or non-pecuniary, interests and the nature of those interests in relation to any agenda item. Please see Agenda Notes.',
    ]);
    expect(result.items[3]?.subPoints).toEqual([
      'Any Member of the Council may ask the Leader of the Council or any Cabinet Member any question upon:',
      'Any matter relating to the Council\u2019s administration',
      'Any matter relating to any report of the Cabinet appearing on the summons',
      'A matter coming within their portfolio of responsibilities',
      'Only one supplementary question is allowed per question.',
      'Questions must be submitted to democratic.services@gloucester.gov.uk by 12 noon on Tuesday 18th November 2025. Responses to questions will be published in an addendum to the agenda by 12 noon on the day of the Cabinet Meeting.',
    ]);
    expect(result.items[1]?.subPoints[1]).toBe(
      'To ask a question at this meeting, please submit it to democratic.services@gloucester.gov.uk by 12 noon on Tuesday 18th November 2025 or telephone 01452 396203 for support.',
    );
    expect(result.items.flatMap((i) => i.subPoints).filter((p) => /&[a-z#0-9]+;|<|\u00a0|^\s|\s$|\s{2}/i.test(p))).toEqual([]);
  });

  it('links all six documents of the reorganisation item', () => {
    expect(result.items[4]?.links.map((l) => l.url)).toEqual([65412, 65413, 65414, 65415, 65416, 65417].map((id) => `https://democracy.gloucester.gov.uk/mgConvert2PDF.aspx?ID=${id}`));
    expect(agendaDraftSchema.safeParse(result.items).error?.issues ?? []).toEqual([]);
  });

  it('keeps members and officers with their role, what they represent and how they attended', () => {
    expect(result.attendees).toHaveLength(13);
    expect(result.attendees[0]).toEqual({ name: 'Councillor Jeremy Hilton', role: 'Chair', attendance: 'present', attendanceAsGiven: 'Present, as expected' });
    expect(result.attendees[1]).toMatchObject({ name: 'Councillor Declan Wilson', role: 'Vice-Chair', attendance: 'present' });
    expect(result.attendees[7]).toEqual({ name: 'Jon McGinty', role: 'Officer', representing: 'Managing Director', attendance: 'in_attendance', attendanceAsGiven: 'In attendance' });
    expect(result.attendees.filter((a) => a.attendance === 'present')).toHaveLength(7);
    expect(result.attendees.filter((a) => a.attendance === 'in_attendance').map((a) => a.representing)).toEqual([
      'Managing Director',
      'Corporate Director',
      'Deputy Monitoring Officer',
      'Head of Place',
      'Head of Transformation and Commissioning',
      'Democratic and Electoral Services Officer',
    ]);
  });
});
