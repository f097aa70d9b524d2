// ModernGov import, through a real HTTP server on 127.0.0.1 serving GetMeeting answers in
// ModernGov's format, and the parser on its own for the format's variations.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agendaDraftSchema } from '../../../src/domain/agenda/agenda-item.ts';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { fetchModernGovMeeting, normaliseModernGovBaseUrl, parseModernGovMeeting } from '../../../src/integrations/moderngov/index.ts';

const FIXTURE = readFileSync(new URL('../../fixtures/agendas/moderngov-getmeeting.xml', import.meta.url), 'utf8');

// What the local server answers, by meeting id.
const answers: Record<string, { status: number; body: string; delayMs?: number; type?: string }> = {
  '10234': { status: 200, body: FIXTURE },
  '404': { status: 404, body: 'Not found' },
  '500': { status: 500, body: 'System.Exception: Meeting not found' },
  '403': { status: 403, body: '<html>Request blocked</html>' },
  '777': { status: 200, body: FIXTURE, delayMs: 1_000 },
  '888': { status: 200, body: '<meeting><meetingid>888</meetingid><agendaitems><agendaitem></meeting>' },
  '889': { status: 200, body: '<!DOCTYPE html><html><body>Welcome to ModernGov</body>' },
  '999': { status: 200, body: '<?xml version="1.0" encoding="utf-8"?>\n<meeting />' },
  '1000': { status: 200, body: '<?xml version="1.0"?><meeting><meetingid>1000</meetingid><meetingdate>04/12/2026</meetingdate><meetingtime>2.30 pm</meetingtime><committeetitle>Cabinet</committeetitle><agendaitems /></meeting>' },
};
const requests: string[] = [];
let server: Server;
let base: string;

