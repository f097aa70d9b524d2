// The playground end to end over HTTP, doing what its page does: the real service with nothing
// configured serves the page and its assets, takes the page's Bot Framework activities through the
// Teams adapter's receive path, and the bot's replies, forms, card updates and the outbox's posts
// come back through the playground's Bot Connector into the transcript. The clock control moves
// time so that a scheduled reminder is sent. (test/e2e/playground/browser.test.ts clicks the same
// page in Chromium.)
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cardNodes, cardOf, cardText } from '../../support/playground-client.ts';
import { startPlaygroundService, type PlaygroundService } from './service.ts';

const NIA = 'playground-newcomer';

let service: PlaygroundService;
let quorum: PlaygroundService['quorum'];
let db: PlaygroundService['db'];
let pg: PlaygroundService['pg'];

beforeAll(async () => {
  // Nothing configured but the port: the playground is on by itself, on loopback.
  service = await startPlaygroundService({ PLAYGROUND_DEMO: 'off' });
  ({ quorum, db, pg } = service);
});

afterAll(async () => {
  await service?.stop();
});

describe('the playground, with nothing configured', () => {
  it('listens on loopback only and says where to open it', () => {
    expect(quorum.config.host).toBe('127.0.0.1');
    expect(quorum.config.playground).toMatchObject({ enabled: true, allowRemote: false });
    expect(service.logs()).toContain(`Playground: open http://localhost:${quorum.port}/ in your browser`);
  });

  it('serves the page, its script and the adaptivecards renderer from node_modules', async () => {
    const page = await fetch(`${quorum.url}/`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Quorum playground</title>');
    const renderer = await fetch(`${quorum.url}/playground/vendor/adaptivecards.js`);
    expect(renderer.status).toBe(200);
    expect(await renderer.text()).toContain('AdaptiveCard');
    expect((await fetch(`${quorum.url}/playground/app.js`)).status).toBe(200);
    expect(pg.info.serviceUrl).toBe(`http://127.0.0.1:${quorum.port}/playground/connector/`);
    expect(pg.info.people.map((p) => p.name)).toEqual(['Nia Newcomer']);
  });

  it('runs board setup typed in the channel: a pointer there, the form in the person\u2019s own chat, bad values shown on the form', async () => {
    const said = await pg.say(NIA, 'channel', 'board setup');
    expect(said.status).toBe(200);
    const channel = pg.conversationOf('channel', NIA);
    const personal = pg.conversationOf('personal', NIA);
    expect((await pg.waitFor(channel, /@Quorum board setup/)).from).toMatchObject({ bot: false, name: 'Nia Newcomer' });
    await pg.waitFor(channel, /sent that to you in our chat, Nia Newcomer/);
    const form = await pg.waitFor(personal, /Set up a board/);

    // The Slack version of the same form: a modal, rendered by the Slack adapter's renderer.
    const slack = await pg.slackView({ card: cardOf(form) });
    expect(slack.status).toBe(200);
    expect(slack.body.surface).toBe('modal');
    expect(JSON.stringify(slack.body.payload)).toContain('Set up a board');

    const refused = await pg.execute(NIA, form, 'Set up', { name: 'Playground Board', slug: 'x' });
    expect(refused.status).toBe(200);
    const again = refused.body as { type: string; value: unknown };
    expect(again.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(cardText(again.value)).toContain('Use 2 to 30 letters, digits or dashes');
    expect(await db.prisma.board.count()).toBe(0);

    const done = await pg.execute(NIA, form, 'Set up', { name: 'Playground Board', slug: 'pgb' });
    expect(cardText((done.body as { value: unknown }).value)).toMatch(/Playground Board is set up/);
    // The card clicked was replaced in the person's chat, as Teams does.
    const replaced = (await pg.transcript(personal)).find((m) => m.id === form.id);
    expect(replaced?.updatedAt).toBeDefined();
    expect(cardText(cardOf(replaced!))).toMatch(/Playground Board is set up/);
    const board = await db.prisma.board.findUniqueOrThrow({ where: { slug: 'pgb' } });
    expect(board).toMatchObject({ teamsChannelId: pg.info.channel.id, teamsTenantId: pg.info.tenantId });
    expect((await pg.state()).people.find((p) => p.aadObjectId === NIA)?.roles).toContain('clerk');
  });

  it('posts an agenda to the channel through the outbox, and the clock control brings its reminder', async () => {
    const personal = pg.conversationOf('personal', NIA);
    const channel = pg.conversationOf('channel', NIA);
    await pg.say(NIA, 'personal', 'meeting new');
    const form = await pg.waitFor(personal, /New meeting/);
    const inputs = cardNodes(cardOf(form));
    const dateId = inputs.find((n) => n.type === 'Input.Date')?.id as string;
    const timeId = inputs.find((n) => n.type === 'Input.Time')?.id as string;
    // Eight days ahead, at 10:00 on the board's clock (London): the 7-day reminder falls due about
    // a day from now, and the clock is moved to half an hour past it (not by a fixed 25 hours,
    // which fell short when the test ran before 09:00).
    const starts = DateTime.now().setZone('Europe/London').plus({ days: 8 }).set({ hour: 10, minute: 0, second: 0, millisecond: 0 });
    const day = starts.toISODate() as string;
    const toReminder = Math.ceil((starts.toMillis() - 7 * 86_400_000 - Date.now()) / 60_000) + 30;
    const created = await pg.execute(NIA, form, 'Create', { [dateId]: day, [timeId]: '10:00', venue: 'Committee Room 1' });
    expect(cardText((created.body as { value: unknown }).value)).toMatch(/Committee Room 1/);

    await pg.say(NIA, 'personal', 'agenda post');
    const agenda = await pg.waitFor(channel, /Committee Room 1/);
    expect(agenda.from.bot).toBe(true);
    const slack = await pg.slackView({ card: cardOf(agenda) });
    expect(slack.body.surface).toBe('message');
    expect(JSON.stringify(slack.body.payload)).toContain('Committee Room 1');

    expect((await pg.transcript(channel)).some((m) => /in 7 days/.test(cardText(cardOf(m))))).toBe(false);
    const moved = await pg.advanceClock(toReminder);
    expect(moved.status).toBe(200);
    expect(moved.body.offsetMs).toBe(toReminder * 60_000);
    const reminder = await pg.waitFor(channel, /in 7 days/);
    expect(reminder.from.bot).toBe(true);
  });

  it('refuses a browser that comes through a proxy (on this machine the proxy connects from loopback, for browsers anywhere)', async () => {
    const requests: { path: string; init: { method?: string; headers?: Record<string, string>; body?: string } }[] = [
      { path: '/', init: {} },
      { path: '/playground/api/state', init: {} },
      { path: '/playground/api/clock', init: { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMinutes: 60 }) } },
    ];
    const before = (await pg.state()).clock.offsetMs;
    for (const { path, init } of requests) {
      expect((await fetch(`${quorum.url}${path}`, init)).status).toBe(200);
      for (const proxy of [{ 'X-Forwarded-For': '203.0.113.7' }, { Forwarded: 'for=203.0.113.7;proto=https' }] as Record<string, string>[]) {
        const response = await fetch(`${quorum.url}${path}`, { ...init, headers: { ...init.headers, ...proxy } });
        expect(response.status).toBe(403);
        expect(((await response.json()) as { message: string }).message).toBe('The playground answers browsers on the machine Quorum runs on, not through a proxy. Set PLAYGROUND_ALLOW_REMOTE=true to allow others.');
      }
    }
    // The clock moved once, by the request that came straight from this machine.
    expect((await pg.state()).clock.offsetMs).toBe(before + 3_600_000);
  });

  it('refuses a clock that goes backwards or jumps by nonsense, and says why', async () => {
    for (const advanceMinutes of [0, -5, 1.5, 'soon', 10_000_000]) {
      const response = await fetch(`${quorum.url}/playground/api/clock`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ advanceMinutes }) });
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/whole number of minutes/);
    }
  });

  it('refuses an activity whose serviceUrl is not this machine, as the Teams route does without authentication', async () => {
    const response = await fetch(`${quorum.url}/playground/api/messages`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        type: 'message',
        channelId: 'msteams',
        serviceUrl: 'https://attacker.example/',
        from: { id: `29:${NIA}` },
        recipient: pg.info.bot,
        conversation: { id: pg.conversationOf('personal', NIA) },
        text: 'help',
      }),
    });
    expect(response.status).toBe(403);
  });
});
