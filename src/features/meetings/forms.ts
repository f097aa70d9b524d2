// The meeting forms: a new meeting, and changes to one. Dates and times are read in the board's
// timezone, so the schema is built for the board the form was opened for.
import { z } from 'zod';
import { form } from '../../kernel/feature.ts';
import { createMeeting } from './create-meeting.ts';
import { meetingFormCheck, meetingFormFor } from './meeting-form.ts';
import { updateMeeting } from './update-meeting.ts';

export const meetingCreateForm = form({
  id: 'meeting.create',
  metadata: z.object({ boardId: z.uuid() }),
  values: (deps, metadata) => meetingFormFor(deps, metadata),
  check: meetingFormCheck,
  run: (deps, input) => createMeeting(deps, { ...input, boardId: input.metadata.boardId, details: input.values }),
});

export const meetingEditForm = form({
  id: 'meeting.edit',
  metadata: z.object({ meetingId: z.uuid() }),
  values: (deps, metadata) => meetingFormFor(deps, metadata),
  check: meetingFormCheck,
  run: (deps, input) => updateMeeting(deps, { ...input, meetingId: input.metadata.meetingId, details: input.values }),
});
