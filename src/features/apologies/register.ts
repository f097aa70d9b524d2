// Apologies and quorum: members reply to a meeting in one click ("Send apologies", "I'll attend")
// from the agenda card and reminders, or with `apologies`; clerks record anyone's reply and mark
// attendance on the day; the clerk and chair are warned when the quorum is at risk.
import { z } from 'zod';
import { ArgsMismatch, ISO_DATE, noArgs, optionalDate, type ArgReader } from '../../kernel/args.ts';
import { button, command, defineFeature } from '../../kernel/feature.ts';
import { chaseReplies } from './chase-replies.ts';
import { confirmApologyPaste } from './confirm-apology-paste.ts';
import { openResolveForm } from './resolve-apology-paste.ts';
import { resolveForm } from './resolve-form.ts';
import { findAttendanceMeeting, findMinutesMeeting, findReplyMeeting } from './find-reply-meeting.ts';
import { listReplies } from './list-replies.ts';
import { apologiesForMinutes } from './minutes-paragraph.ts';
import { openPasteForm } from './paste-apologies.ts';
import { pasteForm } from './paste-form.ts';
import { openApologySettings } from './set-apology-settings.ts';
import { settingsForm } from './settings-form.ts';
import { apologyForm, attendanceForm, recordForm } from './forms.ts';
import { openAttendanceForm } from './mark-attendance.ts';
import { openApologyForm } from './open-apology-form.ts';
import { openRecordForm } from './record-reply.ts';
import { replyAnswer } from './reply-answer.ts';
import { saveReply } from './save-reply.ts';
import { quorumWarningTemplate, replyChaseTemplate } from './templates.ts';
import { loadMeetingForReplies } from './open-meeting.ts';
import { replyMember } from './reply-member.ts';

/** What a reply button carries: the meeting, and whose reply when it is not the clicker's own. */
const replyPayload = z.object({ meetingId: z.uuid(), memberId: z.uuid().optional() });

/** "apologies minutes [YYYY-MM-DD] [titles]". */
const minutesArgs: ArgReader<{ date?: string; withTitles: boolean }> = {
  read(rest) {
    const words = rest.split(/\s+/).filter(Boolean);
    const date = words[0] && ISO_DATE.test(words[0]) ? words.shift() : undefined;
    const [flag, ...more] = words;
    if (more.length > 0 || (flag !== undefined && flag.toLowerCase() !== 'titles')) throw new ArgsMismatch('Add "titles" for titles and organisations, and a date (YYYY-MM-DD) for another meeting.', flag);
    return { ...(date ? { date } : {}), withTitles: flag !== undefined };
  },
};

const reply = async (deps: Parameters<typeof saveReply>[0], input: { actor: Parameters<typeof saveReply>[1]['actor']; payload: z.output<typeof replyPayload> }, change: 'attending' | 'withdraw') => {
  const meeting = await loadMeetingForReplies(deps.prisma, input.payload.meetingId);
  const member = await replyMember(deps.prisma, meeting, input.actor, input.payload.memberId);
  return replyAnswer(await saveReply(deps, { actor: input.actor, meetingId: meeting.id, memberId: member.id, change: { reply: change } }));
};

export const apologies = defineFeature({
  name: 'apologies',
  commands: [
    command({
      words: 'apologies',
      usage: 'apologies [YYYY-MM-DD]',
      description: 'Send your apologies for the next meeting (or the one on that date), with a reason and a substitute.',
      who: 'everyone',
      args: optionalDate,
      run: async (deps, input) => openApologyForm(deps, { ...input, meetingId: (await findReplyMeeting(deps, { ...input, ...input.args })).meetingId }),
    }),
    command({
      words: 'apologies record',
      usage: 'apologies record [YYYY-MM-DD]',
      description: 'Record anyone\u2019s apologies or attendance, received by email or phone.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => openRecordForm(deps, { ...input, ...(await findReplyMeeting(deps, { ...input, ...input.args })) }),
    }),
    command({
      words: 'apologies list',
      usage: 'apologies list [YYYY-MM-DD]',
      description: 'Who has sent apologies, who will attend, who has not replied, and the quorum forecast.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => listReplies(deps, { ...input, meetingId: (await findReplyMeeting(deps, { ...input, ...input.args })).meetingId }),
    }),
    command({
      words: 'apologies minutes',
      usage: 'apologies minutes [YYYY-MM-DD] [titles]',
      description: 'The apologies paragraph for the minutes, ready to paste ("titles" adds titles and organisations).',
      who: 'clerks',
      args: minutesArgs,
      run: async (deps, input) => apologiesForMinutes(deps, { ...input, withTitles: input.args.withTitles, meetingId: (await findMinutesMeeting(deps, { ...input, ...input.args })).meetingId }),
    }),
    command({
      words: 'apologies paste',
      usage: 'apologies paste [YYYY-MM-DD]',
      description: 'Paste apologies from an email or minutes; the names are matched to members, and recorded when you confirm.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => openPasteForm(deps, { ...input, meetingId: (await findReplyMeeting(deps, { ...input, ...input.args })).meetingId }),
    }),
    command({
      words: 'apologies settings',
      usage: 'apologies settings',
      description: 'Whether the agenda card in the channel names who sent apologies, and whether named substitutes count towards the quorum.',
      who: 'clerks',
      args: noArgs,
      run: (deps, input) => openApologySettings(deps, input),
    }),
    command({
      words: 'attendance',
      usage: 'attendance [YYYY-MM-DD]',
      description: 'Mark attendance on the day: present, apologies, absent, substitute present.',
      who: 'clerks',
      args: optionalDate,
      run: async (deps, input) => openAttendanceForm(deps, { ...input, meetingId: (await findAttendanceMeeting(deps, { ...input, ...input.args })).meetingId }),
    }),
  ],
  buttons: [
    button({ id: 'apologies.open', payload: replyPayload, run: (deps, input) => openApologyForm(deps, { ...input, ...input.payload }) }),
    button({ id: 'apologies.attend', payload: replyPayload, run: (deps, input) => reply(deps, input, 'attending') }),
    button({ id: 'apologies.withdraw', payload: replyPayload, run: (deps, input) => reply(deps, input, 'withdraw') }),
    button({ id: 'apologies.chase', payload: z.object({ meetingId: z.uuid() }), run: (deps, input) => chaseReplies(deps, { ...input, meetingId: input.payload.meetingId }) }),
    button({ id: 'apologies.paste.resolve', payload: z.object({ pasteId: z.uuid() }), run: (deps, input) => openResolveForm(deps, { ...input, pasteId: input.payload.pasteId }) }),
    button({ id: 'apologies.paste.confirm', payload: z.object({ pasteId: z.uuid() }), run: (deps, input) => confirmApologyPaste(deps, { ...input, pasteId: input.payload.pasteId }) }),
    button({
      id: 'apologies.minutes',
      payload: z.object({ meetingId: z.uuid(), titles: z.boolean() }),
      run: (deps, input) => apologiesForMinutes(deps, { ...input, meetingId: input.payload.meetingId, withTitles: input.payload.titles }),
    }),
  ],
  forms: [apologyForm, recordForm, attendanceForm, pasteForm, settingsForm, resolveForm],
  templates: [quorumWarningTemplate, replyChaseTemplate],
});
