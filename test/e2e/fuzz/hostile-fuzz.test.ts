// Hostile input, generated: at least a thousand slash commands, mentions, button clicks, form
// submissions and malformed bodies (signed, through the real Bolt receiver), and Teams messages,
// card invokes and malformed activities (through the real CloudAdapter), all from one seed. After
// them, and after the outbox has delivered what they queued:
//   - no answer was a 5xx;
//   - nothing was logged at error level (every refusal is info or warn);
//   - no public post (Slack chat.postMessage/chat.update to a channel, an in-channel response,
//     a Teams post to a channel or a group chat) shows an exempt item's title or sub-points;
//   - no Slack mrkdwn or text, and no Teams text, carries a ping or a link typed by a person
//     (<!channel>, <!here>, <@U123>, <https://evil…>, [x](https://evil…)) unescaped.
// The seed is printed; QUORUM_FUZZ_SEED=<n> runs the same inputs again. Requests go in small
// batches, so the inputs repeat exactly and the order nearly so.
// The CPU this file takes is nearly all the service's own work on those requests (about 7 ms a
// request: Bolt, botbuilder, Prisma, PGlite); the requests go out on a keep-alive node:http agent
// rather than fetch (see post()), and the outbox dispatcher keeps its default idle poll (beforeAll).
import { randomBytes } from 'node:crypto';
import { Agent, request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formDefinition } from '../../../cards/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { CATALOGUE } from '../../../src/core.ts';
import { FEATURES } from '../../../src/features/index.ts';
import { startQuorum, type RunningQuorum } from '../../../src/main.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { HOSTILE } from '../../support/hostile-text.ts';
import { appMention, blockActions, button, formEncode, signSlackRequest, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { createTeamsClient, TEAMS_DEFAULTS, type TeamsClient } from '../../support/teams-client.ts';

// eslint-disable-next-line no-restricted-syntax -- a test's own knob, not the service's configuration
const SEED = Number(process.env.QUORUM_FUZZ_SEED ?? randomBytes(4).readUInt32BE(0));
const CASES = { slack: 580, teams: 430 };
const BATCH = 8;
/** Marks exempt items' text: it must never reach a public post. */
const SECRET = 'XSECRET';

/** mulberry32: small, seeded, good enough to pick inputs. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Gen {
  private readonly next: () => number;
  private counter = 0;
  constructor(seed: number) {
    this.next = prng(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(list: readonly T[]): T {
    return list[this.int(list.length)] as T;
  }
  id(prefix: string): string {
    return `${prefix}${SEED.toString(36)}x${(this.counter += 1).toString(36)}`;
  }
  /** A piece of text someone could type, never the exempt marker. */
  text(): string {
    const pieces = [
      ...HOSTILE.filter((s) => !s.includes('\u0000')),
      'Budget 2031/32',
      'Police update',
      '',
      ' ',
      '5',
      '2031-06-12',
      '10:00',
      'to',
      '--board',
      'scpb',
      '__proto__',
      'constructor',
      'toString',
      '\u0000',
      '\uD83D',
      '\uD83D\uDE00',
      'x'.repeat(this.int(3) === 0 ? 3100 : 40),
      '%00 %s %n {{7*7}} ${7*7} ../../etc/passwd',
      "'; DROP TABLE meeting; --",
    ];
    const n = 1 + this.int(3);
    return Array.from({ length: n }, () => this.pick(pieces)).join(this.pick([' ', '\n', '']));
  }
  /** An id: a real one, a random one, or nonsense. */
  idLike(real: readonly string[]): unknown {
    return this.pick<unknown>([...real, ...real, randomUUIDFrom(this), 'not-an-id', '', null, 42, { $gt: '' }, ['x'], '__proto__']);
  }
}

const randomUUIDFrom = (g: Gen): string =>
  `${g.int(0xffffffff).toString(16).padStart(8, '0')}-${g.int(0xffff).toString(16).padStart(4, '0')}-4${g.int(0xfff).toString(16).padStart(3, '0')}-8${g.int(0xfff).toString(16).padStart(3, '0')}-${g.int(0xffffffff).toString(16).padStart(12, '0')}`;

