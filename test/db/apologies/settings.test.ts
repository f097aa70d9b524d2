// The board's apologies settings through the real core on a real database: names on the posted
// card (off by default), whether named substitutes count towards the quorum (on by default), who
// may change them; and the quorum warning sent again after the forecast recovers and falls again,
// once per fall, with two requests at once.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { agendaCard } from '../../../cards/agendas/agenda-card.ts';
import { quorumWarningCard } from '../../../cards/apologies/index.ts';
import type { Actor } from '../../../src/domain/platform.ts';
import type { AgendaView } from '../../../src/features/agendas/agenda-view.ts';
import { addApologiesRoster, postFreshMeeting, type ApologiesRoster } from '../../support/apologies-roster.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let roster: ApologiesRoster;
let now: Date;
let t: TestCore;
let meetingId: string;

const slack = (userId: string): Actor => ({ platform: 'slack', userId });
const clerk = () => slack(seed.clerk.slackUserId);
const chair = () => slack(seed.chair.slackUserId);
const member = () => slack(seed.member.slackUserId);

beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  roster = await addApologiesRoster(db.prisma, seed);
  t = testCore({ prisma: db.prisma, now: () => now, platforms: ['slack', 'teams'] });
});
afterAll(async () => {
  await db?.destroy();
});
beforeEach(async () => {
  await db.prisma.board.update({ where: { id: seed.boardId }, data: { showApologyNames: false, namedSubstitutesCount: true } });
  now = new Date('2026-11-24T09:00:00Z');
  meetingId = await postFreshMeeting(db.prisma, t, seed);
});

const settings = (actor: Actor, values: { showNames: boolean; namedSubstitutesCount: boolean }) => t.submit(actor, 'apologies.settings', values, { boardId: seed.boardId });
const record = (memberId: string, reply: string, values: Record<string, unknown> = {}) => t.submit(clerk(), 'apologies.record', { member: memberId, reply, ...values }, { meetingId });
const send = (actor: Actor, memberId: string, values: Record<string, unknown> = {}) => t.submit(actor, 'apologies.send', values, { meetingId, memberId });
/** What each posted card will show next: the data of its pending update (one per card). */
async function pendingCards(): Promise<AgendaView[]> {
  const rows = await db.prisma.outboxMessage.findMany({ where: { template: 'agenda.card', operation: 'update', status: 'pending' } });
  return rows.map((r) => r.data as unknown as AgendaView);
}
const warnings = () => db.prisma.outboxMessage.findMany({ where: { template: 'apologies.quorum-warning' }, orderBy: { createdAt: 'asc' } });