beforeAll(async () => {
  server = createServer((req, res) => {
    requests.push(req.url ?? '');
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname !== '/democracy/mgWebService.asmx/GetMeeting') {
      res.writeHead(404).end('no such page');
      return;
    }
    const answer = answers[url.searchParams.get('lMeetingId') ?? ''] ?? { status: 500, body: 'no meeting' };
    const send = () => {
      if (res.destroyed) return;
      res.writeHead(answer.status, { 'content-type': answer.type ?? 'text/xml; charset=utf-8' }).end(answer.body);
    };
    if (answer.delayMs) setTimeout(send, answer.delayMs);
    else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/democracy`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const failure = async (promise: Promise<unknown>): Promise<AppError> => {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).code).toBe(ErrorCode.IMPORT_FAILED);
  return error as AppError;
};

describe('fetchModernGovMeeting', () => {
  it('imports the meeting, its items and its attendees over HTTP GET', async () => {
    const result = await fetchModernGovMeeting({ baseUrl: `${base}/`, meetingId: 10234 });
    expect(requests.at(-1)).toBe('/democracy/mgWebService.asmx/GetMeeting?lMeetingId=10234');
    expect(result.meeting).toEqual({
      externalId: '10234',
      title: 'Safer Communities Partnership Board',
      startsAtLocal: '2018-01-26T10:00:00',
      venue: 'Hendon Town Hall, The Burroughs, London NW4 4BQ',
    });
    expect(result.items).toHaveLength(12);
    expect(agendaDraftSchema.safeParse(result.items).error?.issues ?? []).toEqual([]);
    expect(result.items.map((i) => [i.number, i.standing ?? '', i.exempt])).toEqual([
      ['1', 'welcome', false],
      ['2', 'minutes', false],
      ['3', 'apologies', false],
      ['4', 'matters_arising', false],
      ['5', '', false],
      ['6', '', false],
      ['7', '', false],
      ['8', '', false],
      ['9', '', false],
      ['10', 'aob', false],
      ['11', 'next_meeting', false],
      ['12', '', true],
    ]);
    expect(result.items[1]?.links).toEqual([{ title: 'Minutes , 27/10/2017 Safer Communities Partnership Board', url: `${base}/mgConvert2PDF.aspx?ID=174190` }]);
    expect(result.items[4]).toMatchObject({
      title: 'Community Safety Strategy',
      reportOf: 'Community Safety Manager',
      subPoints: ['2017/18 refresh of the 2015/2020 Community Safety Strategy'],
      links: [{ title: 'Community Safety Strategy 2017/18 refresh', url: 'http://barnet.moderngov.co.uk/mgConvert2PDF.aspx?ID=174191' }],
    });
    // "(10 MINS)" read from the title; entities encoded twice decoded; the restricted appendix not linked.
    expect(result.items[5]).toMatchObject({
      title: 'Police Update',
      minutes: 10,
      subPoints: ['Update from Barnet Police on:', 'Performance', 'Crime trends', 'Impact on the Partnership of implementation of the new policing plan and changes to organisational structure'],
      links: [{ title: 'Police Update & performance pack', url: `${base}/mgConvert2PDF.aspx?ID=174192` }],
    });
    expect(result.items[6]?.subPoints).toEqual(['Public Space Community Safety CCTV', 'Community Safety Automatic Number Plate Recognition (ANPR) Cameras']);
    expect(result.items[11]).toMatchObject({ title: 'Domestic Violence Multi-Agency Risk Assessment Conference: case review', exempt: true, links: [], subPoints: [] });
    expect(result.attendees).toEqual([
      { name: 'Councillor David Longstaff', role: 'Chairman', representing: 'London Borough of Barnet', attendance: 'expected', attendanceAsGiven: 'Expected' },
      { name: 'Simon Rose', role: 'Board Member', representing: 'Metropolitan Police', attendance: 'expected', attendanceAsGiven: 'Expected' },
      { name: 'Clare Ansdell', role: 'Board Member', representing: 'National Probation Service', attendance: 'apologies', attendanceAsGiven: 'Apologies' },
      { name: 'Tracy Scollin', role: 'Governance Officer', attendance: 'expected', attendanceAsGiven: 'Expected' },
    ]);
  });

  it('accepts the address of any page of the site', async () => {
    const result = await fetchModernGovMeeting({ baseUrl: `${base}/mgWebService.asmx`, meetingId: 10234 });
    expect(result.meeting.externalId).toBe('10234');
    expect(normaliseModernGovBaseUrl('https://democracy.barnet.gov.uk/ieListDocuments.aspx?CId=1&MId=2').toString()).toBe('https://democracy.barnet.gov.uk/');
  });

  it('imports a meeting with no agenda yet, and a 12-hour time', async () => {
    const result = await fetchModernGovMeeting({ baseUrl: base, meetingId: 1000 });
    expect(result).toEqual({ meeting: { externalId: '1000', title: 'Cabinet', startsAtLocal: '2026-12-04T14:30:00' }, items: [], attendees: [] });
  });

  it.each([
    ['404', /has no ModernGov web service \(HTTP 404/],
    ['500', /failed on meeting 500 \(HTTP 500\): the meeting may not exist/],
    ['403', /refused the request \(HTTP 403\)/],
    ['888', /ModernGov's answer for meeting 888 from 127\.0\.0\.1:\d+ could not be read: .*line 1/],
    ['889', /could not be read/],
    ['999', /ModernGov from 127\.0\.0\.1:\d+ has no meeting 999/],
  ])('meeting %s → a specific error', async (id, message) => {
    const error = await failure(fetchModernGovMeeting({ baseUrl: base, meetingId: Number(id) }));
    expect(error.message).toMatch(message);
  });

  it('gives up after timeoutMs', async () => {
    const started = Date.now();
    const error = await failure(fetchModernGovMeeting({ baseUrl: base, meetingId: 777, timeoutMs: 100 }));
    expect(error.message).toMatch(/did not answer within 0\.1 seconds/);
    expect(Date.now() - started).toBeLessThan(900);
  });

  it('says when the server cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const error = await failure(fetchModernGovMeeting({ baseUrl: `http://127.0.0.1:${port}`, meetingId: 1 }));
    expect(error.message).toMatch(new RegExp(`Could not reach the ModernGov server at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)`));
  });

  it('uses the fetch it is given', async () => {
    const calls: string[] = [];
    const fake = (async (input: string | URL | Request) => {
      calls.push(String(input));
      return new Response(FIXTURE, { status: 200 });
    }) as typeof fetch;
    const result = await fetchModernGovMeeting({ baseUrl: 'https://democracy.example.gov.uk', meetingId: 10234, fetch: fake });
    expect(calls).toEqual(['https://democracy.example.gov.uk/mgWebService.asmx/GetMeeting?lMeetingId=10234']);
    expect(result.items[1]?.links[0]?.url).toBe('https://democracy.example.gov.uk/mgConvert2PDF.aspx?ID=174190');
  });

  it.each([
    [{ baseUrl: 'democracy.barnet.gov.uk', meetingId: 1 }, /is not a web address/],
    [{ baseUrl: 'ftp://democracy.barnet.gov.uk', meetingId: 1 }, /must start with https:\/\/ or http:\/\//],
    [{ baseUrl: 'https://clerk:secret@democracy.barnet.gov.uk', meetingId: 1 }, /must not contain a user name or password/],
    [{ baseUrl: 'https://democracy.barnet.gov.uk', meetingId: 0 }, /positive whole number/],
    [{ baseUrl: 'https://democracy.barnet.gov.uk', meetingId: 1.5 }, /positive whole number/],
    [{ baseUrl: 'https://democracy.barnet.gov.uk', meetingId: -3 }, /positive whole number/],
  ])('checks its input before going out: %o', async (input, message) => {
    let called = false;
    const fake = (async () => {
      called = true;
      return new Response('');
    }) as typeof fetch;
    const error = await failure(fetchModernGovMeeting({ ...input, fetch: fake }));
    expect(error.message).toMatch(message);
    expect(called).toBe(false);
  });
});

