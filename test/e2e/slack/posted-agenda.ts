// The clerk creates a meeting (Fri 25 Jan 2030, 10:00) and posts its agenda card in the board's
// channel, through the real Slack service, as on any Friday: the starting point of the apologies
// tests. Returns the meeting and the posted card (its ts and blocks, to click its buttons).
import { slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { eventually, type SlackService } from './service.ts';

export interface PostedAgenda<Block> {
  meetingId: string;
  card: { ts: string; blocks: Block[] };
}

export async function postAgendaCard<Block = unknown>(service: SlackService, clerkSlackUserId: string): Promise<PostedAgenda<Block>> {
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
  return { meetingId, card: { ts: row.sentMessageId as string, blocks: posted.body.blocks as Block[] } };
}
