// Paste minutes to record their actions, on Teams through the real service with Bot Framework
// authentication on: the clerk asks for "actions paste" in their own chat, pastes the seed minutes
// of 27 October 2017 in pieces through the form card ("Paste more"), and each invoke answers with
// the preview card: every action with its agenda item number and heading, description and owners
// matched to the roster, owners not on the roster and actions with no owner named listed, never
// dropped. Save records the ones with an owner, once (a second click saves nothing more); the
// owners get their cards.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { minutesChunks } from '../../support/minutes-chunks.ts';
import { TEAMS_DEFAULTS } from '../../support/teams-client.ts';
import { adaptiveCardOf } from '../../support/teams-cards.ts';
import { startTeamsService, type TeamsService } from './service.ts';

const MINUTES = readFileSync(new URL('../../fixtures/actions/minutes-2017-10-27.txt', import.meta.url), 'utf8');
const PERSONAL = TEAMS_DEFAULTS.personalConversationId;

let service: TeamsService;
let seed: SeedBoard;
let heldId: string;
const people: Record<string, string> = {};

beforeAll(async () => {
  service = await startTeamsService({ authenticated: true, logLevel: 'info' });
  seed = await createSeedBoard(service.db.prisma, { teamsChannelId: TEAMS_DEFAULTS.channel.id, teamsTenantId: TEAMS_DEFAULTS.tenantId });
  await service.db.prisma.member.update({ where: { id: seed.clerk.id }, data: { teamsAadId: TEAMS_DEFAULTS.user.aadObjectId } });
  let n = 20;
  for (const name of ['Aveen Gardiner', 'Kiran Vagarwal', 'Lynne Abrams', 'Tina McElligott']) {
    people[name] = (await service.db.prisma.member.create({ data: { boardId: seed.boardId, name, teamsAadId: `00000000-0000-4000-8000-0000000000${n++}` } })).id;
  }
  heldId = (await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2026-11-20T10:00:00Z'), status: 'held', calendarToken: 'held-token' } })).id;
  await service.db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2030-01-25T10:00:00Z'), calendarToken: 'next-token' } });
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
});
afterAll(async () => {
  await service?.stop();
});
beforeEach(async () => {
  await service.resetFake();
  service.fake.setPersonalChat(TEAMS_DEFAULTS.user.id, PERSONAL);
});

type InvokeBody = { statusCode: number; type: string; value: unknown };
type Action = { verb: string; data: Record<string, unknown> };

async function invoke(verb: string, data: Record<string, unknown>, from: { id: string; aadObjectId: string; name: string } = TEAMS_DEFAULTS.user) {
  const res = await service.teams.send(service.teams.cardAction({ verb, data, place: 'personal', from }));
  expect(res.status).toBe(200);
  const body = res.body as InvokeBody;
  if (body.type === 'application/vnd.microsoft.card.adaptive') expect(validateAdaptiveCard(body.value)).toEqual([]);
  return body;
}

/** Every Action.Execute on a card, wherever it sits (actions, action sets, items). */
function actionsOf(node: unknown): Action[] {
  if (Array.isArray(node)) return node.flatMap(actionsOf);
  if (typeof node !== 'object' || node === null) return [];
  const here = (node as { type?: unknown }).type === 'Action.Execute' ? [node as Action] : [];
  return [...here, ...Object.values(node).flatMap(actionsOf)];
}
const actionOn = (card: unknown, verb: string): Action => {
  const found = actionsOf(card).find((a) => a.verb === verb);
  if (!found) throw new Error(`no ${verb} on the card`);
  return found;
};

describe('paste minutes to record their actions (Teams)', () => {
  it('reads the seed minutes pasted in pieces, previews every action, and saves on Save, once', async () => {
    await service.teams.send(service.teams.message({ text: 'actions paste', place: 'personal' }));
    const reply = await service.fake.waitFor((c) => (c.route === 'send' || c.route === 'reply') && c.conversationId === PERSONAL, 8_000);
    const form = adaptiveCardOf(reply.body);
    expect(validateAdaptiveCard(form)).toEqual([]);
    let submit = actionOn(form, 'action.paste');
    expect(submit.data.metadata).toMatchObject({ meetingId: heldId });

    const chunks = minutesChunks(MINUTES);
    expect(chunks.length).toBeGreaterThan(3);
    let preview: unknown;
    for (const [i, chunk] of chunks.entries()) {
      const answered = await invoke('action.paste', { ...submit.data, text: chunk });
      expect(answered.type).toBe('application/vnd.microsoft.card.adaptive');
      preview = answered.value;
      expect(JSON.stringify(preview)).toContain('Check these actions before saving');
      if (i === chunks.length - 1) break;
      const more = await invoke('action.paste.more', actionOn(preview, 'action.paste.more').data);
      submit = actionOn(more.value, 'action.paste');
      expect(submit.data.metadata).toMatchObject({ meetingId: heldId, importId: expect.any(String) });
    }
    expect(await service.db.prisma.action.count()).toBe(0);
    const shown = JSON.stringify(preview);
    for (const heading of ['5 FOCUS ON OFFENDERS - NPS AND CRC', '6 COMMUNITY SAFETY STRATEGIC ASSESSMENT', '7 UPDATE FROM MOPAC', '9 UPDATE FROM FAMILY SERVICES', '12 ANY OTHER BUSINESS']) expect(shown).toContain(heading);
    expect(shown).toContain('Ms Gardiner = Aveen Gardiner');
    expect(shown).toContain('Ms Vagarwal = Kiran Vagarwal');
    expect(shown).toContain('Ms Ansdell: Not on the roster: not taken.');
    expect(shown).toContain('Ms Birkett: Not on the roster: not taken.');
    // Actions with no owner named are listed with what to do, never dropped.
    expect(shown).toContain('none named');
    expect(shown).toContain('choose the owner');
    expect(shown).toContain('Saving records 6 of these 10 actions, due Thu 24 Jan 2030 (the day before the next meeting)');

    const save = actionOn(preview, 'action.import.save');
    const saved = await invoke('action.import.save', save.data);
    expect(String(saved.value)).toContain('Recorded 6 actions from the minutes of Fri 20 Nov 2026, due Thu 24 Jan 2030');
    const actions = await service.db.prisma.action.findMany({ include: { owners: true } });
    expect(actions.map((a) => a.itemLabel).sort()).toEqual(
      ['5 FOCUS ON OFFENDERS - NPS AND CRC', '5 FOCUS ON OFFENDERS - NPS AND CRC', '6 COMMUNITY SAFETY STRATEGIC ASSESSMENT', '7 UPDATE FROM MOPAC', '9 UPDATE FROM FAMILY SERVICES', '9 UPDATE FROM FAMILY SERVICES'].sort(),
    );
    expect(new Set(actions.flatMap((a) => a.owners.map((o) => o.memberId)))).toEqual(new Set(Object.values(people)));
    const again = await invoke('action.import.save', save.data);
    expect(String(again.value)).toContain('Those actions were saved already.');
    expect(await service.db.prisma.action.count()).toBe(6);
    // Each owner gets the card in a 1:1 chat, through the outbox.
    await expect.poll(async () => service.db.prisma.outboxMessage.count({ where: { template: 'action.card', platform: 'teams', status: 'sent' } }), { timeout: 10_000 }).toBe(6);
  });

  it('refuses Save to a member who is not a clerk, naming who can help, saving nothing', async () => {
    const held = await service.db.prisma.actionImport.create({ data: { boardId: seed.boardId, meetingId: heldId, sourceText: 'x', actions: [], createdBy: 'teams:x' } });
    const owner = { id: '29:1aveen', aadObjectId: '00000000-0000-4000-8000-000000000020', name: 'Aveen Gardiner' };
    const refused = await invoke('action.import.save', { importId: held.id }, owner);
    expect(String(refused.value)).toContain('Only the clerk or the chair of Safer Communities Partnership Board can do that.');
    expect(String(refused.value)).toContain('Alex Dewsnap');
    expect((await service.db.prisma.actionImport.findUniqueOrThrow({ where: { id: held.id } })).appliedAt).toBeNull();
  });
});
