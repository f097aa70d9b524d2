// "my actions" on Teams, end to end through the real service with Bot Framework authentication on:
// in the person's own chat it answers with their open actions on every board, each with Done, Add
// update and Need more time; Done answers with the refreshed card, and the list no longer has it.
// Asked in the board's channel, the list goes to their personal chat, never to the channel.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let actionId: string;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const OWNER = { id: '29:1richard-norfolk', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Richard Norfolk' };

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  const held = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token', items: { create: [{ position: 1, number: '5', title: 'Police Update' }] } },
  });
  const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: held.id } });
  actionId = (
    await service.db.prisma.action.create({
      data: { boardId: seed.boardId, meetingId: held.id, agendaItemId: item.id, description: 'Bring the ward burglary figures.', dueDate: new Date('2030-01-24T00:00:00Z'), owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-20T00:00:00Z') }] } },
    })
  ).id;
  await service.db.prisma.action.create({
    data: { boardId: seed.boardId, meetingId: held.id, description: 'The chair writes to MOPAC.', dueDate: new Date('2030-01-24T00:00:00Z'), owners: { create: [{ memberId: seed.chair.id, notifiedOn: new Date('2026-11-20T00:00:00Z') }] } },
  });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(OWNER.id, PERSONAL);
});

const sent = (predicate: (c: ConnectorCall) => boolean) => service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && predicate(c), 8_000);

describe('my actions (Teams)', () => {
  it('are in the welcome when the person installs Quorum in their own chat, with their buttons, between their meetings and what Quorum can do', async () => {
    const res = await service.teams.send(service.teams.installationUpdate({ action: 'add', from: OWNER }));
    expect(res.status).toBe(200);
    await expect.poll(() => service.fake.sent(PERSONAL).length, { timeout: 8_000 }).toBe(3);
    const [meetings, actions, help] = service.fake.sent(PERSONAL).map((c) => JSON.stringify(c.body));
    expect(meetings).not.toContain('Your open actions');
    const card = adaptiveCardOf(service.fake.sent(PERSONAL)[1]?.body ?? {});
    expect(validateAdaptiveCard(card)).toEqual([]);
    expect(actions).toContain('Your open actions');
    expect(actions).toContain('Bring the ward burglary figures.');
    expect(actions).not.toContain('The chair writes to MOPAC.');
    expect(actions).toContain(`"verb":"action.done","data":{"actionId":"${actionId}"}`);
    expect(help).toContain('what I can do');
  });

  it('are left out of the welcome of someone who owns none', async () => {
    const stranger = { id: '29:1someone-else', aadObjectId: '00000000-0000-4000-8000-0000000000ff', name: 'Someone Else' };
    service.fake.setPersonalChat(stranger.id, 'a:1stranger-personal-chat');
    await service.teams.send(service.teams.installationUpdate({ action: 'add', from: stranger, conversation: { id: 'a:1stranger-personal-chat', conversationType: 'personal', tenantId: TEAMS_DEFAULTS.tenantId } as never }));
    await expect.poll(() => service.fake.sent('a:1stranger-personal-chat').length, { timeout: 8_000 }).toBe(2);
    const [meetings, help] = service.fake.sent('a:1stranger-personal-chat').map((c) => JSON.stringify(c.body));
    expect(meetings).toContain('You are not on any board yet');
    expect(help).toContain('what I can do');
  });

  it('lists the person\u2019s own open actions with Done, Add update and Need more time; Done answers with the refreshed card', async () => {
    await service.teams.send(service.teams.message({ text: 'my actions', place: 'personal', from: OWNER }));
    const reply = await sent((c) => c.conversationId === PERSONAL && JSON.stringify(c.body).includes('Your open actions'));
    const card = adaptiveCardOf(reply.body);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Your open actions');
    expect(shown).toContain('Bring the ward burglary figures.');
    expect(shown).toContain('5. Police Update');
    expect(shown).not.toContain('The chair writes to MOPAC.');
    for (const label of ['Done', 'Add update', 'Need more time']) expect(shown).toContain(`"title":"${label}"`);
    expect(shown).toContain(`"verb":"action.done","data":{"actionId":"${actionId}"}`);

    const res = await service.teams.send(service.teams.cardAction({ verb: 'action.done', data: { actionId }, place: 'personal', from: OWNER }));
    const done = res.body as { type: string; value: unknown };
    expect(done.type).toBe('application/vnd.microsoft.card.adaptive');
    expect(validateAdaptiveCard(done.value)).toEqual([]);
    expect(JSON.stringify(done.value)).toContain('Marked done. Thank you.');
    expect((await service.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).status).toBe('done');

    await service.resetFake();
    service.fake.setPersonalChat(OWNER.id, PERSONAL);
    await service.teams.send(service.teams.message({ text: 'my actions', place: 'personal', from: OWNER }));
    // (Marking it done also sends the owner the action's card, which they never had: not this answer.)
    const after = await sent((c) => c.conversationId === PERSONAL && JSON.stringify(c.body).includes('Your open actions'));
    expect(JSON.stringify(adaptiveCardOf(after.body))).toContain('You have no open actions.');
  });

  it('asked in the board\u2019s channel, sends the list to the person\u2019s own chat and only a pointer to the channel', async () => {
    await service.db.prisma.action.update({ where: { id: actionId }, data: { status: 'open' } });
    await service.teams.send(service.teams.message({ text: 'my actions', place: 'channel', mention: true, from: OWNER }));
    const list = await sent((c) => c.conversationId === PERSONAL && JSON.stringify(c.body).includes('Your open actions'));
    expect(JSON.stringify(list.body)).toContain('Bring the ward burglary figures.');
    const pointer = await sent((c) => (c.conversationId ?? '').startsWith(TEAMS_DEFAULTS.channel.id));
    expect(JSON.stringify(pointer.body)).toContain('I\u2019ve sent that to you in our chat');
    expect(JSON.stringify(pointer.body)).not.toContain('burglary');
  });
});
