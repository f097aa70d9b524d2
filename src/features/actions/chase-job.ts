// The scheduled chase: each tick finds, per board rule, the owners due a chase today and sends each
// one digest; owners whose chases ran out are reported to the clerks. Claimed per owner per day
// (and per owner row for the escalation) in scheduled_run, so a restart or a second instance
// neither misses nor repeats one.
import { localDate } from '../../domain/time.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { DueItem, ScheduledJob } from '../../scheduling/scheduler.ts';
import { planChases, sendDigest, sendEscalation } from './chase-actions.ts';

interface ChaseItem extends DueItem {
  kind: 'digest' | 'escalation';
  memberId?: string;
  ownerRowId?: string;
}

export function actionChaseJob(ctx: DeliveryContext): ScheduledJob<ChaseItem> {
  return {
    name: 'action-chases',
    findDue: async (prisma, now) => {
      const plan = await planChases(prisma, now);
      const items: ChaseItem[] = [];
      for (const [memberId, rows] of plan.digests) {
        const first = rows[0];
        if (!first) continue;
        items.push({ key: `action-chase:${memberId}:${localDate(now, first.action.board.timezone)}`, boardId: first.action.boardId, dueAt: now, kind: 'digest', memberId });
      }
      for (const row of plan.escalations) items.push({ key: `action-escalation:${row.id}`, boardId: row.action.boardId, dueAt: now, kind: 'escalation', ownerRowId: row.id });
      return items;
    },
    run: async (tx, item, now) => {
      // Planned again inside the claim: what is due may have changed since it was found.
      const plan = await planChases(tx, now);
      if (item.kind === 'digest' && item.memberId) await sendDigest(tx, plan.digests.get(item.memberId) ?? [], item.key, { ...ctx, now: () => now });
      const row = plan.escalations.find((r) => r.id === item.ownerRowId);
      if (item.kind === 'escalation' && row) await sendEscalation(tx, row, { ...ctx, now: () => now });
    },
  };
}