const BUTTONS = FEATURES.flatMap((f) => ('buttons' in f ? f.buttons.map((b) => b.id as string) : []));
const FORMS = FEATURES.flatMap((f) => ('forms' in f ? f.forms.map((x) => x.id as string) : []));
const INHERITED = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'];
const WORDS = CATALOGUE.map((c) => c.words);
/** A clerk running these would legitimately make the board channel private (exempt items shown). */
const CLERK_EXCLUDED = new Set(['board channel', 'board setup']);

interface World {
  boardId: string;
  meetingIds: string[];
  itemIds: string[];
  importIds: string[];
  proposalIds: string[];
  outboxIds: string[];
  /** Items whose exempt flag is set (an edit keeping them exempt must keep the marker). */
  exemptItemIds: Set<string>;
}

let quorum: RunningQuorum;
let db: TestDatabase;
let slackApi: FakeSlackApi;
let connector: FakeBotConnector;
let slack: ReturnType<typeof slackSender>;
let teams: TeamsClient;
let seed: SeedBoard;
let logs: () => string;
let signingSecret: string;

beforeAll(async () => {
  signingSecret = randomBytes(16).toString('hex');
  slackApi = await startFakeSlackApi();
  connector = await startFakeBotConnector();
  db = await createTestDatabase();
  const captured = capturingLogger('info');
  logs = captured.logs;
  const config = loadConfig({
    SLACK_BOT_TOKEN: `xoxb-1-2-${randomBytes(8).toString('hex')}`,
    SLACK_SIGNING_SECRET: signingSecret,
    SLACK_API_URL: slackApi.apiUrl,
    TEAMS_ALLOW_UNAUTHENTICATED: 'true',
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
  });
  // The dispatcher keeps its default idle poll (1 s): whatever is queued pokes it at once, and the
  // poll only finds work queued by another instance or a lease run out, neither of which happens
  // here. A 50 ms poll cost about 0.1 s of CPU for every second the file ran, for nothing.
  quorum = await startQuorum({ config, logger: captured.logger, db, manualScheduler: true });
  slack = slackSender(signingSecret);
  teams = createTeamsClient({ baseUrl: quorum.url, serviceUrl: connector.serviceUrl });
  seed = await createSeedBoard(db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  connector.setPersonalChat(TEAMS_DEFAULTS.user.id, TEAMS_DEFAULTS.personalConversationId);
  await sendActivity(teams.botAdded({ place: 'channel' }));
  await sendActivity(teams.installationUpdate({ action: 'add' }));
  // A meeting whose agenda has an exempt item, posted to the (public) board channel on both platforms.
  const meeting = await db.prisma.meeting.create({
    data: {
      boardId: seed.boardId,
      title: 'Safer Communities Partnership Board',
      startsAt: new Date('2031-06-12T09:00:00Z'),
      calendarToken: `fuzz-${SEED}`,
      items: {
        create: [
          { position: 1, number: '1', title: 'Welcome', standing: 'welcome' },
          { position: 2, number: '2', title: 'Police update' },
          { position: 3, number: '3', title: `${SECRET} Prevent case review`, subPoints: [`${SECRET} named individual`], exempt: true },
          { position: 4, number: '4', title: 'Any Other Business', standing: 'aob' },
        ],
      },
    },
  });
  const posted = await slack.command(slashCommand({ text: 'agenda post', user_id: seed.clerk.slackUserId, channel_id: 'CSCPB', response_url: slackApi.responseUrl() }));
  expect(posted.status).toBe(200);
  await settle();
  expect(meeting.id).toBeTruthy();
}, 120_000);

afterAll(async () => {
  await quorum?.stop();
  await db?.destroy();
  await slackApi?.close();
  await connector?.close();
  agent.destroy();
});

// --- Sending ---------------------------------------------------------------------------------------

// The requests go out on one keep-alive node:http agent, not fetch (as slack-client.ts and
// teams-client.ts send them): fetch (undici, WHATWG streams under it) cost about 0.5 ms of CPU a
// request more here, half a second over the run. What goes on the wire is the same: the
// signature is slack-client.ts's (signSlackRequest), the encoding its formEncode.
const agent = new Agent({ keepAlive: true });

interface Answered {
  status: number;
  /** JSON when the service answered JSON, otherwise the text. */
  body: unknown;
}

function postOnce(path: string, body: string, headers: Record<string, string>): Promise<Answered> {
  return new Promise((resolve, reject) => {
    const req = request(`${quorum.url}${path}`, { method: 'POST', agent, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        resolve({ status: res.statusCode ?? 0, body: (res.headers['content-type'] ?? '').includes('json') && text ? (JSON.parse(text) as unknown) : text });
      });
    });
    // A kept-alive connection reset as it was reused: almost always the service closing the idle
    // socket as the request went out (its keep-alive timeout), so it did not read it. Sent again,
    // once, on a new connection; a reset of every request still fails the test.
    req.on('error', (error) => reject(Object.assign(error, { resend: req.reusedSocket && (error as NodeJS.ErrnoException).code === 'ECONNRESET' })));
    req.end(body);
  });
}

