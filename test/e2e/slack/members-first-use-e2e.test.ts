// Linking on first use, on Slack through signed requests: someone not linked runs a command in the
// board's channel; their Slack name (users.info, as a slash command sends only the handle) is the
// name of someone on the roster without a Slack account, so the clerk and the chair are asked by
// direct message; the clerk's Link links them.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { blockActions, button, slashCommand } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
  await service.db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Jo King', title: 'Head of Housing Management' } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.addUser({ id: 'U0JO', name: 'jking', realName: 'Jo King' });
});

describe('linking someone the first time they use Quorum, on Slack', () => {
  it('asks the clerk and the chair by direct message, and links on the clerk\u2019s Link', async () => {
    const res = await service.ask(slashCommand({ text: 'members', channel_id: 'CSCPB', user_id: 'U0JO', user_name: 'jking' }));
    expect(JSON.stringify(res.body)).toContain('If you are Jo King, I\u2019ve asked Alex Dewsnap (clerk) or Cllr Krishna Suresh (chair) to confirm it');
    // One direct message each to the clerk and the chair (conversations.open, then the card).
    const dm = await service.fake.waitFor('chat.postMessage', (c) => JSON.stringify(c.body).includes('says they are'));
    expect(JSON.stringify(dm.body.blocks)).toContain('*Jo King* (on Slack) says they are *Jo King, Head of Housing Management* on Safer Communities Partnership Board.');
    await expect.poll(() => service.fake.calls('chat.postMessage').filter((c) => JSON.stringify(c.body).includes('says they are')).length, { timeout: 10_000 }).toBe(2);
    const opened = service.fake.calls('conversations.open').map((c) => String(c.body.users));
    expect(opened.sort()).toEqual([seed.clerk.slackUserId, seed.chair.slackUserId].sort());
    const request = await service.db.prisma.memberLinkRequest.findFirstOrThrow();

    const responseUrl = service.fake.responseUrl();
    await service.slack.interaction(
      blockActions({
        user: { id: seed.clerk.slackUserId, username: 'alex', name: 'alex', team_id: 'T0SEED' },
        container: { type: 'message', message_ts: '1.1', channel_id: seed.clerk.slackUserId, is_ephemeral: false },
        response_url: responseUrl,
        actions: [button({ action_id: 'members.link.confirm', value: JSON.stringify({ requestId: request.id }) })],
      }),
    );
    const answer = await service.fake.waitForResponse((r) => responseUrl.endsWith(`/${r.id}`));
    expect(JSON.stringify(answer.body)).toContain('Linked: Jo King (on Slack) is Jo King on Safer Communities Partnership Board.');
    expect(await service.db.prisma.member.findFirstOrThrow({ where: { name: 'Jo King' } })).toMatchObject({ slackUserId: 'U0JO', slackTeamId: 'T0SEED' });
    const roster = await service.ask(slashCommand({ text: 'members', channel_id: 'CSCPB', user_id: 'U0JO', user_name: 'jking' }));
    expect(JSON.stringify(roster.body)).toContain('Members of Safer Communities Partnership Board');
  });
});
