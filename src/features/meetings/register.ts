// Meetings: create, change and cancel them; each person's upcoming meetings.
import { z } from 'zod';
import { AppError, ErrorCode } from '../../errors.ts';
import { ArgsMismatch, ISO_DATE, noArgs, optionalDate, type ArgReader } from '../../kernel/args.ts';
import { command, defineFeature, form } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { loadMeeting } from '../agendas/agenda-view.ts';
import { toLocalParts } from '../../domain/time.ts';
import { cancelMeeting } from './cancel-meeting.ts';
import { createMeeting } from './create-meeting.ts';
import { findClerkMeeting, meetingContext } from './find-meeting.ts';
import { listUpcomingMeetings } from './list-upcoming-meetings.ts';
import { meetingFormValues } from './meeting-form.ts';
import { updateMeeting } from './update-meeting.ts';

const stale = (what: string) => new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: `${what} no longer exists` });

export const meetingCreateForm = form({
  id: 'meeting.create',
  metadata: z.object({ boardId: z.uuid() }),
  values: async (deps, metadata) => {
    const board = await deps.prisma.board.findUnique({ where: { id: metadata.boardId } });
    if (!board) throw stale('board');
    return meetingFormValues(board, deps.now());
  },
  run: async (deps, input) => {
    const board = await deps.prisma.board.findUniqueOrThrow({ where: { id: input.metadata.boardId } });
    return createMeeting(deps, { ...input, board, details: input.values });
  },
});

export const meetingEditForm = form({
  id: 'meeting.edit',
  metadata: z.object({ meetingId: z.uuid() }),
  values: async (deps, metadata) => {
    const meeting = await deps.prisma.meeting.findUnique({ where: { id: metadata.meetingId }, include: { board: true } });
    if (!meeting) throw stale('meeting');
    return meetingFormValues(meeting.board, deps.now());
  },
  run: async (deps, input) => updateMeeting(deps, { ...input, meeting: await loadMeeting(deps.prisma, input.metadata.meetingId), details: input.values }),
});

/** "meeting cancel [YYYY-MM-DD] [reason]". */
const cancelArgs: ArgReader<{ date?: string; reason: string }> = {
  read(rest) {
    const words = rest.split(/\s+/).filter(Boolean);
    const date = words[0] && ISO_DATE.test(words[0]) ? words.shift() : undefined;
    if (words.length > 0 && /^\d{4}-\d{1,2}-\d{1,2}$/.test(words[0] as string)) throw new ArgsMismatch(`"${words[0]}" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-04.`);
    return { ...(date ? { date } : {}), reason: words.join(' ') };
  },
};

export const meetings = defineFeature({
  name: 'meetings',
  commands: [
    command({
      words: 'meetings',
      menu: true,
      usage: 'meetings',
      description: 'Your upcoming meetings, on every board you sit on.',
      who: 'everyone',
      args: noArgs,
      run: (deps, input) => listUpcomingMeetings(deps, { actor: input.actor }),
    }),
    command({
      words: 'meeting new',
      menu: true,
      usage: 'meeting new',
      description: 'Create a meeting: date, time, venue. The standing items are added.',
      who: 'clerks',
      args: noArgs,
      run: async (deps, input) => {
        const board = await findBoard(deps.prisma, input);
        await requireClerk(deps.prisma, board, input.actor);
        return openForm(meetingCreateForm, { values: { title: board.name, time: '10:00', duration: '120' }, metadata: { boardId: board.id }, context: board.name });
      },
    }),
    command({
      words: 'meeting edit',
      usage: 'meeting edit [YYYY-MM-DD]',
      description: 'Change the next meeting (or the one on that date); members are told.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...input.args });
        const local = toLocalParts(meeting.startsAt, meeting.board.timezone);
        return openForm(meetingEditForm, {
          values: { title: meeting.title, date: local.isoDate, time: local.time, duration: String(meeting.durationMinutes), venue: meeting.venue ?? '' },
          metadata: { meetingId: meeting.id },
          context: meetingContext(meeting),
        });
      },
    }),
    command({
      words: 'meeting cancel',
      usage: 'meeting cancel [YYYY-MM-DD] [reason]',
      description: 'Cancel a meeting; the posted agenda says so and reminders stop.',
      who: 'clerks',
      args: cancelArgs,
      run: async (deps, input) => {
        const meeting = await findClerkMeeting(deps, { ...input, ...(input.args.date ? { date: input.args.date } : {}) });
        return cancelMeeting(deps, { ...input, meetingId: meeting.id, reason: input.args.reason });
      },
    }),
  ],
  forms: [meetingCreateForm, meetingEditForm],
});
