// Putting people on the roster, once each: in one transaction, keyed by their platform id on the
// board (a unique key), so a double click or a retry finds the first one's row and adds nobody
// twice. Someone already on the roster is left as they are; someone removed comes back (their
// history was kept); someone imported with the same email and not yet linked is linked instead.
import type { DirectoryPerson } from '../../directory/port.ts';
import type { Platform } from '../../domain/platform.ts';
import type { Board, MemberRole, Prisma, PrismaClient } from '../../persistence/generated/client.ts';

type Tx = Prisma.TransactionClient;

export interface Saved {
  added: string[];
  returned: string[];
  linked: string[];
  already: string[];
}

/** The organisation called `name` (or with that short name) on the board, made if new. */
export async function organisationNamed(tx: Tx, boardId: string, name: string): Promise<string> {
  const found = await tx.organisation.findFirst({ where: { boardId, OR: [{ name: { equals: name, mode: 'insensitive' } }, { shortName: { equals: name, mode: 'insensitive' } }] } });
  if (found) return found.id;
  return (await tx.organisation.upsert({ where: { boardId_name: { boardId, name } }, create: { boardId, name }, update: {} })).id;
}

export function platformIdentity(platform: Platform, person: DirectoryPerson, tenantId: string | undefined) {
  const tenant = person.tenantId ?? tenantId ?? null;
  return platform === 'slack' ? { slackUserId: person.userId, slackTeamId: tenant } : { teamsAadId: person.userId, teamsTenantId: tenant };
}

const isUniqueViolation = (error: unknown) => (error as { code?: unknown }).code === 'P2002';

/** Runs `work` in a transaction; when a concurrent one took a unique key first, once more (it then
 * finds that row). */
export async function inTransactionOnce<T>(prisma: PrismaClient, work: (tx: Tx) => Promise<T>): Promise<T> {
  try {
    return await prisma.$transaction(work);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return prisma.$transaction(work);
  }
}

export async function saveMembers(
  prisma: PrismaClient,
  board: Board,
  input: { platform: Platform; tenantId?: string; people: DirectoryPerson[]; organisation?: string; title?: string; role: MemberRole },
): Promise<Saved> {
  return inTransactionOnce(prisma, async (tx) => {
    const saved: Saved = { added: [], returned: [], linked: [], already: [] };
    const organisationId = input.organisation ? await organisationNamed(tx, board.id, input.organisation) : undefined;
    const details = { ...(organisationId ? { organisationId } : {}), ...(input.title ? { title: input.title } : {}) };
    for (const person of input.people) {
      const identity = platformIdentity(input.platform, person, input.tenantId);
      const idKey = input.platform === 'slack' ? { slackUserId: person.userId } : { teamsAadId: person.userId };
      const existing = await tx.member.findFirst({ where: { boardId: board.id, ...idKey } });
      if (existing?.active) {
        saved.already.push(existing.name);
        continue;
      }
      if (existing) {
        await tx.member.update({ where: { id: existing.id }, data: { active: true, role: input.role, ...details } });
        saved.returned.push(existing.name);
        continue;
      }
      const email = person.email?.trim().toLowerCase();
      const unlinked = email
        ? await tx.member.findFirst({ where: { boardId: board.id, email, ...(input.platform === 'slack' ? { slackUserId: null } : { teamsAadId: null }) } })
        : null;
      if (unlinked) {
        await tx.member.update({ where: { id: unlinked.id }, data: { ...identity, active: true } });
        saved.linked.push(unlinked.name);
        continue;
      }
      const emailTaken = email ? (await tx.member.count({ where: { boardId: board.id, email } })) > 0 : false;
      await tx.member.create({
        data: { boardId: board.id, name: person.name, role: input.role, countsTowardsQuorum: input.role !== 'adviser' && input.role !== 'observer', ...details, ...(email && !emailTaken ? { email } : {}), ...identity },
      });
      saved.added.push(person.name);
    }
    return saved;
  });
}

const list = (names: string[]) => (names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`);

export function savedNotice(saved: Saved): string {
  const parts = [
    saved.added.length > 0 ? `Added ${list(saved.added)}.` : '',
    saved.returned.length > 0 ? `${list(saved.returned)} ${saved.returned.length === 1 ? 'is' : 'are'} back on the board.` : '',
    saved.linked.length > 0 ? `Linked ${list(saved.linked)} (already on the roster, by email).` : '',
    saved.already.length > 0 ? `Already on the board: ${list(saved.already)}.` : '',
  ].filter(Boolean);
  return parts.join(' ') || 'Nobody was added.';
}
