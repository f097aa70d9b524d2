// The meetings feature's cards: the meeting form, and each person's upcoming meetings.
import type { UpcomingMeetingsResult } from '../../src/features/meetings/list-upcoming-meetings.ts';
import { MEETING_TITLE_MAX, VENUE_MAX } from '../../src/features/meetings/meeting-form.ts';
import { button, defineForm, type FieldDefinition } from '../kit.ts';
import type { Action, Card } from '../model.ts';
import { noticeCard } from '../notice-card.ts';
import type { FeatureCards } from '../registry-types.ts';
import { md } from '../text.ts';

const meetingFields = {
  title: { label: 'Title', kind: 'text', maxLength: MEETING_TITLE_MAX, hint: 'Leave as the board\u2019s name unless this is a special meeting.' },
  date: { label: 'Date', kind: 'date', required: true },
  time: { label: 'Start time', kind: 'time', required: true, hint: 'In the board\u2019s timezone.' },
  duration: { label: 'Length (minutes)', kind: 'number', min: 15, max: 600 },
  venue: { label: 'Venue', kind: 'text', maxLength: VENUE_MAX, placeholder: 'e.g. Hendon Town Hall, Committee Room 1' },
} satisfies Record<string, FieldDefinition>;

type Upcoming = UpcomingMeetingsResult['meetings'][number];

/** The person's own reply, as the apologies feature recorded it. */
const yourReply = (reply: Upcoming['myReply']): string =>
  !reply ? 'You have not replied yet' : reply.state === 'attending' ? 'Your reply: attending' : `Your reply: apologies${reply.substitute ? ` (${reply.substitute} substituting)` : ''}`;

const replyActions = (m: Upcoming): Action[] => [
  ...(m.myReply?.state === 'apologies' ? [] : [button('apologies.open', 'Send apologies', { meetingId: m.meetingId })]),
  ...(m.myReply?.state === 'attending' ? [] : [button('apologies.attend', 'I\u2019ll attend', { meetingId: m.meetingId })]),
  ...(m.myReply ? [button('apologies.withdraw', 'Withdraw my reply', { meetingId: m.meetingId })] : []),
];

export function upcomingCard(result: UpcomingMeetingsResult): Card {
  if (result.onNoBoard) return noticeCard(`You are not on any board yet. ${result.whoAddsYou ?? ''} A clerk can set a new board up with "board setup".`.replace(/ {2,}/g, ' '));
  return {
    fallback: `Your upcoming meetings: ${result.meetings.length}`,
    title: 'Your upcoming meetings',
    body:
      result.meetings.length === 0
        ? [{ type: 'text', text: 'No meetings are coming up on your boards.' }]
        : [
            {
              type: 'items',
              items: result.meetings.map((m) => ({
                title: md`**${m.boardName}**: ${m.short}`,
                lines: [
                  [m.venue ?? '', `${m.itemCount} items`, m.status === 'draft' ? 'draft agenda (clerks only)' : 'agenda published'].filter(Boolean).join(' \u00b7 '),
                  ...(m.status === 'agenda_published' ? [yourReply(m.myReply)] : []),
                ],
                ...(m.status === 'agenda_published' ? { actions: replyActions(m) } : {}),
              })),
            },
          ],
  };
}

export const meetingCards = {
  results: { 'upcoming-meetings': upcomingCard },
  forms: {
    'meeting.create': defineForm({ id: 'meeting.create', title: 'New meeting', submitLabel: 'Create', intro: 'The standing items are added for you.', fields: meetingFields }),
    'meeting.edit': defineForm({ id: 'meeting.edit', title: 'Change the meeting', submitLabel: 'Save', fields: meetingFields }),
  },
} satisfies FeatureCards;
