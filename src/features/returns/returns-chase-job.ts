// Chasing non-submitters, scheduled like agenda reminders: the request goes when a round opens;
// then at most three chases, each due at a point of the round and claimed once through the
// database (ScheduledRun): part way to the deadline, the day before it (each to the submitters
// of every organisation that has not submitted), and after it (to the clerks, with who is
// missing). After downtime only the latest due chase goes; a locked round is not chased.
// Chases pause like action chases (the board's working days: weekends and bank holidays off): one
// that falls on a day off goes at 9:00 on the next working day instead, or, for a reminder before
// the deadline that would then arrive after it, on the working day before.
import { DateTime } from 'luxon';
import { chaseRuleSchema } from '../../domain/actions/chase-schedule.ts';
import { ENGLAND_AND_WALES, isWorkingDay, onOrAfterWorkingDay, onOrBeforeWorkingDay, type WorkingDayRule } from '../../domain/working-days.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import { enqueue, type Tx } from '../../delivery/outbox.ts';
import type { DueItem, ScheduledJob } from '../../scheduling/scheduler.ts';
import { formatQuarter } from '../../domain/returns/quarter.ts';
import { activeMetrics, activeMilestones } from './metrics.ts';
import { buildReturnRequest, personalTarget, sendReturnRequest, submittersOf } from './return-request.ts';
import { deadlineText, quarterOfRound, type RoundWithBoard } from './round-access.ts';
import { returnsOverdueTemplate } from './templates.ts';

export const MAX_CHASES = 3;

interface Chase extends DueItem {
  roundId: string;
  /** 1: part way; 2: the day before the deadline; 3: after it, to the clerks. */
  number: 1 | 2 | 3;
  skip?: string;
}

/** The board's working days: the ones its action chases keep (England and Wales by default). */
export function boardWorkingDays(board: { actionChaseRule: unknown }): WorkingDayRule {
  const parsed = chaseRuleSchema.safeParse(board.actionChaseRule ?? {});
  return parsed.success ? parsed.data.workingDays : ENGLAND_AND_WALES;
}

const atNine = (isoDate: string, timezone: string): Date => DateTime.fromISO(isoDate, { zone: timezone }).set({ hour: 9 }).toJSDate();

/** `at` when its local date is a working day; else 9:00 on the next working day, or (when that
 * would be after `latest`'s date) 9:00 on the working day before. */
function onWorkingDay(at: Date, timezone: string, rule: WorkingDayRule, latest?: Date): Date {
  const day = DateTime.fromJSDate(at, { zone: timezone }).toISODate() as string;
  if (isWorkingDay(day, rule)) return at;
  const next = onOrAfterWorkingDay(day, rule);
  const last = latest ? (DateTime.fromJSDate(latest, { zone: timezone }).toISODate() as string) : undefined;
  return atNine(last !== undefined && next > last ? onOrBeforeWorkingDay(day, rule) : next, timezone);
}

/** When each chase of a round is due, on the board's working days. */
export function chaseTimes(round: { createdAt: Date; deadline: Date }, timezone: string, rule: WorkingDayRule = ENGLAND_AND_WALES): Date[] {
  const opened = round.createdAt.getTime();
  const deadline = round.deadline.getTime();
  const dayBefore = DateTime.fromJSDate(round.deadline, { zone: timezone }).minus({ days: 1 }).set({ hour: 9, minute: 0, second: 0, millisecond: 0 }).toJSDate();
  const partWay = new Date(opened + (deadline - opened) / 2);
  return [onWorkingDay(partWay, timezone, rule, round.deadline), onWorkingDay(dayBefore, timezone, rule, round.deadline), onWorkingDay(new Date(deadline + 1), timezone, rule)];
}

async function missingOrganisations(tx: Tx, round: RoundWithBoard) {
  const [metrics, milestones, submitted] = await Promise.all([
    activeMetrics(tx, round.boardId),
    activeMilestones(tx, round.boardId),
    tx.returnSubmission.findMany({ where: { roundId: round.id }, select: { organisationId: true }, distinct: ['organisationId'] }),
  ]);
  const done = new Set(submitted.map((s) => s.organisationId));
  const owing = new Map<string, (typeof metrics)[number]['organisation']>();
  for (const m of [...metrics, ...milestones]) if (!done.has(m.organisationId)) owing.set(m.organisationId, m.organisation);
  return [...owing.values()].sort((a, b) => a.name.localeCompare(b.name));
}

export function returnsChaseJob(ctx: DeliveryContext): ScheduledJob<Chase> {
  return {
    name: 'returns-chases',
    findDue: async (prisma, now) => {
      const rounds = await prisma.returnRound.findMany({ where: { status: 'open', deadline: { gt: new Date(now.getTime() - 7 * 24 * 3_600_000) } }, include: { board: true } });
      const due: Chase[] = [];
      for (const round of rounds) {
        const times = chaseTimes(round, round.board.timezone, boardWorkingDays(round.board));
        const forRound = times
          .map((dueAt, i) => ({ key: `returns-chase:${round.id}:${i + 1}`, boardId: round.boardId, dueAt, roundId: round.id, number: (i + 1) as Chase['number'] }))
          .filter((c) => c.dueAt.getTime() <= now.getTime() && c.dueAt.getTime() > round.createdAt.getTime());
        const latest = forRound.at(-1);
        const late = now.getTime() > round.deadline.getTime();
        due.push(
          ...forRound.map((c): Chase =>
            c !== latest ? { ...c, skip: `a later chase (${latest?.number}) is due instead` } : c.number < MAX_CHASES && late ? { ...c, skip: 'the deadline has passed: a reminder before it is too late' } : c,
          ),
        );
      }
      return due;
    },
    staleReason: (item) => item.skip,
    run: async (tx, item, now) => {
      const round = await tx.returnRound.findUniqueOrThrow({ where: { id: item.roundId }, include: { board: true } });
      if (round.status !== 'open') return;
      const missing = await missingOrganisations(tx, round);
      if (missing.length === 0) return;
      if (item.number < MAX_CHASES) {
        const days = Math.ceil((round.deadline.getTime() - now.getTime()) / (24 * 3_600_000));
        // A reminder moved off a day off onto the deadline's own day says so.
        const onDeadlineDay = DateTime.fromJSDate(now, { zone: round.board.timezone }).hasSame(DateTime.fromJSDate(round.deadline, { zone: round.board.timezone }), 'day');
        const due = onDeadlineDay ? 'today' : item.number === 2 || days <= 1 ? 'tomorrow' : `in ${days} days`;
        for (const organisation of missing) {
          const request = await buildReturnRequest(tx, round, organisation, { number: item.number, due });
          await sendReturnRequest(tx, round, organisation, request, ctx, `returns-request:${round.id}:chase${item.number}`);
        }
        return;
      }
      const clerks = await tx.member.findMany({ where: { boardId: round.boardId, active: true, roles: { some: { role: 'clerk' } } } });
      const data = {
        roundId: round.id,
        boardName: round.board.name,
        period: formatQuarter(quarterOfRound(round)),
        deadline: deadlineText(round, round.board),
        missing: await Promise.all(missing.map(async (o) => ({ organisation: o.name, submitters: (await submittersOf(tx, o.id)).map((m) => m.name) }))),
      };
      for (const clerk of clerks) {
        const target = personalTarget(clerk, ctx);
        if (!target) continue;
        await enqueue(tx, { boardId: round.boardId, platform: target.platform, target: { kind: 'user', id: target.id }, template: returnsOverdueTemplate, data, dedupeKey: `returns-overdue:${round.id}:${clerk.id}`, digestible: false });
      }
    },
  };
}
