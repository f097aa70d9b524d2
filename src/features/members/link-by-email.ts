// "members link": people on the roster with an email address and no account on this platform yet
// are linked to the account with that address (Slack users.lookupByEmail; Teams the board
// channel's roster, by email or user principal name). An account already linked to someone else on
// the board is left alone and reported.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import type { Platform } from '../../domain/platform.ts';
import type { Member } from '../../persistence/generated/client.ts';
import { askDirectory, boardDirectory, type BoardDirectory } from './directory-place.ts';
import { rosterOf, type RosterResult } from './list-members.ts';
import { inTransactionOnce, platformIdentity } from './save-members.ts';

const MOST = 100;

export interface EmailLinks {
  linked: string[];
  notFound: string[];
  taken: string[];
}

/** Links each of `members` (with an email, not linked on `platform`) to the account with their
 * email, once: an account already someone else's on the board is left alone and reported. */
export async function linkEmails(
  deps: Pick<CoreDeps, 'prisma'>,
  found: BoardDirectory,
  platform: Platform,
  boardId: string,
  members: readonly Pick<Member, 'id' | 'name' | 'email'>[],
): Promise<EmailLinks> {
  const linked: string[] = [];
  const notFound: string[] = [];
  const taken: string[] = [];
  for (const member of members) {
    const person = await askDirectory(() => found.directory.byEmail(found.place, member.email as string));
    if (!person) {
      notFound.push(member.name);
      continue;
    }
    const done = await inTransactionOnce(deps.prisma, async (tx) => {
      const idKey = platform === 'slack' ? { slackUserId: person.userId } : { teamsAadId: person.userId };
      if (await tx.member.count({ where: { boardId, ...idKey, id: { not: member.id } } })) return false;
      const changed = await tx.member.updateMany({
        where: { id: member.id, ...(platform === 'slack' ? { slackUserId: null } : { teamsAadId: null }) },
        data: platformIdentity(platform, person, found.place.tenantId),
      });
      return changed.count > 0;
    });
    (done ? linked : taken).push(member.name);
  }
  return { linked, notFound, taken };
}

export async function linkByEmail(deps: CoreDeps, input: Invocation): Promise<RosterResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const found = await boardDirectory(deps, board, input.actor);
  if (!found) throw new AppError(ErrorCode.DIRECTORY_UNAVAILABLE, 'I can\u2019t look people up for this board here: it has no channel on this platform. Run "board channel" in its channel first.');
  const platform = input.actor.platform;
  const unlinked = await deps.prisma.member.findMany({
    where: { boardId: board.id, active: true, email: { not: null }, ...(platform === 'slack' ? { slackUserId: null } : { teamsAadId: null }) },
    orderBy: { name: 'asc' },
    take: MOST,
  });
  const { linked, notFound, taken } = await linkEmails(deps, found, platform, board.id, unlinked);
  const where = platform === 'slack' ? 'Slack' : 'Teams';
  const notice =
    unlinked.length === 0
      ? `Everyone on the roster with an email address is linked on ${where} already.`
      : [
          linked.length > 0 ? `Linked on ${where} by email: ${linked.join(', ')}.` : `Nobody could be linked on ${where} by email.`,
          notFound.length > 0 ? `No ${where} account has the email of ${notFound.join(', ')}.` : '',
          taken.length > 0 ? `The account with the email of ${taken.join(', ')} belongs to someone else on the roster.` : '',
        ]
          .filter(Boolean)
          .join(' ');
  return rosterOf(deps, board, { canManage: true, notice });
}
