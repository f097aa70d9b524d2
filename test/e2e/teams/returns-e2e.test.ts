// Quarterly returns on Teams, end to end through the real service with Bot Framework
// authentication on: the clerk loads the catalogue and opens a round from form cards; the
// probation submitter gets the request in their own chat through the outbox, opens the return
// (an Adaptive Card with inputs and Action.Execute), submits an invalid figure (the card comes back
// with the error beside the input and what was typed kept, nothing stored), fixes it, and amends it.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { fieldId } from '../../../src/features/returns/return-form.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { joinBoardChannel } from './board-channel.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let b: ReturnsBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const clerkAccount = () => ({ id: '29:clerk-alex', name: 'Alex Dewsnap', aadObjectId: b.clerk.teamsAadId });

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  b = await createReturnsBoard(service.db.prisma);
  await service.db.prisma.board.update({ where: { id: b.boardId }, data: { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId } });
  // The Teams user of these tests is the probation submitter; the bot is in their own chat.
  await service.db.prisma.member.update({ where: { id: b.probationSubmitter.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  await joinBoardChannel(service);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

type InvokeBody = { statusCode: number; type: string; value: unknown };

/** A click or a form's submit on a card in a personal chat, as Teams sends it. */
async function act(verb: string, data: Record<string, unknown>, from?: ReturnType<typeof clerkAccount>) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', ...(from ? { from } : {}) }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

type Card = { body: { type: string; id?: string; value?: string; text?: string }[]; actions: { verb: string; data: { metadata: Record<string, string> } }[] };

describe('quarterly returns on Teams', () => {
  it('the clerk loads the catalogue and opens a round from form cards; the submitter gets the request in their own chat', async () => {
    const loaded = await act('returns.catalogue', { form: 'returns.catalogue', metadata: { boardId: b.boardId }, file: SEED_CATALOGUE_CSV }, clerkAccount());
    expect(JSON.stringify(loaded.value)).toContain('3 metrics added');
    const bad = await act('returns.round', { form: 'returns.round', metadata: { boardId: b.boardId }, period: 'Q3 2026/27', deadline: '2020-01-29' }, clerkAccount());
    expect(JSON.stringify(bad.value)).toContain('The deadline has passed: choose a day from today on.');
    expect(await service.db.prisma.returnRound.count()).toBe(0);
    const opened = await act('returns.round', { form: 'returns.round', metadata: { boardId: b.boardId }, period: 'Q3 2026/27', deadline: '2030-01-29' }, clerkAccount());
    expect(JSON.stringify(opened.value)).toContain('Q3 2026/27 (October to December 2026) round open');

    const request = await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && c.conversationId === PERSONAL && JSON.stringify(c.body).includes('National Probation Service'), 8_000);
    const card = JSON.stringify(adaptiveCardOf(request.body));
    expect(card).toContain('Q3 2026/27 figures for National Probation Service');
    expect(card).toContain('Proven re-offending rate');
    expect(card).toContain('"verb":"returns.fill"');
    expect(card).not.toContain('Burglary');
    expect(request.authorization).toMatch(/^Bearer /);
  });

  it('the return is an Adaptive Card form: an invalid figure comes back beside its input, typed text kept; fixed, then amended', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const reoffending = (await service.db.prisma.metric.findFirstOrThrow({ where: { boardId: b.boardId, name: 'Proven re-offending rate' } })).id;
    const opened = await act('returns.fill', { roundId: round.id, organisationId: b.probation });
    const form = opened.value as Card;
    expect(form.body.filter((e) => e.type.startsWith('Input.')).map((e) => e.id)).toEqual([fieldId.value(reoffending), fieldId.positive(reoffending), fieldId.negative(reoffending)]);
    expect(JSON.stringify(form)).toContain('Q3 2025/26: 22.6%');
    const submit = form.actions.find((a) => a.verb === 'returns.submit');
    expect(submit?.data.metadata).toEqual({ roundId: round.id, organisationId: b.probation, page: '1' });
    const data = (values: Record<string, string>) => ({ form: 'returns.submit', metadata: submit?.data.metadata, ...values });

    const bad = await act('returns.submit', data({ [fieldId.value(reoffending)]: '120%', [fieldId.positive(reoffending)]: 'Lower than the same period in the previous year', [fieldId.negative(reoffending)]: '' }));
    const shown = bad.value as Card;
    expect(JSON.stringify(shown)).toContain('A percentage is between 0 and 100.');
    expect(shown.body.find((e) => e.id === fieldId.value(reoffending))?.value).toBe('120%');
    expect(shown.body.find((e) => e.id === fieldId.positive(reoffending))?.value).toBe('Lower than the same period in the previous year');
    expect(await service.db.prisma.returnSubmission.count()).toBe(0);

    const good = await act('returns.submit', data({ [fieldId.value(reoffending)]: '20.2%', [fieldId.positive(reoffending)]: 'Lower than the same period in the previous year', [fieldId.negative(reoffending)]: '' }));
    expect(JSON.stringify(good.value)).toContain('National Probation Service\u2019s Q3 2026/27 return submitted: 1 figure');

    const again = (await act('returns.fill', { roundId: round.id, organisationId: b.probation })).value as Card;
    expect(again.body.find((e) => e.id === fieldId.value(reoffending))?.value).toBe('20.2');
    const amended = await act('returns.submit', data({ [fieldId.value(reoffending)]: '19.8', [fieldId.positive(reoffending)]: '', [fieldId.negative(reoffending)]: '' }));
    expect(JSON.stringify(amended.value)).toContain('return amended (version 2)');
    const versions = await service.db.prisma.returnSubmission.findMany({ orderBy: { version: 'asc' }, include: { figures: true } });
    expect(versions.map((v) => [v.version, v.figures[0]?.value, v.figures[0]?.positiveFactors ?? null])).toEqual([
      [1, 20.2, 'Lower than the same period in the previous year'],
      [2, 19.8, null],
    ]);
  });

  it('the police return cannot be opened by the probation submitter', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const refused = await act('returns.fill', { roundId: round.id, organisationId: b.police });
    expect(refused.value).toBe('Only Metropolitan Police Service\u2019s submitters and the clerk can see or submit its figures before they are published. If you should submit them, ask the clerk to add you as a submitter.');
  });

  it('the clerk publishes the compiled dashboard: the board channel gets an Adaptive Card Table with each RAG in colour and word', async () => {
    const round = await service.db.prisma.returnRound.findFirstOrThrow({ where: { boardId: b.boardId } });
    const done = await act('returns.publish', { roundId: round.id }, clerkAccount());
    expect(done.value).toBe('The Safer Communities Partnership Board dashboard is being posted to the board channel.');
    const posted = await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && c.conversationId?.startsWith(CHANNEL) === true && JSON.stringify(c.body).includes('performance dashboard'), 8_000);
    const card = adaptiveCardOf(posted.body) as { body: { type: string; rows?: { cells: { items: { text: string; color?: string }[] }[] }[] }[] };
    const table = card.body.find((e) => e.type === 'Table');
    const reoffending = table?.rows?.find((r) => r.cells.some((c) => c.items[0]?.text.startsWith('Proven re-offending rate')));
    // 19.8% against 22.6% a year earlier: 2.8 points lower, and lower is better: Green.
    // As read: markdown's guard marks (a zero-width space before a leading digit or minus) dropped.
    expect(reoffending?.cells.map((c) => c.items[0]?.text.replace(/\u200B/g, '').trim())).toEqual(['Green', 'Proven re-offending rate (NPS)', '19.8%', '-2.8 pts', '', '', '']);
    expect(reoffending?.cells[0]?.items[0]?.color).toBe('Good');
    expect(JSON.stringify(card)).not.toContain('returns.publish');
    const refused = await act('returns.publish', { roundId: round.id });
    expect(refused.value).toContain('Only the clerk or the chair');
  });
});
