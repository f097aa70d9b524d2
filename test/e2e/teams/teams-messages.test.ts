// Teams end to end through the real service, as for the Bot Framework Emulator (no app id):
// activities posted to POST /api/messages, the real CloudAdapter and bot, the core on a real
// database, and the fake Bot Connector recording what the bot sends back.
import type { Activity } from 'botbuilder';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { CATALOGUE as COMMANDS } from '../../../src/core.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;

beforeAll(async () => {
  service = await startTeamsService();
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

function expectHelpCard(activity: Partial<Activity>) {
  // Without the invisible zero-width spaces the cards put where markdown could read <item> as HTML.
  const shown = JSON.stringify(adaptiveCardOf(activity)).replace(/\u200B/g, '');
  for (const command of COMMANDS) {
    expect(shown).toContain(JSON.stringify(command.usage).slice(1, -1));
    expect(shown).toContain(JSON.stringify(command.description).slice(1, -1));
  }
}

describe('a message to the bot', () => {
  it('answers "help" in the 1:1 chat with a help card listing every command', async () => {
    const activity = service.teams.message({ text: 'help' });
    const res = await service.teams.send(activity);
    expect(res.status).toBe(200);
    const sent = service.fake.sent();
    expect(sent).toHaveLength(1);
    const reply = sent[0]!;
    expect(reply.route).toBe('reply');
    expect(reply.conversationId).toBe(TEAMS_DEFAULTS.personalConversationId);
    expect(reply.activityId).toBe(activity.id);
    expect(reply.path).toBe(`/v3/conversations/${encodeURIComponent(TEAMS_DEFAULTS.personalConversationId)}/activities/${activity.id}`);
    expect(reply.body).toMatchObject({ type: 'message', replyToId: activity.id, from: { id: TEAMS_DEFAULTS.localBotId }, recipient: { id: TEAMS_DEFAULTS.user.id } });
    expectHelpCard(reply.body);
    // No app id, no token: the emulator case.
    expect(reply.authorization).toBeUndefined();
  });

  it('answers "@Quorum help" in a channel thread, the mention removed', async () => {
    const activity = service.teams.message({ text: 'help', place: 'channel', mention: true });
    expect(activity.text).toBe('<at>Quorum</at> help');
    const res = await service.teams.send(activity);
    expect(res.status).toBe(200);
    const [reply] = service.fake.sent();
    expect(reply?.conversationId).toBe(`${TEAMS_DEFAULTS.channel.id};messageid=${activity.id}`);
    expectHelpCard(reply!.body);
  });

  it('treats a bare mention as help', async () => {
    await service.teams.send(service.teams.message({ text: '', place: 'groupChat', mention: true }));
    expectHelpCard(service.fake.sent()[0]!.body);
  });

  it('says plainly when it does not know a command', async () => {
    const res = await service.teams.send(service.teams.message({ text: 'frobnicate the minutes' }));
    expect(res.status).toBe(200);
    const [reply] = service.fake.sent();
    expect(reply?.body.attachments ?? []).toEqual([]);
    expect(reply?.body.text).toContain('I don\'t know the command "frobnicate the minutes"');
    expect(reply?.body.text).toMatch(/help/);
  });

  it('keeps what people write out of the logs', async () => {
    await service.teams.send(service.teams.message({ text: 'frobnicate the confidential minutes' }));
    expect(service.logs()).not.toContain('confidential');
  });
});

describe('where the bot can speak', () => {
  const reference = (conversationId: string) => service.db.prisma.conversationReference.findUnique({
    where: { platform_conversationId: { platform: 'teams', conversationId } },
  });

  it('records the team channel when the bot is added to a team, and can post there proactively', async () => {
    const res = await service.teams.send(service.teams.botAdded({ place: 'channel' }));
    expect(res.status).toBe(200);
    const row = await reference(TEAMS_DEFAULTS.team.id);
    expect(row).toMatchObject({ kind: 'channel', tenantId: TEAMS_DEFAULTS.tenantId, serviceUrl: service.fake.serviceUrl, userId: null });
    expect(row?.reference).toMatchObject({
      channelId: 'msteams',
      serviceUrl: service.fake.serviceUrl,
      conversation: { id: TEAMS_DEFAULTS.team.id, conversationType: 'channel', tenantId: TEAMS_DEFAULTS.tenantId },
      bot: { id: TEAMS_DEFAULTS.localBotId },
    });
    expect(row?.reference).not.toHaveProperty('activityId');
    expect(service.fake.sent()).toEqual([]);

    const id = await service.adapter.sendProactive(row!.reference as never, { type: 'message', text: 'The agenda is out.' });
    const [posted] = service.fake.sent();
    // botbuilder addresses a proactive message as a reply to its own continuation activity (a
    // fresh uuid), which Teams posts as a new message; the fake records both as sent.
    expect(posted).toMatchObject({ conversationId: TEAMS_DEFAULTS.team.id, id });
    expect(posted?.body).toMatchObject({ type: 'message', text: 'The agenda is out.' });
  });

  it('records the 1:1 chat when the app is installed for a person, with their AAD object id', async () => {
    const res = await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
    expect(res.status).toBe(200);
    const row = await reference(TEAMS_DEFAULTS.personalConversationId);
    expect(row).toMatchObject({ kind: 'personal', tenantId: TEAMS_DEFAULTS.tenantId, userId: TEAMS_DEFAULTS.user.aadObjectId });
    expect(row?.reference).toMatchObject({ user: { id: TEAMS_DEFAULTS.user.id, aadObjectId: TEAMS_DEFAULTS.user.aadObjectId } });
    // The welcome in the person's own chat: their upcoming meetings, then help.
    const welcome = service.fake.sent(TEAMS_DEFAULTS.personalConversationId);
    expect(welcome).toHaveLength(2);
    expect(JSON.stringify(welcome[0]?.body)).toContain('You are not on any board yet');
    expect(JSON.stringify(welcome[1]?.body)).toContain('what I can do');

    await service.resetFake();
    await service.adapter.sendProactive(row!.reference as never, { type: 'message', text: 'You have an action due.' });
    expect(service.fake.sent()[0]).toMatchObject({ conversationId: TEAMS_DEFAULTS.personalConversationId, body: { text: 'You have an action due.' } });
  });

  it('keeps the channel (not the thread) current when someone writes to the bot there', async () => {
    await service.teams.send(service.teams.message({ text: 'help', place: 'channel', mention: true, threadId: '1700000000001' }));
    const row = await reference(TEAMS_DEFAULTS.channel.id);
    expect(row).toMatchObject({ kind: 'channel' });
    expect((row?.reference as { conversation: { id: string } }).conversation.id).toBe(TEAMS_DEFAULTS.channel.id);
  });

  it('ignores other members joining', async () => {
    const chat = service.teams.where('groupChat').conversation;
    const conversation = { ...chat, id: '19:another-group-chat@thread.v2' };
    const res = await service.teams.send(service.teams.conversationUpdate({ place: 'groupChat', conversation, membersAdded: [{ id: '29:someone-else', name: 'Someone' }] }));
    expect(res.status).toBe(200);
    expect(await reference(conversation.id)).toBeNull();
    await service.teams.send(service.teams.botAdded({ place: 'groupChat', conversation }));
    expect(await reference(conversation.id)).toMatchObject({ kind: 'groupChat', userId: null });
  });
});

describe('the outbox messenger', () => {
  const failed = {
    outboxId: '00000000-0000-4000-8000-000000000001',
    template: 'delivery.failed' as const,
    data: { boardName: 'Safer Communities', template: 'agenda.card', targetKind: 'channel', targetId: 'C1', code: '404', reason: 'Gone', outboxId: 'x' },
  };

  it('posts a card to a stored channel reference, and opens a 1:1 chat for a person', async () => {
    await service.teams.send(service.teams.botAdded({ place: 'channel' }));
    const row = await service.db.prisma.conversationReference.findUniqueOrThrow({
      where: { platform_conversationId: { platform: 'teams', conversationId: TEAMS_DEFAULTS.team.id } },
    });
    const messenger = service.adapter.messenger!;
    const sent = await messenger.send({ kind: 'channel', id: TEAMS_DEFAULTS.team.id, reference: row.reference as Record<string, unknown> }, [failed]);
    const [posted] = service.fake.sent();
    expect(sent).toEqual({ conversationId: TEAMS_DEFAULTS.team.id, messageId: posted?.id });
    adaptiveCardOf(posted!.body);

    await messenger.send({ kind: 'user', id: TEAMS_DEFAULTS.user.aadObjectId, reference: row.reference as Record<string, unknown> }, [failed]);
    const [created] = service.fake.calls('createConversation');
    expect(created?.body).toMatchObject({ isGroup: false, members: [{ id: TEAMS_DEFAULTS.user.aadObjectId }], tenantId: TEAMS_DEFAULTS.tenantId });
    expect(service.fake.sent().at(-1)?.conversationId).toMatch(/^a:fake-conversation-/);
  });
});

describe('a card button (adaptiveCard/action)', () => {
  it('answers an unknown verb with the Universal Actions error response', async () => {
    const res = await service.teams.send(service.teams.cardAction({ verb: 'no.such.verb', data: { x: 1 } }));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      statusCode: 400,
      type: 'application/vnd.microsoft.error',
      value: { code: 'BadRequest', message: expect.stringContaining('Unknown action "no.such.verb"') as unknown },
    });
    expect(service.fake.sent()).toEqual([]);
  });

  it('rejects an invoke that is not Action.Execute', async () => {
    const activity = service.teams.cardAction({ verb: 'x' });
    const res = await service.teams.send({ ...activity, value: { action: { type: 'Action.Submit' } } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ statusCode: 400, type: 'application/vnd.microsoft.error', value: { code: 'BadRequest' } });
  });
});

describe('the service', () => {
  it('shows Teams on in /healthz', async () => {
    const res = await fetch(`${service.quorum.url}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', teams: { state: 'on', detail: expect.stringContaining('without authentication') as unknown } });
  });

  it('answers 400 to a body that is not JSON, and 405 to a GET', async () => {
    const bad = await fetch(`${service.quorum.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{not json' });
    expect(bad.status).toBe(400);
    for (const body of [[], { text: 'no type' }, { type: 5 }, 'help']) {
      const res = await fetch(`${service.quorum.url}/api/messages`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
      expect(res.status, JSON.stringify(body)).toBe(400);
    }
    const get = await fetch(`${service.quorum.url}/api/messages`);
    expect(get.status).toBe(405);
  });
});
