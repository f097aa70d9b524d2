// For a clerk: what the bot has queued, sent and failed to send for their board.
import type { Actor } from '../../domain/platform.ts';
import type { Board, PrismaClient } from '../../persistence/generated/client.ts';
import { findBoard, type BoardContext } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';

export interface OutboxEntry {
  id: string;
  template: string;
  platform: 'slack' | 'teams';
  target: string;
  status: 'pending' | 'sending' | 'sent' | 'failed' | 'skipped';
  attempts: number;
  /** When it was sent, or is next due, or failed. */
  at: string;
  errorCode?: string;
  reason?: string;
}

export interface OutboxStatusResult {
  kind: 'outbox-status';
  notice?: string;
  board: { id: string; name: string; timezone: string };
  counts: Record<OutboxEntry['status'], number>;
  failed: OutboxEntry[];
  queued: OutboxEntry[];
  recent: OutboxEntry[];
}

const LIST = 10;
const ENTRY_FIELDS = { id: true, template: true, platform: true, targetKind: true, targetId: true, status: true, attempts: true, sentAt: true, notBefore: true, updatedAt: true, errorCode: true, lastError: true } as const;

export async function getOutboxStatus(
  deps: { prisma: PrismaClient },
  input: BoardContext & { actor: Actor; board?: Board; notice?: string },
): Promise<OutboxStatusResult> {
  const board = input.board ?? (await findBoard(deps.prisma, input));
  await requireClerk(deps.prisma, board, input.actor);
  const grouped = await deps.prisma.outboxMessage.groupBy({
    by: ['status'],
    where: { boardId: board.id },
    _count: { _all: true },
  });
  const counts = { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0 };
  for (const g of grouped) counts[g.status] = g._count._all;
  // Only what an entry shows: a message's data (a whole card's) is not read for a listing.
  const list = (where: object, orderBy: object) =>
    deps.prisma.outboxMessage.findMany({ where: { boardId: board.id, ...where }, orderBy, take: LIST, select: ENTRY_FIELDS });
  const [failed, queued, recent] = await Promise.all([
    list({ status: 'failed' }, { updatedAt: 'desc' }),
    list({ status: { in: ['pending', 'sending'] } }, { notBefore: 'asc' }),
    list({ status: { in: ['sent', 'skipped'] } }, { updatedAt: 'desc' }),
  ]);
  return {
    kind: 'outbox-status',
    ...(input.notice ? { notice: input.notice } : {}),
    board: { id: board.id, name: board.name, timezone: board.timezone },
    counts,
    failed: failed.map(toEntry),
    queued: queued.map(toEntry),
    recent: recent.map(toEntry),
  };
}

function toEntry(row: {
  id: string;
  template: string;
  platform: 'slack' | 'teams';
  targetKind: string;
  targetId: string;
  status: OutboxEntry['status'];
  attempts: number;
  sentAt: Date | null;
  notBefore: Date;
  updatedAt: Date;
  errorCode: string | null;
  lastError: string | null;
}): OutboxEntry {
  const at = row.status === 'sent' ? row.sentAt : row.status === 'pending' || row.status === 'sending' ? row.notBefore : row.updatedAt;
  return {
    id: row.id,
    template: row.template,
    platform: row.platform,
    target: `${row.targetKind}:${row.targetId}`,
    status: row.status,
    attempts: row.attempts,
    at: (at ?? row.updatedAt).toISOString(),
    ...(row.errorCode ? { errorCode: row.errorCode } : {}),
    ...(row.lastError ? { reason: row.lastError } : {}),
  };
}
