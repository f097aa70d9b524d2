// A clerk sets when agenda reminders go out: "7d 1d", "2h", or "none".
import { AppError, ErrorCode } from '../../errors.ts';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { findBoard, type BoardContext } from './find-board.ts';
import { requireClerk } from './members.ts';
import type { BoardUpdatedResult } from './setup-board.ts';

export async function setReminderSchedule(deps: { prisma: PrismaClient }, input: BoardContext & { text: string }): Promise<BoardUpdatedResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const words = input.text.trim().toLowerCase().split(/[\s,]+/).filter(Boolean);
  if (words.length === 0) {
    return {
      kind: 'board-updated',
      notice: `Reminders for ${board.name} go out ${describeOffsets(board.reminderOffsets)}. Change them with e.g. "board reminders 7d 1d" (days or hours before), or "board reminders none".`,
      board: { id: board.id, name: board.name, slug: board.slug },
    };
  }
  const offsets: string[] = [];
  if (!(words.length === 1 && words[0] === 'none')) {
    for (const word of words) {
      const m = /^(\d{1,3})(d|h)$/.exec(word);
      const amount = Number(m?.[1]);
      if (!m || amount < 1 || (m[2] === 'd' && amount > 60) || (m[2] === 'h' && amount > 72)) {
        throw new AppError(ErrorCode.INVALID_REMINDER_TIME, `"${word.slice(0, 20)}" is not a reminder time. Use days or hours before the meeting, e.g. 7d, 1d or 2h (at most 60 days or 72 hours).`);
      }
      offsets.push(m[2] === 'd' ? `P${amount}D` : `PT${amount}H`);
    }
  }
  const unique = [...new Set(offsets)].slice(0, 5);
  await deps.prisma.board.update({ where: { id: board.id }, data: { reminderOffsets: unique } });
  return {
    kind: 'board-updated',
    notice: `Agenda reminders for ${board.name} now go out ${describeOffsets(unique)}. You can also send one at any time with "agenda remind".`,
    board: { id: board.id, name: board.name, slug: board.slug },
  };
}

function describeOffsets(offsets: string[]): string {
  if (offsets.length === 0) return 'only when a clerk asks';
  const words = offsets.map((o) => {
    const d = /^P(\d+)D$/.exec(o);
    if (d) return d[1] === '1' ? '1 day' : `${d[1]} days`;
    const h = /^PT(\d+)H$/.exec(o);
    return h ? (h[1] === '1' ? '1 hour' : `${h[1]} hours`) : o;
  });
  return `${words.join(' and ')} before each meeting`;
}
