// "Record as an action" (a Teams message action), end to end through the real service with Bot
// Framework authentication on: the clerk uses it on a message in the board's channel; Teams asks
// for the dialog (composeExtension/fetchTask) and gets a task module holding the action form, the
// message's HTML read as its description; submitting the dialog (composeExtension/submitAction)
// with bad fields shows the form again with the errors and saves nothing; with good ones it records
// the action and its owner gets the card. Anyone else is told who can help; other commands and
// malformed invokes are refused.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';

let service: TeamsService;
let seed: SeedBoard;
let heldId: string;
const OWNER = { id: '29:1richard-norfolk', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Richard Norfolk' };

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  heldId = (await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } })).id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2030-01-25T10:00:00Z'), calendarToken: 'next-token' } });
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
});

const HTML = '<p>Please bring the ward burglary figures &amp; the ASB plan &lt;b&gt;</p><p><at>Richard Norfolk</at> to lead.</p>';
const DESCRIBED = 'Please bring the ward burglary figures & the ASB plan <b>\nRichard Norfolk to lead.';

type TaskBody = { task: { type: 'continue' | 'message'; value: unknown } };
type Card = { body: { type: string; id?: string; value?: string; text?: string }[]; actions: { type: string; data: Record<string, unknown> }[] };

type Person = { id: string; aadObjectId: string; name: string };
const fetchTask = (from: Person = TEAMS_DEFAULTS.user, commandId = 'actionFromMessage', html = HTML) =>
  service.teams.send(
    service.teams.invoke({
      name: 'composeExtension/fetchTask',
      place: 'channel',
      threadId: '1700000000001',
      from,
      value: { commandId, commandContext: 'message', context: { theme: 'default' }, messagePayload: { id: '1700000000001', messageType: 'message', body: { contentType: 'html', content: html } } },
    }),
  );

const submitAction = (data: Record<string, unknown>, from: Person = TEAMS_DEFAULTS.user) =>
  service.teams.send(service.teams.invoke({ name: 'composeExtension/submitAction', place: 'channel', threadId: '1700000000001', from, value: { commandId: 'actionFromMessage', commandContext: 'message', data } }));

/** The dialog's card, checked by Microsoft's parser. */
function dialogCard(body: unknown): Card {
  const task = (body as TaskBody).task;
  expect(task.type).toBe('continue');
  const card = (task.value as { card: { contentType: string; content: unknown } }).card;
  expect(card.contentType).toBe('application/vnd.microsoft.card.adaptive');
  expect(validateAdaptiveCard(card.content)).toEqual([]);
  return card.content as Card;
}

describe('Record as an action (Teams message action)', () => {
  it('answers fetchTask with the action form, the message as its description; a bad submit shows the errors, a good one records the action', async () => {
    const opened = await fetchTask();
    expect(opened.status).toBe(200);
    const card = dialogCard(opened.body);
    expect(card.body.find((e) => e.id === 'description')?.value).toBe(DESCRIBED);
    expect(card.body.find((e) => e.id === 'due')?.value).toBe('2030-01-24');
    // Dialogs take Action.Submit, carrying the form and its metadata as the form card does.
    const submit = card.actions.find((a) => a.type === 'Action.Submit');
    expect(submit?.data).toMatchObject({ form: 'action.create', metadata: { meetingId: heldId } });
    expect(JSON.stringify(card)).not.toContain('Action.Execute');

    const bad = await submitAction({ ...submit?.data, description: DESCRIBED, owners: '', due: '2030-01-24' });
    expect(bad.status).toBe(200);
    const again = dialogCard(bad.body);
    expect(JSON.stringify(again)).toContain('Choose at least one owner from the roster.');
    // Shown again, the form keeps what was typed and its choices.
    expect(again.body.find((e) => e.id === 'description')?.value).toBe(DESCRIBED);
    expect(JSON.stringify(again)).toContain('Richard Norfolk (Borough Commander)');
    expect(await service.db.prisma.action.count()).toBe(0);

    const good = await submitAction({ ...submit?.data, description: DESCRIBED, owners: seed.member.id, due: '2030-01-24' });
    expect(good.status).toBe(200);
    expect(good.body).toEqual({ task: { type: 'message', value: 'Action recorded, due Thu 24 Jan 2030.' } });
    const action = await service.db.prisma.action.findFirstOrThrow({ include: { owners: true } });
    expect(action.description).toBe(DESCRIBED);
    expect(action.meetingId).toBe(heldId);
    expect(action.owners.map((o) => o.memberId)).toEqual([seed.member.id]);
    // The owner gets the card in a 1:1 chat, through the outbox.
    const sent = await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('An action for you'), 8_000);
    expect(JSON.stringify(sent.body)).toContain('Please bring the ward burglary figures');
  });

  it('tells a member who is not a clerk who can help, in the dialog, and opens no form', async () => {
    const res = await fetchTask(OWNER);
    expect(res.status).toBe(200);
    const task = (res.body as TaskBody).task;
    expect(task.type).toBe('message');
    expect(String(task.value)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');
    expect(String(task.value)).toContain('Alex Dewsnap');
  });

  it('opens the form with an empty description for a message with no text, and says so', async () => {
    const card = dialogCard((await fetchTask(TEAMS_DEFAULTS.user, 'actionFromMessage', '<p>&nbsp;</p>')).body);
    expect(card.body.find((e) => e.id === 'description')?.value).toBeUndefined();
    expect(JSON.stringify(card)).toContain('The message has no text to copy: describe the action.');
  });

  it('refuses another command and malformed invokes with 400, saving nothing', async () => {
    expect((await fetchTask(TEAMS_DEFAULTS.user, 'somethingElse')).status).toBe(400);
    const noValue = await service.teams.send(service.teams.invoke({ name: 'composeExtension/fetchTask', place: 'channel', value: null }));
    expect(noValue.status).toBe(400);
    const otherForm = await submitAction({ form: 'members.add', metadata: {}, description: 'x' });
    expect(otherForm.status).toBe(400);
    expect(JSON.stringify(otherForm.body)).toContain('This dialog is out of date');
    const before = await service.db.prisma.action.count();
    const stale = await submitAction({ form: 'action.create', metadata: { meetingId: 'not-a-uuid' }, description: 'x', owners: seed.member.id, due: '2030-01-24' });
    expect(stale.status).toBe(200);
    expect(JSON.stringify(stale.body)).toContain('This form is out of date');
    expect(await service.db.prisma.action.count()).toBe(before);
  });
});
