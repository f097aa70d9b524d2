// Actions on Teams, end to end through the real service with Bot Framework authentication on: the
// clerk records an action from the form card in their own chat, each owner gets the card in a 1:1
// chat through the outbox, Done answers the Action.Execute invoke with the refreshed card (its
// `refresh` lets a co-owner's copy show the same state) and the outbox edits every copy; Need more
// time opens the form card and the clerk accepts from theirs.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let heldId: string;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const OWNER = { id: '29:1richard-norfolk', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Richard Norfolk' };
const CO_OWNER = { id: '29:1asha-hirani', aadObjectId: '00000000-0000-4000-8000-000000000009', name: 'Asha Hirani' };
let hiraniId: string;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  hiraniId = (await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Asha Hirani', teamsAadId: CO_OWNER.aadObjectId } })).id;
  const held = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token', items: { create: [{ position: 1, number: '5', title: 'Police Update' }] } },
  });
  heldId = held.id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2030-01-25T10:00:00Z'), calendarToken: 'next-token' } });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

type InvokeBody = { statusCode: number; type: string; value: unknown };

/** An Action.Execute invoke in a person's own chat; a card in the answer is checked by Microsoft's parser. */
async function invoke(verb: string, data: Record<string, unknown>, from: { id: string; aadObjectId: string; name: string } = TEAMS_DEFAULTS.user, trigger?: 'automatic') {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from, ...(trigger ? { trigger } : {}) }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

const sentCard = (predicate: (c: ConnectorCall) => boolean) => service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && predicate(c), 8_000);

describe('actions on Teams', () => {
  it('records an action from the form card, sends each owner the card, and Done answers with the refreshed card', async () => {
    await service.teams.send(service.teams.message({ text: 'action new', place: 'personal' }));
    const reply = await sentCard((c) => c.conversationId === PERSONAL);
    const form = adaptiveCardOf(reply.body);
    const submit = (form.actions as { verb: string; data: { metadata: Record<string, string>; choices?: string } }[]).find((a) => a.verb === 'action.create');
    expect(submit?.data.metadata.meetingId).toBe(heldId);
    expect(JSON.stringify(form)).toContain('"value":"2030-01-24"');

    const bad = await invoke('action.create', { ...submit?.data, description: '', owners: '', due: '2030-01-24' });
    // Shown again with its errors, the form keeps its choices (Teams sends back only what was chosen).
    expect(JSON.stringify(bad.value)).toContain('Richard Norfolk (Borough Commander)');
    expect(JSON.stringify(bad.value)).toContain('Describe the action.');
    expect(JSON.stringify(bad.value)).toContain('Choose at least one owner from the roster.');
    expect(await service.db.prisma.action.count()).toBe(0);

    const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: heldId } });
    const good = await invoke('action.create', { ...submit?.data, description: 'Bring the ward burglary figures.', owners: `${seed.member.id},${hiraniId}`, item: item.id, due: '2030-01-24' });
    expect(JSON.stringify(good.value)).toContain('Action recorded, due Thu 24 Jan 2030.');
    const action = await service.db.prisma.action.findFirstOrThrow();

    const card = await sentCard((c) => JSON.stringify(c.body).includes('An action for you') && JSON.stringify(c.body).includes('Bring the ward burglary figures.'));
    const adaptive = adaptiveCardOf(card.body);
    expect(adaptive.refresh).toEqual({ action: { type: 'Action.Execute', title: 'Refresh', verb: 'action.view', data: { actionId: action.id } } });
    await expect.poll(async () => service.db.prisma.outboxMessage.count({ where: { template: 'action.card', platform: 'teams', status: 'sent' } }), { timeout: 8_000 }).toBe(2);
    const ownerCard = await service.db.prisma.outboxMessage.findFirstOrThrow({ where: { template: 'action.card', platform: 'teams', targetId: OWNER.aadObjectId } });

    const done = await invoke('action.done', { actionId: action.id }, OWNER);
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    const shown = JSON.stringify(done.value);
    expect(shown).toContain('Marked done. Thank you.');
    expect(shown).not.toContain('"verb":"action.done"');
    expect((done.value as { refresh?: unknown }).refresh).toBeDefined();
    // The outbox edits the owner's message in place.
    const edited = await service.fake.waitFor((c) => c.route === 'update' && c.activityId === ownerCard.sentMessageId, 8_000);
    expect(JSON.stringify(adaptiveCardOf(edited.body))).toContain('Done');

    // The co-owner's copy, refreshed when shown, has the same state.
    const refreshed = await invoke('action.view', { actionId: action.id }, CO_OWNER, 'automatic');
    expect(JSON.stringify(refreshed.value)).toMatch(/"Status".*"Done"|"Done"/);
    expect(JSON.stringify(refreshed.value)).not.toContain('"verb":"action.done"');
    // Someone outside the board is told, not shown the action.
    const stranger = await invoke('action.view', { actionId: action.id }, { id: '29:1stranger', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Stranger' });
    expect(stranger).toMatchObject({ type: 'application/vnd.microsoft.activity.message' });
    expect(String(stranger.value)).toContain('Only members of Safer Communities Partnership Board');
  });

  it('Need more time opens the form card; the clerk accepts from their own card', async () => {
    const action = await service.db.prisma.action.create({
      data: {
        boardId: seed.boardId,
        meetingId: heldId,
        description: 'Invite DVIP to the next board meeting.',
        dueDate: new Date('2030-01-24T00:00:00Z'),
        owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-24T00:00:00Z') }] },
      },
    });
    const form = await invoke('action.form', { actionId: action.id, form: 'more-time' }, OWNER);
    const formCard = form.value as { actions: { verb: string; data: { metadata: Record<string, string> } }[] };
    const submit = formCard.actions.find((a) => a.verb === 'action.more-time');
    expect(submit?.data.metadata.actionId).toBe(action.id);

    const early = await invoke('action.more-time', { form: 'action.more-time', metadata: submit?.data.metadata, due: '2030-01-10', reason: 'Busy' }, OWNER);
    expect(JSON.stringify(early.value)).toContain('Choose a date after the current due date, Thu 24 Jan 2030.');
    const asked = await invoke('action.more-time', { form: 'action.more-time', metadata: submit?.data.metadata, due: '2030-02-28', reason: 'The analyst is away.' }, OWNER);
    expect(JSON.stringify(asked.value)).toContain('You asked for Thu 28 Feb 2030.');

    const toClerk = await sentCard((c) => c.conversationId === PERSONAL && JSON.stringify(c.body).includes('asked for more time'));
    const clerkCard = adaptiveCardOf(toClerk.body);
    const accept = JSON.stringify(clerkCard).match(/"verb":"action\.decide","data":(\{[^}]*"decision":"accept"[^}]*\})/);
    expect(accept).not.toBeNull();
    const decided = await invoke('action.decide', JSON.parse(accept?.[1] ?? '{}') as Record<string, unknown>);
    expect(JSON.stringify(decided.value)).toContain('More time given: now due Thu 28 Feb 2030.');
    // A second click (or the chair's) changes nothing.
    const again = await invoke('action.decide', JSON.parse(accept?.[1] ?? '{}') as Record<string, unknown>);
    expect(JSON.stringify(again.value)).toContain('That request was already accepted.');
    expect((await service.db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).dueDate.toISOString().slice(0, 10)).toBe('2030-02-28');
  });
});
