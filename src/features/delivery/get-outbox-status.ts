// For a clerk: what the bot has queued, sent and failed to send for their board.
import type { Actor } from '../../domain/platform.ts';
import { z } from 'zod';
import type { Board, PrismaClient } from '../../persistence/generated/client.ts';
import { OutboxStatus, Platform } from '../../persistence/generated/enums.ts';
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

const timestamp = z.string().transform((text, ctx) => {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) ctx.addIssue({ code: 'custom', message: `not a timestamp: ${text}` });
  return at;
});
const rowSchema = z.object({
  id: z.string(),
  template: z.string(),
  platform: z.enum(Platform),
  targetKind: z.string(),
  targetId: z.string(),
  status: z.enum(OutboxStatus),
  attempts: z.number().int(),
  sentAt: timestamp.nullable(),
  notBefore: timestamp,
  updatedAt: timestamp,
  errorCode: z.string().nullable(),
  lastError: z.string().nullable(),
});
const outboxSchema = z.object({
  counts: z.partialRecord(z.enum(OutboxStatus), z.number().int()).nullable(),
  failed: z.array(rowSchema),
  queued: z.array(rowSchema),
  recent: z.array(rowSchema),
});

/** The counts by status and the three short lists, in one statement (this is a read a clerk runs
 * often; as four it was half the command's round trips). Only what an entry shows: a message's data
 * (a whole card's) is not read for a listing. */
async function readOutbox(prisma: PrismaClient, boardId: string) {
  // Inlined (NOT MATERIALIZED) into each part, so that each reads through the board's index on
  // (board_id, status): the status stays the enum (a cast to text would hide it from the index).
  const [row] = await prisma.$queryRaw<unknown[]>`
    WITH mine AS NOT MATERIALIZED (
      SELECT id, template, platform, target_kind AS "targetKind", target_id AS "targetId",
             status, attempts, sent_at AS "sentAt", not_before AS "notBefore",
             updated_at AS "updatedAt", error_code AS "errorCode", last_error AS "lastError"
        FROM outbox_message WHERE board_id = ${boardId}::uuid
    )
    SELECT
      (SELECT json_object_agg(status, n) FROM (SELECT status, count(*)::int AS n FROM mine GROUP BY status) c) AS counts,
      (SELECT coalesce(json_agg(f ORDER BY "updatedAt" DESC, id), '[]') FROM
        (SELECT * FROM mine WHERE status = 'failed' ORDER BY "updatedAt" DESC, id LIMIT ${LIST}) f) AS failed,
      (SELECT coalesce(json_agg(q ORDER BY "notBefore", id), '[]') FROM
        (SELECT * FROM mine WHERE status IN ('pending', 'sending') ORDER BY "notBefore", id LIMIT ${LIST}) q) AS queued,
      (SELECT coalesce(json_agg(r ORDER BY "updatedAt" DESC, id), '[]') FROM
        (SELECT * FROM mine WHERE status IN ('sent', 'skipped') ORDER BY "updatedAt" DESC, id LIMIT ${LIST}) r) AS recent`;
  const read = outboxSchema.parse(row);
  return { counts: { pending: 0, sending: 0, sent: 0, failed: 0, skipped: 0, ...read.counts }, failed: read.failed, queued: read.queued, recent: read.recent };
}

export async function getOutboxStatus(
  deps: { prisma: PrismaClient },
  input: BoardContext & { actor: Actor; board?: Board; notice?: string },
): Promise<OutboxStatusResult> {
  const board = input.board ?? (await findBoard(deps.prisma, input));
  await requireClerk(deps.prisma, board, input.actor);
  const { counts, failed, queued, recent } = await readOutbox(deps.prisma, board.id);
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

function toEntry(row: z.infer<typeof rowSchema>): OutboxEntry {
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
