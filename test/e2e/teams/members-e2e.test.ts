// The roster on Teams, end to end through Bot Framework activities: "members" typed in the board's
// channel is answered in the person's own chat (with a pointer in the channel), and refusals name
// who can help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
const CHANNEL = TEAMS_DEFAULTS.channel.id;
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;
const ALEX = { ...TEAMS_DEFAULTS.user };
const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send') && c.status < 300;

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: CHANNEL, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  // Alex (the Teams client's default person) is the board's member Richard Norfolk here.
  await service.db.prisma.member.update({ where: { id: seed.member.id }, data: { teamsAadId: ALEX.aadObjectId } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(() => {
  service.fake.reset();
  service.fake.setPersonalChat(ALEX.id, PERSONAL);
});

async function sayInChannel(text: string) {
  const message = service.teams.message({ text, place: 'channel', mention: true, from: { ...ALEX } });
  expect((await service.teams.send(message)).status).toBe(200);
  const answer = await service.fake.waitFor((c) => posted(c) && c.conversationId === PERSONAL);
  const pointer = await service.fake.waitFor((c) => posted(c) && c.conversationId?.startsWith(CHANNEL) === true);
  return { answer: answer.body, pointer: pointer.body, channel: service.fake.calls().filter((c) => posted(c) && c.conversationId?.startsWith(CHANNEL)) };
}

describe('members on Teams', () => {
  it('answers "members" typed in the channel in the person\u2019s own chat, the roster by organisation', async () => {
    const { answer, pointer, channel } = await sayInChannel('members');
    const card = adaptiveCardOf(answer);
    expect(validateAdaptiveCard(card)).toEqual([]);
    const shown = JSON.stringify(card);
    expect(shown).toContain('Members of Safer Communities Partnership Board');
    expect(shown).toContain('Metropolitan Police Service');
    expect(shown).toContain('Richard Norfolk');
    expect(pointer.text).toBe('I\u2019ve sent that to you in our chat, Alex Dewsnap.');
    expect(channel).toHaveLength(1);
    expect(JSON.stringify(channel[0]?.body)).not.toContain('Norfolk');
  });

  it('names the clerk and the chair when refusing a member a clerk command', async () => {
    const { answer } = await sayInChannel('meeting new');
    expect(JSON.stringify(answer)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
  });
});