async function post(path: string, body: string, headers: Record<string, string>): Promise<Answered> {
  try {
    return await postOnce(path, body, headers);
  } catch (error) {
    if ((error as { resend?: boolean }).resend) return postOnce(path, body, headers);
    throw error;
  }
}

/** Signed Slack requests, encoded as slack-client.ts encodes them. */
function slackSender(signingSecret: string) {
  const send = (raw: string, contentType: string) => {
    const timestamp = Math.floor(Date.now() / 1000);
    return post('/slack/events', raw, { 'content-type': contentType, 'x-slack-request-timestamp': String(timestamp), 'x-slack-signature': signSlackRequest(signingSecret, timestamp, raw) });
  };
  return {
    send,
    command: (command: object) => send(formEncode(command), 'application/x-www-form-urlencoded'),
    interaction: (payload: object) => send(formEncode({ payload: JSON.stringify(payload) }), 'application/x-www-form-urlencoded'),
    event: (envelope: object) => send(JSON.stringify(envelope), 'application/json'),
  };
}

/** A Bot Framework activity, unauthenticated (TEAMS_ALLOW_UNAUTHENTICATED), as teams-client.ts sends it. */
const sendActivity = (activity: unknown) => post('/api/messages', JSON.stringify(activity), { 'content-type': 'application/json' });

/** Waits until the outbox is idle and nothing new has reached the fakes for a moment. */
async function settle(): Promise<void> {
  let seen = -1;
  for (let i = 0; i < 200; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    const pending = await db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } });
    const now = slackApi.calls().length + slackApi.responses().length + connector.calls().length;
    if (pending === 0 && now === seen) return;
    seen = now;
  }
}

async function world(): Promise<World> {
  const [meetings, items, imports, proposals, outbox] = await Promise.all([
    db.prisma.meeting.findMany({ select: { id: true } }),
    db.prisma.agendaItem.findMany({ select: { id: true, exempt: true } }),
    db.prisma.agendaImport.findMany({ select: { id: true } }),
    db.prisma.forwardPlanItem.findMany({ select: { id: true } }),
    db.prisma.outboxMessage.findMany({ select: { id: true }, take: 20 }),
  ]);
  return {
    boardId: seed.boardId,
    meetingIds: meetings.map((m) => m.id),
    itemIds: items.map((i) => i.id),
    importIds: imports.map((i) => i.id),
    proposalIds: proposals.map((p) => p.id),
    outboxIds: outbox.map((o) => o.id),
    exemptItemIds: new Set(items.filter((i) => i.exempt).map((i) => i.id)),
  };
}

type Case = { what: string; send: () => Promise<{ status: number; body?: unknown; unsupportedInvoke?: boolean }> };

function slackUser(g: Gen): { id: string; team: string; clerk: boolean } {
  const roll = g.int(6);
  if (roll < 3) return { id: seed.clerk.slackUserId, team: 'T0SEED', clerk: true };
  if (roll === 3) return { id: seed.member.slackUserId, team: 'T0SEED', clerk: false };
  if (roll === 4) return { id: 'USTRANGER', team: 'T0SEED', clerk: false };
  return { id: seed.clerk.slackUserId, team: 'T0THER', clerk: false };
}

