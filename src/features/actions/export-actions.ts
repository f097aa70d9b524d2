// "actions export [YYYY-MM-DD | YYYY-MM-DD..YYYY-MM-DD]": the action log as CSV, for the clerk, of
// the actions recorded at the meeting on a date, at the meetings in a date range, or all of them.
// The file is served behind an unguessable link that expires after a week (src/http/actions.ts),
// the way the returns dashboard's CSV is. Exempt actions are in it only when the clerk asked
// where no one else reads the answer.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { ArgsMismatch, ISO_DATE, clip, type ArgReader } from '../../kernel/args.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findMeeting } from '../meetings/find-meeting.ts';
import { dbDate, showDate } from './action-dates.ts';
import { actionLogWhere } from './action-log-files.ts';

export type ExportArgs = { date?: string; from?: string; to?: string };

export const exportArgs: ArgReader<ExportArgs> = {
  read(rest) {
    const words = rest.split(/\s+/).filter(Boolean);
    if (words.length === 0) return {};
    const [first] = words as [string];
    const range = /^(\d{4}-\d{2}-\d{2})\.\.(\d{4}-\d{2}-\d{2})$/.exec(first);
    if (words.length === 1 && range) return { from: range[1] as string, to: range[2] as string };
    if (words.length === 1 && ISO_DATE.test(first)) return { date: first };
    throw new ArgsMismatch(`"${clip(words.join(' '))}" is not a meeting date or a range: write "actions export 2026-11-20" or "actions export 2026-04-01..2027-03-31".`, first);
  },
};

/** How long an export's link works. */
export const EXPORT_DAYS = 7;

export interface ActionExportResult {
  kind: 'action-export';
  boardName: string;
  /** "recorded at the meeting on Fri 20 Nov 2026". */
  scope: string;
  count: number;
  url: string;
  /** "Mon 7 Dec 2026, 09:00". */
  expires: string;
  /** Exempt actions were left out (asked where others read the answer). */
  exemptLeftOut: boolean;
}

function calendarDate(board: Board, iso: string): DateTime {
  const day = DateTime.fromISO(iso, { zone: board.timezone });
  if (!day.isValid) throw new AppError(ErrorCode.INVALID_DATE, `${iso} is not a date in the calendar.`);
  return day;
}

export async function exportActions(deps: CoreDeps, input: Invocation & { args: ExportArgs }): Promise<ActionExportResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  if (!deps.publicBaseUrl) {
    throw new AppError(ErrorCode.NO_PUBLIC_ADDRESS, 'Quorum has no public address to serve the file from, so it cannot export yet. Ask whoever runs Quorum to set PUBLIC_BASE_URL.', { log: 'export without a public address' });
  }
  const { args } = input;
  let scope = 'the whole action log';
  const link: { meetingId?: string; fromDate?: Date; toDate?: Date } = {};
  if (args.date) {
    const meeting = await findMeeting(deps.prisma, board, args.date, deps.now(), { includeCancelled: true });
    link.meetingId = meeting.id;
    scope = `recorded at the meeting on ${toLocalParts(meeting.startsAt, board.timezone).date}`;
  }
  if (args.from && args.to) {
    const from = calendarDate(board, args.from);
    const to = calendarDate(board, args.to);
    if (to < from) throw new AppError(ErrorCode.INVALID_DATE, `The range ends (${showDate(args.to)}) before it starts (${showDate(args.from)}): put the earlier date first.`);
    Object.assign(link, { fromDate: dbDate(args.from), toDate: dbDate(args.to) });
    scope = `recorded at meetings from ${showDate(args.from)} to ${showDate(args.to)}`;
  }
  const includeExempt = input.audience === 'person';
  const expiresAt = new Date(deps.now().getTime() + EXPORT_DAYS * 24 * 3_600_000);
  const token = randomBytes(24).toString('base64url');
  const created = await deps.prisma.actionLink.create({ data: { token, boardId: board.id, kind: 'export', includeExempt, expiresAt, ...link } });
  const count = await deps.prisma.action.count({ where: actionLogWhere(created, board.timezone) });
  const exemptLeftOut = !includeExempt && (await deps.prisma.action.count({ where: actionLogWhere({ ...created, includeExempt: true }, board.timezone) })) > count;
  return {
    kind: 'action-export',
    boardName: board.name,
    scope,
    count,
    url: `${deps.publicBaseUrl.replace(/\/+$/, '')}/actions/${token}/actions.csv`,
    expires: toLocalParts(expiresAt, board.timezone).short,
    exemptLeftOut,
  };
}
