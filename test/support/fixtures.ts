// Test data shaped like the seed board: the Safer Communities Partnership Board.
import type { PrismaClient } from '../../src/persistence/database.ts';

export interface SeedBoard {
  boardId: string;
  clerk: { id: string; slackUserId: string; teamsAadId: string };
  chair: { id: string; slackUserId: string; teamsAadId: string };
  member: { id: string; slackUserId: string; teamsAadId: string };
}

export async function createSeedBoard(
  prisma: PrismaClient,
  overrides: { slug?: string; slackChannelId?: string; teamsChannelId?: string; teamsTenantId?: string } = {},
): Promise<SeedBoard> {
  const slug = overrides.slug ?? 'scpb';
  const board = await prisma.board.create({
    data: {
      slug,
      name: 'Safer Communities Partnership Board',
      timezone: 'Europe/London',
      quorum: 3,
      slackTeamId: 'T0SEED',
      slackChannelId: overrides.slackChannelId ?? `C${slug.toUpperCase()}`,
      teamsChannelId: overrides.teamsChannelId ?? `19:${slug}@thread.tacv2`,
      teamsTenantId: overrides.teamsTenantId ?? 'tenant-seed',
    },
  });
  const council = await prisma.organisation.create({ data: { boardId: board.id, name: 'London Borough of Harrow' } });
  const police = await prisma.organisation.create({ data: { boardId: board.id, name: 'Metropolitan Police Service' } });
  const make = async (name: string, title: string, organisationId: string, n: number) =>
    prisma.member.create({
      data: {
        boardId: board.id,
        organisationId,
        name,
        title,
        email: `${name.toLowerCase().replace(/\W+/g, '.')}@example.org`,
        slackUserId: `U${slug.toUpperCase()}${n}`,
        teamsAadId: `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
      },
    });
  const clerk = await make('Alex Dewsnap', 'Governance Officer', council.id, 1);
  const chair = await make('Cllr Krishna Suresh', 'Chair', council.id, 2);
  const member = await make('Richard Norfolk', 'Borough Commander', police.id, 3);
  await prisma.boardRole.createMany({
    data: [
      { boardId: board.id, memberId: clerk.id, role: 'clerk' },
      { boardId: board.id, memberId: chair.id, role: 'chair' },
    ],
  });
  const ids = (m: { id: string; slackUserId: string | null; teamsAadId: string | null }) => ({
    id: m.id,
    slackUserId: m.slackUserId as string,
    teamsAadId: m.teamsAadId as string,
  });
  return { boardId: board.id, clerk: ids(clerk), chair: ids(chair), member: ids(member) };
}
