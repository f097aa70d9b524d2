// Chasing action owners on Teams, end to end through the real service: `actions chase` sends each
// owner of an open action one digest in their 1:1 chat listing all their open actions (an owner
// with two gets one message with both), nothing to the owners of done or snoozed actions; run
// twice, and the same activity delivered again, it still sends each owner exactly one; the clerk is
// told how many owners were chased. An owner snoozes an action from their card (Action.Execute →
// the form card → the refreshed card), and the clerk's `actions export` is answered in their own
// chat with a link that serves the CSV.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { sendOwnerCards } from '../../../src/features/actions/action-delivery.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { startTeamsService, type TeamsService } from './service.ts';
import { waitForEmptyOutbox } from '../../support/outbox.ts';
import { createChaseBoard } from '../../support/actions-board.ts';

let service: TeamsService;
let seed: SeedBoard;
let heldId = '';
const OWNER = { id: '29:1richard-norfolk', aadObjectId: '00000000-0000-4000-8000-000000000003', name: 'Richard Norfolk' };
const SNOOZER = '00000000-0000-4000-8000-00000000005a';
const FINISHER = '00000000-0000-4000-8000-00000000005b';

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info', env: { PUBLIC_BASE_URL: 'https://quorum.example.org' }, start: { clock: () => new Date('2026-11-24T09:00:00Z') } });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  ({ heldId } = await createChaseBoard(service.db.prisma, { boardId: seed.boardId, memberId: seed.member.id, chairId: seed.chair.id }, (who) => ({ teamsAadId: who === 'snoozer' ? SNOOZER : FINISHER })));
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, TEAMS_DEFAULTS.personalConversationId);
});
afterAll(async () => {
  await service?.stop();
});

const waitForOutbox = () => waitForEmptyOutbox(service.db.prisma);
const sends = () => service.fake.calls().filter((c) => c.route === 'send' || c.route === 'reply');

describe('actions chase on Teams', () => {
  it('sends one digest per owner of open actions, once, however often it is asked', async () => {
    const ask = service.teams.message({ text: 'actions chase', place: 'personal' });
    await service.teams.send(ask);
    await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('Chased 2 owners: one message each, listing their open actions.'), 8_000);
    // The same activity delivered again, and the clerk asking again.
    await service.teams.send(ask);
    await service.teams.send(service.teams.message({ text: 'actions chase', place: 'personal' }));
    await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && JSON.stringify(c.body).includes('already chased today'), 8_000);
    await waitForOutbox();

    const digests = await service.db.prisma.outboxMessage.findMany({ where: { template: 'action.chase' } });
    expect(digests.map((d) => [d.platform, d.targetId, d.status]).sort()).toEqual(
      [
        ['teams', seed.chair.teamsAadId, 'sent'],
        ['teams', seed.member.teamsAadId, 'sent'],
      ].sort(),
    );
    const delivered = sends().filter((c) => JSON.stringify(c.body).includes('ward burglary') || JSON.stringify(c.body).includes('hate crime'));
    expect(delivered).toHaveLength(2);
    const toOwner = delivered.find((c) => JSON.stringify(c.body).includes('ward burglary'));
    expect(JSON.stringify(toOwner?.body)).toContain('Invite DVIP to the next board meeting');
    expect(JSON.stringify(toOwner?.body)).not.toContain('hate crime');
    expect(sends().filter((c) => JSON.stringify(c.body).includes('Book the venue') || JSON.stringify(c.body).includes('minutes to the PCC'))).toEqual([]);
    expect(sends().filter((c) => JSON.stringify(c.body).includes('Chased 2 owners'))).toHaveLength(1);
    expect(await service.db.prisma.actionUpdate.count({ where: { kind: 'chased' } })).toBe(3);
  });

  it('Snooze on the owner\u2019s card opens the form card, and submitting it answers with the refreshed card', async () => {
    expect(seed.member.teamsAadId).toBe(OWNER.aadObjectId);
    const action = await service.db.prisma.action.create({
      data: { boardId: seed.boardId, meetingId: heldId, description: 'Circulate the VAWG strategy draft.', dueDate: new Date('2026-12-20T00:00:00Z'), owners: { create: [{ memberId: seed.member.id, notifiedOn: new Date('2026-11-24T00:00:00Z') }] } },
    });
    await service.db.prisma.$transaction((tx) => sendOwnerCards(tx, action.id, { platforms: ['teams'], now: () => new Date('2026-11-24T09:00:00Z') }));
    service.quorum.dispatcher.poke();
    await waitForOutbox();
    const ownerCard = sends().find((c) => JSON.stringify(c.body).includes('Circulate the VAWG strategy draft.'));
    expect(JSON.stringify(ownerCard?.body)).toMatch(/"verb":"action\.snooze"/);

    const invoke = async (verb: string, data: Record<string, unknown>) => {
      const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from: OWNER }));
      expect(res.status).toBe(200);
      const body = res.body as { type: string; value: unknown };
      expect(body.type).toBe('application/vnd.microsoft.card.adaptive');
      expect(validateAdaptiveCard(body.value)).toEqual([]);
      return JSON.stringify(body.value);
    };
    const form = JSON.parse(await invoke('action.snooze', { actionId: action.id })) as { actions: { verb: string; data: { metadata: Record<string, string> } }[] };
    const submit = form.actions.find((a) => a.verb === 'action.snooze' && a.data.metadata);
    expect(submit?.data.metadata.actionId).toBe(action.id);
    const late = await invoke('action.snooze', { form: 'action.snooze', metadata: submit?.data.metadata, until: '2026-12-30' });
    expect(late).toContain('Choose a date up to the due date, Sun 20 Dec 2026. To go past it, ask for more time.');
    const good = await invoke('action.snooze', { form: 'action.snooze', metadata: submit?.data.metadata, until: '2026-12-10' });
    expect(good).toContain('Reminders snoozed until Thu 10 Dec 2026');
    const again = await invoke('action.snooze', { form: 'action.snooze', metadata: submit?.data.metadata, until: '2026-12-10' });
    expect(again).toContain('Reminders snoozed until Thu 10 Dec 2026');
    const owner = await service.db.prisma.actionOwner.findFirstOrThrow({ where: { actionId: action.id } });
    expect(owner.snoozedUntil?.toISOString().slice(0, 10)).toBe('2026-12-10');
    expect(await service.db.prisma.actionUpdate.count({ where: { actionId: action.id, kind: 'snoozed' } })).toBe(1);
  });

  it('answers actions export in the clerk\u2019s own chat with a link that serves the CSV', async () => {
    await service.resetFake();
    service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, TEAMS_DEFAULTS.personalConversationId);
    await service.teams.send(service.teams.message({ text: 'actions export 2026-11-01..2026-11-30', place: 'personal' }));
    const answer = await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && c.conversationId === TEAMS_DEFAULTS.personalConversationId && JSON.stringify(c.body).includes('actions.csv'), 8_000);
    const text = JSON.stringify(answer.body);
    expect(text).toContain('6 actions recorded at meetings from Sun 1 Nov 2026 to Mon 30 Nov 2026');
    const url = /https:\/\/quorum\.example\.org\/actions\/[\w-]{32}\/actions\.csv/.exec(text)?.[0];
    expect(url).toBeDefined();
    const res = await fetch(String(url).replace('https://quorum.example.org', service.quorum.url));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = (await res.text()).replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(7);
    expect(lines.join('\n')).toContain('Circulate the VAWG strategy draft.');
    expect(lines.join('\n')).toContain('Send the minutes to the PCC');
  });
});
