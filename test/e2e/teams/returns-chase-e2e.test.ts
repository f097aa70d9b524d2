// Chasing non-submitters on Teams, end to end through the real service, the fake Bot Framework and
// the injected clock: opening a round sends each submitter their request in their own personal
// chat; part way and the day before the deadline (on the board's working days: a chase that falls on
// a weekend or an England and Wales bank holiday waits for the next working day) each submitter of
// an organisation that has not submitted gets one message in their personal chat per chase, never a
// second; after the deadline the clerk is told in their chat, once; never more than three chases.
//
// The round: opened Wednesday 25 November 2026 at noon, due by the end of Tuesday 29 December.
// Part way falls on Saturday 12 December (sent Monday 14th); the day before the deadline is Monday
// 28 December, the substitute bank holiday for Boxing Day (sent Tuesday 29th, the deadline day);
// the clerk is told on Wednesday 30 December, just after the deadline. Probation submits before
// the first chase: its submitter is never chased.
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { teamsSizeIssues } from '../../../cards/validate/teams-size.ts';
import { fieldId } from '../../../src/features/returns/return-form.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';
import { waitForEmptyOutbox } from '../../support/outbox.ts';

let service: TeamsService;
let b: ReturnsBoard;
let now = DateTime.fromISO('2026-11-25T12:00', { zone: 'Europe/London' }).toJSDate();
const at = (iso: string) => {
  now = DateTime.fromISO(iso, { zone: 'Europe/London' }).toJSDate();
};
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const CLERK_CHAT = 'a:1personal-chat-alex-dewsnap';
const RICHARD_CHAT = 'a:1personal-chat-richard-norfolk';
const PRIYA_CHAT = 'a:1personal-chat-priya-analyst';
const JANE_CHAT = 'a:1personal-chat-jane-probation';
/** A second police submitter: each person gets their own one message per chase. */
const PRIYA_AAD = 'aad-priya-analyst';
const clerkAccount = () => ({ id: '29:1alex-dewsnap', name: 'Alex Dewsnap', aadObjectId: b.clerk.teamsAadId });
const janeAccount = () => ({ id: '29:1jane-probation', name: 'Jane Probation', aadObjectId: b.probationSubmitter.teamsAadId });

