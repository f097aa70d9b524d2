// The clerk creates a meeting (Fri 25 Jan 2030, 10:00) and posts its agenda card in the board's
// channel, through the real Slack service, as on any Friday: the starting point of the apologies
// tests. Returns the meeting and the posted card (its ts and blocks), whose buttons clickCard clicks.
import { expect } from 'vitest';
import { blockActions, button, slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, type SlackService } from './service.ts';

type SlackElement = { type: string; action_id?: string; value?: string; text?: { text: string } };
export type SlackBlock = { type: string; elements?: SlackElement[]; block_id?: string };
export interface PostedCard {
  ts: string;
  blocks: SlackBlock[];
}

export async function postAgendaCard(service: SlackService, clerkSlackUserId: string): Promise<{ meetingId: string; card: PostedCard }> {
  const command = (text: string) => service.slack.command(slashCommand({ text, channel_id: 'CSCPB', user_id: clerkSlackUserId, response_url: service.fake.responseUrl() }));
  await command('meeting new');
  const modal = (await service.fake.waitFor('views.open')).body.view as { private_metadata: string };
  await service.slack.interaction(
    viewSubmission({
      callback_id: 'meeting.create',
      private_metadata: modal.private_metadata,
      user: { id: clerkSlackUserId },
      values: { date: { type: 'datepicker', selected_date: '2030-01-25' }, time: { type: 'timepicker', selected_time: '10:00' } },
    }),
  );
  const meetingId = (await eventually(async () => (await service.db.prisma.meeting.findFirst()) ?? undefined)).id;
  await command('agenda post');
  const posted = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'CSCPB');
  const row = await eventually(async () => (await service.db.prisma.outboxMessage.findFirst({ where: { template: 'agenda.card', status: 'sent' } })) ?? undefined);
  return { meetingId, card: { ts: row.sentMessageId as string, blocks: posted.body.blocks as SlackBlock[] } };
}

/** The button with this label in these blocks, as Slack sends it back when clicked. */
export function buttonIn(blocks: SlackBlock[], label: string) {
  const element = blocks.flatMap((b) => b.elements ?? []).find((e) => e.type === 'button' && e.text?.text === label);
  expect(element, `a "${label}" button`).toBeDefined();
  return button({ action_id: element?.action_id as string, value: element?.value as string });
}

/** A click on the posted card's button with this label, in the channel, by this person. */
export function clickCard(service: SlackService, card: PostedCard, label: string, userId: string) {
  return service.slack.interaction(
    blockActions({
      user: { id: userId, username: userId, name: userId, team_id: 'T0SEED' },
      container: { type: 'message', message_ts: card.ts, channel_id: 'CSCPB', is_ephemeral: false },
      message: { type: 'message', ts: card.ts, text: '', blocks: card.blocks } as never,
      response_url: service.fake.responseUrl(),
      actions: [buttonIn(card.blocks, label)],
    }),
  );
}
