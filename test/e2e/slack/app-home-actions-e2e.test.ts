// The Slack App Home shows each person their own open actions, with an owner's buttons, beside
// their upcoming meetings and the replies they sent (apologies): end to end through the real
// service. Done on the Home tab marks the action done and publishes the tab again without it;
// Need more time opens its modal from the tab.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { slackHomeSchema } from '../../../cards/validate/slack-limits.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { appHomeOpened, blockActions, button } from '../../support/slack-client.ts';
import { eventually, startSlackService, type SlackService } from './service.ts';

let service: SlackService;
let seed: SeedBoard;
let actionId: string;
let laterId: string;

beforeAll(async () => {
  service = await startSlackService({ logLevel: 'info', start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma);
  const held = await service.db.prisma.meeting.create({
    data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token', items: { create: [{ position: 1, number: '5', title: 'Police Update' }] } },
  });
  const next = await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-01-22T10:00:00Z'), status: 'agenda_published', calendarToken: 'next-token' } });
  await service.db.prisma.meetingReply.create({ data: { meetingId: next.id, memberId: seed.member.id, reply: 'apologies', substituteName: 'Supt Leach', recordedVia: 'member' } });
  const item = await service.db.prisma.agendaItem.findFirstOrThrow({ where: { meetingId: held.id } });
  const make = (description: string, due: string) =>
    service.db.prisma.action.create({
      data: { boardId: seed.boardId, meetingId: held.id, agendaItemId: item.id, description, dueDate: new Date(`${due}T00:00:00Z`), owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-20T00:00:00Z') }] } },
    });
  actionId = (await make('Bring the ward burglary figures <!channel>', '2026-11-23')).id;
  laterId = (await make('Invite DVIP to the next board meeting.', '2027-01-21')).id;
  // Someone else's action is not shown to this member.
  await service.db.prisma.action.create({
    data: { boardId: seed.boardId, meetingId: held.id, description: 'The chair writes to MOPAC.', dueDate: new Date('2027-01-21T00:00:00Z'), owners: { create: [{ memberId: seed.chair.id, notifiedOn: new Date('2026-11-20T00:00:00Z') }] } },
  });
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

type HomeBlock = { type: string; elements?: { action_id?: string; value?: string }[]; accessory?: { action_id?: string; value?: string } };

function buttonFor(blocks: HomeBlock[], name: string, id: string): { action_id: string; value: string } {
  for (const block of blocks) {
    for (const element of [...(block.elements ?? []), ...(block.accessory ? [block.accessory] : [])]) {
      if (element.action_id?.replace(/#\d+$/, '') === name && element.value?.includes(id)) return { action_id: element.action_id, value: element.value };
    }
  }
  throw new Error(`no ${name} button for ${id} on the Home tab`);
}

/** A click on the Home tab, as Slack sends it: a view container, no channel, no message, no response_url. */
const clickOnHome = (userId: string, action: { action_id: string; value: string }) =>
  service.slack.interaction({
    ...blockActions({ user: { id: userId, username: 'richard', name: 'richard', team_id: 'T0SEED' }, actions: [button(action)] }),
    channel: undefined,
    message: undefined,
    response_url: undefined,
    container: { type: 'view', view_id: 'VHOME1' },
    view: { id: 'VHOME1', type: 'home', team_id: 'T0SEED', callback_id: '', private_metadata: '', hash: '1.a', blocks: [], state: { values: {} } },
  });

describe('the Slack App Home', () => {
  it('shows the person their own open actions, with Done, Add update and Need more time, and their apologies', async () => {
    await service.slack.event(appHomeOpened({ user: seed.member.slackUserId }));
    const published = await service.fake.waitFor('views.publish', (c) => c.body.user_id === seed.member.slackUserId);
    const view = published.body.view as { type: string; blocks: HomeBlock[] };
    const parsed = slackHomeSchema.safeParse(view);
    expect(parsed.success ? [] : parsed.error.issues).toEqual([]);
    const shown = JSON.stringify(view.blocks);
    expect(shown).toContain('"text":"Your open actions"');
    expect(shown).toContain('Bring the ward burglary figures &lt;!channel&gt;');
    expect(shown).toContain('Overdue');
    expect(shown).toContain('5. Police Update');
    expect(shown).toContain('Invite DVIP to the next board meeting.');
    expect(shown).not.toContain('The chair writes to MOPAC.');
    expect(shown).toContain('Your reply: apologies (Supt Leach substituting)');
    for (const name of ['action.done', 'action.form']) expect(buttonFor(view.blocks, name, actionId)).toBeDefined();
    expect(JSON.parse(buttonFor(view.blocks, 'action.form', `${laterId}","form":"more-time`).value)).toEqual({ actionId: laterId, form: 'more-time' });
  });

  it('Done on the Home tab marks the action done and publishes the tab again without it', async () => {
    await service.slack.event(appHomeOpened({ user: seed.member.slackUserId }));
    const first = await service.fake.waitFor('views.publish');
    await service.resetFake();
    const res = await clickOnHome(seed.member.slackUserId, buttonFor((first.body.view as { blocks: HomeBlock[] }).blocks, 'action.done', actionId));
    expect(res.status).toBe(200);
    const again = await service.fake.waitFor('views.publish', (c) => c.body.user_id === seed.member.slackUserId);
    const shown = JSON.stringify((again.body.view as { blocks: unknown[] }).blocks);
    expect(shown).not.toContain('Bring the ward burglary figures');
    expect(shown).toContain('Invite DVIP to the next board meeting.');
    await eventually(async () => (await service.db.prisma.action.findUniqueOrThrow({ where: { id: actionId } })).status === 'done');
    expect(await service.db.prisma.actionUpdate.count({ where: { actionId, kind: 'done' } })).toBe(1);
  });

  it('Need more time on the Home tab opens its modal', async () => {
    await service.slack.event(appHomeOpened({ user: seed.member.slackUserId }));
    const home = await service.fake.waitFor('views.publish');
    await clickOnHome(seed.member.slackUserId, buttonFor((home.body.view as { blocks: HomeBlock[] }).blocks, 'action.form', `${laterId}","form":"more-time`));
    const modal = await service.fake.waitFor('views.open');
    expect((modal.body.view as { callback_id: string }).callback_id).toBe('action.more-time');
  });

  it('someone on no board sees no actions section, and a refused click comes to their direct messages', async () => {
    await service.slack.event(appHomeOpened({ user: 'UNOBODY' }));
    const home = await service.fake.waitFor('views.publish', (c) => c.body.user_id === 'UNOBODY');
    expect(JSON.stringify(home.body.view)).not.toContain('"text":"Your open actions"');
    await service.resetFake();
    await clickOnHome('UNOBODY', { action_id: 'action.done', value: JSON.stringify({ actionId: laterId }) });
    const told = await service.fake.waitFor('chat.postMessage', (c) => c.body.channel === 'UNOBODY');
    expect(JSON.stringify(told.body)).toContain('Only the action\u2019s owners or the clerk can change it.');
    expect((await service.db.prisma.action.findUniqueOrThrow({ where: { id: laterId } })).status).toBe('open');
  });
});
