// Who you can be in the playground: everyone on a playground board who has a Teams identity
// (the demo board's clerk, chair, members, deputies and submitters), and a newcomer who is on no
// board yet (to try `board setup` from nothing).
import type { PrismaClient } from '../../src/persistence/database.ts';
import { PLAYGROUND_TENANT_ID } from './ids.ts';

export interface Person {
  aadObjectId: string;
  name: string;
  title?: string;
  organisation?: string;
  /** What they are on the board: clerk, chair, member, observer, officer, deputy, submitter. */
  roles: string[];
}

export const NEWCOMER: Person = { aadObjectId: 'playground-newcomer', name: 'Nia Newcomer', title: 'Not on any board yet', roles: [] };

export async function playgroundPeople(prisma: PrismaClient): Promise<Person[]> {
  const members = await prisma.member.findMany({
    where: { active: true, teamsAadId: { not: null }, board: { teamsTenantId: PLAYGROUND_TENANT_ID } },
    include: { organisation: true, roles: true, deputyFor: { select: { id: true } } },
  });
  const people = new Map<string, Person>();
  for (const m of members) {
    const aad = m.teamsAadId as string;
    const roles = [...m.roles.map((r) => String(r.role)), String(m.role)];
    if (m.deputyFor.length > 0) roles.push('deputy');
    if (m.submitsFigures) roles.push('submitter');
    const known = people.get(aad);
    if (known) {
      known.roles = [...new Set([...known.roles, ...roles])];
      continue;
    }
    people.set(aad, {
      aadObjectId: aad,
      name: m.name,
      ...(m.title ? { title: m.title } : {}),
      ...(m.organisation ? { organisation: m.organisation.shortName ?? m.organisation.name } : {}),
      roles: [...new Set(roles)],
    });
  }
  // The clerk and the chair first (they start most flows), then everyone by organisation and name.
  const rank = (p: Person) => (p.roles.includes('clerk') ? 0 : p.roles.includes('chair') ? 1 : 2);
  const sorted = [...people.values()].sort((a, b) => rank(a) - rank(b) || (a.organisation ?? '').localeCompare(b.organisation ?? '') || a.name.localeCompare(b.name));
  return people.has(NEWCOMER.aadObjectId) ? sorted : [...sorted, NEWCOMER];
}
