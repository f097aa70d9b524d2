// A clerk records anyone's reply, received by email or phone: "apologies record" opens the form,
// the submission goes through the same saveReply as a member's own click (permissions, exactly
// once, card counts, quorum warning).
import type { z } from 'zod';
import { formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { openForm } from '../../kernel/results.ts';
import { toLocalParts } from '../../domain/time.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { requireClerk } from '../boards/members.ts';
import { apologyChange, type recordValues } from './apology-values.ts';
import { NO_SUBSTITUTE } from './open-apology-form.ts';
import { recordForm } from './forms.ts';
import { boardRoster } from './meeting-replies.ts';
import { loadMeetingForReplies, requireOpenForReplies } from './open-meeting.ts';
import { replyAnswer, type ReplyResult } from './reply-answer.ts';
import { saveReply } from './save-reply.ts';

export async function openRecordForm(deps: CoreDeps, input: Invocation & { meetingId: string; board: Board }) {
  await requireClerk(deps.prisma, input.board, input.actor);
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireOpenForReplies(deps.prisma, meeting, deps.now(), { forClerk: true });
  const roster = await boardRoster(deps.prisma, meeting.boardId);
  const people = roster.map((m) => ({ value: m.id, label: m.name }));
  return openForm(recordForm, {
    values: { reply: 'apologies', substitute: '' },
    metadata: { meetingId: meeting.id },
    options: {
      member: people,
      substitute: [NO_SUBSTITUTE, ...people],
    },
    context: `${meeting.board.name}: record a reply for the meeting of ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}`,
  });
}

export async function recordReply(deps: CoreDeps, input: Invocation & { meetingId: string; values: z.output<typeof recordValues> }): Promise<ReplyResult> {
  const meeting = await loadMeetingForReplies(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  const { values } = input;
  if (!(await deps.prisma.member.count({ where: { id: values.member, boardId: meeting.boardId } }))) throw formInvalid({ member: 'Choose a member of this board.' });
  if (values.reply !== 'apologies' && (values.reason || values.substitute || values.substituteName)) {
    throw formInvalid({ reply: 'A reason and a substitute go with apologies only.' }, 'A reason and a substitute go with apologies only.');
  }
  const change = values.reply === 'apologies' ? apologyChange(values) : { reply: values.reply };
  return replyAnswer(await saveReply(deps, { actor: input.actor, meetingId: meeting.id, memberId: values.member, change }));
}
