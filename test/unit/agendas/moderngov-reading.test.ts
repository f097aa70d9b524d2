// How the import reads the parts of a GetMeeting answer the public agenda page depends on:
// numbers, sub-numbers and placeholders, restricted items, the committee's name, the item text,
// and attendance. The answers here are constructed in the shape of the real ones (see
// moderngov-real-answers.test.ts): no published answer with restricted items, sub-numbered items
// or apologies was found in the public projects searched.
import { describe, expect, it } from 'vitest';
import { parseModernGovMeeting, readAttendanceKind } from '../../../src/integrations/moderngov/index.ts';

interface ItemSpec {
  title: string;
  number?: string;
  sub?: string;
  display?: string;
  text?: string;
  restricted?: boolean;
  committee?: string;
  docs?: { title: string; id: number; restricted?: boolean; committee?: string }[];
}

let nextId = 18_000;
const item = (s: ItemSpec): string => `
    <agendaitem>
      <agendaitemid>${(nextId += 1)}</agendaitemid>
      <agendaitemtitle>${s.title}</agendaitemtitle>
      <agendatext>${s.text ?? ''}</agendatext>
      <agendaitemnumber>${s.number ?? ''}</agendaitemnumber>
      <agendaitemsubnumber>${s.sub ?? '\n      '}</agendaitemsubnumber>
      <fulldisplaynumberformat>${s.display ?? ''}</fulldisplaynumberformat>
      <isrestricted>${s.restricted ? 'True' : 'False'}</isrestricted>
      <isdisplayallowed>True</isdisplayallowed>
      ${s.committee ? `<refertocommittee>${s.committee}</refertocommittee>` : ''}
      <linkeddocuments>${(s.docs ?? [])
        .map(
          (d) => `
        <linkeddoc>
          <attachmentid>${d.id}</attachmentid>
          <title>${d.title}</title>
          <url>https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=${d.id}</url>
          <isrestricted>${d.restricted ? 'True' : 'False'}</isrestricted>
          ${d.committee ? `<committeetitle>${d.committee}</committeetitle>` : ''}
        </linkeddoc>`,
        )
        .join('')}
      </linkeddocuments>
    </agendaitem>`;

const answer = (items: ItemSpec[], attendees = '', extra = ''): string => `<?xml version="1.0" encoding="utf-8"?>
<meeting>
  <meetingid>5120</meetingid>
  <meetingdate>03/03/2026</meetingdate>
  <meetingstatus>Confirmed</meetingstatus>
  <meetingtime>6.30 pm</meetingtime>
  <meetinglocation>Committee Room 1, Town Hall</meetinglocation>
  ${extra}
  <agendaitems>${items.map(item).join('')}
  </agendaitems>
  <attendees>${attendees}
  </attendees>
</meeting>`;

describe('numbers', () => {
  it('shows sub-numbered items as published (4a, 4b), and builds them from number and sub-number when no display number is given', () => {
    const result = parseModernGovMeeting(
      answer([
        { title: 'Apologies for Absence', number: '1', display: '1.' },
        { title: 'Budget monitoring', number: '5', sub: 'a', display: '4a.' },
        { title: 'Capital programme', number: '5', sub: 'b', display: '4b.' },
        { title: 'Treasury management', number: '6', sub: 'c' },
        { title: 'Fees and charges', number: '7', sub: 'i', display: '4 (i)' },
        { title: 'Housing revenue account', number: '8', display: '5.1' },
        { title: 'Council tax base', number: '9', display: '6)' },
      ]),
    );
    expect(result.items.map((i) => i.number)).toEqual(['1', '4a', '4b', '6c', '4(i)', '5.1', '6']);
  });

  it('leaves out items numbered 0, which are placeholders the agenda page does not list', () => {
    const result = parseModernGovMeeting(
      answer([
        { title: 'Filming and recording of meetings', number: '0' },
        { title: 'Apologies for Absence', number: '1', display: '1.' },
        { title: 'Public Session', number: '0', display: '0.' },
        { title: 'Planning applications', number: '2', display: '2.' },
      ]),
    );
    expect(result.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Apologies for Absence'],
      ['2', 'Planning applications'],
    ]);
  });

  it('numbers items with no number at all by their place among the items kept', () => {
    const result = parseModernGovMeeting(answer([{ title: 'Placeholder', number: '0' }, { title: 'Welcome' }, { title: 'Any Other Business' }]));
    expect(result.items.map((i) => [i.number, i.title])).toEqual([
      ['1', 'Welcome'],
      ['2', 'Any Other Business'],
    ]);
  });

  it('falls back to ModernGov ordering when the display number is not an item number', () => {
    const result = parseModernGovMeeting(answer([{ title: 'Minutes', number: '3', display: 'Item three of the agenda' }]));
    expect(result.items[0]?.number).toBe('3');
  });
});

describe('restricted (exempt) items', () => {
  const result = parseModernGovMeeting(
    answer([
      { title: 'Minutes', number: '1', display: '1.', docs: [{ title: 'Minutes 3 February 2026', id: 61001 }] },
      {
        title: 'Exclusion of the Press and Public',
        number: '2',
        display: '2.',
        text: '&lt;p&gt;To resolve that the press and public be excluded for the following item, which involves exempt information under paragraph 3 of Schedule 12A.&lt;/p&gt;',
      },
      {
        title: 'Acquisition of land at Station Road',
        number: '3',
        display: '3.',
        restricted: true,
        docs: [
          { title: 'Report - Acquisition of land', id: 61002, restricted: true },
          { title: 'Appendix 2 - Plan (public)', id: 61003 },
        ],
      },
    ]),
  );

  it('marks an item restricted in the answer as exempt, and an open item as open', () => {
    expect(result.items.map((i) => [i.number, i.exempt])).toEqual([
      ['1', false],
      ['2', false],
      ['3', true],
    ]);
  });

  it('links none of the restricted documents, and still links the public one', () => {
    expect(result.items[2]?.links).toEqual([{ title: 'Appendix 2 - Plan (public)', url: 'https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=61003' }]);
  });
});

