// The clerk (signed in as the fake Teams user, Alex) adds the bot to the board's channel, creates a
// meeting (Fri 25 Jan 2030, 10:00) in their own chat and posts its agenda card in the channel by
// mentioning the bot there (which makes the channel known to the bot, as in real use): the
// starting point of the apologies tests. Returns the meeting, the posted card as the connector
// received it, and the card's activity id (to see it updated in place).
import { expect } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import type { ConnectorCall } from '../../support/fake-bot-connector.ts';
import type { SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { eventually } from '../slack/service.ts';
import type { TeamsService } from './service.ts';

export interface PostedAgenda {
  meetingId: string;
  card: ConnectorCall;
  cardActivityId: string;
}

export async function postAgendaCard(service: TeamsService, seed: SeedBoard): Promise<PostedAgenda> {
  const CHANNEL = TEAMS_DEFAULTS.channel.id;
  const ALEX = { ...TEAMS_DEFAULTS.user };
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: ALEX.aadObjectId } });
  seed.clerk.teamsAadId = ALEX.aadObjectId;
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
  service.fake.setPersonalChat(ALEX.id, TEAMS_DEFAULTS.personalConversationId);
  const data = { form: 'meeting.create', metadata: { boardId: seed.boardId }, date: '2030-01-25', time: '10:00', venue: 'Hendon Town Hall' };
  const res = await service.teams.send(service.teams.cardAction({ verb: 'meeting.create', data, place: 'personal', from: { ...ALEX } }));
  expect(res.status).toBe(200);
  const body = res.body as { type: string; value: unknown };
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  const meetingId = (await service.db.prisma.meeting.findFirstOrThrow()).id;
  await service.teams.send(service.teams.message({ text: 'agenda post', place: 'channel', mention: true, from: { ...ALEX } }));
  const posted = (c: ConnectorCall) => (c.route === 'reply' || c.route === 'send' || c.route === 'update') && c.status < 300;
  const card = await service.fake.waitFor((c) => posted(c) && c.conversationId === CHANNEL && JSON.stringify(c.body).includes('Order of business'), 8_000);
  const sent = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } })) ?? undefined);
  return { meetingId, card, cardActivityId: sent.sentMessageId as string };
}