/** Teams returns a person's existing 1:1 chat when the bot creates a conversation with them. */
function personalChats() {
  service.fake.setPersonalChat(b.clerk.teamsAadId, CLERK_CHAT);
  service.fake.setPersonalChat(b.policeSubmitter.teamsAadId, RICHARD_CHAT);
  service.fake.setPersonalChat(PRIYA_AAD, PRIYA_CHAT);
  service.fake.setPersonalChat(b.probationSubmitter.teamsAadId, JANE_CHAT);
}
async function reset(): Promise<void> {
  await service.resetFake();
  personalChats();
}

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info', start: { clock: () => now } });
  b = await createReturnsBoard(service.db.prisma);
  await service.db.prisma.board.update({ where: { id: b.boardId }, data: { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId } });
  await service.db.prisma.member.create({ data: { boardId: b.boardId, organisationId: b.police, name: 'Priya Analyst', title: 'Performance Analyst', submitsFigures: true, teamsAadId: PRIYA_AAD } });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.message({ text: 'help', place: 'channel', mention: true }));
  await reset();
});
afterAll(async () => {
  await service?.stop();
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
async function act(verb: string, data: Record<string, unknown>, from: { id: string; name: string; aadObjectId: string }) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

const posted = (c: ConnectorCall) => (c.route === 'send' || c.route === 'reply') && c.status < 300;
/** The returns messages posted in a conversation (a person's chat), as card JSON. */
const returnsIn = (conversationId: string) =>
  service.fake
    .calls()
    .filter((c) => posted(c) && c.conversationId === conversationId)
    .filter((c) => /figures for |figures overdue/.test(JSON.stringify(c.body)));
const cardsIn = (conversationId: string) => returnsIn(conversationId).map((c) => JSON.stringify(adaptiveCardOf(c.body)));
const allReturnsMessages = () => service.fake.calls().filter((c) => posted(c) && /Q3 2026\/27/.test(JSON.stringify(c.body)));

/** Runs the scheduler at the clock's time and waits for the outbox to be empty. */
async function tick(): Promise<string[]> {
  const summary = await service.quorum.scheduler.tick();
  await waitForOutbox();
  return summary.ran.filter((k) => k.startsWith('returns-chase:'));
}
const waitForOutbox = () => waitForEmptyOutbox(service.db.prisma);

function expectWellFormed(call: ConnectorCall | undefined) {
  expect(call).toBeDefined();
  expect(validateAdaptiveCard(adaptiveCardOf(call?.body ?? {}))).toEqual([]);
  expect(teamsSizeIssues(call?.body)).toEqual([]);
}

describe('chasing returns on Teams, in each submitter\u2019s own chat, with holiday pauses', () => {
  it('opens the round: each submitter gets one request in their own chat, none in the channel', async () => {
    const loaded = await act('returns.catalogue', { form: 'returns.catalogue', metadata: { boardId: b.boardId }, file: SEED_CATALOGUE_CSV }, clerkAccount());
    expect(JSON.stringify(loaded.value)).toContain('3 metrics added');
    const opened = await act('returns.round', { form: 'returns.round', metadata: { boardId: b.boardId }, period: 'Q3 2026/27', deadline: '2026-12-29' }, clerkAccount());
    expect(JSON.stringify(opened.value)).toContain('Q3 2026/27 (October to December 2026) round open');
    await waitForOutbox();
    for (const chat of [RICHARD_CHAT, PRIYA_CHAT]) {
      const cards = cardsIn(chat);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('Q3 2026/27 figures for Metropolitan Police Service');
      expect(cards[0]).toContain('Tuesday 29 December 2026');
      expect(cards[0]).toContain('"verb":"returns.fill"');
      expectWellFormed(returnsIn(chat)[0]);
    }
    expect(cardsIn(JANE_CHAT)).toHaveLength(1);
    expect(cardsIn(JANE_CHAT)[0]).toContain('Q3 2026/27 figures for National Probation Service');
    expect(service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true && JSON.stringify(c.body).includes('Q3 2026/27'))).toEqual([]);
  });

  it('probation submits from its card; its submitter is not chased', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const reoffending = (await service.db.prisma.metric.findFirstOrThrow({ where: { boardId: b.boardId, name: 'Proven re-offending rate' } })).id;
    const form = (await act('returns.fill', { roundId: round.id, organisationId: b.probation }, janeAccount())).value as { actions: { verb: string; data: { metadata: Record<string, string> } }[] };
    const submit = form.actions.find((a) => a.verb === 'returns.submit');
    const done = await act('returns.submit', { form: 'returns.submit', metadata: submit?.data.metadata, [fieldId.value(reoffending)]: '20.2', [fieldId.positive(reoffending)]: '', [fieldId.negative(reoffending)]: '' }, janeAccount());
    expect(JSON.stringify(done.value)).toContain('National Probation Service\u2019s Q3 2026/27 return submitted');
  });

  it('part way falls on a Saturday: nothing that weekend, one reminder in each police submitter\u2019s chat on Monday', async () => {
    await reset();
    at('2026-12-12T10:00');
    expect(await tick()).toEqual([]);
    at('2026-12-13T18:00');
    expect(await tick()).toEqual([]);
    expect(allReturnsMessages()).toEqual([]);

    at('2026-12-14T09:00');
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    expect(await tick()).toEqual([`returns-chase:${round.id}:1`]);
    for (const chat of [RICHARD_CHAT, PRIYA_CHAT]) {
      const [reminder, ...more] = returnsIn(chat);
      expect(more).toEqual([]);
      expectWellFormed(reminder);
      expect(JSON.stringify(adaptiveCardOf(reminder?.body ?? {}))).toContain('Reminder: Q3 2026/27 figures for Metropolitan Police Service');
    }
    // Probation has submitted; the clerk is not chased for the police; nothing goes to the channel.
    expect(returnsIn(JANE_CHAT)).toEqual([]);
    expect(returnsIn(CLERK_CHAT)).toEqual([]);
    expect(allReturnsMessages().map((c) => c.conversationId).sort()).toEqual([PRIYA_CHAT, RICHARD_CHAT]);
    await reset();
    at('2026-12-14T15:00');
    expect(await tick()).toEqual([]);
    expect(allReturnsMessages()).toEqual([]);
  });

  it('the day before the deadline is the Boxing Day bank holiday: the reminder goes on the deadline day, saying so', async () => {
    await reset();
    at('2026-12-28T09:30');
    expect(await tick()).toEqual([]);
    expect(allReturnsMessages()).toEqual([]);

    at('2026-12-29T09:00');
    expect(await tick()).toHaveLength(1);
    for (const chat of [RICHARD_CHAT, PRIYA_CHAT]) {
      const cards = cardsIn(chat);
      expect(cards).toHaveLength(1);
      expect(cards[0]).toContain('are due today');
      expectWellFormed(returnsIn(chat)[0]);
    }
    expect(allReturnsMessages().map((c) => c.conversationId).sort()).toEqual([PRIYA_CHAT, RICHARD_CHAT]);
  });

  it('after the deadline the clerk is told in their chat who has not submitted, once; the submitters get nothing more: three chases in all', async () => {
    await reset();
    at('2026-12-30T00:05');
    expect(await tick()).toHaveLength(1);
    const told = cardsIn(CLERK_CHAT);
    expect(told).toHaveLength(1);
    expect(told[0]).toContain('Q3 2026/27 figures overdue');
    expect(told[0]).toContain('Metropolitan Police Service');
    expect(told[0]).toContain('Priya Analyst');
    expect(told[0]).not.toContain('National Probation Service');
    expectWellFormed(returnsIn(CLERK_CHAT)[0]);
    expect(allReturnsMessages().map((c) => c.conversationId)).toEqual([CLERK_CHAT]);

    await reset();
    for (const day of ['2026-12-31T09:00', '2027-01-04T09:00', '2027-01-11T09:00']) {
      at(day);
      expect(await tick()).toEqual([]);
    }
    expect(allReturnsMessages()).toEqual([]);
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const runs = await service.db.prisma.scheduledRun.findMany({ where: { key: { startsWith: `returns-chase:${round.id}` } } });
    expect(runs.map((r) => [r.key.split(':').at(-1), r.outcome]).sort()).toEqual([['1', 'done'], ['2', 'done'], ['3', 'done']]);
  });
});