describe('the meeting title', () => {
  it('takes the committee the items refer to when the meeting names none', () => {
    const result = parseModernGovMeeting(
      answer([
        { title: 'Minutes', number: '1', committee: 'Licensing Committee' },
        { title: 'Premises licence review', number: '2', committee: 'Licensing Committee', docs: [{ title: 'Report', id: 1, committee: 'Licensing Committee' }] },
        { title: 'Referral from Cabinet', number: '3', committee: 'Cabinet' },
      ]),
    );
    expect(result.meeting.title).toBe('Licensing Committee');
  });

  it('takes the committee named on the documents when the items name none', () => {
    const result = parseModernGovMeeting(answer([{ title: 'Minutes', number: '1', docs: [{ title: 'Minutes', id: 2, committee: 'Health &amp;amp; Wellbeing Board' }] }]));
    expect(result.meeting.title).toBe('Health & Wellbeing Board');
  });

  it('prefers the committee title the meeting itself gives', () => {
    const result = parseModernGovMeeting(answer([{ title: 'Minutes', number: '1', committee: 'Cabinet' }], '', '<committeetitle>Cabinet Member Decisions</committeetitle>'));
    expect(result.meeting.title).toBe('Cabinet Member Decisions');
  });
});

describe('item text', () => {
  it('reads agenda text escaped twice as HTML, not as tags in the text', () => {
    const result = parseModernGovMeeting(
      answer([{ title: 'Budget', number: '1', text: '&amp;lt;p&amp;gt;Report of the Chief Finance Officer&amp;lt;/p&amp;gt;&amp;lt;ul&amp;gt;&amp;lt;li&amp;gt;Revenue budget 2026/27&amp;lt;/li&amp;gt;&amp;lt;/ul&amp;gt;' }]),
    );
    expect(result.items[0]).toMatchObject({ reportOf: 'Chief Finance Officer', subPoints: ['Revenue budget 2026/27'] });
  });

  it('keeps a literal "<" written as text in a paragraph', () => {
    const result = parseModernGovMeeting(answer([{ title: 'Performance', number: '1', text: '&lt;p&gt;Response times &amp;lt; 10 minutes&lt;/p&gt;' }]));
    expect(result.items[0]?.subPoints).toEqual(['Response times < 10 minutes']);
  });
});

describe('attendees and apologies', () => {
  const result = parseModernGovMeeting(
    answer(
      [{ title: 'Apologies for Absence', number: '1', display: '1.' }],
      `
    <attendee membertype="U" memberid="11" name="Councillor Ann Ward" roledescription="Chair" attendance="Expected" politicalparty="LAB" ward="North"/>
    <attendee membertype="U" memberid="12" name="Councillor Ben Cole" roledescription="Committee Member" attendance="Apologies" />
    <attendee membertype="U" memberid="13" name="Councillor Cara Dunn" roledescription="Committee Member" attendance="Apologies, sent substitute" />
    <attendee membertype="U" memberid="14" name="Councillor Dev Patel" roledescription="Substitute" attendance="Present as substitute" />
    <attendee membertype="U" memberid="15" name="Councillor Eve Frost" roledescription="Committee Member" attendance="Absent" />
    <attendee membertype="U" memberid="16" name="Sam Green" roledescription="Officer" attendance="In attendance" representing="Head of Legal &amp;amp; Democratic Services" />
    <attendee membertype="U" memberid="17" name="Councillor Fay Hill" roledescription="Committee Member" />`,
    ),
  );

  it('keeps each person typed, with the role and attendance as given', () => {
    expect(result.attendees).toEqual([
      { name: 'Councillor Ann Ward', role: 'Chair', attendance: 'expected', attendanceAsGiven: 'Expected' },
      { name: 'Councillor Ben Cole', role: 'Committee Member', attendance: 'apologies', attendanceAsGiven: 'Apologies' },
      { name: 'Councillor Cara Dunn', role: 'Committee Member', attendance: 'apologies', attendanceAsGiven: 'Apologies, sent substitute' },
      { name: 'Councillor Dev Patel', role: 'Substitute', attendance: 'substitute', attendanceAsGiven: 'Present as substitute' },
      { name: 'Councillor Eve Frost', role: 'Committee Member', attendance: 'absent', attendanceAsGiven: 'Absent' },
      { name: 'Sam Green', role: 'Officer', representing: 'Head of Legal & Democratic Services', attendance: 'in_attendance', attendanceAsGiven: 'In attendance' },
      { name: 'Councillor Fay Hill', role: 'Committee Member', attendance: 'unknown' },
    ]);
  });

  it.each([
    ['Expected', 'expected'],
    ['Present', 'present'],
    ['Present, as expected', 'present'],
    ['Present, virtual', 'present'],
    ['Attended', 'present'],
    ['Apologies', 'apologies'],
    ['Apologies, sent substitute', 'apologies'],
    ['Present as substitute', 'substitute'],
    ['Absent', 'absent'],
    ['In attendance', 'in_attendance'],
    ['In attendance, virtual', 'in_attendance'],
    ['Not required', 'unknown'],
    ['', 'unknown'],
  ] as const)('reads "%s" as %s', (words, kind) => {
    expect(readAttendanceKind(words)).toBe(kind);
  });
});
