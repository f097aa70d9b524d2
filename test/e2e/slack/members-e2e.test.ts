// The roster on Slack, end to end through signed requests: "members" answered privately (an
// ephemeral answer to the person who asked), and refusals that name who can help.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { slashCommand } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Kiran Vagarwal', title: 'Strategic Lead', role: 'adviser', countsTowardsQuorum: false } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(() => {
  service.fake.reset();
});

const command = (text: string, user: string) => service.slack.command(slashCommand({ text, channel_id: 'CSCPB', user_id: user, response_url: service.fake.responseUrl() }));

describe('members on Slack', () => {
  it('shows the roster by organisation to a member, privately', async () => {
    const res = await command('members', seed.member.slackUserId);
    expect(res.status).toBe(200);
    const body = res.body as { response_type?: string; text: string; blocks: unknown[] };
    expect(body.response_type ?? 'ephemeral').toBe('ephemeral');
    expect(slackMessageSchema.safeParse({ text: body.text, blocks: body.blocks }).success).toBe(true);
    const shown = JSON.stringify(body.blocks);
    expect(shown).toContain('Members of Safer Communities Partnership Board');
    expect(shown).toContain('*Metropolitan Police Service*');
    expect(shown).toContain('*Richard Norfolk*, Borough Commander');
    expect(shown).toContain('*Alex Dewsnap*, Governance Officer \u00b7 clerk');
    expect(shown).toContain('*Kiran Vagarwal*, Strategic Lead \u00b7 adviser (also attends) \u00b7 not counted for quorum \u00b7 not linked');
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
  });

  it('names the clerk and the chair when refusing', async () => {
    const stranger = await command('members', 'U0NEWCOMER');
    expect(JSON.stringify(stranger.body)).toContain('If you are on the board, ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to add you.');
    const member = await command('meeting new', seed.member.slackUserId);
    expect(JSON.stringify(member.body)).toContain('Ask Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) if you should be able to.');
    expect(service.fake.calls('views.open')).toEqual([]);
  });
});
