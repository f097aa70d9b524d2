// The apologies forms: a member's apologies, the clerk's record of anyone's reply, and attendance
// on the day. Each carries ids only.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { apologyChange, apologyValues, attendanceValues, recordValues } from './apology-values.ts';
import { markAttendance } from './mark-attendance.ts';
import { recordReply } from './record-reply.ts';
import { replyAnswer } from './reply-answer.ts';
import { saveReply } from './save-reply.ts';

export const apologyForm = form({
  id: 'apologies.send',
  values: apologyValues,
  metadata: z.object({ meetingId: z.uuid(), memberId: z.uuid() }),
  run: async (deps, input) =>
    replyAnswer(await saveReply(deps, { actor: input.actor, meetingId: input.metadata.meetingId, memberId: input.metadata.memberId, change: apologyChange(input.values) })),
});

export const recordForm = form({
  id: 'apologies.record',
  values: recordValues,
  metadata: z.object({ meetingId: z.uuid() }),
  run: (deps, input) => recordReply(deps, { ...input, meetingId: input.metadata.meetingId }),
});

export const attendanceForm = form({
  id: 'apologies.attendance',
  values: attendanceValues,
  metadata: z.object({ meetingId: z.uuid() }),
  run: (deps, input) => markAttendance(deps, { ...input, meetingId: input.metadata.meetingId }),
});
