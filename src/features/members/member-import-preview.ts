// A pasted membership list held for the clerk to check: what the preview shows, the held row read
// back from the database, and how each row meets the roster (new, or someone already on it).
import { z } from 'zod';
import { MEMBER_ROLES, personKey, type MembershipRow, type UnreadMembershipLine } from '../../domain/members/parse-membership.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { MemberImport, Prisma, PrismaClient } from '../../persistence/generated/client.ts';

type Db = PrismaClient | Prisma.TransactionClient;

/** One paste: what a Slack text input holds (the form's box is held to it on both platforms). */
export const MEMBERS_PASTE_CHUNK_MAX = 3000;
/** All pastes together: a board's membership, 100 people at most. */
export const MEMBERS_PASTE_TOTAL_MAX = 30_000;

export interface MemberImportRow extends MembershipRow {
  /** Someone already on the roster (same email, or same name in the same organisation). */
  onRoster: boolean;
}

export interface MemberImportPreviewResult {
  kind: 'member-import-preview';
  importId: string;
  board: { id: string; name: string };
  format: 'csv' | 'list';
  rows: MemberImportRow[];
  unread: UnreadMembershipLine[];
  /** A paste can be continued: Slack takes 3,000 characters at a time. */
  canPasteMore: boolean;
}

const rowSchema = z.object({
  line: z.number(),
  name: z.string(),
  title: z.string().optional(),
  organisation: z.string().optional(),
  shortName: z.string().optional(),
  role: z.enum(MEMBER_ROLES),
  boardRole: z.enum(['chair', 'vice-chair', 'clerk']).optional(),
  email: z.string().optional(),
});
const unreadSchema = z.array(z.object({ line: z.number(), text: z.string(), reason: z.string() }));

/** The held rows, parsed: anything else is a row this version cannot read. */
export function readHeldMembers(held: MemberImport): { rows: MembershipRow[]; unread: UnreadMembershipLine[] } {
  const rows = z.array(rowSchema).safeParse(held.rows);
  const unread = unreadSchema.safeParse(held.unread ?? []);
  if (!rows.success || !unread.success) {
    throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That list can no longer be read. Paste it again with "members import".', { log: `member_import ${held.id} does not parse` });
  }
  return { rows: rows.data as MembershipRow[], unread: unread.data };
}

/** Refuses a row whose email belongs to someone else on the board (on the roster or removed),
 * naming the line and the field; returns the rows of people already on the roster. */
export async function meetRoster(db: Db, boardId: string, rows: readonly MembershipRow[]): Promise<Set<number>> {
  const emails = rows.flatMap((r) => (r.email ? [r.email] : []));
  const byEmail = emails.length > 0 ? await db.member.findMany({ where: { boardId, email: { in: emails } } }) : [];
  const active = await db.member.findMany({ where: { boardId, active: true }, include: { organisation: true } });
  const keys = new Set(active.flatMap((m) => [personKey(m.name, m.organisation?.name), ...(m.organisation?.shortName ? [personKey(m.name, m.organisation.shortName)] : [])]));
  const onRoster = new Set<number>();
  for (const row of rows) {
    const holder = row.email ? byEmail.find((m) => m.email === row.email) : undefined;
    if (holder && personKey(holder.name, '') !== personKey(row.name, '')) {
      const say = `Line ${row.line}, email: ${row.email} is ${holder.name}\u2019s, who ${holder.active ? 'is' : 'was'} on the roster. Correct the email, or leave it out.`;
      throw formInvalid({ text: say }, say);
    }
    if ((holder && holder.active) || keys.has(personKey(row.name, row.organisation)) || (row.shortName && keys.has(personKey(row.name, row.shortName)))) onRoster.add(row.line);
  }
  return onRoster;
}
