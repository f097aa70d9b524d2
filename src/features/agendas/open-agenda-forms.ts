// The agenda forms, opened for the meeting (and item) meant: add an item, change one, paste the
// order of business, paste the rest of it.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { findClerkMeeting, meetingContext } from '../meetings/find-meeting.ts';
import { agendaItemFormValues } from './agenda-item-values.ts';
import { editableMeeting } from './editable-meeting.ts';
import { findItemByNumber } from './find-agenda-item.ts';
import { itemAddForm, itemEditForm, pasteForm } from './forms.ts';

export async function openItemAddForm(deps: CoreDeps, input: Invocation & { date?: string }) {
  const meeting = await findClerkMeeting(deps, input);
  return openForm(itemAddForm, { values: { exempt: false }, metadata: { meetingId: meeting.id }, context: meetingContext(meeting) });
}

export async function openItemEditForm(deps: CoreDeps, input: Invocation & { date?: string; number: string }) {
  const meeting = await findClerkMeeting(deps, input);
  const item = await findItemByNumber(deps.prisma, meeting.id, input.number);
  return openForm(itemEditForm, {
    values: agendaItemFormValues(item),
    metadata: { meetingId: meeting.id, itemId: item.id },
    context: `${meetingContext(meeting)}: item ${item.number}`,
  });
}

export async function openPasteForm(deps: CoreDeps, input: Invocation & { date?: string }) {
  const meeting = await findClerkMeeting(deps, input);
  return openForm(pasteForm, { metadata: { meetingId: meeting.id }, context: meetingContext(meeting) });
}

/** The rest of a long table: read together with what was pasted before. */
export async function openPasteMoreForm(deps: CoreDeps, input: Invocation & { meetingId: string; importId: string }) {
  const meeting = await editableMeeting(deps, input.actor, input.meetingId);
  return openForm(pasteForm, {
    metadata: { meetingId: meeting.id, importId: input.importId },
    context: `${meetingContext(meeting)}. Paste the rest of the table: it is read together with what you pasted before.`,
  });
}
