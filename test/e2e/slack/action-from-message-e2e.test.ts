// "Record as an action" (a Slack message shortcut), end to end through the real service: a clerk
// uses it on a message in the board's channel and the "action new" modal opens with the message's
// text (Slack's markup read as plain text) as the description; submitting it records the action.
// Anyone else is told, privately through the response_url, who can help; a retry of the same
// shortcut opens nothing twice; a malformed payload is refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackModalSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { messageShortcut, viewSubmission } from '../../support/slack-client.ts';
import { HOSTILE } from '../../support/hostile-text.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let heldId: string;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  heldId = (await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } })).id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-01-22T10:00:00Z'), calendarToken: 'next-token' } });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

type Modal = { callback_id: string; private_metadata: string; blocks: { block_id?: string; element?: { initial_value?: string; initial_date?: string } }[] };
const initialOf = (view: Modal, field: string) => view.blocks.find((b) => b.block_id === field)?.element?.initial_value;

describe('Record as an action (Slack message shortcut)', () => {
  it('opens the action form for the channel\u2019s board with the message as the description, and records it', async () => {
    const text = 'Thanks <@UMEMBER1|richard>: please bring the ward burglary figures &amp; the ASB plan (see <https://example.org/plan|the plan>) to <#CSCPB|safer-communities-board> <!here>';
    const ack = await service.slack.interaction(messageShortcut({ user: { id: seed.clerk.slackUserId }, message: { text }, response_url: service.fake.responseUrl() }));
    expect(ack.status).toBe(200);
    expect(ack.text).toBe('');
    const opened = await service.fake.waitFor('views.open');
    const view = opened.body.view as Modal;
    expect(slackModalSchema.safeParse(view).success).toBe(true);
    expect(view.callback_id).toBe('action.create');
    const described = 'Thanks @richard: please bring the ward burglary figures & the ASB plan (see the plan (https://example.org/plan)) to #safer-communities-board @here';
    expect(initialOf(view, 'description')).toBe(described);
    expect(view.blocks.find((b) => b.block_id === 'due')?.element?.initial_date).toBe('2027-01-21');
    expect(JSON.parse(view.private_metadata)).toMatchObject({ meetingId: heldId, slackChannel: 'CSCPB' });

    const done = await service.slack.interaction(
      viewSubmission({
        callback_id: 'action.create',
        private_metadata: view.private_metadata,
        user: { id: seed.clerk.slackUserId },
        values: {
          description: { type: 'plain_text_input', value: described },
          owners: { type: 'multi_static_select', selected_options: [{ text: { type: 'plain_text', text: 'Richard Norfolk' }, value: seed.member.id }] },
          due: { type: 'datepicker', selected_date: '2027-01-21' },
        },
      }),
    );
    expect(done.body).toEqual({ response_action: 'clear' });
    const action = await eventually(async () => (await service.db.prisma.action.findFirst({ where: { meetingId: heldId }, include: { owners: true } })) ?? undefined);
    expect(action.description).toBe(described);
    expect(action.owners.map((o) => o.memberId)).toEqual([seed.member.id]);
    // The answer comes privately in the channel the message is in.
    const answered = await service.fake.waitFor('chat.postEphemeral', (c) => c.body.channel === 'CSCPB' && c.body.user === seed.clerk.slackUserId);
    expect(JSON.stringify(answered.body.blocks)).toContain('Action recorded');
  });

  it('cuts a long message to the description\u2019s 1,000 characters and says so; hostile text stays text', async () => {
    const long = `${HOSTILE.slice(0, 5).join(' ')} ${'word '.repeat(400)}`;
    await service.slack.interaction(messageShortcut({ user: { id: seed.clerk.slackUserId }, message: { text: long }, response_url: service.fake.responseUrl() }));
    const view = (await service.fake.waitFor('views.open')).body.view as Modal;
    expect(slackModalSchema.safeParse(view).success).toBe(true);
    const initial = initialOf(view, 'description') ?? '';
    expect(initial.length).toBeLessThanOrEqual(1000);
    expect(initial.endsWith('\u2026')).toBe(true);
    expect(JSON.stringify(view)).toContain('The message was cut to the first 1,000 characters: check the description.');
  });

  it('refuses a member who is not a clerk through the response_url, naming who can help, and opens nothing', async () => {
    const url = service.fake.responseUrl();
    const ack = await service.slack.interaction(messageShortcut({ user: { id: seed.member.slackUserId }, message: { text: 'Bring the figures.' }, response_url: url }));
    expect(ack.status).toBe(200);
    await service.fake.waitForResponse();
    const [refusal] = service.fake.responses(url);
    if (!refusal) throw new Error('no answer through the response_url');
    const said = JSON.stringify(refusal.body);
    expect(said).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');
    expect(said).toContain('Alex Dewsnap');
    expect(refusal.body).toMatchObject({ response_type: 'ephemeral' });
    expect(service.fake.calls('views.open')).toEqual([]);
  });

  it('opens the form once when Slack sends the same shortcut again', async () => {
    const payload = messageShortcut({ user: { id: seed.clerk.slackUserId }, message: { text: 'Invite DVIP to the next board meeting.' }, response_url: service.fake.responseUrl() });
    const first = await service.slack.interaction(payload);
    const again = await service.slack.interaction(payload);
    expect([first.status, again.status]).toEqual([200, 200]);
    await service.fake.waitFor('views.open');
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(service.fake.calls('views.open')).toHaveLength(1);
  });

  it('refuses a message_action payload without its channel, naming what is missing', async () => {
    const { channel: _dropped, ...payload } = messageShortcut({ user: { id: seed.clerk.slackUserId }, message: { text: 'x' } });
    const res = await service.slack.interaction(payload);
    expect(res.status).toBe(400);
    expect(JSON.stringify(res.body)).toContain('the message_action payload has no valid channel');
    expect(service.fake.calls('views.open')).toEqual([]);
  });
});
