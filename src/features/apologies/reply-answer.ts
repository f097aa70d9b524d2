// The confirmation a person reads after replying: only they see it (an ephemeral message or modal
// on Slack, an invoke response or their personal chat on Teams; the adapters decide, the answer's
// audience is the person).
import { toLocalParts } from '../../domain/time.ts';
import { meetingView, type MeetingView } from '../agendas/agenda-view.ts';
import type { SavedReply } from './save-reply.ts';

export interface ReplyResult {
  kind: 'apologies.reply';
  notice: string;
  meeting: MeetingView;
  memberId: string;
  memberName: string;
  /** Whether the person replied for themself (else a deputy or clerk did, for memberName). */
  self: boolean;
  state: 'apologies' | 'attending' | 'none';
  reason?: string;
  substitute?: string;
}

export function replyAnswer(saved: SavedReply): ReplyResult {
  const { meeting, member, reply } = saved;
  const self = saved.via === 'member';
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  const whose = self ? 'Your' : `${member.name}\u2019s`;
  const substitute = reply?.substitute?.name ?? reply?.substituteName ?? undefined;
  const state = reply?.reply ?? 'none';
  const already = saved.changed ? '' : ' (no change: that was already recorded)';
  const notice =
    state === 'apologies'
      ? `${whose} apologies for the meeting of ${when} are recorded${substitute ? `, with ${substitute} substituting` : ''}${already}. You can change or withdraw them until the meeting starts.`
      : state === 'attending'
        ? `${self ? 'Thank you: you are' : `${member.name} is`} down as attending the meeting of ${when}${already}.`
        : saved.changed
          ? `${whose} reply for the meeting of ${when} is withdrawn: ${self ? 'you are' : `${member.name} is`} counted as expected.`
          : `There was no reply to withdraw for the meeting of ${when}.`;
  return {
    kind: 'apologies.reply',
    notice,
    meeting: meetingView(meeting),
    memberId: member.id,
    memberName: member.name,
    self,
    state,
    ...(reply?.reason ? { reason: reply.reason } : {}),
    ...(substitute ? { substitute } : {}),
  };
}
