// The meeting invite, read back by ical.js (a kept iCalendar parser) the way a calendar would.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { escapeText, foldLine } from '../../../src/domain/calendar/ics-text.ts';
import { meetingInvite, type MeetingInviteOptions } from '../../../src/domain/calendar/ics.ts';
import { buildVTimezone } from '../../../src/domain/calendar/vtimezone.ts';
import { AppError } from '../../../src/errors.ts';

const base: MeetingInviteOptions = {
  uid: 'meeting-123@quorum',
  title: 'Safer Communities Partnership Board',
  description: 'Agenda\n1. Welcome and Introductions\n2. Minutes of Previous Meeting',
  venue: 'Hendon Town Hall, The Burroughs, London NW4 4BQ',
  startsAt: new Date('2026-11-27T10:00:00Z'),
  durationMinutes: 120,
  timezone: 'Europe/London',
  sequence: 0,
  status: 'CONFIRMED',
  stamp: new Date('2026-11-01T09:00:00Z'),
};

/** Parses the invite as a calendar would: its own VTIMEZONE registered under its TZID. */
function read(ics: string) {
  const calendar = new ICAL.Component(ICAL.parse(ics));
  for (const vtz of calendar.getAllSubcomponents('vtimezone')) {
    const zone = new ICAL.Timezone(vtz);
    ICAL.TimezoneService.register(zone, `quorum-test:${String(vtz.getFirstPropertyValue('tzid'))}`);
    // Register under the real TZID too, replacing ical.js's own table if it has one.
    ICAL.TimezoneService.register(zone, String(vtz.getFirstPropertyValue('tzid')));
  }
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (!vevent) throw new Error('no VEVENT');
  return { calendar, vevent, event: new ICAL.Event(vevent) };
}

const unfold = (ics: string) => ics.replace(/\r\n /g, '');

