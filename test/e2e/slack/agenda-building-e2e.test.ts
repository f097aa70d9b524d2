// Building an agenda from what the clerk has, on Slack through the real service: a pasted ORDER
// OF BUSINESS (read, shown with the lines it could not read, saved on confirmation), a ModernGov
// meeting served by a local server in ModernGov's format, the calendar link, the forward work plan,
// and each member's upcoming meetings on the App Home tab.
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { slackHomeSchema, slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { publishedAttendeeSchema } from '../../../src/domain/attendance.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { appHomeOpened, blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/agendas/${name}`, import.meta.url), 'utf8');

let service: SlackService;
let seed: SeedBoard;
let moderngov: Server;
let moderngovUrl: string;

beforeAll(async () => {
  moderngov = createServer((req, res) => {
    if (req.url === '/mgWebService.asmx/GetMeeting?lMeetingId=10234') {
      res.writeHead(200, { 'content-type': 'text/xml; charset=utf-8' }).end(fixture('moderngov-getmeeting.xml'));
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => moderngov.listen(0, '127.0.0.1', resolve));
  moderngovUrl = `http://127.0.0.1:${(moderngov.address() as AddressInfo).port}`;
  service = await startSlackService({
    env: { PUBLIC_BASE_URL: 'https://quorum.example.org' },
    // The council's server is on this machine in the test; production refuses private addresses.
    start: { fetchForImports: fetch },
  });
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
  await new Promise((resolve) => moderngov.close(resolve));
});
beforeEach(() => service.resetFake());

const as = (userId: string) => ({ user_id: userId, channel_id: 'CSCPB', response_url: service.fake.responseUrl() });
const command = (text: string, userId = seed.clerk.slackUserId) => service.slack.command(slashCommand({ text, ...as(userId) }));
/** The answer to a command, posted to its response_url after the empty ack. */
const ask = (text: string, userId = seed.clerk.slackUserId) => service.ask(slashCommand({ text, ...as(userId) }));

async function clickOnOwnCard(actionId: string, value: unknown) {
  const responseUrl = service.fake.responseUrl();
  await service.slack.interaction(
    blockActions({
      user: { id: seed.clerk.slackUserId, username: 'alex', name: 'alex', team_id: 'T0SEED' },
      container: { type: 'message', message_ts: '1.1', channel_id: 'CSCPB', is_ephemeral: true },
      response_url: responseUrl,
      actions: [button({ action_id: actionId, value: JSON.stringify(value) })],
    }),
  );
  const reply = await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`));
  return reply.body as { text: string; blocks: unknown[]; replace_original?: boolean };
}

describe('building the agenda', () => {
  it('imports a meeting from ModernGov, shown first, saved on confirmation', async () => {
    const res = await ask(`agenda import 10234 <${moderngovUrl}>`);
    const preview = JSON.stringify(res.body);
    expect(preview).toContain('Check these items before saving');
    expect(preview).toContain('ModernGov meeting 10234');
    expect(preview).toContain('agenda.import.confirm');
    expect(slackMessageSchema.safeParse(res.body).success).toBe(true);
    expect(await service.db.prisma.meeting.count()).toBe(0);

    const held = await service.db.prisma.agendaImport.findFirstOrThrow({ where: { source: 'moderngov' } });
    // The answer's attendees and apologies are kept with the import, for the roster and apologies.
    const { attendees } = z.object({ attendees: z.array(publishedAttendeeSchema) }).parse(held.meetingDetails);
    expect(attendees.map((a) => [a.name, a.attendance])).toEqual([
      ['Councillor David Longstaff', 'expected'],
      ['Simon Rose', 'expected'],
      ['Clare Ansdell', 'apologies'],
      ['Tracy Scollin', 'expected'],
    ]);
    const saved = await clickOnOwnCard('agenda.import.confirm', { importId: held.id });
    expect(saved.replace_original).toBe(true);
    expect(JSON.stringify(saved.blocks)).toMatch(/Saved \d+ items to the agenda/);
    const meeting = await service.db.prisma.meeting.findFirstOrThrow({ include: { items: true } });
    expect(meeting.externalRef).toBe(`moderngov:${moderngovUrl}:10234`);
    expect(meeting.items.length).toBeGreaterThan(8);
    expect(meeting.items.some((i) => i.exempt)).toBe(true);

    await service.resetFake();
    const again = await clickOnOwnCard('agenda.import.confirm', { importId: held.id });
    expect(JSON.stringify(again)).toContain('saved already');
  });

  it('says clearly when the ModernGov address is wrong, and saves nothing', async () => {
    const res = await ask(`agenda import 999 <${moderngovUrl}>`);
    expect(JSON.stringify(res.body)).toMatch(/ModernGov/);
    const usage = await ask('agenda import');
    expect(JSON.stringify(usage.body)).toContain('agenda import 1234 https://democracy.example.gov.uk');
    expect(await service.db.prisma.agendaImport.count({ where: { source: 'moderngov' } })).toBe(1);
  });

  it('reads a pasted ORDER OF BUSINESS, shows unread lines, and replaces the agenda when confirmed', async () => {
    await service.db.prisma.meeting.deleteMany();
    await command('meeting new');
    const open = await service.fake.waitFor('views.open');
    const meta = (open.body.view as { private_metadata: string }).private_metadata;
    await service.slack.interaction(viewSubmission({ callback_id: 'meeting.create', private_metadata: meta, user: { id: seed.clerk.slackUserId }, values: { date: { type: 'datepicker', selected_date: '2030-03-22' }, time: { type: 'timepicker', selected_time: '10:00' } } }));
    // The modal closes at once; the meeting is saved after, and the clerk told.
    await service.fake.waitFor('chat.postEphemeral');
    await service.resetFake();

    await command('agenda paste');
    const paste = await service.fake.waitFor('views.open');
    const view = paste.body.view as { callback_id: string; private_metadata: string };
    expect(view.callback_id).toBe('agenda.paste');
    const text = `Please note the venue has changed\n${fixture('order-of-business-2018-01.txt')}`;
    const res = await service.slack.interaction(viewSubmission({ callback_id: 'agenda.paste', private_metadata: view.private_metadata, user: { id: seed.clerk.slackUserId }, values: { text: { type: 'plain_text_input', value: text } } }));
    expect(res.body).toEqual({ response_action: 'clear' });
    const preview = await service.fake.waitFor('chat.postEphemeral', (c) => JSON.stringify(c.body.blocks).includes('Check these items'));
    const shown = JSON.stringify(preview.body.blocks);
    expect(shown).toContain('Police Update');
    expect(shown).toContain('could not be read');
    expect(shown).toContain('Please note the venue has changed');

    const held = await service.db.prisma.agendaImport.findFirstOrThrow({ where: { source: 'paste' } });
    const saved = await clickOnOwnCard('agenda.import.confirm', { importId: held.id });
    expect(JSON.stringify(saved.blocks)).toContain('Saved 12 items');
    const items = await service.db.prisma.agendaItem.findMany({ where: { meetingId: held.meetingId as string }, orderBy: { position: 'asc' } });
    expect(items.map((i) => i.title).slice(0, 2)).toEqual(['Welcome and Introductions', 'Minutes of Previous Meeting']);
    expect(items[1]).toMatchObject({ pageFrom: 5, pageTo: 12, standing: 'minutes' });
  });

  it('rejects an empty paste on the field', async () => {
    const meeting = await service.db.prisma.meeting.findFirstOrThrow();
    const res = await service.slack.interaction(viewSubmission({ callback_id: 'agenda.paste', private_metadata: JSON.stringify({ meetingId: meeting.id }), user: { id: seed.clerk.slackUserId }, values: { text: { type: 'plain_text_input', value: '   ' } } }));
    expect(res.body).toEqual({ response_action: 'errors', errors: { text: 'Paste the ORDER OF BUSINESS table from the agenda pack.' } });
  });
});

describe('around the agenda', () => {
  it('serves the calendar invite of a published meeting, and nothing for drafts or unknown links', async () => {
    const meeting = await service.db.prisma.meeting.findFirstOrThrow();
    const draft = await fetch(`${service.quorum.url}/calendar/${meeting.calendarToken}.ics`);
    expect(draft.status).toBe(404);
    await command('agenda post');
    const posted = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB');
    expect(JSON.stringify(posted.body.blocks)).toContain(`https://quorum.example.org/calendar/${meeting.calendarToken}.ics`);
    const res = await fetch(`${service.quorum.url}/calendar/${meeting.calendarToken}.ics`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/calendar/);
    const ics = await res.text();
    expect(ics).toContain('DTSTART;TZID=Europe/London:20300322T100000');
    expect(ics).toContain('BEGIN:VTIMEZONE');
    expect((await fetch(`${service.quorum.url}/calendar/not-a-real-token-123.ics`)).status).toBe(404);
  });

  it('lets a member propose an item and the clerk accept it into the meeting', async () => {
    await command('plan propose', seed.member.slackUserId);
    const open = await service.fake.waitFor('views.open');
    const view = open.body.view as { private_metadata: string; blocks: unknown[] };
    expect(JSON.stringify(view.blocks)).toContain('To be allocated');
    const meeting = await service.db.prisma.meeting.findFirstOrThrow();
    await service.slack.interaction(
      viewSubmission({
        callback_id: 'plan.propose',
        private_metadata: view.private_metadata,
        user: { id: seed.member.slackUserId },
        values: { title: { type: 'plain_text_input', value: 'Youth Justice Board Update' }, meeting: { type: 'static_select', selected_option: { value: meeting.id, text: { type: 'plain_text', text: 'Fri 22 Mar 2030, 10:00' } } } },
      }),
    );
    const proposal = await eventually(async () => (await service.db.prisma.forwardPlanItem.findFirst()) ?? undefined);
    const plan = await ask('plan');
    expect(JSON.stringify(plan.body)).toContain('plan.decide');
    const decided = await clickOnOwnCard('plan.decide', { itemId: proposal.id, decision: 'accept', meetingId: meeting.id });
    expect(JSON.stringify(decided.blocks)).toMatch(/accepted\. It is item \d+ on the agenda/);
  });

  it('shows each member their upcoming meetings on the App Home tab', async () => {
    await service.slack.event(appHomeOpened({ user: seed.member.slackUserId }));
    const published = await service.fake.waitFor('views.publish');
    expect(slackHomeSchema.safeParse(published.body.view).success).toBe(true);
    const home = JSON.stringify(published.body.view);
    expect(home).toContain('Your upcoming meetings');
    expect(home).toContain('Fri 22 Mar 2030, 10:00');
  });
});