function commandText(g: Gen, clerk: boolean): string {
  const words = WORDS.filter((w) => !clerk || !CLERK_EXCLUDED.has(w));
  const head = g.chance(0.85) ? g.pick(words) : g.text();
  const args = Array.from({ length: g.int(4) }, () => (g.chance(0.5) ? String(g.int(45)) : g.text()));
  return [head, ...args].join(' ').slice(0, 3500);
}

/** Form values for a form's fields; the exempt marker only on items that are exempt. */
function formValues(g: Gen, formId: string, itemId: unknown, w: World): Record<string, unknown> {
  const fields = formDefinition(formId)?.fields ?? [{ id: 'title', kind: 'text' as const }, { id: g.text().slice(0, 20), kind: 'text' as const }];
  const agendaItemForm = formId === 'agenda.item.add' || formId === 'agenda.item.edit';
  const exempt = agendaItemForm && (g.chance(0.3) || (typeof itemId === 'string' && w.exemptItemIds.has(itemId)));
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    switch (field.kind) {
      case 'date':
        values[field.id] = g.pick(['2031-07-01', '2020-01-01', '2031-02-30', g.text(), '']);
        break;
      case 'time':
        values[field.id] = g.pick(['10:00', '25:61', g.text(), '']);
        break;
      case 'checkbox':
        values[field.id] = field.id === 'exempt' && agendaItemForm ? exempt : g.chance(0.5);
        break;
      case 'number':
        values[field.id] = g.pick(['5', '-1', '1e9', 'NaN', g.text()]);
        break;
      case 'select':
      case 'multiselect':
        values[field.id] = field.kind === 'multiselect' ? [g.text().slice(0, 30)] : g.pick([...(field.options ?? []).map((o) => o.value), g.text().slice(0, 30)]);
        break;
      default:
        values[field.id] = g.chance(0.08) ? { toString: 1 } : g.text();
    }
  }
  if (exempt) {
    values.title = `${SECRET} ${typeof values.title === 'string' ? values.title : ''}`.slice(0, 150);
    values.subPoints = `${SECRET} sub-point\n${typeof values.subPoints === 'string' ? values.subPoints : ''}`;
  }
  return values;
}

function formMetadata(g: Gen, w: World): { metadata: Record<string, unknown>; itemId: unknown } {
  const itemId = g.idLike(w.itemIds);
  const metadata: Record<string, unknown> = { meetingId: g.idLike(w.meetingIds), boardId: g.idLike([w.boardId]), itemId, importId: g.idLike(w.importIds) };
  if (g.chance(0.1)) delete metadata.meetingId;
  return { metadata, itemId };
}

function slackViewState(values: Record<string, unknown>, formId: string): Record<string, Record<string, unknown>> {
  const fields = formDefinition(formId)?.fields ?? [];
  const state: Record<string, Record<string, unknown>> = {};
  for (const [id, value] of Object.entries(values)) {
    const kind = fields.find((f) => f.id === id)?.kind ?? 'text';
    const text = typeof value === 'string' ? value : JSON.stringify(value);
    state[id] = {
      [id]:
        kind === 'date'
          ? { type: 'datepicker', selected_date: text }
          : kind === 'time'
            ? { type: 'timepicker', selected_time: text }
            : kind === 'checkbox'
              ? { type: 'checkboxes', selected_options: value === true ? [{ value: 'true' }] : [] }
              : kind === 'select'
                ? { type: 'static_select', selected_option: { value: text } }
                : kind === 'multiselect'
                  ? { type: 'multi_static_select', selected_options: (Array.isArray(value) ? value : [value]).map((v) => ({ value: String(v) })) }
                  : { type: 'plain_text_input', value: typeof value === 'string' ? value : null },
    };
  }
  return state;
}