describe('parseModernGovMeeting', () => {
  it('reads the SOAP form, upper-case names, attendees as elements and item restricted flags', () => {
    const xml = `<?xml version="1.0" encoding="utf-8"?>
<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body>
<GetMeetingResponse xmlns="http://moderngov.co.uk/namespaces"><GetMeetingResult>
<Meeting><MeetingId>42</MeetingId><MeetingDate>2026-03-30T00:00:00</MeetingDate><MeetingTime>18:30:00</MeetingTime>
<Committee><CommitteeTitle>Licensing Committee</CommitteeTitle></Committee>
<Agenda><AgendaItem><AgendaItemNumber>5a</AgendaItemNumber><AgendaItemTitle>Premises licence review</AgendaItemTitle>
<AgendaItemDescription>Report of the Head of Licensing</AgendaItemDescription><AgendaItemRestricted>true</AgendaItemRestricted>
<LinkedDocuments><LinkedDocument><Title>Review report</Title><Url>https://example.gov.uk/r.pdf</Url></LinkedDocument></LinkedDocuments>
</AgendaItem></Agenda>
<Attendees><Attendee><Name>Cllr A Smith</Name><Role>Chair</Role><Attendance>Present</Attendance></Attendee><Attendee><Name>B Jones</Name></Attendee></Attendees>
</Meeting></GetMeetingResult></GetMeetingResponse></soap:Body></soap:Envelope>`;
    expect(parseModernGovMeeting(xml)).toEqual({
      meeting: { externalId: '42', title: 'Licensing Committee', startsAtLocal: '2026-03-30T18:30:00' },
      items: [
        { number: '5a', title: 'Premises licence review', subPoints: [], reportOf: 'Head of Licensing', links: [{ title: 'Review report', url: 'https://example.gov.uk/r.pdf' }], exempt: true },
      ],
      attendees: [
        { name: 'Cllr A Smith', role: 'Chair', attendance: 'present', attendanceAsGiven: 'Present' },
        { name: 'B Jones', attendance: 'unknown' },
      ],
    });
  });

  it('reads an item as exempt from its title, and numbers items ModernGov left unnumbered', () => {
    const xml = `<getmeeting><meeting><meetingid>7</meetingid><meetingdate>1/4/2026</meetingdate><meetingtime>10.00 am</meetingtime>
      <agendaitems><agendaitem><agendaitemtitle>Contract award (exempt)</agendaitemtitle></agendaitem>
      <agendaitem><agendaitemnumber></agendaitemnumber><agendaitemtitle>Any other business</agendaitemtitle></agendaitem></agendaitems></meeting></getmeeting>`;
    const result = parseModernGovMeeting(xml);
    expect(result.meeting).toEqual({ externalId: '7', title: 'ModernGov meeting 7', startsAtLocal: '2026-04-01T10:00:00' });
    expect(result.items.map((i) => [i.number, i.title, i.exempt, i.standing])).toEqual([
      ['1', 'Contract award', true, undefined],
      ['2', 'Any other business', false, 'aob'],
    ]);
  });

  it('refuses a meeting whose date cannot be read, naming it', () => {
    expect(() => parseModernGovMeeting('<meeting><meetingid>5</meetingid><meetingdate>soon</meetingdate></meeting>', { meetingId: 5 })).toThrow(
      'ModernGov gives meeting 5 a date that cannot be read ("soon").',
    );
  });

  it('refuses more than 40 items rather than dropping some', () => {
    const items = Array.from({ length: 41 }, (_, i) => `<agendaitem><agendaitemtitle>Item ${i + 1}</agendaitemtitle></agendaitem>`).join('');
    expect(() => parseModernGovMeeting(`<meeting><meetingid>5</meetingid><meetingdate>01/04/2026</meetingdate><agendaitems>${items}</agendaitems></meeting>`)).toThrow(/lists 41 agenda items/);
  });
});
