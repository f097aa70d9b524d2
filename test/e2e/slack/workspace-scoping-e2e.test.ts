// Boards and people belong to a Slack workspace (team): signed requests from two teams. A user id
// from another team is someone else (no rights, no board), a board is found by team and channel,
// and `board setup` in a channel that already has a board is refused before the form opens, from
// either team (a channel shared between workspaces has one id in both).
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { slashCommand, viewSubmission } from '../../support/slack-client.ts';
import { startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
const OTHER_TEAM = 'T0OTHER';

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma);
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

type From = { team?: string; channel?: string; user?: string };
/** The seed clerk's user id, typed from a team: the seed board's own (T0SEED) or another. */
const typed = (text: string, options: From) =>
  slashCommand({ text, team_id: options.team ?? 'T0SEED', channel_id: options.channel ?? 'CSCPB', user_id: options.user ?? seed.clerk.slackUserId });
/** A command acked empty and answered through its response_url. */
const command = (text: string, options: From = {}) => service.ask(typed(text, options));
/** A command that opens a form: acked empty, then views.open (nothing comes to the response_url). */
const openForm = async (text: string, options: From = {}) => {
  const ack = await service.slack.command({ ...typed(text, options), response_url: service.fake.responseUrl() });
  expect([ack.status, ack.text]).toEqual([200, '']);
  return service.fake.waitFor('views.open');
};

const said = (res: { body: unknown }) => JSON.stringify(res.body);

describe('Slack: one workspace cannot touch another\u2019s board', () => {
  it('gives the clerk\u2019s user id arriving from another team no board and no rights, in the board\u2019s channel or by --board', async () => {
    const meetings = await service.db.prisma.meeting.count();
    const inChannel = await command('meeting new', { team: OTHER_TEAM });
    expect(said(inChannel)).toContain('I can\u2019t tell which board you mean');
    const bySlug = await command('outbox --board scpb', { team: OTHER_TEAM });
    expect(said(bySlug)).toContain('There is no board called \\"scpb\\"');
    const post = await command('agenda post', { team: OTHER_TEAM });
    expect(said(post)).not.toContain('posted');
    expect(service.fake.calls('views.open')).toEqual([]);
    expect(service.fake.calls('chat.postMessage')).toEqual([]);
    expect(await service.db.prisma.meeting.count()).toBe(meetings);

    // The same command from the board's own team opens the clerk's form.
    const opened = await openForm('meeting new');
    expect((opened.body.view as { callback_id: string }).callback_id).toBe('meeting.create');
  });

  it('refuses board setup in a channel that has a board before the form opens, from the board\u2019s team and from another', async () => {
    const fromOther = await command('board setup', { team: OTHER_TEAM, user: 'U0IMPOSTOR' });
    expect(said(fromOther)).toContain('This channel already has a board, set up from another workspace.');
    const fromOwn = await command('board setup', { user: seed.member.slackUserId });
    expect(said(fromOwn)).toContain('This channel is already Safer Communities Partnership Board\u2019s channel.');
    expect(service.fake.calls('views.open')).toEqual([]);

    // A set-up form submitted anyway (forged, or opened before) creates nothing there.
    const forged = await service.slack.interaction(
      viewSubmission({
        callback_id: 'board.setup',
        private_metadata: JSON.stringify({ slackChannel: 'CSCPB' }),
        team: { id: OTHER_TEAM, domain: 'other' },
        user: { id: 'U0IMPOSTOR', team_id: OTHER_TEAM },
        values: { name: 'Impostor Board', slug: 'impostor', timezone: 'Europe/London', quorum: { type: 'number_input', value: '3' } },
      }),
    );
    // Whether the channel has a board is for the database: the ack closes the form, the refusal follows privately.
    expect(forged.body).toEqual({ response_action: 'clear' });
    const refusal = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === 'U0IMPOSTOR');
    expect(refusal.body.channel).toBe('CSCPB');
    expect(JSON.stringify(refusal.body)).toContain('This channel is already a board\u2019s channel. Run setup in another channel.');
    expect(await service.db.prisma.board.count({ where: { slackChannelId: 'CSCPB' } })).toBe(1);
  });

  it('keeps two teams\u2019 boards apart when the same user id is clerk of both', async () => {
    // The other team sets up its own board in its own channel; its clerk has the seed clerk's id.
    const opened = await openForm('board setup', { team: OTHER_TEAM, channel: 'C0OTHER' });
    const view = opened.body.view as { callback_id: string; private_metadata: string };
    const done = await service.slack.interaction(
      viewSubmission({
        callback_id: view.callback_id,
        private_metadata: view.private_metadata,
        team: { id: OTHER_TEAM, domain: 'other' },
        user: { id: seed.clerk.slackUserId, team_id: OTHER_TEAM },
        values: { name: 'Other Borough Board', slug: 'obb', timezone: 'Europe/London', quorum: { type: 'number_input', value: '3' }, yourName: 'Sam Other' },
      }),
    );
    expect(done.body).toEqual({ response_action: 'clear' });
    await service.fake.waitFor('chat.postEphemeral', (c) => c.body.user === seed.clerk.slackUserId && c.body.channel === 'C0OTHER');
    const other = await service.db.prisma.board.findUniqueOrThrow({ where: { slug: 'obb' }, include: { members: true } });
    expect(other).toMatchObject({ slackTeamId: OTHER_TEAM, slackChannelId: 'C0OTHER' });
    expect(other.members).toEqual([expect.objectContaining({ name: 'Sam Other', slackUserId: seed.clerk.slackUserId, slackTeamId: OTHER_TEAM })]);

    // Each team's clerk sees their own board only, wherever they ask from.
    const ownOutbox = await command('outbox');
    expect(said(ownOutbox)).toContain('Safer Communities Partnership Board');
    const otherOutbox = await command('outbox', { team: OTHER_TEAM, channel: 'C0OTHER' });
    expect(said(otherOutbox)).toContain('Other Borough Board');
    const otherInDm = await command('outbox', { team: OTHER_TEAM, channel: 'D0SOMEDM' });
    expect(said(otherInDm)).toContain('Other Borough Board');
    const otherAsksForSeed = await command('outbox --board scpb', { team: OTHER_TEAM, channel: 'C0OTHER' });
    expect(said(otherAsksForSeed)).toContain('There is no board called');
    // The seed board's channel, asked from the other team, is no board's channel there.
    const sharedChannel = await command('outbox', { team: OTHER_TEAM, channel: 'CSCPB' });
    expect(said(sharedChannel)).toContain('Other Borough Board');
    expect(said(sharedChannel)).not.toContain('Safer Communities');
  });
});