function slackCase(g: Gen, w: World): Case {
  const user = slackUser(g);
  const channel = g.pick(['CSCPB', 'CSCPB', 'COTHER', `D${user.id.slice(1)}`]);
  const roll = g.int(100);
  if (roll < 30) {
    const text = commandText(g, user.clerk);
    return { what: `slack command "${text.slice(0, 60)}"`, send: () => slack.command(slashCommand({ text, user_id: user.id, team_id: user.team, channel_id: channel, response_url: slackApi.responseUrl() })) };
  }
  if (roll < 40) {
    const text = commandText(g, user.clerk);
    return { what: `slack mention "${text.slice(0, 60)}"`, send: () => slack.event(appMention({ command: text, user: user.id, channel: channel.startsWith('D') ? 'CSCPB' : channel, team: user.team })) };
  }
  if (roll < 60) {
    const actionId = g.pick([...BUTTONS, ...BUTTONS, ...INHERITED, g.text().slice(0, 50) || 'x']);
    const payload = { meetingId: g.idLike(w.meetingIds), importId: g.idLike(w.importIds), itemId: g.idLike(w.proposalIds), outboxId: g.idLike(w.outboxIds), decision: g.pick(['accept', 'defer', 'decline', g.text()]), note: g.text() };
    const value = g.chance(0.1) ? g.text() : JSON.stringify(payload);
    return {
      what: `slack button ${actionId.slice(0, 40)}`,
      send: () =>
        slack.interaction(
          blockActions({
            user: { id: user.id, username: 'x', name: 'x', team_id: user.team },
            team: { id: user.team, domain: 'x' },
            channel: { id: channel, name: 'x' },
            container: { type: 'message', message_ts: '1.1', channel_id: channel, is_ephemeral: g.chance(0.5) },
            response_url: slackApi.responseUrl(),
            actions: [button({ action_id: actionId, ...(value.length > 0 ? { value: value.slice(0, 2000) } : {}) })],
          }),
        ),
    };
  }
  if (roll < 85) {
    const formId = g.pick([...FORMS, ...FORMS, ...INHERITED]);
    const { metadata, itemId } = formMetadata(g, w);
    const values = formValues(g, formId, itemId, w);
    const meta = g.chance(0.1) ? g.text() : JSON.stringify({ ...metadata, ...(g.chance(0.5) ? { channel: channel } : {}) });
    return {
      what: `slack form ${formId}`,
      send: () => slack.interaction(viewSubmission({ callback_id: formId, private_metadata: meta.slice(0, 3000), user: { id: user.id, team_id: user.team }, team: { id: user.team, domain: 'x' }, values: slackViewState(values, formId) as never })),
    };
  }
  const bodies: [string, string][] = [
    ['payload=null', 'application/x-www-form-urlencoded'],
    ['null', 'application/json'],
    [JSON.stringify({ type: 'block_actions', actions: [], user: { id: user.id } }), 'application/json'],
    [`payload=${encodeURIComponent(JSON.stringify({ type: 'view_submission', user: { id: user.id }, view: { callback_id: g.pick(FORMS) } }))}`, 'application/x-www-form-urlencoded'],
    [`payload=${encodeURIComponent(JSON.stringify({ type: g.text().slice(0, 20), trigger_id: g.id('t') }))}`, 'application/x-www-form-urlencoded'],
    [JSON.stringify({ type: 'event_callback', event_id: g.id('Ev'), team_id: 'T0SEED', event: { type: 'app_mention', user: user.id, text: null, channel: 'CSCPB', ts: '1.1' } }), 'application/json'],
    [new URLSearchParams({ command: '/quorum', team_id: 'T0SEED', text: g.text() }).toString(), 'application/x-www-form-urlencoded'],
    [`payload=%7B${g.text().slice(0, 20)}`, 'application/x-www-form-urlencoded'],
  ];
  const [raw, type] = g.pick(bodies);
  return { what: `slack malformed ${raw.slice(0, 40)}`, send: () => slack.send(raw, type) };
}

