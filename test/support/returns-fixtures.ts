// A seed board with a quarterly-returns catalogue shaped like seed 003's dashboard: the police
// report burglary and robbery (counts, peer ranks), probation the re-offending rate (percentage),
// the council a delivery-plan milestone.
import type { PrismaClient } from '../../src/persistence/database.ts';
import { createSeedBoard, type SeedBoard } from './fixtures.ts';

export interface ReturnsBoard extends SeedBoard {
  police: string;
  probation: string;
  council: string;
  /** Richard Norfolk (police), a submitter. */
  policeSubmitter: { id: string; slackUserId: string; teamsAadId: string };
  /** A probation submitter on Teams only. */
  probationSubmitter: { id: string; teamsAadId: string };
}

export async function createReturnsBoard(prisma: PrismaClient, slug = 'scpb'): Promise<ReturnsBoard> {
  const seed = await createSeedBoard(prisma, { slug });
  const police = await prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'Metropolitan Police Service' } });
  const council = await prisma.organisation.findFirstOrThrow({ where: { boardId: seed.boardId, name: 'London Borough of Harrow' } });
  await prisma.organisation.update({ where: { id: police.id }, data: { shortName: 'MPS' } });
  const probation = await prisma.organisation.create({ data: { boardId: seed.boardId, name: 'National Probation Service', shortName: 'NPS' } });
  await prisma.member.update({ where: { id: seed.member.id }, data: { submitsFigures: true } });
  const probationMember = await prisma.member.create({
    data: { boardId: seed.boardId, organisationId: probation.id, name: 'Jane Probation', title: 'Senior Manager', submitsFigures: true, teamsAadId: `aad-probation-${slug}` },
  });
  return {
    ...seed,
    police: police.id,
    probation: probation.id,
    council: council.id,
    policeSubmitter: seed.member,
    probationSubmitter: { id: probationMember.id, teamsAadId: probationMember.teamsAadId as string },
  };
}

/** The catalogue as a clerk would paste it: two police counts with ranks and history, the
 * probation re-offending rate, a council milestone. */
export const SEED_CATALOGUE_CSV = [
  'type,name,organisation,unit,polarity,comparisons,peer ranks,theme,lead,Q3 2025/26,Q4 2025/26,Q1 2026/27,Q2 2026/27',
  'metric,Burglary,MPS,count,lower is better,year on year; rolling 12 months,Similar group/15; London/33,,,807,850,820,817',
  'metric,Robbery,Metropolitan Police Service,count,lower is better,year on year,Similar group/15; London/32,,,125,140,150,133',
  'metric,Proven re-offending rate,NPS,percentage,lower is better,year on year,,,,22.6,,,',
  'milestone,Agree set of recommendations from the ASB vulnerable adults review,London Borough of Harrow,,,,,Anti-social behaviour,LBB Steve Murrant,,,,',
].join('\n');