describe('meetingInvite', () => {
  it('writes a calendar with PRODID, METHOD:PUBLISH, a VTIMEZONE and the event in local time', () => {
    const ics = meetingInvite(base);
    const lines = unfold(ics).split('\r\n');
    expect(lines.slice(0, 5)).toEqual(['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Quorum//Meetings and agendas//EN', 'CALSCALE:GREGORIAN', 'METHOD:PUBLISH']);
    expect(lines).toContain('DTSTART;TZID=Europe/London:20261127T100000');
    expect(lines).toContain('DTEND;TZID=Europe/London:20261127T120000');
    expect(lines).toContain('DTSTAMP:20261101T090000Z');
    expect(lines).toContain('UID:meeting-123@quorum');
    expect(lines).toContain('SEQUENCE:0');
    expect(lines).toContain('STATUS:CONFIRMED');
    expect(lines).toContain('LOCATION:Hendon Town Hall\\, The Burroughs\\, London NW4 4BQ');
    expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
    expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);

    const { event, calendar } = read(ics);
    expect(calendar.getFirstPropertyValue('method')).toBe('PUBLISH');
    expect(event.uid).toBe('meeting-123@quorum');
    expect(event.summary).toBe('Safer Communities Partnership Board');
    expect(event.location).toBe('Hendon Town Hall, The Burroughs, London NW4 4BQ');
    expect(event.description).toBe(base.description);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-11-27T10:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-11-27T12:00:00.000Z');
  });

  it('writes the Europe/London rules as Outlook does: last Sunday of March and of October', () => {
    expect(buildVTimezone('Europe/London', new Date('2026-06-01T00:00:00Z'))).toEqual([
      'BEGIN:VTIMEZONE',
      'TZID:Europe/London',
      'X-LIC-LOCATION:Europe/London',
      'BEGIN:DAYLIGHT',
      'TZOFFSETFROM:+0000',
      'TZOFFSETTO:+0100',
      'TZNAME:BST',
      'DTSTART:20250330T010000',
      'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
      'END:DAYLIGHT',
      'BEGIN:STANDARD',
      'TZOFFSETFROM:+0100',
      'TZOFFSETTO:+0000',
      'TZNAME:GMT',
      'DTSTART:20251026T020000',
      'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
      'END:STANDARD',
      'END:VTIMEZONE',
    ]);
  });

  it.each([
    // 30 March 2026 is the day after the clocks go forward (29 March): 10:00 BST is 09:00 UTC.
    ['2026-03-30T09:00:00Z', '20260330T100000'],
    // 26 October 2026 is the day after they go back (25 October): 10:00 GMT is 10:00 UTC.
    ['2026-10-26T10:00:00Z', '20261026T100000'],
    // The Friday before each change, for contrast.
    ['2026-03-27T10:00:00Z', '20260327T100000'],
    ['2026-10-23T09:00:00Z', '20261023T100000'],
    // Early January: covered by the previous October's STANDARD observance.
    ['2027-01-08T10:00:00Z', '20270108T100000'],
  ])('keeps the instant across the BST/GMT change: %s', (instant, local) => {
    const ics = meetingInvite({ ...base, startsAt: new Date(instant) });
    expect(unfold(ics)).toContain(`DTSTART;TZID=Europe/London:${local}\r\n`);
    const { event } = read(ics);
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(instant).toISOString());
    expect(event.endDate.toJSDate().getTime() - event.startDate.toJSDate().getTime()).toBe(120 * 60_000);
  });

  it.each([
    ['Australia/Sydney', '2026-04-20T00:00:00Z'],
    ['America/New_York', '2026-03-09T14:00:00Z'],
    ['Asia/Kolkata', '2026-07-01T04:30:00Z'],
    ['UTC', '2026-07-01T09:00:00Z'],
  ])('writes a VTIMEZONE that places the meeting correctly in %s', (timezone, instant) => {
    const { event } = read(meetingInvite({ ...base, timezone, startsAt: new Date(instant) }));
    expect(event.startDate.toJSDate().toISOString()).toBe(new Date(instant).toISOString());
  });

  it('escapes commas, semicolons, backslashes and newlines', () => {
    const description = 'Item 5; Budget, 2026\\27\nItem 6: Police\r\nEnd';
    const ics = meetingInvite({ ...base, title: 'Board; special, meeting', description });
    expect(unfold(ics)).toContain('DESCRIPTION:Item 5\\; Budget\\, 2026\\\\27\\nItem 6: Police\\nEnd\r\n');
    expect(unfold(ics)).toContain('SUMMARY:Board\\; special\\, meeting\r\n');
    const { event } = read(ics);
    expect(event.description).toBe('Item 5; Budget, 2026\\27\nItem 6: Police\nEnd');
    expect(event.summary).toBe('Board; special, meeting');
  });

  it('folds long lines at 75 octets without splitting a UTF-8 character', () => {
    const description = `Agenda – ${'Café ☕ partnership working 🤝 '.repeat(12)}`;
    const ics = meetingInvite({ ...base, description });
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8')).toBeLessThanOrEqual(75);
    expect(ics).not.toContain('\uFFFD');
    expect(ics.split('\r\n').some((line) => line.startsWith(' '))).toBe(true);
    expect(read(ics).event.description).toBe(description);
    // Exactly at the limit: one line of 75 octets, no fold.
    expect(foldLine('X'.repeat(75))).toBe('X'.repeat(75));
    expect(foldLine('X'.repeat(76))).toBe(`${'X'.repeat(75)}\r\n X`);
    expect(foldLine(`${'X'.repeat(74)}é`)).toBe(`${'X'.repeat(74)}\r\n é`);
    expect(escapeText('a\\b;c,d\ne')).toBe('a\\\\b\\;c\\,d\\ne');
  });

  it('cancels with the same UID, a higher SEQUENCE and STATUS:CANCELLED', () => {
    const first = read(meetingInvite(base));
    const cancelled = meetingInvite({ ...base, sequence: 3, status: 'CANCELLED' });
    const { vevent, event } = read(cancelled);
    expect(event.uid).toBe(first.event.uid);
    expect(vevent.getFirstPropertyValue('sequence')).toBe(3);
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(vevent.getFirstPropertyValue('transp')).toBe('TRANSPARENT');
    expect(event.summary).toBe('Cancelled: Safer Communities Partnership Board');
  });

  it('adds the link and the organiser when given', () => {
    const ics = meetingInvite({ ...base, url: 'https://quorum.example.org/calendar/abc.ics', organizer: { name: 'Tracy Scollin, Governance', email: 'tracy.scollin@barnet.gov.uk' } });
    expect(unfold(ics)).toContain('ORGANIZER;CN="Tracy Scollin, Governance":mailto:tracy.scollin@barnet.gov.uk\r\n');
    const { vevent } = read(ics);
    expect(vevent.getFirstPropertyValue('url')).toBe('https://quorum.example.org/calendar/abc.ics');
    expect(vevent.getFirstPropertyValue('organizer')).toBe('mailto:tracy.scollin@barnet.gov.uk');
  });

  it.each([
    [{ timezone: 'Mars/Olympus' }, /not a timezone/],
    [{ durationMinutes: 0 }, /between 1 minute and 24 hours/],
    [{ sequence: -1 }, /sequence/],
    [{ startsAt: new Date('nonsense') }, /valid start time/],
    [{ uid: 'a\r\nb' }, /UID/],
  ])('refuses bad input: %o', (overrides, message) => {
    expect(() => meetingInvite({ ...base, ...overrides })).toThrow(AppError);
    expect(() => meetingInvite({ ...base, ...overrides })).toThrow(message);
  });
});
