// A person on the roster named in a command ("members edit Richard Norfolk"): exactly one active
// member whose name is, or contains, what was typed. Ambiguity lists the choices, never a guess.
import { AppError, ErrorCode } from '../../errors.ts';
import type { Member, Prisma, PrismaClient } from '../../persistence/generated/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export async function findRosterMember(db: Db, boardId: string, typed: string, usage: string): Promise<Member> {
  const name = typed.trim().replace(/\s+/g, ' ');
  if (!name) throw new AppError(ErrorCode.COMMAND_USAGE, `Say who, e.g. "${usage} Richard Norfolk".`);
  const exact = await db.member.findMany({ where: { boardId, active: true, name: { equals: name, mode: 'insensitive' } }, take: 5 });
  const found = exact.length > 0 ? exact : await db.member.findMany({ where: { boardId, active: true, name: { contains: name, mode: 'insensitive' } }, orderBy: { name: 'asc' }, take: 6 });
  if (found.length === 1) return found[0] as Member;
  if (found.length === 0) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, `Nobody on the roster is called "${name.slice(0, 60)}". "members" lists everyone.`, { log: 'no member by that name' });
  throw new AppError(ErrorCode.AMBIGUOUS_MEMBER, `"${name.slice(0, 60)}" could be ${found.slice(0, 5).map((m) => m.name).join(', ')}${found.length > 5 ? ' or others' : ''}. Type more of the name.`, { log: `${found.length} members match` });
}
