// Results of the core → Teams messages, through the cards. The Adaptive Card JSON is written in
// cards/ only; this file picks the card for each result and wraps it as a Bot Framework activity.
import type { Activity } from 'botbuilder';
import {
  adaptiveAttachment,
  formFor,
  outboundMessagesCard,
  plainField,
  renderAdaptiveCard,
  renderAdaptiveForm,
  resultCard,
  teamsSummary,
  type Card,
} from '../../cards/index.ts';
import type { Result } from '../../src/core.ts';
import type { OutboundMessage } from '../../src/delivery/port.ts';
import type { TeamsRendered } from './messenger.ts';

/** A message the bot sends: an Adaptive Card, or a plain sentence. */
export type TeamsMessage = Partial<Activity> & { type: 'message' };

export function renderResult(result: Result): TeamsMessage {
  switch (result.kind) {
    case 'form': {
      const form = formFor(result);
      return { type: 'message', summary: plainField(form.title), attachments: [adaptiveAttachment(renderAdaptiveForm(form))] };
    }
    case 'notice':
      return textMessage(result.text);
    default:
      return cardMessage(resultCard(result, { platform: 'teams' }));
  }
}

export function cardMessage(card: Card): TeamsMessage {
  return { type: 'message', summary: teamsSummary(card), attachments: [adaptiveAttachment(renderAdaptiveCard(card))] };
}

/** A sentence as plain text: Teams shows it as written, markup and all. */
export function textMessage(text: string): TeamsMessage {
  return { type: 'message', text: plainField(text), textFormat: 'plain' };
}

/** The outbox's messages (one, or several as a digest) for the Teams messenger. */
export function renderOutbound(messages: OutboundMessage[]): TeamsRendered {
  const card = outboundMessagesCard(messages);
  return { text: teamsSummary(card), attachment: adaptiveAttachment(renderAdaptiveCard(card)) };
}