describe('names on the posted card', () => {
  it('off by default: counts only; the clerk turns names on and every posted card follows, then off again', async () => {
    const form = as('form', await t.command(clerk(), 'apologies settings'));
    expect(form).toMatchObject({ form: 'apologies.settings', values: { showNames: false, namedSubstitutesCount: true }, metadata: { boardId: seed.boardId } });

    await send(member(), seed.member.id, { reason: 'On leave', substitute: roster.deputy.id });
    let cards = await pendingCards();
    expect(cards).toHaveLength(2); // Slack and Teams
    for (const card of cards) {
      expect(card.replies).toEqual({ apologies: 1, attending: 0, expected: 5, quorum: 3 });
      expect(JSON.stringify(agendaCard(card))).not.toContain('Richard Norfolk');
    }

    const saved = as('notice', await settings(clerk(), { showNames: true, namedSubstitutesCount: true }));
    expect(saved.text).toContain('The agenda card in the channel names who sent apologies');
    expect(saved.text).toContain('The posted agenda cards are being brought up to date.');
    cards = await pendingCards();
    expect(cards).toHaveLength(2);
    for (const card of cards) {
      expect(card.replies?.names).toEqual(['Richard Norfolk (Ms Lynne Abram substituting)']);
      const shown = JSON.stringify(agendaCard(card));
      expect(shown).toContain('Apologies: Richard Norfolk (Ms Lynne Abram substituting)');
      expect(shown).not.toContain('On leave'); // reasons are never in the channel
    }
    // A later apology: the names follow.
    await record(roster.fire.id, 'apologies');
    for (const card of await pendingCards()) expect(card.replies?.names).toEqual(['Richard Norfolk (Ms Lynne Abram substituting)', 'Steve Leader']);

    // The chair may change it too; off again, the names go.
    as('notice', await settings(chair(), { showNames: false, namedSubstitutesCount: true }));
    for (const card of await pendingCards()) {
      expect(card.replies).toEqual({ apologies: 2, attending: 0, expected: 4, quorum: 3 });
      expect(JSON.stringify(agendaCard(card))).not.toContain('Steve Leader');
    }
    // Saving the same again changes nothing and queues nothing.
    const before = await db.prisma.outboxMessage.count();
    expect(as('notice', await settings(clerk(), { showNames: false, namedSubstitutesCount: true })).text).toMatch(/^Nothing changed\./);
    expect(await db.prisma.outboxMessage.count()).toBe(before);
  });

  it('only the clerk or the chair changes the settings; a member is refused, saying who can, and nothing changes', async () => {
    await expect(t.command(member(), 'apologies settings')).rejects.toMatchObject({ code: 'NOT_A_CLERK', say: expect.stringContaining('Only the clerk or the chair of Safer Communities Partnership Board can do that.') });
    await expect(settings(member(), { showNames: true, namedSubstitutesCount: false })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(settings(slack(roster.stranger.slackUserId), { showNames: true, namedSubstitutesCount: false })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(await db.prisma.board.findUniqueOrThrow({ where: { id: seed.boardId } })).toMatchObject({ showApologyNames: false, namedSubstitutesCount: true });
  });
});

describe('whether named substitutes count towards the quorum', () => {
  it('by default a named substitute counts; when the board says not, the forecast falls, the cards are recounted and the clerk and chair warned', async () => {
    await send(member(), seed.member.id, { substituteName: 'Sgt Pat Jones' });
    await record(roster.fire.id, 'apologies');
    expect(as('apologies.list', await t.command(clerk(), 'apologies list')).forecast).toMatchObject({ counting: 5, apologies: 2, substitutes: 1, expected: 4, status: 'quorate' });
    expect(await warnings()).toEqual([]);

    as('notice', await settings(clerk(), { showNames: false, namedSubstitutesCount: false }));
    expect(as('apologies.list', await t.command(clerk(), 'apologies list')).forecast).toMatchObject({ substitutes: 0, expected: 3, status: 'at_quorum' });
    for (const card of await pendingCards()) expect(card.replies).toMatchObject({ expected: 3 });
    const sent = await warnings();
    expect(sent).toHaveLength(4); // clerk and chair, on Slack and Teams
    expect(sent[0]?.data).toMatchObject({ occasion: 'forecast', expected: 3, quorum: 3 });

    // A substitute on the roster (the standing deputy) still counts.
    await send(member(), seed.member.id, { substitute: roster.deputy.id });
    expect(as('apologies.list', await t.command(clerk(), 'apologies list')).forecast).toMatchObject({ substitutes: 1, expected: 4 });
  });
});

describe('the quorum warning after a recovery', () => {
  it('is sent again when the forecast falls to the quorum a second time, and only once per fall', async () => {
    await send(member(), seed.member.id); // 4 expected
    await record(roster.fire.id, 'apologies'); // 3: the first fall
    expect(await warnings()).toHaveLength(4);
    await record(roster.fire.id, 'withdraw'); // 4: recovered
    await record(roster.fire.id, 'attending'); // still 4
    expect(await warnings()).toHaveLength(4);
    const [first] = await db.prisma.quorumWarning.findMany({ where: { meetingId } });
    expect(first).toMatchObject({ occasion: 'forecast:1', recoveredAt: now });

    // Two apologies at once, from two requests (two instances): 4 → 2, one warning for this fall
    // (sent by whichever was first, at 3).
    await Promise.all([record(roster.fire.id, 'apologies'), record(roster.colleague.id, 'apologies')]);
    // And a retry of one of them changes nothing.
    await record(roster.colleague.id, 'apologies');
    const sent = await warnings();
    expect(sent).toHaveLength(8);
    expect(sent.slice(4).map((w) => (w.data as { expected: number }).expected)).toEqual([3, 3, 3, 3]);
    expect(sent.map((w) => (w.data as { fall?: number }).fall)).toEqual([1, 1, 1, 1, 2, 2, 2, 2]);
    expect(JSON.stringify(quorumWarningCard(sent[4]?.data as never))).toContain('"text":"Again, after recovering: "');
    expect(JSON.stringify(quorumWarningCard(sent[0]?.data as never))).not.toContain('Again');
    expect(as('apologies.list', await t.command(clerk(), 'apologies list')).forecast.expected).toBe(2);
    const rows = await db.prisma.quorumWarning.findMany({ where: { meetingId }, orderBy: { occasion: 'asc' } });
    expect(rows.map((r) => [r.occasion, r.recoveredAt === null])).toEqual([
      ['forecast:1', false],
      ['forecast:2', true],
    ]);
    // Still below the quorum: the chair's apology is no new fall.
    await send(chair(), seed.chair.id);
    expect(await warnings()).toHaveLength(8);
  });
});
