// The clerk confirms a pasted membership list: its organisations and people are put on the roster
// (nobody already there twice: same email, or same name in the same organisation), then those
// with an email are linked to their account on this platform (Slack users.lookupByEmail; Teams the
// channel's roster). Claimed once: a second click or Slack's retry changes nothing and gets the
// first answer.
import { personKey, type MembershipRow } from '../../domain/members/parse-membership.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Member, Prisma } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { boardDirectory } from './directory-place.ts';
import { linkEmails } from './link-by-email.ts';
import { rosterOf, type RosterResult } from './list-members.ts';
import { meetRoster, readHeldMembers } from './member-import-preview.ts';

type Tx = Prisma.TransactionClient;

const BOARD_ROLE = { chair: 'chair', 'vice-chair': 'vice_chair', clerk: 'clerk' } as const;

export async function saveMemberImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<RosterResult> {
  const held = await deps.prisma.memberImport.findUnique({ where: { id: input.importId }, include: { board: true } });
  if (!held) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list could not be found: it was discarded. Paste it again with "members import".', { log: `member_import ${input.importId} not found` });
  const board = held.board;
  await requireClerk(deps.prisma, board, input.actor);
  if (held.appliedAt) return rosterOf(deps, board, { canManage: true, notice: `That list was saved already. ${held.outcome ?? ''}`.trim() });
  const { rows } = readHeldMembers(held);
  const saved = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.memberImport.updateMany({ where: { id: held.id, appliedAt: null }, data: { appliedAt: deps.now() } });
    if (claimed.count === 0) return null;
    // The roster may have changed since the preview: checked again, and a refusal undoes the claim.
    const onRoster = await meetRoster(tx, board.id, rows);
    const outcome = { added: [] as Member[], returned: [] as string[], already: [] as string[], organisations: 0 };
    const organisations = new Map<string, string>();
    for (const row of rows) {
      if (onRoster.has(row.line)) {
        outcome.already.push(row.name);
        continue;
      }
      const organisationId = row.organisation ? await organisationFor(tx, board.id, row, organisations, () => outcome.organisations++) : null;
      const removed = row.email ? await tx.member.findFirst({ where: { boardId: board.id, email: row.email, active: false } }) : null;
      const details = { title: row.title ?? null, organisationId, role: row.role, countsTowardsQuorum: row.role !== 'adviser' && row.role !== 'observer' };
      const member = removed
        ? await tx.member.update({ where: { id: removed.id }, data: { ...details, active: true } })
        : await tx.member.create({ data: { boardId: board.id, name: row.name, ...details, ...(row.email ? { email: row.email } : {}) } });
      if (removed) outcome.returned.push(member.name);
      else outcome.added.push(member);
      if (row.boardRole) await tx.boardRole.upsert({ where: { boardId_memberId_role: { boardId: board.id, memberId: member.id, role: BOARD_ROLE[row.boardRole] } }, create: { boardId: board.id, memberId: member.id, role: BOARD_ROLE[row.boardRole] }, update: {} });
    }
    return outcome;
  });
  // Someone else's click claimed it between our read and our claim: answer as they were answered.
  if (!saved) return saveMemberImport(deps, input);
  const parts = [
    saved.added.length > 0 ? `Added ${saved.added.length} ${saved.added.length === 1 ? 'person' : 'people'}${saved.organisations > 0 ? ` and ${saved.organisations} new organisation${saved.organisations === 1 ? '' : 's'}` : ''}.` : 'Nobody new was added.',
    saved.returned.length > 0 ? `Back on the board: ${saved.returned.join(', ')}.` : '',
    saved.already.length > 0 ? `Already on the roster: ${saved.already.join(', ')}.` : '',
    await linkImported(deps, input, held.boardId, saved.added),
  ];
  const notice = parts.filter(Boolean).join(' ');
  await deps.prisma.memberImport.update({ where: { id: held.id }, data: { outcome: notice } });
  return rosterOf(deps, board, { canManage: true, notice });
}

/** The organisation a row names, found by its name or short name, made if new (with its short name). */
async function organisationFor(tx: Tx, boardId: string, row: MembershipRow, made: Map<string, string>, onNew: () => void): Promise<string> {
  const name = row.organisation as string;
  const key = personKey('', name);
  const known = made.get(key);
  if (known) return known;
  const names = [name, ...(row.shortName ? [row.shortName] : [])].map((n) => ({ equals: n, mode: 'insensitive' as const }));
  const found = await tx.organisation.findFirst({ where: { boardId, OR: names.flatMap((n) => [{ name: n }, { shortName: n }]) } });
  let id: string;
  if (found) {
    if (row.shortName && !found.shortName) await tx.organisation.update({ where: { id: found.id }, data: { shortName: row.shortName } });
    id = found.id;
  } else {
    id = (await tx.organisation.create({ data: { boardId, name, ...(row.shortName ? { shortName: row.shortName } : {}) } })).id;
    onNew();
  }
  made.set(key, id);
  return id;
}

/** The people just added with an email, linked to their account on this platform; what happened, in a sentence. */
async function linkImported(deps: CoreDeps, input: Invocation, boardId: string, added: readonly Member[]): Promise<string> {
  const withEmail = added.filter((m) => m.email);
  if (withEmail.length === 0) return '';
  const board = await deps.prisma.board.findUniqueOrThrow({ where: { id: boardId } });
  const where = input.actor.platform === 'slack' ? 'Slack' : 'Teams';
  const found = await boardDirectory(deps, board, input.actor);
  if (!found) return `Nobody was linked on ${where} by email: the board has no channel here yet ("board channel" in its channel, then "members link").`;
  try {
    const links = await linkEmails(deps, found, input.actor.platform, boardId, withEmail);
    return [
      links.linked.length > 0 ? `Linked on ${where} by email: ${links.linked.join(', ')}.` : '',
      links.notFound.length > 0 ? `No ${where} account has the email of ${links.notFound.join(', ')}; they are linked when they first use Quorum and you confirm who they are.` : '',
      links.taken.length > 0 ? `The account with the email of ${links.taken.join(', ')} belongs to someone else on the roster.` : '',
    ]
      .filter(Boolean)
      .join(' ');
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    return `The people are saved, but linking them by email failed: ${error.say} Run "members link" later.`;
  }
}
