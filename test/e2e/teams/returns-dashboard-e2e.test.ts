// The compiled returns dashboard on Teams, end to end through the real service and the fake Bot
// Framework, for a board whose dashboard is too big for one Teams message (43 metrics): the clerk's
// preview comes to their own chat as part 1 of 3, and its buttons page through the parts in the
// invoke response; the trend charts (a PNG per metric) and the CSV are fetched from the card's
// links; publishing posts every part to the board channel, in order, each "part N of 3" and within
// Teams' size limit; "returns attach" links the dashboard from the next meeting's Performance item
// and the agenda card already posted in the channel is updated in place.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { teamsSizeIssues } from '../../../cards/validate/teams-size.ts';
import { fieldId } from '../../../src/features/returns/return-form.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { eventually } from '../slack/service.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let b: ReturnsBoard;
const BASE = 'https://quorum.example.org';
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
/** The Teams user of these tests is the clerk; the bot is in their own chat. */
const CLERK = { ...TEAMS_DEFAULTS.user };
const janeAccount = () => ({ id: '29:1jane-probation', name: 'Jane Probation', aadObjectId: b.probationSubmitter.teamsAadId });
/** 40 more police indicators, each with four quarters of history: 43 rows in all. */
const EXTRA = Array.from({ length: 40 }, (_, i) => `metric,Indicator ${i + 1}: theft from motor vehicles and vehicle interference,MPS,count,lower is better,year on year,,,,${300 + i},${310 + i},${305 + i},${320 + i}`);
const CATALOGUE = [SEED_CATALOGUE_CSV, ...EXTRA].join('\n');

type InvokeBody = { statusCode: number; type: string; value: unknown };
type Element = { type: string; text?: string; url?: string; title?: string; verb?: string; data?: Record<string, unknown>; actions?: Element[]; items?: Element[]; columns?: Element[] };

async function act(verb: string, data: Record<string, unknown>, from: { id: string; name: string; aadObjectId?: string } = CLERK) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

const posted = (c: ConnectorCall) => (c.route === 'send' || c.route === 'reply') && c.status < 300;
const dashboardsIn = (conversation: (id: string | undefined) => boolean) => service.fake.calls().filter((c) => posted(c) && conversation(c.conversationId) && JSON.stringify(c.body).includes('performance dashboard'));
const inChannel = (id: string | undefined) => id?.startsWith(CHANNEL) === true;

/** Every element of a card, nested ones included. */
function elements(card: unknown): Element[] {
  const out: Element[] = [];
  const walk = (x: unknown) => {
    if (Array.isArray(x)) return x.forEach(walk);
    if (x && typeof x === 'object') {
      const e = x as Element;
      if (typeof e.type === 'string') out.push(e);
      Object.values(e).forEach(walk);
    }
  };
  walk(card);
  return out;
}
const titleOf = (card: unknown) => elements(card).find((e) => e.type === 'TextBlock' && e.text?.includes('performance dashboard'))?.text ?? '';
const partButtons = (card: unknown) => elements(card).filter((e) => e.type === 'Action.Execute' && e.verb === 'returns.dashboardPart');
/** The metric names in a part's table, in order. */
const metricsOf = (card: unknown) => {
  const table = elements(card).find((e) => e.type === 'Table') as { rows?: { cells: { items: { text?: string }[] }[] }[] } | undefined;
  return (table?.rows ?? []).slice(1).map((r) => (r.cells[1]?.items[0]?.text ?? '').replace(/\u200B/g, '').trim());
};
const local = (url: string) => url.replace(BASE, service.quorum.url);

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info', env: { PUBLIC_BASE_URL: BASE } });
  b = await createReturnsBoard(service.db.prisma);
  await service.db.prisma.board.update({ where: { id: b.boardId }, data: { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId } });
  await service.db.prisma.member.update({ where: { id: b.clerk.id }, data: { teamsAadId: CLERK.aadObjectId } });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
  await service.teams.send(service.teams.message({ text: 'help', place: 'channel', mention: true }));
  service.fake.setPersonalChat(CLERK.id, PERSONAL);

  const loaded = await act('returns.catalogue', { form: 'returns.catalogue', metadata: { boardId: b.boardId }, file: CATALOGUE });
  expect(JSON.stringify(loaded.value)).toContain('43 metrics added');
  const opened = await act('returns.round', { form: 'returns.round', metadata: { boardId: b.boardId }, period: 'Q3 2026/27', deadline: '2030-01-29' });
  expect(JSON.stringify(opened.value)).toContain('round open');
  // Probation submits its one figure from its card.
  const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
  const reoffending = (await service.db.prisma.metric.findFirstOrThrow({ where: { boardId: b.boardId, name: 'Proven re-offending rate' } })).id;
  const form = (await act('returns.fill', { roundId: round.id, organisationId: b.probation }, janeAccount())).value as { actions: { verb: string; data: { metadata: Record<string, string> } }[] };
  const submit = form.actions.find((a) => a.verb === 'returns.submit');
  const done = await act('returns.submit', { form: 'returns.submit', metadata: submit?.data.metadata, [fieldId.value(reoffending)]: '19.8', [fieldId.positive(reoffending)]: 'Lower than the same period in the previous year', [fieldId.negative(reoffending)]: '' }, janeAccount());
  expect(JSON.stringify(done.value)).toContain('return submitted');
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(CLERK.id, PERSONAL);
});