function teamsCase(g: Gen, w: World): Case {
  const place = g.pick(['personal', 'personal', 'channel', 'groupChat'] as const);
  const from = g.chance(0.7) ? { ...TEAMS_DEFAULTS.user } : { id: '29:stranger', name: g.text().slice(0, 40) || 'x', aadObjectId: g.pick(['aad-stranger', seed.member.teamsAadId]) };
  const id = g.id('act');
  const roll = g.int(100);
  if (roll < 42) {
    const text = commandText(g, from.aadObjectId === TEAMS_DEFAULTS.user.aadObjectId);
    return { what: `teams message "${text.slice(0, 60)}"`, send: () => sendActivity({ ...teams.message({ text, place, mention: place !== 'personal', from }), id }) };
  }
  if (roll < 84) {
    const isForm = g.chance(0.55);
    const verb = isForm ? g.pick([...FORMS, ...INHERITED]) : g.pick([...BUTTONS, ...BUTTONS, ...INHERITED, g.text().slice(0, 40) || 'x']);
    const { metadata, itemId } = formMetadata(g, w);
    const data: Record<string, unknown> = isForm
      ? { form: verb, metadata: g.chance(0.1) ? g.text() : metadata, ...formValues(g, verb, itemId, w) }
      : { meetingId: g.idLike(w.meetingIds), importId: g.idLike(w.importIds), itemId: g.idLike(w.proposalIds), outboxId: g.idLike(w.outboxIds), decision: g.pick(['accept', 'defer', 'decline']) };
    return { what: `teams invoke ${verb.slice(0, 40)}`, send: () => sendActivity({ ...teams.cardAction({ verb, data, place, from }), id }) };
  }
  const base = teams.message({ text: g.text(), place, from }) as Record<string, unknown>;
  const broken: Record<string, unknown>[] = [
    { ...base, id, from: null },
    { ...base, id, conversation: { id: `19:x\u0000y` } },
    { ...base, id, text: { toString: 1 } },
    { ...base, id, type: g.pick(['invoke', 'message', '__proto__', 'event']), name: g.pick(['adaptiveCard/action', 'task/fetch', '__proto__']), value: g.pick([null, 'x', { action: null }, { action: { type: 'Action.Execute', verb: '__proto__', data: [] } }]) },
    { ...base, id, entities: [{ type: 'mention' }] },
    { ...base, id, serviceUrl: 'not a url' },
  ];
  const body = g.pick(broken);
  return {
    what: 'teams malformed',
    send: async () => {
      const res = await sendActivity(body);
      return { status: res.status, unsupportedInvoke: body.type === 'invoke' && body.name !== 'adaptiveCard/action' };
    },
  };
}

// --- What the fakes recorded ----------------------------------------------------------------------

/** Strings a platform reads as markup: Slack mrkdwn and message text, Teams card and message text. */
function markupTexts(value: unknown, out: string[] = [], depth = 0): string[] {
  if (depth > 40 || value === null || typeof value !== 'object') return out;
  if (Array.isArray(value)) {
    for (const v of value) markupTexts(v, out, depth + 1);
    return out;
  }
  const object = value as Record<string, unknown>;
  // Slack plain_text objects and Teams messages sent with textFormat "plain" are shown literally.
  if (typeof object.text === 'string' && object.type !== 'plain_text' && object.textFormat !== 'plain') out.push(object.text);
  for (const [key, v] of Object.entries(object)) if (key !== 'text' || typeof v !== 'string') markupTexts(v, out, depth + 1);
  return out;
}

