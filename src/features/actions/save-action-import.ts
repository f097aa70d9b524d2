// The clerk saves the actions read from pasted minutes, as the preview showed them: each one with
// an owner on the roster is recorded against the meeting (its agenda item when the meeting has one
// of that number, else the item as the minutes give it), due as the preview said, and each owner is
// sent their card. The rest are named in the answer, to record by hand. Claimed once: a second
// click, Slack's retry or another instance saves nothing more.
import { localDate } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';
import { dbDate, showDate } from './action-dates.ts';
import { sendOwnerCards } from './action-delivery.ts';
import { rosterOf } from './action-fields.ts';
import { readHeldActions, type ImportedAction } from './action-import-preview.ts';
import { importDue } from './paste-minutes.ts';

const ALREADY = 'Those actions were saved already. See them with "actions".';

/** Why an action was not saved, for the answer. */
function whyNot(a: ImportedAction, ownersLeft: number): string {
  if (!a.description) return `line ${a.line} (no description)`;
  const named = a.owners.map((o) => o.asWritten).join(', ') || 'no one named';
  return ownersLeft === 0 && a.owners.some((o) => o.memberId) ? `line ${a.line} (${named}: no longer on the roster)` : `line ${a.line} (${named}: not on the roster)`;
}

export async function saveActionImport(deps: CoreDeps, input: Invocation & { importId: string }): Promise<NoticeResult> {
  const held = await deps.prisma.actionImport.findUnique({ where: { id: input.importId }, include: { board: true, meeting: true } });
  if (!held) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That paste was discarded. Paste the minutes again with "actions paste".', { log: `action_import ${input.importId} not found` });
  const clerk = await requireClerk(deps.prisma, held.board, input.actor);
  if (held.appliedAt) return notice(ALREADY);
  const { actions } = readHeldActions(held);
  const { board, meeting } = held;
  const [due, roster, items] = await Promise.all([importDue(deps, board, meeting), rosterOf(deps.prisma, board.id), deps.prisma.agendaItem.findMany({ where: { meetingId: meeting.id } })]);
  const onRoster = new Set(roster.map((m) => m.id));
  const today = dbDate(localDate(deps.now(), board.timezone));
  const notSaved: string[] = [];
  const saved = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.actionImport.updateMany({ where: { id: held.id, appliedAt: null }, data: { appliedAt: deps.now() } });
    if (claimed.count === 0) return null;
    let count = 0;
    for (const [index, found] of actions.entries()) {
      const owners = [...new Set(found.owners.flatMap((o) => (o.memberId && onRoster.has(o.memberId) ? [o.memberId] : [])))];
      if (!found.saves || owners.length === 0) {
        notSaved.push(whyNot(found, owners.length));
        continue;
      }
      const item = found.itemNumber ? items.find((i) => i.number === found.itemNumber) : undefined;
      const action = await tx.action.create({
        data: {
          boardId: board.id,
          meetingId: meeting.id,
          agendaItemId: item?.id ?? null,
          itemLabel: !item && found.itemNumber ? `${found.itemNumber} ${found.itemHeading ?? ''}`.trim() : null,
          description: found.description,
          dueDate: dbDate(due.iso),
          createdById: clerk.id,
          requestKey: `action-import:${held.id}:${index}`,
          owners: { create: owners.map((memberId) => ({ memberId, notifiedOn: today })) },
          updates: { create: { kind: 'created', memberId: clerk.id, text: `From the minutes (line ${found.line})`, createdAt: deps.now() } },
        },
      });
      await sendOwnerCards(tx, action.id, deps);
      count += 1;
    }
    return count;
  });
  if (saved === null) return notice(ALREADY);
  if (saved > 0) deps.onQueued?.();
  const recorded =
    saved === 0
      ? 'No actions were recorded: none had an owner on the roster.'
      : `Recorded ${saved} action${saved === 1 ? '' : 's'} from the minutes of ${showDate(localDate(meeting.startsAt, board.timezone))}, due ${showDate(due.iso)}; each owner has been sent their card.`;
  const rest = notSaved.length > 0 ? ` Not saved, to record with "action new": ${notSaved.join('; ')}.` : '';
  return notice(`${recorded}${rest}`, saved > 0 ? 'good' : 'attention');
}
