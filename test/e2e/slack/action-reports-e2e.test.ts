// Action reports on Slack, end to end through the real service. Matters arising: the clerk asks for
// the report (answered through the response_url, within Slack's limits, user text escaped), posts
// it to the board channel with the card's button (exempt actions left out there), and an agenda
// reminder carries it to the channel and to the clerk's direct messages. The export: the clerk gets
// a link, and the link serves the CSV (formula-safe) until it expires. Snooze: the owner's card's
// button opens a modal (field errors the Slack way), and the card is updated in place.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { sendOwnerCards } from '../../../src/features/actions/action-delivery.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import type { RecordedCall } from '../../support/fake-slack-api.ts';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let januaryId: string;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', env: { PUBLIC_BASE_URL: 'https://quorum.example.org' }, start: { clock: () => new Date('2027-01-10T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  const november = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'nov-token', items: { create: [{ position: 1, number: '5', title: 'Police Update' }] } },
    include: { items: true },
  });
  const january = await service.db.prisma.meeting.create({
    data: {
      boardId: seed.boardId,
      title: 'SCPB',
      startsAt: new Date('2027-01-22T10:00:00Z'),
      status: 'agenda_published',
      calendarToken: 'jan-token',
      items: { create: [{ position: 1, number: '3', title: 'Minutes of the previous meeting', standing: 'minutes' }, { position: 2, number: '4', title: 'Matters Arising', standing: 'matters_arising' }] },
    },
  });
  januaryId = january.id;
  const owners = { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-21T00:00:00Z') }] };
  const open = await service.db.prisma.action.create({
    data: { boardId: seed.boardId, meetingId: november.id, agendaItemId: november.items[0]?.id ?? null, description: 'Bring the ward burglary figures <!channel> *now*', dueDate: new Date('2027-01-05T00:00:00Z'), owners },
  });
  await service.db.prisma.actionUpdate.create({ data: { actionId: open.id, kind: 'update', text: 'Analyst back on <@U123> Monday', memberId: seed.member.id, createdAt: new Date('2027-01-04T10:00:00Z') } });
  await service.db.prisma.action.create({ data: { boardId: seed.boardId, meetingId: november.id, description: 'Named offender case review.', exempt: true, dueDate: new Date('2027-01-21T00:00:00Z'), owners } });
  await service.db.prisma.action.create({
    data: { boardId: seed.boardId, meetingId: november.id, description: 'Invite DVIP to the next board meeting.', status: 'done', completedAt: new Date('2026-12-02T11:00:00Z'), dueDate: new Date('2027-01-21T00:00:00Z'), owners },
  });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

const clerk = { user_id: 'USCPB1', user_name: 'alex.dewsnap' };
const dmOf = (userId: string) => `D${userId.replace(/^U/, '')}`;
const textOf = (body: unknown) => JSON.stringify(body);
function expectValid(payload: unknown) {
  const parsed = slackMessageSchema.safeParse(payload);
  expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
}

describe('matters arising on Slack', () => {
  it('answers the clerk with the report, escaped, and the button posts it to the board channel without exempt actions', async () => {
    const answer = await service.ask(slashCommand({ text: 'matters arising', channel_id: 'CSCPB', ...clerk }));
    const body = answer.body as { text: string; blocks: { type: string; elements?: { action_id?: string; value?: string }[] }[] };
    expectValid({ text: body.text, blocks: body.blocks });
    const shown = textOf(body.blocks);
    expect(shown).toContain('Matters arising: Safer Communities Partnership Board');
    expect(shown).toContain('For the meeting on Fri 22 Jan 2027, 10:00');
    expect(shown).toContain('4. Matters Arising');
    expect(shown).toContain('Carried forward (2)');
    expect(shown).toContain('Done since the last meeting (1)');
    expect(shown).toContain('Bring the ward burglary figures &lt;!channel&gt;');
    expect(shown).not.toContain('<!channel>');
    expect(shown).toContain('Analyst back on &lt;@U123&gt; Monday');
    expect(shown).toContain('Named offender case review.'); // the clerk sees exempt actions
    expect(shown).toContain('Done Wed 2 Dec 2026');
    expect(shown).toContain('Overdue');

    const post = body.blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('action.matters-post'));
    expect(post).toBeDefined();
    const click = () =>
      service.slack.interaction(
        blockActions({
          user: { id: clerk.user_id, username: clerk.user_name, name: clerk.user_name, team_id: 'T0SEED' },
          channel: { id: 'CSCPB', name: 'scpb' },
          response_url: service.fake.responseUrl(),
          actions: [button({ action_id: String(post?.action_id), value: String(post?.value) })],
        }),
      );
    const [first, second] = await Promise.all([click(), click()]);
    expect([first.status, second.status]).toEqual([200, 200]);
    const posted = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB' && textOf(c.body.blocks).includes('Matters arising'), 8_000);
    expectValid({ text: posted.body.text, blocks: posted.body.blocks });
    const inChannel = textOf(posted.body.blocks);
    expect(inChannel).toContain('From the clerk');
    expect(inChannel).toContain('Bring the ward burglary figures &lt;!channel&gt;');
    expect(inChannel).not.toContain('Named offender');
    expect(inChannel).toContain('1 exempt action is not shown here');
    // Clicked twice, posted once.
    await service.fake.waitForResponse((r) => textOf(r.body).includes('posted to the board channel'));
    expect(await service.db.prisma.outboxMessage.count({ where: { template: 'action.matters-arising', targetKind: 'channel' } })).toBe(1);
  });

  it('attaches the report to the meeting\u2019s Matters Arising item: a link to a page that is always current and never shows exempt actions', async () => {
    const answer = await service.ask(slashCommand({ text: 'matters arising', channel_id: 'CSCPB', ...clerk }));
    const blocks = (answer.body as { blocks: { elements?: { action_id?: string; value?: string }[] }[] }).blocks;
    const attach = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('action.matters-attach'));
    expect(attach).toBeDefined();
    const click = () =>
      service.slack.interaction(
        blockActions({
          user: { id: clerk.user_id, username: clerk.user_name, name: clerk.user_name, team_id: 'T0SEED' },
          channel: { id: 'CSCPB', name: 'scpb' },
          response_url: service.fake.responseUrl(),
          actions: [button({ action_id: String(attach?.action_id), value: String(attach?.value) })],
        }),
      );
    await click();
    await service.fake.waitForResponse((r) => textOf(r.body).includes('The report is attached to item 4. Matters Arising'));
    await click();
    await service.fake.waitForResponse((r) => textOf(r.body).includes('The report was already attached to item 4. Matters Arising'));
    const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: januaryId, standing: 'matters_arising' } });
    const links = item.links as { title: string; url: string }[];
    expect(links).toHaveLength(1);
    expect(links[0]?.title).toBe('Matters arising report');
    expect(links[0]?.url).toMatch(/^https:\/\/quorum\.example\.org\/actions\/[\w-]{32}\/matters-arising$/);

    const page = await fetch(String(links[0]?.url).replace('https://quorum.example.org', service.quorum.url));
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe("default-src 'none'");
    const html = await page.text();
    expect(html).toContain('Carried forward (1)');
    expect(html).toContain('Bring the ward burglary figures &lt;!channel&gt; *now*');
    expect(html).toContain('Analyst back on &lt;@U123&gt; Monday');
    expect(html).not.toContain('Named offender');
    expect(html).toContain('1 exempt action is not shown here.');
    // The page is built when it is opened: an action done since shows as done.
    const open = await service.db.prisma.action.findFirstOrThrow({ where: { description: { startsWith: 'Bring the ward' } } });
    await service.db.prisma.action.update({ where: { id: open.id }, data: { status: 'done', completedAt: new Date('2027-01-09T12:00:00Z') } });
    const later = await (await fetch(String(links[0]?.url).replace('https://quorum.example.org', service.quorum.url))).text();
    expect(later).toContain('Done Sat 9 Jan 2027');
    await service.db.prisma.action.update({ where: { id: open.id }, data: { status: 'open', completedAt: null } });
    expect((await fetch(`${service.quorum.url}/actions/not-a-real-token-at-all-xyz/matters-arising`)).status).toBe(404);
  });

  it('goes with the agenda reminder: to the board channel and, in full, to the clerk', async () => {
    await service.slack.command(slashCommand({ text: 'agenda remind', channel_id: 'CSCPB', response_url: service.fake.responseUrl(), ...clerk }));
    await service.fake.waitFor('chat.postMessage', (c: RecordedCall) => c.body.channel === 'CSCPB' && textOf(c.body.blocks).includes('Reminder from the clerk'), 8_000);
    const inChannel = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB' && textOf(c.body.blocks).includes('Before the meeting: the actions from earlier meetings'), 8_000);
    expectValid({ text: inChannel.body.text, blocks: inChannel.body.blocks });
    expect(textOf(inChannel.body.blocks)).not.toContain('Named offender');
    const toClerk = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === dmOf(seed.clerk.slackUserId) && textOf(c.body.blocks).includes('Before the meeting: the actions from earlier meetings'), 8_000);
    expectValid({ text: toClerk.body.text, blocks: toClerk.body.blocks });
    expect(textOf(toClerk.body.blocks)).toContain('Named offender case review.');
    expect(textOf(toClerk.body.blocks)).toContain('Bring the ward burglary figures &lt;!channel&gt;');
    const queued = await service.db.prisma.outboxMessage.findMany({ where: { template: 'action.matters-arising', data: { path: ['occasion'], equals: 'reminder' } } });
    expect(queued.map((m) => (m.data as { report: { meeting: { id: string } } }).report.meeting.id)).toEqual([januaryId, januaryId]);
  });

  it('exports the action log as CSV behind an unguessable link, formula-safe, and refuses bad ranges', async () => {
    const november = await service.db.prisma.meeting.findFirstOrThrow({ where: { calendarToken: 'nov-token' } });
    await service.db.prisma.action.create({
      data: { boardId: seed.boardId, meetingId: november.id, description: '=HYPERLINK("https://evil.example","Click")', dueDate: new Date('2027-01-21T00:00:00Z'), owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-21T00:00:00Z') }] } },
    });
    const answer = await service.ask(slashCommand({ text: 'actions export 2026-11-01..2026-11-30', channel_id: 'CSCPB', ...clerk }));
    const body = answer.body as { text: string; blocks: unknown[] };
    expectValid({ text: body.text, blocks: body.blocks });
    expect(textOf(body.blocks)).toContain('4 actions recorded at meetings from Sun 1 Nov 2026 to Mon 30 Nov 2026');
    const url = /https:\/\/quorum\.example\.org\/actions\/[\w-]{32}\/actions\.csv/.exec(textOf(body.blocks))?.[0];
    expect(url).toBeDefined();
    const res = await fetch(String(url).replace('https://quorum.example.org', service.quorum.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="scpb-actions-2026-11-01-to-2026-11-30.csv"');
    const csv = await res.text();
    const lines = csv.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('Meeting date,Meeting,Agenda item,Action,Owners,Due,Status,Done or dropped on,Reason dropped,Latest update,Latest update by,Latest update on,Exempt');
    expect(lines).toHaveLength(5);
    expect(csv).toContain('"\'=HYPERLINK(""https://evil.example"",""Click"")"');
    expect(csv).toContain('2026-11-20,SCPB,5. Police Update,Bring the ward burglary figures <!channel> *now*,Richard Norfolk,2027-01-05,overdue,,,Analyst back on <@U123> Monday,Richard Norfolk,"Mon 4 Jan 2027, 10:00",no');
    expect(csv).toContain('Named offender case review.'); // asked in the clerk's own answer
    expect(csv).toContain(',done,2026-12-02,');

    // A guessed token, and an empty range, find nothing; a backwards range is refused.
    expect((await fetch(`${service.quorum.url}/actions/not-a-real-token-at-all-xyz/actions.csv`)).status).toBe(404);
    const backwards = await service.ask(slashCommand({ text: 'actions export 2026-12-01..2026-11-01', channel_id: 'CSCPB', ...clerk }));
    expect(textOf(backwards.body)).toContain('The range ends (Sun 1 Nov 2026) before it starts (Tue 1 Dec 2026)');
    const member = await service.ask(slashCommand({ text: 'actions export', channel_id: 'CSCPB', user_id: seed.member.slackUserId, user_name: 'richard.norfolk' }));
    expect(textOf(member.body)).toContain('Only the clerk or the chair');
    expect(await service.db.prisma.actionLink.count({ where: { kind: 'export' } })).toBe(1);
  });

  it('serves nothing from an export link once it has expired', async () => {
    const link = await service.db.prisma.actionLink.findFirstOrThrow({ where: { kind: 'export' } });
    await service.db.prisma.actionLink.update({ where: { id: link.id }, data: { expiresAt: new Date('2027-01-10T08:59:00Z') } });
    expect((await fetch(`${service.quorum.url}/actions/${link.token}/actions.csv`)).status).toBe(404);
  });

  it('refuses a member who is not a clerk, naming who can help', async () => {
    const answer = await service.ask(slashCommand({ text: 'matters arising', channel_id: 'CSCPB', user_id: seed.member.slackUserId, user_name: 'richard.norfolk' }));
    expect(textOf(answer.body)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that');
    expect(textOf(answer.body)).not.toContain('ward burglary');
  });

  it('Snooze on the owner\u2019s card opens a modal, refuses a date past the due date on the field, and updates the card in place', async () => {
    const november = await service.db.prisma.meeting.findFirstOrThrow({ where: { calendarToken: 'nov-token' } });
    const action = await service.db.prisma.action.create({
      data: { boardId: seed.boardId, meetingId: november.id, description: 'Circulate the VAWG strategy draft.', dueDate: new Date('2027-01-29T00:00:00Z'), owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2027-01-10T00:00:00Z') }] } },
    });
    await service.db.prisma.$transaction((tx) => sendOwnerCards(tx, action.id, { platforms: ['slack'], now: () => new Date('2027-01-10T09:00:00Z') }));
    service.quorum.dispatcher.poke();
    const card = await service.fake.waitFor('chat.postMessage', (c) => textOf(c.body.blocks).includes('Circulate the VAWG strategy draft.'), 8_000);
    const sent = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'action.card', status: 'sent', data: { path: ['action', 'id'], equals: action.id } } })) ?? undefined);
    const blocks = card.body.blocks as { elements?: { action_id?: string; value?: string }[] }[];
    const snoozeButton = blocks.flatMap((b) => b.elements ?? []).find((e) => e.action_id?.startsWith('action.snooze'));
    expect(snoozeButton).toBeDefined();
    const dm = String(card.body.channel);
    await service.slack.interaction(
      blockActions({
        user: { id: seed.member.slackUserId, username: 'richard.norfolk', name: 'richard.norfolk', team_id: 'T0SEED' },
        channel: { id: dm, name: 'directmessage' },
        container: { type: 'message', message_ts: String(sent.sentMessageId), channel_id: dm, is_ephemeral: false },
        message: { type: 'message', ts: String(sent.sentMessageId), user: 'UBOT', bot_id: 'BBOT', text: '', blocks: [] },
        response_url: service.fake.responseUrl(),
        actions: [button({ action_id: String(snoozeButton?.action_id), value: String(snoozeButton?.value) })],
      }),
    );
    const modal = await service.fake.waitFor('views.open', (c) => (c.body.view as { callback_id: string }).callback_id === 'action.snooze');
    const parsed = slackModalSchema.safeParse(modal.body.view);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const meta = (modal.body.view as { private_metadata: string }).private_metadata;
    const submit = (date: string) =>
      service.slack.interaction(viewSubmission({ callback_id: 'action.snooze', private_metadata: meta, user: { id: seed.member.slackUserId }, values: { until: { type: 'datepicker', selected_date: date } } }));
    const past = await submit('2027-01-02');
    expect(past.body).toEqual({ response_action: 'errors', errors: { until: 'Choose a date after today.' } });
    // The due date is the database's to know: the modal closes and the owner is told.
    const late = await submit('2027-02-05');
    expect(late.body).toEqual({ response_action: 'clear' });
    await service.fake.waitFor('chat.postEphemeral', (c) => textOf(c.body).includes('Choose a date up to the due date, Fri 29 Jan 2027. To go past it, ask for more time.'), 8_000);
    const good = await submit('2027-01-20');
    expect(good.body).toEqual({ response_action: 'clear' });
    const again = await submit('2027-01-20');
    expect(again.body).toEqual({ response_action: 'clear' });
    const updated = await service.fake.waitFor('chat.update', (c) => c.body.ts === sent.sentMessageId && textOf(c.body.blocks).includes('Snoozed'), 8_000);
    expectValid({ text: updated.body.text, blocks: updated.body.blocks });
    expect(textOf(updated.body.blocks)).toContain('Reminders snoozed until Wed 20 Jan 2027');
    const owner = await service.db.prisma.actionOwner.findFirstOrThrow({ where: { actionId: action.id } });
    expect(owner.snoozedUntil?.toISOString().slice(0, 10)).toBe('2027-01-20');
    expect(await service.db.prisma.actionUpdate.count({ where: { actionId: action.id, kind: 'snoozed' } })).toBe(1);
  });
});
