// An action's dates are local dates in the board's timezone ("2026-12-03"), stored as SQL DATE
// (Prisma reads them as midnight UTC). These convert between the two and show them.
import { DateTime } from 'luxon';

/** "2026-12-03" → the Date Prisma stores in a DATE column. */
export const dbDate = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

/** A DATE column's value → "2026-12-03". */
export const isoOf = (date: Date): string => date.toISOString().slice(0, 10);

/** "2026-12-03" → "Thu 3 Dec 2026". */
export const showDate = (iso: string): string => DateTime.fromISO(iso, { zone: 'utc' }).setLocale('en-GB').toFormat('ccc d LLL yyyy');