describe('the compiled dashboard on Teams, in parts', () => {
  it('the clerk\u2019s preview comes to their own chat as part 1 of 3; its buttons page through the parts in the invoke response', async () => {
    await service.teams.send(service.teams.message({ text: 'returns dashboard', place: 'personal' }));
    const first = await service.fake.waitFor((c) => posted(c) && c.conversationId === PERSONAL && JSON.stringify(c.body).includes('performance dashboard'), 8_000);
    expect(teamsSizeIssues(first.body)).toEqual([]);
    const card = adaptiveCardOf(first.body);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(titleOf(card)).toContain('performance dashboard, Q3 2026/27, part 1 of 3');
    expect(JSON.stringify(card)).toContain('The dashboard takes 3 messages; publishing posts them all, in order.');
    expect(JSON.stringify(card)).toContain('Only you can see these figures until you publish them');
    expect(dashboardsIn(inChannel)).toEqual([]);
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const seen: string[][] = [metricsOf(card)];
    expect(seen[0]?.slice(0, 3)).toEqual(['Burglary (MPS)', 'Robbery (MPS)', 'Proven re-offending rate (NPS)']);
    expect(partButtons(card).map((a) => [a.title, a.data])).toEqual([['Next: part 2 of 3', { roundId: round.id, part: 2 }]]);

    const second = await act('returns.dashboardPart', partButtons(card)[0]?.data ?? {});
    expect(second.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(titleOf(second.value)).toContain('part 2 of 3');
    expect(partButtons(second.value).map((a) => [a.title, a.data])).toEqual([
      ['Part 1 of 3', { roundId: round.id, part: 1 }],
      ['Next: part 3 of 3', { roundId: round.id, part: 3 }],
    ]);
    seen.push(metricsOf(second.value));
    const third = await act('returns.dashboardPart', partButtons(second.value)[1]?.data ?? {});
    expect(titleOf(third.value)).toContain('part 3 of 3');
    expect(partButtons(third.value).map((a) => a.title)).toEqual(['Part 2 of 3']);
    seen.push(metricsOf(third.value));
    // Every metric in exactly one part, in catalogue order.
    expect(seen.flat()).toEqual(['Burglary (MPS)', 'Robbery (MPS)', 'Proven re-offending rate (NPS)', ...EXTRA.map((_, i) => `Indicator ${i + 1}: theft from motor vehicles and vehicle interference (MPS)`)]);
    expect(seen.every((p) => p.length > 0)).toBe(true);
    // Who has not submitted closes the dashboard: the last part says it.
    expect(JSON.stringify(third.value)).toContain('Metropolitan Police Service');
    expect(dashboardsIn(inChannel)).toEqual([]);

    // Someone who is not the clerk cannot page through it.
    const refused = await act('returns.dashboardPart', { roundId: round.id, part: 2 }, janeAccount());
    expect(JSON.stringify(refused.value)).toContain('Only the clerk');
    expect(JSON.stringify(refused.value)).not.toContain('performance dashboard');
  });

  it('the chart PNG and the CSV are fetched from the preview\u2019s links', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const preview = (await act('returns.dashboardPart', { roundId: round.id, part: 3 })).value;
    const links = elements(preview).filter((e) => e.type === 'Action.OpenUrl' && e.url).map((e) => e.url as string);
    const chartsUrl = links.find((u) => u.endsWith('/charts')) as string;
    const csvUrl = links.find((u) => u.endsWith('.csv')) as string;
    expect(chartsUrl).toBe(`${BASE}/returns/${round.dashboardToken}/charts`);
    expect(csvUrl).toBe(`${BASE}/returns/${round.dashboardToken}/dashboard.csv`);

    const csv = await fetch(local(csvUrl));
    expect(csv.status).toBe(200);
    expect(csv.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    const text = await csv.text();
    expect(text).toContain('metric,Proven re-offending rate,NPS,percentage,19.8%,22.6%,-2.8 pts');
    expect(text).toContain('Indicator 40: theft from motor vehicles and vehicle interference');

    const page = await (await fetch(local(chartsUrl))).text();
    const charts = [...page.matchAll(/src="(charts\/[0-9a-f-]+\.png)"/g)].map((m) => m[1] as string);
    expect(new Set(charts).size).toBe(43);
    const png = await fetch(`${local(chartsUrl)}/${(charts[0] as string).replace('charts/', '')}`);
    expect(png.status).toBe(200);
    expect(png.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await png.arrayBuffer()).subarray(1, 4).toString()).toBe('PNG');
    expect((await fetch(`${service.quorum.url}/returns/not-a-real-token-at-all-xyz/dashboard.csv`)).status).toBe(404);
  });

  it('publishing posts the three parts to the board channel in order, each within Teams\u2019 size limit and without the clerk\u2019s buttons', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const done = await act('returns.publish', { roundId: round.id });
    expect(done.value).toBe('The Safer Communities Partnership Board dashboard is being posted to the board channel.');
    await eventually(async () => (dashboardsIn(inChannel).length >= 3 ? true : undefined));
    await eventually(async () => ((await service.db.prisma.outboxMessage.count({ where: { status: { in: ['pending', 'sending'] } } })) === 0 ? true : undefined));
    const parts = dashboardsIn(inChannel);
    expect(parts).toHaveLength(3);
    expect(parts.map((p) => titleOf(adaptiveCardOf(p.body)).replace(/^.*part /, 'part '))).toEqual(['part 1 of 3', 'part 2 of 3', 'part 3 of 3']);
    for (const p of parts) {
      expect(teamsSizeIssues(p.body)).toEqual([]);
      const card = adaptiveCardOf(p.body);
      expect(validateAdaptiveCard(card)).toEqual([]);
      expect(partButtons(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toContain('returns.publish');
      expect(JSON.stringify(card)).not.toContain('Only you can see');
    }
    // Three messages of their own (not one updated), in the order they were posted.
    expect(new Set(parts.map((p) => p.id)).size).toBe(3);
    expect(parts.flatMap((p) => metricsOf(adaptiveCardOf(p.body)))).toHaveLength(43);
    expect(dashboardsIn((id) => id === PERSONAL)).toEqual([]);
  });

  it('"returns attach" links the dashboard from the next meeting\u2019s Performance item: the agenda card in the channel is updated in place', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    await service.db.prisma.meeting.create({
      data: {
        boardId: b.boardId,
        title: 'Safer Communities Partnership Board',
        startsAt: new Date(Date.now() + 14 * 24 * 3_600_000),
        calendarToken: 'returns-teams-e2e-meeting-token',
        items: { create: [{ position: 1, number: '1', title: 'Welcome and introductions', standing: 'welcome' }, { position: 2, number: '2', title: 'Performance', reportOf: 'Community Safety Manager' }, { position: 3, number: '3', title: 'Any other business', standing: 'aob' }] },
      },
    });
    await service.teams.send(service.teams.message({ text: 'agenda post', place: 'channel', mention: true }));
    const agenda = await service.fake.waitFor((c) => posted(c) && inChannel(c.conversationId) && JSON.stringify(c.body).includes('Order of business'), 8_000);
    expect(JSON.stringify(agenda.body)).not.toContain('/charts');
    const sent = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } })) ?? undefined);

    await service.teams.send(service.teams.message({ text: 'returns attach', place: 'personal' }));
    const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === PERSONAL && JSON.stringify(c.body).includes('dashboard is attached'), 8_000);
    // A notice: plain text in the clerk's own chat.
    expect(answer.body.text).toContain('The Q3 2026/27 dashboard is attached to item 2 (\u201cPerformance\u201d)');
    const updated = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === sent.sentMessageId && JSON.stringify(c.body).includes(`/returns/${round.dashboardToken}/charts`), 8_000);
    expect(updated.status).toBeLessThan(300);
    expect(inChannel(updated.conversationId)).toBe(true);
    expect(teamsSizeIssues(updated.body)).toEqual([]);
    const card = adaptiveCardOf(updated.body);
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(JSON.stringify(card)).toContain('Performance dashboard Q3 2026/27: trend charts');
    expect(JSON.stringify(card)).toContain(`${BASE}/returns/${round.dashboardToken}/dashboard.csv`);
    // Updated in place: no second agenda card in the channel.
    expect(service.fake.calls().filter((c) => posted(c) && inChannel(c.conversationId) && JSON.stringify(c.body).includes('Order of business'))).toHaveLength(1);
  });
});
