// Results of the core → Slack payloads, through the cards. The Block Kit itself is written in
// cards/ only; this file picks the card for each result and the Slack surface it goes on
// (a message, a modal, the Home tab).
import type { HomeView, ModalView } from '@slack/types';
import {
  formFor,
  outboundMessagesCard,
  renderSlackHome,
  renderSlackMessage,
  renderSlackModal,
  renderSlackText,
  resultCard,
  type Block,
  type CardContext,
  type SlackMessagePayload,
} from '../../cards/index.ts';
import type { FormRequest, Result } from '../../src/core.ts';
import type { OutboundMessage } from '../../src/delivery/port.ts';
import type { HelpResult } from '../../src/features/help/register.ts';
import type { UpcomingMeetingsResult } from '../../src/features/meetings/list-upcoming-meetings.ts';
import type { MyActionsResult } from '../../src/features/actions/list-my-actions.ts';

const SLACK: CardContext = { platform: 'slack' };

export interface SlackMessage {
  /** The notification and screen-reader text, escaped as mrkdwn; always set. */
  text: string;
  blocks?: Block[];
}

export type SlackAnswer =
  | { kind: 'message'; message: SlackMessage; /** An error or a refusal, not a result. */ failed?: boolean }
  | { kind: 'form'; form: FormRequest; view: ModalView };

/** The metadata key that carries the channel a form was opened from, for the answer. */
export const FORM_CHANNEL_KEY = 'slackChannel';

export function renderResult(result: Result, context: { channelId?: string } = {}): SlackAnswer {
  if (result.kind === 'form') {
    const form = formFor(result);
    const metadata = context.channelId ? { ...form.metadata, [FORM_CHANNEL_KEY]: context.channelId } : form.metadata;
    return { kind: 'form', form: result, view: renderSlackModal({ ...form, metadata }) };
  }
  return { kind: 'message', message: renderSlackMessage(resultCard(result, SLACK)) };
}

/** A plain message: a sentence for the person, no card (escaped: Slack reads `text` as mrkdwn). */
export function renderText(text: string): SlackMessage {
  return renderSlackText(text);
}

/** The Home tab: what is coming up for the person, their open actions, then what Quorum can do. */
export function renderHome(input: { help: HelpResult; meetings?: UpcomingMeetingsResult | undefined; actions?: MyActionsResult | undefined }): HomeView {
  const cards = [];
  if (input.meetings) cards.push(resultCard(input.meetings, SLACK));
  if (input.actions && !input.actions.onNoBoard) cards.push(resultCard(input.actions, SLACK));
  cards.push(resultCard(input.help, SLACK));
  return renderSlackHome(cards);
}

/** One outbox message, or several as a digest, for the messenger. */
export function renderOutbound(messages: OutboundMessage[]): SlackMessagePayload {
  return renderSlackMessage(outboundMessagesCard(messages));
}
