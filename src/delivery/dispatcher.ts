// Sends what the outbox holds, exactly once, through each platform's Messenger.
//
// Claiming happens in PostgreSQL: due rows are locked with FOR UPDATE SKIP LOCKED and marked
// 'sending' with a lease, so two dispatchers (two instances on one database) never take the same
// message. Pacing is per conversation ("lane") and per platform, also in the database, so the
// limits hold across instances. A dispatcher that dies after claiming leaves the lease to expire;
// the next claim takes the message again and, where the platform can tell (Slack), first checks
// whether it had already been posted.
import { randomUUID } from 'node:crypto';
import type { Platform } from '../domain/platform.ts';
import type { Logger } from '../logger.ts';
import type { TemplateSpec } from '../kernel/feature.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';
import { backoffMs } from './backoff.ts';
import { takeLane } from './lanes.ts';
import { resolveTarget } from './targets.ts';
import { notifyClerksOfFailure } from './failure-notice.ts';
import { DeliveryFailure, type DeliveryTarget, type Messenger, type OutboundMessage, type SentMessage } from './port.ts';

export interface Pacing {
  /** Minimum gap between two messages to one conversation. */
  perConversationMs: number;
  /** Ceiling for the whole app on this platform. */
  perSecond: number;
}

/** Slack: chat.postMessage allows about one message per second per channel (the gap counts from
 * when the previous send was answered, so a full second from its arrival). Teams: 7 per second
 * per conversation, and a per-app ceiling across conversations. */
export const DEFAULT_PACING: Record<Platform, Pacing> = {
  slack: { perConversationMs: 1_000, perSecond: 20 },
  teams: { perConversationMs: 150, perSecond: 30 },
};

export interface DispatcherOptions {
  prisma: PrismaClient;
  messengers: Partial<Record<Platform, Messenger>>;
  /** Every template a message may name: its data is parsed with the template's schema before it
   * is rendered, so a row this version cannot read fails clearly instead of rendering nonsense. */
  templates: ReadonlyMap<string, TemplateSpec>;
  logger: Logger;
  instanceId?: string;
  clock?: () => Date;
  leaseMs?: number;
  batchSize?: number;
  maxAttempts?: number;
  pacing?: Partial<Record<Platform, Pacing>>;
  random?: () => number;
  /** Idle poll interval of the running loop. */
  idleMs?: number;
}

interface Row {
  id: string;
  board_id: string | null;
  platform: Platform;
  operation: 'post' | 'update';
  target_kind: 'channel' | 'user';
  target_id: string;
  updates_id: string | null;
  template: string;
  data: unknown;
  digestible: boolean;
  status: 'pending' | 'sending';
  attempts: number;
  expires_at: Date | null;
  created_at: Date;
}

interface Claim {
  rows: Row[];
  /** When its conversation's lane frees: a claim may be made a little ahead, and waits for it. */
  sendAt: Date;
  /** Written to claimed_by: every later write about these rows must still find it there, so a
   * dispatcher whose lease ran out cannot overwrite what another one did since. */
  token: string;
  /** Taken back after a lease ran out, or tried before: the message may already be out. */
  uncertain: boolean;
}

export interface RunSummary {
  claimed: number;
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

const GLOBAL_LANE = '*';

/** How far ahead of its lane's free time a message may be claimed, so that the claim's work (a few
 * statements, slower under load) is done by the time the lane frees: half the gap, at most 500 ms. */
const lookaheadFor = (gapMs: number) => Math.min(500, Math.floor(gapMs / 2));

/** How long (at most: never past the claim's lease) a lane stays booked while its message is on its way (the dispatcher frees it when the
 * platform answers; a dispatcher that dies mid-send holds it this long). */
const IN_FLIGHT_MS = 15_000;

export class Dispatcher {
  readonly instanceId: string;
  private readonly clock: () => Date;
  private readonly leaseMs: number;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly pacing: Record<Platform, Pacing>;
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> | undefined;
  private stopped = true;

