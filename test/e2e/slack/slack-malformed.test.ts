// Slack end to end with validly signed but malformed or hostile requests: each gets a 4xx with the
// reason, or a clear refusal the Slack way, never a 5xx, a stack trace or an error in the log.
// Handler tables are not reached by inherited names; a NUL character or half an emoji in what a
// person typed is refused at info level with a clear message, and changes nothing.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { appMention, blockActions, button, eventCallback, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';
import { logLinesSince, type LogLine } from '../../support/capture-logs.ts';

let service: SlackService;
let seed: SeedBoard;
let meetingId: string;
let logMark = 0;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  const meeting = await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'Safer Communities Partnership Board', startsAt: new Date('2031-04-01T09:00:00Z'), calendarToken: 'malformed-test-token' } });
  meetingId = meeting.id;
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  logMark = service.logs().length;
});

const newLogLines = (): LogLine[] => logLinesSince(service.logs(), logMark);
const expectCalm = () => expect(newLogLines().filter((line) => line.level >= 50)).toEqual([]);

const form = 'application/x-www-form-urlencoded';
const asPayload = (payload: unknown) => `payload=${encodeURIComponent(JSON.stringify(payload))}`;
const settle = () => new Promise((resolve) => setTimeout(resolve, 150));

describe('malformed but signed requests', () => {
  const viewWithout = (key: 'state' | 'values') => {
    const payload = viewSubmission({ callback_id: 'agenda.item.add', values: { title: 'x' } }) as unknown as { view: Record<string, unknown> };
    if (key === 'state') delete payload.view.state;
    else payload.view.state = { values: null };
    return payload;
  };
  const cases: [string, string, string][] = [
    ['payload=null', 'payload=null', form],
    ['payload=[]', 'payload=%5B%5D', form],
    ['payload="text"', asPayload('text'), form],
    ['a JSON body of null', 'null', 'application/json'],
    ['a JSON body of 42', '42', 'application/json'],
    ['a JSON array', '[{"type":"event_callback"}]', 'application/json'],
    ['block_actions with actions: []', asPayload(blockActions({ actions: [] })), form],
    ['block_actions without a user', asPayload({ ...blockActions({ actions: [button({ action_id: 'outbox.retry' })] }), user: null }), form],
    ['block_actions with an action that is null', asPayload(blockActions({ actions: [null as never] })), form],
    ['a view_submission without state', asPayload(viewWithout('state')), form],
    ['a view_submission whose state has no values', asPayload(viewWithout('values')), form],
    ['a view_submission with a checkbox state that is not a list', asPayload(viewSubmission({ callback_id: 'agenda.item.add', values: { exempt: { type: 'checkboxes', selected_options: 'all' as never } } })), form],
    ['a view_submission without a view', asPayload({ ...viewSubmission({ callback_id: 'x' }), view: null }), form],
    ['a slash command without user_id', new URLSearchParams({ command: '/quorum', team_id: 'T0SEED', text: 'help' }).toString(), form],
    ['an event without event_id', JSON.stringify({ ...eventCallback({ type: 'app_mention' }), event_id: undefined }), 'application/json'],
    ['an app_mention whose text is null', JSON.stringify(appMention({ text: null as never })), 'application/json'],
    ['an event_callback whose event is a string', JSON.stringify({ ...eventCallback({ type: 'x' }), event: 'app_mention' }), 'application/json'],
    ['a shortcut (not offered)', asPayload({ type: 'shortcut', callback_id: 'x', trigger_id: '1', user: { id: 'U1' }, team: { id: 'T0SEED' } }), form],
    ['a user id with a NUL character', asPayload(blockActions({ user: { id: 'U\u0000X', username: 'a', name: 'a', team_id: 'T0SEED' }, actions: [button({ action_id: 'outbox.retry' })] })), form],
  ];
  it.each(cases)('answers %s with 400 and the reason', async (_name, body, contentType) => {
    const res = await service.slack.send(body, contentType);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: 'invalid_request', message: expect.stringMatching(/^Quorum could not read this request: .+\.$/) });
    expect(res.text).not.toMatch(/at \w+ \(|TypeError|node_modules/);
    await settle();
    expectCalm();
    expect(newLogLines().some((l) => l.msg === 'Slack request refused: malformed' && l.level === 30)).toBe(true);
  });

  it('answers a body that is not JSON with a 4xx, not a 5xx', async () => {
    for (const [body, type] of [
      ['payload=%7Bnot-json', form],
      ['{"type":', 'application/json'],
    ] as const) {
      const res = await service.slack.send(body, type);
      expect(res.status).toBeGreaterThanOrEqual(400);
      expect(res.status).toBeLessThan(500);
    }
    await settle();
    expectCalm();
  });

  it('acknowledges event types Quorum does not listen to, and app_rate_limited, without acting', async () => {
    expect((await service.slack.event(eventCallback({ type: 'reaction_added', user: 'U1' }))).status).toBe(200);
    expect((await service.slack.event({ token: 't', type: 'app_rate_limited', team_id: 'T0SEED', minute_rate_limited: 1, api_app_id: 'A' })).status).toBe(200);
    await settle();
    expectCalm();
  });
});

