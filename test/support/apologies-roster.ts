// The seed board's roster grown for the apologies tests: the Borough Commander's standing deputy
// (an officer who does not count towards the quorum), a police colleague, a fire brigade member,
// and a member of another board (a stranger to this one). With the seed's clerk, chair and
// Borough Commander, five members count; the quorum is 3.
import type { PrismaClient } from '../../src/persistence/database.ts';
import { as, type TestCore } from './core.ts';
import { createSeedBoard, type SeedBoard } from './fixtures.ts';

export interface ApologiesRoster {
  deputy: { id: string; slackUserId: string; teamsAadId: string };
  colleague: { id: string; slackUserId: string; teamsAadId: string };
  fire: { id: string; slackUserId: string; teamsAadId: string };
  /** Someone on another board only. */
  stranger: { slackUserId: string; teamsAadId: string };
}

export async function addApologiesRoster(prisma: PrismaClient, seed: SeedBoard): Promise<ApologiesRoster> {
  const policeOrg = await prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Metropolitan Police Service' } });
  const fireOrg = await prisma.organisation.create({ data: { boardId: seed.boardId, name: 'London Fire Brigade' } });
  const person = async (name: string, organisationId: string, n: number, extra: { countsTowardsQuorum?: boolean; role?: 'officer' } = {}) => {
    const m = await prisma.member.create({
      data: { boardId: seed.boardId, organisationId, name, slackUserId: `UAPOL${n}`, teamsAadId: `00000000-0000-4000-8000-0000000a0${String(n).padStart(3, '0')}`, ...extra },
    });
    return { id: m.id, slackUserId: m.slackUserId as string, teamsAadId: m.teamsAadId as string };
  };
  const deputy = await person('Ms Lynne Abram', policeOrg.id, 1, { countsTowardsQuorum: false, role: 'officer' });
  const colleague = await person('Chief Inspector Mark Strugnell', policeOrg.id, 2);
  const fire = await person('Steve Leader', fireOrg.id, 3);
  await prisma.member.update({ where: { id: seed.member.id }, data: { standingDeputyId: deputy.id } });
  const other = await createSeedBoard(prisma, { slug: `other${Math.floor(Math.random() * 1e6)}`, teamsChannelId: `19:other${Date.now()}@thread.tacv2` });
  return { deputy, colleague, fire, stranger: { slackUserId: other.member.slackUserId, teamsAadId: other.member.teamsAadId } };
}

/**
 * A fresh meeting for each apologies test: any earlier meeting and outbox rows are removed, then
 * the clerk creates the meeting of Fri 4 Dec 2026, 10:00, and posts its agenda. Returns its id.
 */
export async function postFreshMeeting(prisma: PrismaClient, t: TestCore, seed: SeedBoard): Promise<string> {
  await prisma.meeting.deleteMany();
  await prisma.outboxMessage.deleteMany();
  const clerk = { platform: 'slack' as const, userId: seed.clerk.slackUserId };
  const meetingId = as('agenda', await t.submit(clerk, 'meeting.create', { date: '2026-12-04', time: '10:00' }, { boardId: seed.boardId })).agenda.meeting.id;
  await t.command(clerk, 'agenda post');
  return meetingId;
}