  constructor(private readonly options: DispatcherOptions) {
    this.instanceId = options.instanceId ?? `dispatcher-${randomUUID().slice(0, 8)}`;
    this.clock = options.clock ?? (() => new Date());
    this.leaseMs = options.leaseMs ?? 60_000;
    this.batchSize = options.batchSize ?? 25;
    this.maxAttempts = options.maxAttempts ?? 8;
    this.pacing = { ...DEFAULT_PACING, ...options.pacing };
  }

  private get platforms(): Platform[] {
    return (Object.keys(this.options.messengers) as Platform[]).filter((p) => this.options.messengers[p]);
  }

  /** Claims what is due and sends it. Returns what happened; safe to call concurrently. */
  async runOnce(): Promise<RunSummary> {
    const summary: RunSummary = { claimed: 0, sent: 0, retried: 0, failed: 0, skipped: 0 };
    if (this.platforms.length === 0) return summary;
    const claims = await this.claim(summary);
    await Promise.all(claims.map((claim) => this.deliver(claim, summary)));
    return summary;
  }

  /** Runs until stop(): immediately when poked, when the next message falls due or its lane frees
   * (a paced channel is taken up the moment it may be sent to again), and at least every idleMs. */
  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.schedule(0);
  }

  /** Wakes the loop now (after enqueueing, for instance). */
  poke(): void {
    if (!this.stopped && !this.running) this.schedule(0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    await this.running;
  }

  private schedule(delayMs: number): void {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.running = this.runOnce()
        .then(
          (summary) => summary.claimed > 0,
          (error: unknown) => {
            this.options.logger.error({ err: error }, 'dispatcher run failed');
            return false;
          },
        )
        .then(async (busy) => {
          const delay = await this.nextRunInMs(busy);
          this.running = undefined;
          this.schedule(delay);
        });
    }, delayMs);
    this.timer.unref?.();
  }

  private maxLookaheadMs(): number {
    return Math.max(0, ...this.platforms.map((p) => lookaheadFor(this.pacing[p].perConversationMs)));
  }

  /** How long until the next message may go: its own time, its lane's and its platform's next
   * free slot, whichever is latest; at most idleMs (work queued by another instance, leases). */
  private async nextRunInMs(busy: boolean): Promise<number> {
    const idle = this.options.idleMs ?? 1_000;
    let at: Date | null | undefined;
    try {
      const next = await this.options.prisma.$queryRaw<{ at: Date | null }[]>`
        SELECT MIN(GREATEST(m.not_before, COALESCE(l.next_at, m.not_before) - make_interval(secs => ${this.maxLookaheadMs() / 1000}),
                            COALESCE(g.next_at, m.not_before))) AS at
          FROM "outbox_message" m
          LEFT JOIN "delivery_lane" l ON l.platform = m.platform AND l.lane_key = m.target_kind || ':' || m.target_id
          LEFT JOIN "delivery_lane" g ON g.platform = m.platform AND g.lane_key = ${GLOBAL_LANE}
         WHERE m.platform::text = ANY(${this.platforms}) AND m.status = 'pending'`;
      at = next[0]?.at;
    } catch (error) {
      this.options.logger.warn({ err: error }, 'dispatcher could not read when the next message is due');
      return idle;
    }
    if (!at) return idle;
    const wait = at.getTime() - this.clock().getTime();
    // Due now but not taken (a batch's limit, another instance holding a lane, a post waiting for
    // its card's update): again shortly, not in a tight loop.
    if (wait <= 0) return busy ? 10 : 50;
    return Math.min(wait, idle);
  }

  private async claim(summary: RunSummary): Promise<Claim[]> {
    const now = this.clock();
    const leaseUntil = new Date(now.getTime() + this.leaseMs);
    return this.options.prisma.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Row[]>`
        SELECT id, board_id, platform, operation, target_kind, target_id, updates_id, template, data,
               digestible, status, attempts, expires_at, created_at
          FROM "outbox_message" m
         WHERE platform::text = ANY(${this.platforms})
           AND ((status = 'pending' AND not_before <= ${now}) OR (status = 'sending' AND claimed_until < ${now}))
           -- A card's update goes before what was queued after it in its conversation (the notice
           -- of what changed follows the card it describes): a post waits while one is unsent.
           AND NOT (operation = 'post' AND EXISTS (
                 SELECT 1 FROM "outbox_message" u
                  WHERE u.platform = m.platform AND u.target_kind = m.target_kind AND u.target_id = m.target_id
                    AND u.status IN ('pending', 'sending') AND u.operation = 'update' AND u.created_at <= m.created_at
                    AND u.updates_id <> m.id))
           -- A message that follows another (a part of a long one) waits until that one is out.
           AND NOT EXISTS (SELECT 1 FROM "outbox_message" a WHERE a.id = m.after_id AND a.status IN ('pending', 'sending'))
         ORDER BY not_before, created_at, operation DESC
         LIMIT ${this.batchSize}
         FOR UPDATE SKIP LOCKED`;

      const expired = rows.filter((r) => r.expires_at && r.expires_at.getTime() <= now.getTime());
      if (expired.length > 0) {
        await tx.$executeRaw`
          UPDATE "outbox_message" SET status = 'skipped', error_code = 'expired',
                 last_error = 'Not sent before it stopped being relevant', claimed_by = NULL, claimed_until = NULL, updated_at = now()
           WHERE id = ANY(${expired.map((r) => r.id)}::uuid[])`;
        summary.skipped += expired.length;
      }

      // A message whose sends keep dying with the process (a lease ran out every time) stops here,
      // and the clerks are told, like any other failure.
      const exhausted = rows.filter((r) => !expired.includes(r) && r.status === 'sending' && r.attempts >= this.maxAttempts);
      for (const row of exhausted) {
        await tx.$executeRaw`
          UPDATE "outbox_message" SET status = 'failed', error_code = 'interrupted',
                 last_error = 'Every attempt to send it was interrupted', claimed_by = NULL, claimed_until = NULL, updated_at = now()
           WHERE id = ${row.id}::uuid`;
        await notifyClerksOfFailure(tx as unknown as PrismaClient, { id: row.id, boardId: row.board_id, platform: row.platform, template: row.template, targetKind: row.target_kind, targetId: row.target_id, code: 'interrupted', message: 'Every attempt to send it was interrupted' });
        summary.failed += 1;
      }

      const lanes = new Map<string, Row[]>();
      for (const row of rows) {
        if (expired.includes(row) || exhausted.includes(row)) continue;
        const key = `${row.platform}|${row.target_kind}:${row.target_id}`;
        lanes.set(key, [...(lanes.get(key) ?? []), row]);
      }

      const claims: Claim[] = [];
      const budget = new Map<Platform, number>();
      const blocked = new Set<Platform>();
      for (const laneRows of lanes.values()) {
        const first = laneRows[0] as Row;
        const platform = first.platform;
        const laneKey = `${first.target_kind}:${first.target_id}`;
        const used = budget.get(platform) ?? 0;
        if (blocked.has(platform) || used >= this.pacing[platform].perSecond) continue;
        if (!budget.has(platform)) {
          // The platform-wide lane: held for this transaction, so one dispatcher at a time books it.
          if (!(await takeLane(tx, platform, GLOBAL_LANE, now, 0))) {
            blocked.add(platform);
            continue;
          }
          budget.set(platform, 0);
        }
        const gap = this.pacing[platform].perConversationMs;
        // Booked past the send: freeLane sets the real next slot once the platform has answered.
        const sendAt = await takeLane(tx, platform, laneKey, now, gap > 0 ? Math.max(gap, Math.min(IN_FLIGHT_MS, this.leaseMs)) : 0, lookaheadFor(gap));
        if (!sendAt) continue;

        let taken = [first];
        if (first.operation === 'post' && first.target_kind === 'user' && first.digestible) {
          // Everything due for this person now goes out as one digest.
          taken = await tx.$queryRaw<Row[]>`
            SELECT id, board_id, platform, operation, target_kind, target_id, updates_id, template, data,
                   digestible, status, attempts, expires_at, created_at
              FROM "outbox_message"
             WHERE platform = ${platform}::"Platform" AND target_kind = 'user' AND target_id = ${first.target_id}
               AND operation = 'post' AND digestible
               AND ((status = 'pending' AND not_before <= ${now}) OR (status = 'sending' AND claimed_until < ${now}))
               AND (expires_at IS NULL OR expires_at > ${now})
             ORDER BY created_at
             LIMIT 20
             FOR UPDATE SKIP LOCKED`;
          if (taken.length === 0) continue;
        } else if (first.operation === 'update') {
          // Only the latest replacement of a card matters; earlier queued ones are superseded.
          const newer = laneRows.filter((r) => r.operation === 'update' && r.updates_id === first.updates_id);
          // The newest version by when it was written, whatever delays reordered the queue.
          const latest = newer.reduce((a, b) => (b.created_at.getTime() > a.created_at.getTime() ? b : a));
          const superseded = newer.filter((r) => r !== latest).map((r) => r.id);
          if (superseded.length > 0) {
            await tx.$executeRaw`
              UPDATE "outbox_message" SET status = 'skipped', error_code = 'superseded',
                     last_error = 'A newer version of the card was sent instead', updated_at = now()
               WHERE id = ANY(${superseded}::uuid[])`;
            summary.skipped += superseded.length;
          }
          taken = [latest];
        }

        budget.set(platform, used + 1);
        const token = `${this.instanceId}:${randomUUID()}`;
        await tx.$executeRaw`
          UPDATE "outbox_message"
             SET status = 'sending', claimed_by = ${token}, claimed_until = ${leaseUntil},
                 attempts = attempts + 1, updated_at = now()
           WHERE id = ANY(${taken.map((r) => r.id)}::uuid[])`;
        claims.push({ rows: taken, sendAt, token, uncertain: taken.some((r) => r.status === 'sending' || r.attempts > 0) });
      }
      for (const [platform, used] of budget) {
        if (used === 0) continue;
        const next = new Date(now.getTime() + Math.ceil((used * 1000) / this.pacing[platform].perSecond));
        await tx.$executeRaw`
          UPDATE "delivery_lane" SET next_at = ${next} WHERE platform = ${platform}::"Platform" AND lane_key = ${GLOBAL_LANE}`;
      }
      summary.claimed += claims.reduce((n, c) => n + c.rows.length, 0);
      return claims;
    });
  }

  /** Sends a claim, then frees its conversation's lane: one gap from now (from when the platform
   * answered), or from when a 429 said to come back. */
  private async deliver(claim: Claim, summary: RunSummary): Promise<void> {
    const pacing: { until?: Date } = {};
    try {
      await this.send(claim, summary, pacing);
    } finally {
      await this.freeLane(claim.rows[0] as Row, pacing.until);
    }
  }

  private async send(claim: Claim, summary: RunSummary, pacing: { until?: Date }): Promise<void> {
    const first = claim.rows[0] as Row;
    const messenger = this.options.messengers[first.platform] as Messenger;
    const log = this.options.logger.child({ outboxId: first.id, platform: first.platform, template: first.template });
    const messages = new Map<string, OutboundMessage>();
    const unreadable: Row[] = [];
    for (const row of claim.rows) {
      const message = this.readMessage(row);
      if (message) messages.set(row.id, message);
      else unreadable.push(row);
    }
    if (unreadable.length > 0) {
      await this.recordFailure(unreadable, new DeliveryFailure('permanent', 'unreadable_message', 'This version of Quorum cannot read the message to send it'), summary, log, claim.token);
      if (unreadable.length === claim.rows.length) return;
    }
    const toMessage = (r: Row): OutboundMessage => messages.get(r.id) as OutboundMessage;
    let outcome: SentMessage | 'deferred' | 'skipped' | 'nothing';
    let sending = claim.rows.filter((r) => messages.has(r.id));
    try {
      const target = await resolveTarget(this.options.prisma, first);
      // Claimed ahead of its lane's free time (the claim's own work then does not delay it): wait.
      const wait = claim.sendAt.getTime() - this.clock().getTime();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      if (first.operation === 'update') {
        outcome = await this.deliverUpdate(first, target, messenger, toMessage(first), claim.token);
      } else {
        if (claim.uncertain && messenger.findSent) {
          // Tried before (a timeout, a crash): where the platform can tell, look before sending again.
          const found: Row[] = [];
          for (const row of sending) {
            const already = await messenger.findSent(target, row.id, row.created_at);
            if (!already) continue;
            found.push(row);
            await this.recordSent([row], already, claim.token);
          }
          if (found.length > 0) log.warn({ count: found.length }, 'found already posted after an interrupted send; not sending again');
          summary.sent += found.length;
          sending = sending.filter((r) => !found.includes(r));
        }
        outcome = sending.length === 0 ? 'nothing' : await messenger.send(target, sending.map(toMessage));
      }
    } catch (error) {
      const failure =
        error instanceof DeliveryFailure
          ? error
          : new DeliveryFailure('transient', 'unexpected', error instanceof Error ? error.message : String(error));
      if (failure.kind === 'rate_limited') pacing.until = new Date(this.clock().getTime() + (failure.retryAfterMs ?? 1_000));
      await this.recordFailure(sending, failure, summary, log, claim.token);
      return;
    }
    if (outcome === 'deferred' || outcome === 'nothing') return;
    if (outcome === 'skipped') {
      summary.skipped += 1;
      return;
    }
    try {
      await this.recordSent(sending, outcome, claim.token);
      summary.sent += sending.length;
      log.debug({ count: sending.length }, 'sent');
    } catch (error) {
      // It went out; only the record failed. Not a send failure: the row stays claimed, and when
      // its lease runs out the next claim looks (where the platform can tell) before sending again.
      log.error({ err: error }, 'sent, but could not record it');
    }
  }

  /** The send was answered: the conversation's next message may go one gap from now (or when a
   * 429 said). The claim booked the lane for longer (IN_FLIGHT_MS), so nothing else is claimed
   * for it while this one is on its way; the platform counts from when a message arrived, so
   * counting from the answer keeps every message a full gap after the previous one: pacing itself
   * never draws a 429, and the dispatcher wakes for the lane at that moment (nextRunInMs). */
  private async freeLane(row: Row, until: Date | undefined): Promise<void> {
    const next = Math.max(this.clock().getTime() + this.pacing[row.platform].perConversationMs, until?.getTime() ?? 0);
    try {
      await this.options.prisma.$executeRaw`
        UPDATE "delivery_lane" SET next_at = ${new Date(next)}
         WHERE platform = ${row.platform}::"Platform" AND lane_key = ${`${row.target_kind}:${row.target_id}`}`;
    } catch (error) {
      this.options.logger.warn({ err: error, outboxId: row.id }, 'could not free the conversation\u2019s lane; it frees when its booking ends');
    }
  }

  /** The row's data parsed with its template's schema, or undefined if it cannot be read. */
  private readMessage(row: Row): OutboundMessage | undefined {
    const spec = this.options.templates.get(row.template);
    const parsed = spec?.data.safeParse(row.data);
    if (!parsed?.success) {
      this.options.logger.error({ outboxId: row.id, template: row.template, known: Boolean(spec) }, 'outbox message does not match its template');
      return undefined;
    }
    return { outboxId: row.id, template: row.template, data: parsed.data } as OutboundMessage;
  }

  private async deliverUpdate(
    row: Row,
    target: DeliveryTarget,
    messenger: Messenger,
    message: OutboundMessage,
    token: string,
  ): Promise<SentMessage | 'deferred' | 'skipped'> {
    // Only whether and where the card was sent: not its data (a whole card).
    const original = row.updates_id
      ? await this.options.prisma.outboxMessage.findUnique({ where: { id: row.updates_id }, select: { status: true, sentConversationId: true, sentMessageId: true } })
      : null;
    if (!original || original.status === 'failed' || original.status === 'skipped') {
      await this.finish(row.id, 'skipped', 'original_not_sent', 'The card to update was never sent', token);
      return 'skipped';
    }
    if (original.status !== 'sent' || !original.sentConversationId || !original.sentMessageId) {
      // The original is still on its way: try again shortly, without counting an attempt.
      await this.options.prisma.$executeRaw`
        UPDATE "outbox_message" SET status = 'pending', attempts = attempts - 1, claimed_by = NULL, claimed_until = NULL,
               not_before = ${new Date(this.clock().getTime() + 2_000)}, updated_at = now()
         WHERE id = ${row.id}::uuid AND claimed_by = ${token}`;
      return 'deferred';
    }
    const sent = { conversationId: original.sentConversationId, messageId: original.sentMessageId };
    await messenger.update({ ...sent, ...(target.reference ? { reference: target.reference } : {}) }, message);
    return sent;
  }

  private async recordSent(rows: Row[], sent: SentMessage, token: string): Promise<void> {
    const [first, ...rest] = rows as [Row, ...Row[]];
    const count = await this.options.prisma.$executeRaw`
      UPDATE "outbox_message"
         SET status = 'sent', sent_conversation_id = ${sent.conversationId}, sent_message_id = ${sent.messageId},
             sent_at = ${this.clock()}, claimed_by = NULL, claimed_until = NULL, error_code = NULL, last_error = NULL,
             digest_of_id = CASE WHEN id = ${first.id}::uuid THEN NULL ELSE ${rest.length > 0 ? first.id : null}::uuid END,
             updated_at = now()
       WHERE id = ANY(${rows.map((r) => r.id)}::uuid[]) AND claimed_by = ${token}`;
    if (count !== rows.length) {
      this.options.logger.warn(
        { outboxId: first.id, recorded: count, expected: rows.length },
        'lease expired before the send was recorded; another dispatcher may send it again',
      );
    }
  }

  private async recordFailure(
    rows: Row[],
    failure: DeliveryFailure,
    summary: RunSummary,
    log: Logger,
    token: string,
  ): Promise<void> {
    if (rows.length === 0) return;
    const now = this.clock().getTime();
    const ids = rows.map((r) => r.id);
    const first = rows[0] as Row;
    const attempts = first.attempts + 1;
    if (failure.kind === 'rate_limited') {
      const retryAfter = failure.retryAfterMs ?? 1_000;
      const until = new Date(now + retryAfter);
      await this.options.prisma.$executeRaw`
        UPDATE "outbox_message" SET status = 'pending', attempts = attempts - 1, not_before = ${until},
               claimed_by = NULL, claimed_until = NULL, error_code = ${failure.code}, last_error = ${failure.message}, updated_at = now()
         WHERE id = ANY(${ids}::uuid[]) AND claimed_by = ${token}`;
      await this.options.prisma.$executeRaw`
        UPDATE "delivery_lane" SET next_at = GREATEST(next_at, ${until})
         WHERE platform = ${first.platform}::"Platform" AND lane_key = ${`${first.target_kind}:${first.target_id}`}`;
      summary.retried += rows.length;
      log.info({ retryAfterMs: retryAfter }, 'rate limited; will retry after the time the platform asked for');
      return;
    }
    if (failure.kind === 'transient' && attempts < this.maxAttempts) {
      const until = new Date(now + backoffMs(attempts, this.options.random ? { random: this.options.random } : {}));
      await this.options.prisma.$executeRaw`
        UPDATE "outbox_message" SET status = 'pending', not_before = ${until}, claimed_by = NULL, claimed_until = NULL,
               error_code = ${failure.code}, last_error = ${failure.message}, updated_at = now()
         WHERE id = ANY(${ids}::uuid[]) AND claimed_by = ${token}`;
      summary.retried += rows.length;
      log.warn({ code: failure.code, attempts }, 'send failed; will retry with backoff');
      return;
    }
    const code = failure.kind === 'transient' ? `retries_exhausted:${failure.code}` : failure.code;
    const finished: Row[] = [];
    for (const row of rows) if (await this.finish(row.id, 'failed', code, failure.message, token)) finished.push(row);
    summary.failed += finished.length;
    log.error({ code, attempts }, 'message could not be delivered');
    for (const row of finished) {
      await notifyClerksOfFailure(this.options.prisma, {
        id: row.id,
        boardId: row.board_id,
        platform: row.platform,
        template: row.template,
        targetKind: row.target_kind,
        targetId: row.target_id,
        code,
        message: failure.message,
      });
    }
  }

  /** Ends a claimed message as failed or skipped; false if the claim was lost meanwhile. */
  private async finish(id: string, status: 'failed' | 'skipped', code: string, message: string, token: string): Promise<boolean> {
    const count = await this.options.prisma.$executeRaw`
      UPDATE "outbox_message" SET status = ${status}::"OutboxStatus", error_code = ${code}, last_error = ${message},
             claimed_by = NULL, claimed_until = NULL, updated_at = now()
       WHERE id = ${id}::uuid AND claimed_by = ${token}`;
    return count > 0;
  }
}
