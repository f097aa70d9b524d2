// Boards and people belong to a Teams tenant: Bot Framework activities from two tenants. The clerk's
// AAD object id arriving from another tenant is someone else (no rights, no board), a board is found
// by tenant and conversation, and `board setup` in a conversation that already has a board is
// refused before the form opens, from either tenant.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS, type TeamsActivity } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const OTHER_TENANT = '9d0b7c1e-0000-4000-8000-0000000000ff';
const ALEX = { ...TEAMS_DEFAULTS.user };

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  const seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: ALEX.aadObjectId } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
  service.fake.setMembers(CHANNEL, [{ ...ALEX }]);
});

/** The activity as it arrives from a tenant: Teams names it on the conversation and in channelData. */
function fromTenant(activity: TeamsActivity, tenantId: string): TeamsActivity {
  return {
    ...activity,
    conversation: { ...activity.conversation!, tenantId },
    channelData: { ...(activity.channelData as Record<string, unknown>), tenant: { id: tenantId } },
  };
}

const answered = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.conversationId === PERSONAL;

/** Types a command (the clerk's AAD id) in a tenant; returns what the person's own chat was sent. */
async function say(text: string, tenantId: string, place: 'channel' | 'personal' = 'channel') {
  const res = await service.teams.send(fromTenant(service.teams.message({ text, place, mention: place === 'channel', from: { ...ALEX } }), tenantId));
  expect(res.status).toBe(200);
  return JSON.stringify((await service.fake.waitFor(answered)).body);
}

describe('Teams: one tenant cannot touch another\u2019s board', () => {
  it('gives the clerk\u2019s AAD object id arriving from another tenant no board and no rights', async () => {
    expect(await say('meeting new', OTHER_TENANT)).toContain('I can\u2019t tell which board you mean');
    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    expect(await say('outbox --board scpb', OTHER_TENANT, 'personal')).toContain('There is no board called');
    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const own = await say('meeting new', TEAMS_DEFAULTS.tenantId);
    expect(own).toContain('Input.Date');
  });

  it('refuses board setup in the board\u2019s conversation from another tenant before the form opens, and a forged submission', async () => {
    const refused = await say('board setup', OTHER_TENANT);
    expect(refused).toContain('This channel already has a board, set up from another workspace.');
    expect(refused).not.toContain('Input.Text');

    const forged = await service.teams.send(
      fromTenant(
        service.teams.cardAction({
          verb: 'board.setup',
          place: 'channel',
          from: { ...ALEX },
          data: { form: 'board.setup', metadata: {}, name: 'Impostor Board', slug: 'impostor', timezone: 'Europe/London', quorum: '3' },
        }),
        OTHER_TENANT,
      ),
    );
    expect(JSON.stringify(forged.body)).toContain('This channel is already a board\u2019s channel.');
    expect(await service.db.prisma.board.count()).toBe(1);
  });

  it('lets the other tenant set up its own board in its own conversation, kept apart from the first', async () => {
    const form = await say('board setup', OTHER_TENANT, 'personal');
    expect(form).toContain('board.setup');
    const res = await service.teams.send(
      fromTenant(
        service.teams.cardAction({
          verb: 'board.setup',
          place: 'personal',
          from: { ...ALEX },
          data: { form: 'board.setup', metadata: {}, name: 'Other Borough Board', slug: 'obb', timezone: 'Europe/London', quorum: '3', yourName: 'Sam Other' },
        }),
        OTHER_TENANT,
      ),
    );
    expect(JSON.stringify(res.body)).toContain('Other Borough Board is set up');
    const other = await service.db.prisma.board.findUniqueOrThrow({ where: { slug: 'obb' }, include: { members: true } });
    expect(other.members).toEqual([expect.objectContaining({ teamsAadId: ALEX.aadObjectId, teamsTenantId: OTHER_TENANT })]);

    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const fromOther = await say('outbox', OTHER_TENANT, 'personal');
    expect(fromOther).toContain('Other Borough Board');
    expect(fromOther).not.toContain('Safer Communities');
    await service.resetFake();
    service.fake.setPersonalChat(ALEX.id, PERSONAL);
    const fromOwn = await say('outbox', TEAMS_DEFAULTS.tenantId);
    expect(fromOwn).toContain('Safer Communities Partnership Board');
  });
});
