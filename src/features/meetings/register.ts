// Meetings: create, change and cancel them; each person's upcoming meetings.
import { ArgsMismatch, ISO_DATE, noArgs, optionalDate, type ArgReader } from '../../kernel/args.ts';
import { command, defineFeature } from '../../kernel/feature.ts';
import { cancelMeeting } from './cancel-meeting.ts';
import { findClerkMeeting } from './find-meeting.ts';
import { meetingCreateForm, meetingEditForm } from './forms.ts';
import { listUpcomingMeetings } from './list-upcoming-meetings.ts';
import { openMeetingEditForm, openNewMeetingForm } from './open-meeting-form.ts';

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
      run: (deps, input) => openNewMeetingForm(deps, input),
    }),
    command({
      words: 'meeting edit',
      usage: 'meeting edit [YYYY-MM-DD]',
      description: 'Change the next meeting (or the one on that date); members are told.',
      who: 'clerks',
      args: optionalDate,
      run: (deps, input) => openMeetingEditForm(deps, { ...input, ...input.args }),
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
