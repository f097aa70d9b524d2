// Chasing action owners on Slack, end to end through the real service: `actions chase` sends each
// owner of an open action one digest listing all their open actions (an owner with two gets one
// message with both), nothing to the owners of done or snoozed actions; run twice, and the slash
// command retried by Slack (X-Slack-Retry-Num), it still sends each owner exactly one; the clerk is
// told how many owners were chased.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { slashCommand } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';
import { waitForEmptyOutbox } from '../../support/outbox.ts';
import { createChaseBoard } from '../../support/actions-board.ts';

let service: SlackService;
let seed: SeedBoard;
const SNOOZER = 'U0SNOOZER';
const FINISHER = 'U0FINISHER';

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  await createChaseBoard(service.db.prisma, { boardId: seed.boardId, memberId: seed.member.id, chairId: seed.chair.id }, (who) => ({ slackUserId: who === 'snoozer' ? SNOOZER : FINISHER }));
});
afterAll(async () => {
  await service?.stop();
});

const dmOf = (userId: string) => `D${userId.replace(/^U/, '')}`;
const digestsTo = (userId: string) => service.fake.calls('chat.postMessage').filter((c) => c.body.channel === dmOf(userId));
const waitForOutbox = () => waitForEmptyOutbox(service.db.prisma);

describe('actions chase on Slack', () => {
  it('sends one digest per owner of open actions, once, however often it is asked', async () => {
    const command = slashCommand({ text: 'actions chase', channel_id: 'CSCPB', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() });
    await service.slack.command(command);
    const told = await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('Chased'));
    expect(JSON.stringify(told.body)).toContain('Chased 2 owners: one message each, listing their open actions.');
    // Slack retries the same request; the clerk runs it again by hand.
    expect((await service.slack.command(command, { retryNum: 1, retryReason: 'http_timeout' })).status).toBe(200);
    await service.slack.command(slashCommand({ text: 'actions chase', channel_id: 'CSCPB', user_id: seed.clerk.slackUserId, response_url: service.fake.responseUrl() }));
    await service.fake.waitForResponse((r) => JSON.stringify(r.body).includes('already chased today'));
    await waitForOutbox();
    // The retry is the same request: it gets no second answer; the clerk's second ask is told once.
    const answers = service.fake.responses().map((r) => JSON.stringify(r.body));
    expect(answers.filter((a) => a.includes('Chased 2 owners'))).toHaveLength(1);
    expect(answers.filter((a) => a.includes('already chased today'))).toHaveLength(1);

    const owner = digestsTo(seed.member.slackUserId);
    expect(owner).toHaveLength(1);
    const blocks = JSON.stringify(owner[0]?.body.blocks);
    expect(blocks).toContain('Bring the ward burglary figures');
    expect(blocks).toContain('Invite DVIP to the next board meeting');
    expect(slackMessageSchema.safeParse({ text: owner[0]?.body.text, blocks: owner[0]?.body.blocks }).success).toBe(true);
    const chair = digestsTo(seed.chair.slackUserId);
    expect(chair).toHaveLength(1);
    expect(JSON.stringify(chair[0]?.body.blocks)).toContain('Circulate the hate crime report');
    expect(JSON.stringify(chair[0]?.body.blocks)).not.toContain('ward burglary');
    expect(digestsTo(SNOOZER)).toEqual([]);
    expect(digestsTo(FINISHER)).toEqual([]);
    expect(await service.db.prisma.actionUpdate.count({ where: { kind: 'chased' } })).toBe(3);
  });
});
