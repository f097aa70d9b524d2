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
  type AdaptiveCard,
  type Card,
} from '../../cards/index.ts';
import type { Result } from '../../src/core.ts';
import type { OutboundMessage } from '../../src/delivery/port.ts';
import type { TeamsRendered } from './messenger.ts';
import { witnessed } from './witness.ts';

/** A message the bot sends: an Adaptive Card, or a plain sentence. */
export type TeamsMessage = Partial<Activity> & { type: 'message' };

/** `origin`: for a form sent to the person's own chat, the channel or group chat it was asked
 * for in (see withOrigin). */
export function renderResult(result: Result, origin?: string): TeamsMessage {
  switch (result.kind) {
    case 'form': {
      const form = formFor(result);
      const card = renderAdaptiveForm(form);
      const adaptive = witnessed({ adaptive: origin ? withOrigin(card, form.id, origin) : card, result });
      return { type: 'message', summary: plainField(form.title), attachments: [adaptiveAttachment(adaptive)] };
    }
    case 'notice':
      return textMessage(result.text);
    default: {
      const card = resultCard(result, { platform: 'teams' });
      return { type: 'message', summary: teamsSummary(card), attachments: [adaptiveAttachment(witnessed({ adaptive: renderAdaptiveCard(card), result }))] };
    }
  }
}

/** The key of a form's submit data that names the conversation it was asked for in. */
export const ORIGIN_KEY = 'origin';

/**
 * A form asked for in a channel is filled in in the person's own chat, so its submission comes
 * from there; the board's channel (board setup) is the conversation it was asked for in. Its
 * submit button carries that conversation's id, which is believed only once the Bot Connector
 * confirms the person is a member of it (card-actions.ts).
 */
export function withOrigin(card: AdaptiveCard, formId: string, origin: string): AdaptiveCard {
  return {
    ...card,
    actions: (card.actions ?? []).map((action) =>
      action.type === 'Action.Execute' && action.verb === formId ? { ...action, data: { ...action.data, [ORIGIN_KEY]: origin } } : action,
    ),
  };
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
  return { text: teamsSummary(card), attachment: adaptiveAttachment(witnessed({ adaptive: renderAdaptiveCard(card), messages })) };
}
