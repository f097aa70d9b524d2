// Chasing owners: one digest per owner listing all their open actions that are due a chase, never
// one message per action. The schedule (src/domain/actions/chase-schedule.ts, per board) decides
// which are due; after the last chase the clerks and chair are told instead, once. `actions chase`
// chases every owner of the board's open actions now, once per board a day, however many times it
// is clicked or on however many instances (the claim is a row in scheduled_run).
import { chaseRuleSchema, decideChase, type ChaseRule } from '../../domain/actions/chase-schedule.ts';
import { localDate } from '../../domain/time.ts';
import { enqueue, type Tx } from '../../delivery/outbox.ts';
import type { CoreDeps, DeliveryContext } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { dbDate, isoOf } from './action-dates.ts';
import { personalTargets } from './action-delivery.ts';
import { actionInclude, buildActionView } from './action-view.ts';
import { actionCardTemplate, actionChaseTemplate } from './templates.ts';

const ownerInclude = { member: true, action: { include: { ...actionInclude, board: true } } } satisfies Prisma.ActionOwnerInclude;
type OwnerRow = Prisma.ActionOwnerGetPayload<{ include: typeof ownerInclude }>;

export function boardChaseRule(json: unknown): ChaseRule {
  const parsed = chaseRuleSchema.safeParse(json ?? {});
  return parsed.success ? parsed.data : chaseRuleSchema.parse({});
}

export interface ChasePlan {
  /** Owner rows to chase now, by member. */
  digests: Map<string, OwnerRow[]>;
  /** Owner rows whose chases ran out: the clerks are told. */
  escalations: OwnerRow[];
}

/** What is due today for the open actions (of one board, or all), by the boards' rules. */
export async function planChases(tx: Tx, now: Date, where: { boardId?: string } = {}, everyOpen = false): Promise<ChasePlan> {
  const rows = await tx.actionOwner.findMany({ where: { action: { status: 'open', ...(where.boardId ? { boardId: where.boardId } : {}) }, member: { active: true } }, include: ownerInclude });
  const plan: ChasePlan = { digests: new Map(), escalations: [] };
  for (const row of rows) {
    const today = localDate(now, row.action.board.timezone);
    const state = {
      dueDate: isoOf(row.action.dueDate),
      notifiedOn: isoOf(row.notifiedOn),
      chasesSent: row.chasesSent,
      lastChasedOn: row.lastChasedOn ? isoOf(row.lastChasedOn) : null,
      escalatedOn: row.escalatedOn ? isoOf(row.escalatedOn) : null,
      snoozedUntil: row.snoozedUntil ? isoOf(row.snoozedUntil) : null,
    };
    // By hand, every open action is chased, but not twice in a day nor while its owner snoozed it.
    const held = state.lastChasedOn === today || (state.snoozedUntil !== null && state.snoozedUntil > today);
    const decision = everyOpen ? (held ? { kind: 'wait' as const } : { kind: 'chase' as const }) : decideChase(state, today, boardChaseRule(row.action.board.actionChaseRule));
    if (decision.kind === 'chase') plan.digests.set(row.memberId, [...(plan.digests.get(row.memberId) ?? []), row]);
    if (decision.kind === 'escalate') plan.escalations.push(row);
  }
  return plan;
}

/** Sends one digest to an owner (on each platform they are on) and records the chase. */
export async function sendDigest(tx: Tx, rows: OwnerRow[], key: string, ctx: DeliveryContext): Promise<void> {
  const first = rows[0];
  if (!first) return;
  const today = localDate(ctx.now(), first.action.board.timezone);
  const views = rows.map((r) => buildActionView(r.action, ctx.now()));
  for (const target of personalTargets(first.member, ctx.platforms)) {
    await enqueue(tx, {
      boardId: first.action.boardId,
      platform: target.platform,
      target: { kind: 'user', id: target.userId },
      template: actionChaseTemplate,
      data: { boardName: first.action.board.name, actions: views },
      dedupeKey: `${key}:${target.platform}`,
      digestible: false,
    });
  }
  for (const row of rows) {
    await tx.actionOwner.update({ where: { id: row.id }, data: { chasesSent: { increment: 1 }, lastChasedOn: dbDate(today) } });
    await tx.actionUpdate.create({ data: { createdAt: ctx.now(), actionId: row.actionId, kind: 'chased', text: `${first.member.name} chased` } });
  }
}

/** Tells the board's clerks and chair that an owner was chased as often as the rule allows. */
export async function sendEscalation(tx: Tx, row: OwnerRow, ctx: DeliveryContext): Promise<void> {
  const view = buildActionView(row.action, ctx.now());
  const managers = await tx.boardRole.findMany({ where: { boardId: row.action.boardId, member: { active: true } }, include: { member: true } });
  const seen = new Set<string>();
  for (const { member } of managers) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    for (const target of personalTargets(member, ctx.platforms)) {
      await enqueue(tx, {
        boardId: row.action.boardId,
        platform: target.platform,
        target: { kind: 'user', id: target.userId },
        template: actionCardTemplate,
        data: { action: view, rights: { canChange: true, canManage: true }, intro: `${row.member.name} has been chased ${row.chasesSent} times and the action is still open.` },
        dedupeKey: `action-escalation:${row.id}:${member.id}:${target.platform}`,
        digestible: false,
      });
    }
  }
  await tx.actionOwner.update({ where: { id: row.id }, data: { escalatedOn: dbDate(localDate(ctx.now(), row.action.board.timezone)) } });
}

export async function chaseNow(deps: CoreDeps, input: Invocation): Promise<NoticeResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const today = localDate(deps.now(), board.timezone);
  const key = `actions-chase:${board.id}:${today}`;
  const outcome = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.$queryRaw<{ key: string }[]>`
      INSERT INTO "scheduled_run" ("key", "board_id", "due_at", "outcome", "ran_at")
      VALUES (${key}, ${board.id}::uuid, ${deps.now()}, 'done', ${deps.now()})
      ON CONFLICT ("key") DO NOTHING RETURNING "key"`;
    if (claimed.length === 0) return undefined;
    const plan = await planChases(tx, deps.now(), { boardId: board.id }, true);
    for (const [memberId, rows] of plan.digests) await sendDigest(tx, rows, `${key}:${memberId}`, deps);
    return plan.digests.size;
  });
  if (outcome === undefined) return notice(`The owners of ${board.name}'s actions were already chased today.`);
  if (outcome > 0) deps.onQueued?.();
  return notice(outcome === 0 ? 'No open actions to chase.' : `Chased ${outcome} owner${outcome === 1 ? '' : 's'}: one message each, listing their open actions.`, 'good');
}
