// Who a person can ask: the board's clerks, chair and vice-chair, by name. Every refusal names them
// ("Ask Tracy Scollin (clerk) or Cllr Longstaff (chair)"), never a role nobody can act on.
import type { Actor } from '../../domain/platform.ts';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

export type HelperRole = 'clerk' | 'chair' | 'vice-chair';

export interface PersonWhoCanHelp {
  memberId: string;
  name: string;
  role: HelperRole;
}

const ORDER: Record<string, number> = { clerk: 0, chair: 1, vice_chair: 2 };
/** At most this many are named; a board rarely has more. */
const MOST = 4;

/** The board's active clerks, then its chair and vice-chair: each person once, with their first role. */
export async function peopleWhoCanHelp(db: Db, boardId: string): Promise<PersonWhoCanHelp[]> {
  const roles = await db.boardRole.findMany({ where: { boardId, member: { active: true } }, include: { member: true } });
  roles.sort((a, b) => (ORDER[a.role] ?? 9) - (ORDER[b.role] ?? 9) || a.member.name.localeCompare(b.member.name) || a.memberId.localeCompare(b.memberId));
  const seen = new Set<string>();
  const people: PersonWhoCanHelp[] = [];
  for (const r of roles) {
    if (seen.has(r.memberId)) continue;
    seen.add(r.memberId);
    people.push({ memberId: r.memberId, name: r.member.name, role: r.role === 'vice_chair' ? 'vice-chair' : r.role });
  }
  return people.slice(0, MOST);
}

/** "Tracy Scollin (clerk) or Cllr Longstaff (chair)". */
export function namesOf(people: readonly PersonWhoCanHelp[]): string {
  const named = people.map((p) => `${p.name} (${p.role})`);
  if (named.length <= 1) return named[0] ?? '';
  return `${named.slice(0, -1).join(', ')} or ${named[named.length - 1]}`;
}

/** "Ask Tracy Scollin (clerk) or Cllr Longstaff (chair)", then what for, if given. */
export function askSentence(people: readonly PersonWhoCanHelp[], forWhat = ''): string {
  if (people.length === 0) return 'Nobody holds the clerk\u2019s or the chair\u2019s role on this board in Quorum yet.';
  return `Ask ${namesOf(people)}${forWhat ? ` ${forWhat}` : ''}.`;
}

/** The sentence for a board, in one call: `await whoCanHelp(db, boardId, 'to add you')`. */
export async function whoCanHelp(db: Db, boardId: string, forWhat = ''): Promise<string> {
  return askSentence(await peopleWhoCanHelp(db, boardId), forWhat);
}

/** For someone on no board: who adds them, when their workspace has exactly one board; otherwise
 * where to ask (in a board's channel Quorum knows the board, and so who its clerks are). */
export async function whoAddsYou(db: Db, actor: Actor): Promise<string> {
  const boards = actor.tenantId
    ? await db.board.findMany({ where: actor.platform === 'slack' ? { slackTeamId: actor.tenantId } : { teamsTenantId: actor.tenantId }, take: 2, orderBy: { createdAt: 'asc' } })
    : [];
  const [only] = boards;
  if (boards.length === 1 && only) return `If you are on ${only.name}, ${lowerFirst(await whoCanHelp(db, only.id, 'to add you'))}`;
  return 'Ask in your board\u2019s channel: there I can tell you who adds members.';
}

const lowerFirst = (s: string) => (s.startsWith('Ask ') ? `ask ${s.slice(4)}` : s);
