// What a fault drill counts, from the fake Slack's own record: each queued message should have
// arrived (chat.postMessage answered 200) exactly once. Sent: distinct messages that arrived;
// lost: queued but never arrived; duplicated: arrivals beyond the first of a message.
import type { Database } from '../../../src/persistence/database.ts';
import { enqueue } from '../../../src/delivery/outbox.ts';
import { deliveryFailedTemplate } from '../../../src/delivery/failure-notice.ts';
import { agendaChangedTemplate } from '../../../src/features/agendas/templates.ts';
import type { FakeSlackApi } from '../fake-slack-api.ts';
import { createSeedBoard } from '../fixtures.ts';
import { agendaChangedData } from '../templates.ts';

export interface Tally {
  queued: number;
  sent: number;
  lost: number;
  duplicated: number;
}

export interface DrillResult extends Tally {
  drill: string;
  /** Failure notices queued for the clerks (a drill expects none). */
  notices: number;
  /** Messages neither sent nor finished when the drill ended (pending or sending). */
  unfinished: number;
  /** How the fault was made, and what else is worth knowing, one line each. */
  notes: string[];
}

/** Queues `count` "agenda changed" notices for a seeded board, spread over `channels` channels
 * (C0, C1...), as the features queue them. Returns their ids. */
export async function queueNotices(db: Database, count: number, channels: number): Promise<string[]> {
  const board = await db.prisma.board.findFirst({ select: { id: true } });
  const boardId = board?.id ?? (await createSeedBoard(db.prisma)).boardId;
  const ids: string[] = [];
  for (let from = 0; from < count; from += 100) {
    await db.prisma.$transaction(async (tx) => {
      for (let n = from; n < Math.min(count, from + 100); n++) {
        ids.push((await enqueue(tx, { boardId, platform: 'slack', target: { kind: 'channel', id: `C${n % channels}` }, template: agendaChangedTemplate, data: agendaChangedData(n) })).id);
      }
    });
  }
  return ids;
}

/** The outbox ids of every message the fake Slack accepted (a digest counts for each it holds). */
export function arrivals(fake: FakeSlackApi): string[] {
  return fake
    .calls('chat.postMessage')
    .filter((c) => c.status === 200)
    .flatMap((c) => {
      const payload = (c.body.metadata as { event_payload?: { outbox_id?: string; outbox_ids?: string } } | undefined)?.event_payload;
      return (payload?.outbox_ids ?? payload?.outbox_id ?? '').split(',').filter(Boolean);
    });
}

export function tally(fake: FakeSlackApi, ids: readonly string[]): Tally {
  const wanted = new Set(ids);
  const arrived = arrivals(fake).filter((id) => wanted.has(id));
  const distinct = new Set(arrived);
  return { queued: ids.length, sent: distinct.size, lost: ids.length - distinct.size, duplicated: arrived.length - distinct.size };
}

/** Waits until every message has arrived once, or `timeoutMs`; says how far it got every fifth. */
export async function waitForArrivals(fake: FakeSlackApi, ids: readonly string[], timeoutMs: number, say: (line: string) => void, label: string, until = ids.length): Promise<Tally> {
  const deadline = Date.now() + timeoutMs;
  let shown = 0;
  let now = tally(fake, ids);
  while (now.sent < until && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    now = tally(fake, ids);
    if (now.sent - shown >= Math.max(1, Math.ceil(ids.length / 5)) && now.sent < until) {
      shown = now.sent;
      say(`  ${label}: ${now.sent}/${ids.length} arrived...`);
    }
  }
  return now;
}

/** What the outbox says of the drill's messages once the service has stopped: how many are not
 * finished (pending or sending: they could still go, so a count of duplicates would not be final),
 * and how many failure notices were queued for the clerks. */
export async function outboxState(db: Database, ids: readonly string[]): Promise<{ unfinished: number; notices: number }> {
  const unfinished = await db.prisma.outboxMessage.count({ where: { id: { in: [...ids] }, status: { in: ['pending', 'sending'] } } });
  const notices = await db.prisma.outboxMessage.count({ where: { template: deliveryFailedTemplate.id } });
  return { unfinished, notices };
}

/** Waits until none of the messages is pending or sending (a send whose record was cut off stays
 * 'sending' until its lease runs out and the next claim finds the post), or `timeoutMs`. */
export async function waitForSettled(db: Database, ids: readonly string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  let left = (await outboxState(db, ids)).unfinished;
  while (left > 0 && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250));
    left = (await outboxState(db, ids)).unfinished;
  }
  return left;
}

export function summary(result: DrillResult): string {
  return `sent ${result.sent}, lost ${result.lost}, duplicated ${result.duplicated} (of ${result.queued} queued); failure notices to clerks ${result.notices}; unfinished ${result.unfinished}`;
}