const SLACK_PINGS = /<(!channel|!here|!everyone|!subteam|@U123|@W123|#C123|https:\/\/evil)/;
const TEAMS_LINKS = /\]\(\s*https?:\/\/evil|<https?:\/\/evil/;

describe(`hostile input, generated (seed ${SEED})`, () => {
  it('never answers 5xx, logs no error, leaks no exempt item to a public post and lets no typed ping or link through', async () => {
    console.log(`hostile fuzz seed: ${SEED} (set QUORUM_FUZZ_SEED=${SEED} to run the same inputs again)`);
    const g = new Gen(SEED);
    const statuses: { what: string; status: number; unsupportedInvoke?: boolean }[] = [];
    /** What the service answered over HTTP: Slack acks, Teams invoke responses. */
    const answered: unknown[] = [];
    const kinds = [...Array(CASES.slack).fill('slack'), ...Array(CASES.teams).fill('teams')] as ('slack' | 'teams')[];
    // The order of platforms is the seed's too.
    for (let i = kinds.length - 1; i > 0; i -= 1) {
      const j = g.int(i + 1);
      [kinds[i], kinds[j]] = [kinds[j] as 'slack' | 'teams', kinds[i] as 'slack' | 'teams'];
    }
    let w = await world();
    for (let start = 0; start < kinds.length; start += BATCH) {
      if (start % 40 === 0) w = await world();
      const batch = kinds.slice(start, start + BATCH).map((kind) => (kind === 'slack' ? slackCase(g, w) : teamsCase(g, w)));
      const results = await Promise.all(batch.map(async (c) => ({ what: c.what, ...(await c.send()) })));
      for (const r of results) {
        statuses.push({ what: r.what, status: r.status, ...('unsupportedInvoke' in r ? { unsupportedInvoke: r.unsupportedInvoke as boolean } : {}) });
        if (r.body !== undefined) answered.push({ platform: r.what.split(' ')[0], body: r.body });
      }
    }
    await settle();
    expect(statuses.length).toBeGreaterThanOrEqual(1000);

    // An invoke Quorum does not offer (task/fetch...) is answered 501 Not Implemented, as
    // botbuilder's own handlers answer it: the protocol's refusal, not a failure.
    expect(statuses.filter((s) => s.status >= 500 && !(s.status === 501 && s.unsupportedInvoke))).toEqual([]);
    const errors = logs()
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { level: number; msg: string })
      .filter((line) => line.level >= 50)
      // A message the platform cannot take (e.g. an agenda for a board made by the fuzz in a Teams
      // conversation the bot was never added to) is a delivery outcome the clerks are told about,
      // not a failure of the service.
      .filter((line) => !(line.msg === 'message could not be delivered' && (line as { component?: string }).component === 'dispatcher'));
    expect(errors).toEqual([]);

    // Public posts: Slack messages in channels, in-channel responses; Teams posts outside the personal chat.
    const slackPublic = slackApi
      .calls()
      .filter((c) => (c.method === 'chat.postMessage' || c.method === 'chat.update') && typeof c.body.channel === 'string' && /^[CG]/.test(c.body.channel))
      .map((c) => c.body);
    const inChannel = slackApi
      .responses()
      .filter((r) => (r.body as { response_type?: string } | null)?.response_type === 'in_channel')
      .map((r) => r.body);
    const teamsPosts = connector.calls().filter((c) => c.route === 'send' || c.route === 'reply' || c.route === 'update');
    const teamsPublic = teamsPosts.filter((c) => c.conversationId !== TEAMS_DEFAULTS.personalConversationId && !c.conversationId?.startsWith('a:')).map((c) => c.body);
    expect(slackPublic.length + teamsPublic.length).toBeGreaterThan(0);
    const leaks = [...slackPublic, ...inChannel, ...teamsPublic].map((b) => JSON.stringify(b)).filter((s) => s.includes(SECRET));
    expect(leaks.map((s) => s.slice(Math.max(0, s.indexOf(SECRET) - 200), s.indexOf(SECRET) + 100))).toEqual([]);

    // Typed pings and links, anywhere the bot wrote markup.
    const answeredBy = (platform: string) => answered.filter((a) => (a as { platform: string }).platform === platform).map((a) => (a as { body: unknown }).body);
    const slackWritten = [...slackApi.calls().map((c) => c.body), ...slackApi.responses().map((r) => r.body), ...answeredBy('slack')];
    const slackPings = slackWritten.flatMap((b) => markupTexts(b)).filter((t) => SLACK_PINGS.test(t));
    expect(slackPings.map((t) => t.slice(0, 200))).toEqual([]);
    const teamsLinks = [...teamsPosts.map((c) => c.body), ...answeredBy('teams')].flatMap((b) => markupTexts(b)).filter((t) => TEAMS_LINKS.test(t));
    expect(teamsLinks.map((t) => t.slice(0, 200))).toEqual([]);
  }, 240_000);
});