describe('inherited names', () => {
  const inherited = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];

  it.each(inherited)('refuses a button with action_id "%s" as unknown, clearly', async (name) => {
    const res = await service.slack.interaction(blockActions({ response_url: service.fake.responseUrl(), actions: [button({ action_id: name, value: '{}' })] }));
    expect(res.status).toBe(200);
    const reply = await service.fake.waitForResponse();
    expect(JSON.stringify(reply.body)).toContain('That button is no longer supported');
    expectCalm();
  });

  it.each(inherited)('refuses a form with callback_id "%s" on the form, clearly', async (name) => {
    const res = await service.slack.interaction(viewSubmission({ callback_id: name, values: { title: 'x' } }));
    expect(res.status).toBe(200);
    expect(JSON.stringify(res.body)).toContain('This form is out of date');
    expectCalm();
  });

  it('does not read a "__proto__" field of a form as the form\u2019s values', async () => {
    const raw = asPayload(viewSubmission({ callback_id: 'agenda.item.add', private_metadata: JSON.stringify({ meetingId }), user: { id: seed.clerk.slackUserId }, values: { title: 'Budget' } })).replace(
      encodeURIComponent('"values":{'),
      encodeURIComponent('"values":{"__proto__":{"title":{"type":"plain_text_input","value":"Polluted"}},'),
    );
    const res = await service.slack.send(raw, form);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ response_action: 'clear' });
    // Saved after the ack (the listener works once the modal has closed).
    await expect.poll(async () => (await service.db.prisma.agendaItem.findMany({ where: { meetingId, title: { in: ['Budget', 'Polluted'] } } })).map((i) => i.title)).toEqual(['Budget']);
    expect(({} as Record<string, unknown>).title).toBeUndefined();
    expectCalm();
  });
});

describe('text Quorum cannot keep', () => {
  it('refuses a slash command with a NUL character at info level, with a clear message', async () => {
    const res = await service.slack.command(slashCommand({ text: 'meeting cancel 2031-04-01 because\u0000', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() }));
    expect(res.status).toBe(200);
    // In the ack, or through the response_url when the command is acknowledged first.
    await expect.poll(() => JSON.stringify(res.body) + JSON.stringify(service.fake.responses().map((r) => r.body))).toContain('a character Quorum cannot read');
    expectCalm();
    expect(newLogLines().find((l) => l.code === 'TEXT_UNREADABLE')?.level).toBe(30);
    expect(await service.db.prisma.meeting.count({ where: { status: 'cancelled' } })).toBe(0);
  });

  // A form-encoded body cannot carry half a surrogate pair (it arrives as U+FFFD); JSON can.
  it('refuses a mention with a lone surrogate at info level, with a clear message', async () => {
    const res = await service.slack.event(appMention({ command: 'meeting cancel 2031-04-01 \uD83D', user: seed.clerk.slackUserId }));
    expect(res.status).toBe(200);
    const answer = await service.fake.waitFor('chat.postEphemeral');
    expect(JSON.stringify(answer.body)).toContain('a character Quorum cannot read');
    expectCalm();
    expect(newLogLines().find((l) => l.code === 'TEXT_UNREADABLE')?.level).toBe(30);
    expect(await service.db.prisma.meeting.count({ where: { status: 'cancelled' } })).toBe(0);
  });

  it('refuses a form field with a NUL character or a lone surrogate under that field, and saves nothing', async () => {
    const before = await service.db.prisma.agendaItem.count();
    for (const title of ['Budget\u0000', 'Budget \uDE00 review']) {
      const res = await service.slack.interaction(
        viewSubmission({ callback_id: 'agenda.item.add', private_metadata: JSON.stringify({ meetingId }), user: { id: seed.clerk.slackUserId }, values: { title, reportOf: 'Fine \u{1F600}' } }),
      );
      expect(res.body).toEqual({ response_action: 'errors', errors: { title: 'That contains a character Quorum cannot read (a NUL character, or half of an emoji). Please type it again.' } });
    }
    expect(await service.db.prisma.agendaItem.count()).toBe(before);
    expectCalm();
  });

  it('keeps a whole emoji as typed', async () => {
    const res = await service.slack.interaction(
      viewSubmission({ callback_id: 'agenda.item.add', private_metadata: JSON.stringify({ meetingId }), user: { id: seed.clerk.slackUserId }, values: { title: 'Budget \u{1F600}' } }),
    );
    expect(res.body).toEqual({ response_action: 'clear' });
    await expect.poll(() => service.db.prisma.agendaItem.count({ where: { title: 'Budget \u{1F600}' } })).toBe(1);
  });
});
