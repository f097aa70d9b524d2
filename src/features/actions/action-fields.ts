// The fields the action forms share, each with every way it can be wrong reported against it:
// an empty description, a due date in the past or not in the calendar, an owner not on the
// board's roster.
import { DateTime } from 'luxon';
import { z } from 'zod';
import type { Prisma, PrismaClient } from '../../persistence/generated/client.ts';
import { showDate } from './action-dates.ts';

export const DESCRIPTION_MAX = 1000;
export const REASON_MAX = 500;

export const description = z
  .string({ error: 'Describe the action.' })
  .trim()
  .min(1, { error: 'Describe the action.' })
  .max(DESCRIPTION_MAX, { error: `Keep the description to ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters or fewer.` });

export const reason = (what: string) =>
  z
    .string({ error: `Give ${what}.` })
    .trim()
    .min(1, { error: `Give ${what}.` })
    .max(REASON_MAX, { error: `Keep it to ${REASON_MAX} characters or fewer.` });

/** A local date from today (the board's) onwards, and after `after` when given. */
export function dueDate(today: string, after?: string) {
  return z
    .string({ error: 'Choose the due date.' })
    .trim()
    .superRefine((value, ctx) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return void ctx.addIssue({ code: 'custom', message: 'Enter the date as YYYY-MM-DD, e.g. 2026-12-04.' });
      if (!DateTime.fromISO(value, { zone: 'utc' }).isValid) return void ctx.addIssue({ code: 'custom', message: `${value} is not a date in the calendar.` });
      if (value < today) return void ctx.addIssue({ code: 'custom', message: `${showDate(value)} has passed. Choose today or a later date.` });
      if (after && value <= after) ctx.addIssue({ code: 'custom', message: `Choose a date after the current due date, ${showDate(after)}.` });
    });
}

export interface RosterMember {
  id: string;
  name: string;
  title: string | null;
  roles: ('clerk' | 'chair' | 'vice_chair')[];
}

/** The board's active members, by name, with their board roles. */
export async function rosterOf(prisma: PrismaClient | Prisma.TransactionClient, boardId: string): Promise<RosterMember[]> {
  const members = await prisma.member.findMany({ where: { boardId, active: true }, include: { roles: true }, orderBy: { name: 'asc' } });
  return members.map((m) => ({ id: m.id, name: m.name, title: m.title, roles: m.roles.map((r) => r.role) }));
}

/** Owner ids, each on the roster. */
/** The owners field; with no roster (checked before the database), any ids pass the roster rule. */
export function owners(roster: readonly RosterMember[] | null) {
  const ids = roster ? new Set(roster.map((m) => m.id)) : undefined;
  return z
    .array(z.string(), { error: 'Choose at least one owner from the roster.' })
    .min(1, { error: 'Choose at least one owner from the roster.' })
    .max(10, { error: 'Choose at most 10 owners.' })
    .refine((chosen) => !ids || chosen.every((id) => ids.has(id)), { error: 'One of the owners is not on the board\u2019s roster (any more). Choose again from the list.' })
    .transform((chosen) => [...new Set(chosen)]);
}

export const rosterChoices = (roster: readonly RosterMember[]) => roster.map((m) => ({ value: m.id, label: (m.title ? `${m.name} (${m.title})` : m.name).slice(0, 75) }));
