// The roster and who can help: names and roles in every refusal, the roster grouped by
// organisation with its flags, and nothing of it for people outside the board.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import { askSentence, peopleWhoCanHelp, whoCanHelp } from '../../../src/features/members/people-who-can-help.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';

let db: TestDatabase;
let seed: SeedBoard;
let t: TestCore;
const slack = (userId: string): Actor => ({ platform: 'slack', userId, tenantId: 'T0SEED' });

beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  t = testCore({ prisma: db.prisma, now: () => new Date('2026-11-24T09:00:00Z') });
  // A deputy, an adviser who does not count, a submitter, someone with no chat account, a
  // vice-chair, and a former member (inactive): the seed board's shape.
  const police = await db.prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Metropolitan Police Service' } });
  await db.prisma.organisation.update({ where: { id: police.id }, data: { shortName: 'Met Police' } });
  const deputy = await db.prisma.member.create({ data: { boardId: seed.boardId, organisationId: police.id, name: 'Sarah Bull', title: 'Detective Chief Inspector', submitsFigures: true } });
  await db.prisma.member.update({ where: { id: seed.member.id }, data: { standingDeputyId: deputy.id } });
  await db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Kiran Vagarwal', title: 'Strategic Lead, Community Safety', role: 'adviser', countsTowardsQuorum: false } });
  const vice = await db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Cllr Anne Hutton', title: 'Vice-chair', slackUserId: 'UVICE', slackTeamId: 'T0SEED' } });
  await db.prisma.boardRole.create({ data: { boardId: seed.boardId, memberId: vice.id, role: 'vice_chair' } });
  const gone = await db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Former Clerk', active: false } });
  await db.prisma.boardRole.create({ data: { boardId: seed.boardId, memberId: gone.id, role: 'clerk' } });
});
afterAll(async () => {
  await db?.destroy();
});

describe('who can help', () => {
  it('names the active clerks, then the chair and vice-chair, each once', async () => {
    expect(await peopleWhoCanHelp(db.prisma, seed.boardId)).toEqual([
      { memberId: seed.clerk.id, name: 'Alex Dewsnap', role: 'clerk' },
      { memberId: seed.chair.id, name: 'Cllr Krishna Suresh', role: 'chair' },
      expect.objectContaining({ name: 'Cllr Anne Hutton', role: 'vice-chair' }),
    ]);
    expect(await whoCanHelp(db.prisma, seed.boardId, 'to add you')).toBe('Ask Alex Dewsnap (clerk), Cllr Krishna Suresh (chair) or Cllr Anne Hutton (vice-chair) to add you.');
    expect(askSentence([{ memberId: 'm', name: 'Tracy Scollin', role: 'clerk' }, { memberId: 'n', name: 'Cllr Longstaff', role: 'chair' }])).toBe('Ask Tracy Scollin (clerk) or Cllr Longstaff (chair).');
  });

  it('names them when a member runs a clerk command, and when someone not on the board asks for its roster', async () => {
    await expect(t.command(slack(seed.member.slackUserId), 'meeting new', { conversationId: 'CSCPB' })).rejects.toMatchObject({
      code: 'NOT_A_CLERK',
      say: 'Only the clerk or the chair of Safer Communities Partnership Board can do that. Ask Alex Dewsnap (clerk), Cllr Krishna Suresh (chair) or Cllr Anne Hutton (vice-chair) if you should be able to.',
    });
    await expect(t.command(slack('UNEWCOMER'), 'members', { conversationId: 'CSCPB' })).rejects.toMatchObject({
      code: 'NOT_A_MEMBER',
      say: 'Only members of Safer Communities Partnership Board can see its members. If you are on the board, ask Alex Dewsnap (clerk), Cllr Krishna Suresh (chair) or Cllr Anne Hutton (vice-chair) to add you.',
    });
  });

  it('tells someone on no board, outside a board channel, whom to ask in their workspace', async () => {
    await expect(t.command(slack('UNEWCOMER'), 'members', { conversationId: 'D0DM' })).rejects.toMatchObject({
      code: 'BOARD_NOT_FOUND',
      say: expect.stringContaining('If you are on Safer Communities Partnership Board, ask Alex Dewsnap (clerk), Cllr Krishna Suresh (chair) or Cllr Anne Hutton (vice-chair) to add you.'),
    });
    const home = as('upcoming-meetings', await t.core.upcomingMeetings({ platform: 'slack', userId: 'UNEWCOMER', tenantId: 'T0SEED' }));
    expect(home.whoAddsYou).toContain('ask Alex Dewsnap (clerk)');
    const elsewhere = as('upcoming-meetings', await t.core.upcomingMeetings({ platform: 'slack', userId: 'UNEWCOMER', tenantId: 'T0ELSEWHERE' }));
    expect(elsewhere.whoAddsYou).toBe('Ask in your board\u2019s channel: there I can tell you who adds members.');
  });
});

describe('members', () => {
  it('shows the roster by organisation, with roles, deputies, quorum, submitters and who is not linked', async () => {
    const roster = as('roster', await t.command(slack(seed.member.slackUserId), 'members', { conversationId: 'CSCPB' }));
    expect(roster.canManage).toBe(false);
    expect(roster.board).toMatchObject({ name: 'Safer Communities Partnership Board', quorum: 3 });
    expect(roster.counts).toEqual({ people: 6, countTowardsQuorum: 5, notLinked: 2 });
    expect(roster.groups.map((g) => [g.organisation?.name ?? null, g.people.map((p) => p.name)])).toEqual([
      ['London Borough of Harrow', ['Alex Dewsnap', 'Cllr Krishna Suresh']],
      ['Metropolitan Police Service', ['Richard Norfolk', 'Sarah Bull']],
      [null, ['Cllr Anne Hutton', 'Kiran Vagarwal']],
    ]);
    const people = roster.groups.flatMap((g) => g.people);
    const person = (name: string) => people.find((p) => p.name === name);
    expect(roster.groups[1]?.organisation?.shortName).toBe('Met Police');
    expect(person('Alex Dewsnap')).toMatchObject({ boardRoles: ['clerk'], linked: { slack: true, teams: true } });
    expect(person('Richard Norfolk')).toMatchObject({ deputy: 'Sarah Bull', title: 'Borough Commander' });
    expect(person('Sarah Bull')).toMatchObject({ deputyFor: ['Richard Norfolk'], submitsFigures: true, linked: { slack: false, teams: false } });
    expect(person('Kiran Vagarwal')).toMatchObject({ role: 'adviser', countsTowardsQuorum: false });
    expect(person('Former Clerk')).toBeUndefined();

    const asClerk = as('roster', await t.command(slack(seed.clerk.slackUserId), 'members', { conversationId: 'CSCPB' }));
    expect(asClerk.canManage).toBe(true);
  });

  it('is not shown to the same user id from another workspace', async () => {
    await expect(t.command({ platform: 'slack', userId: seed.member.slackUserId, tenantId: 'T0OTHER' }, 'members --board scpb')).rejects.toMatchObject({ code: 'BOARD_NOT_FOUND' });
  });
});
