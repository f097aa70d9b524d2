// Universal Actions: a click on an Action.Execute button (or a form's submit) reaches the bot as an
// `adaptiveCard/action` invoke, routed here by its verb. A handler answers with a card that
// replaces the one clicked, or a short message; features add their verbs to CARD_ACTIONS.
// The invoke's HTTP status is always 200; success or failure is in the body's statusCode, as the
// protocol has it.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { renderAdaptiveCard, type Card } from '../../cards/index.ts';
import type { Core } from '../../src/core.ts';
import type { Actor } from '../../src/domain/platform.ts';
import { isAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { actorOf, conversationIdOf } from './conversation.ts';
import { runCoreVerb } from './core-actions.ts';
import { safeError } from './errors.ts';

export const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE = 'application/vnd.microsoft.error';

export interface CardActionInput {
  actor: Actor;
  verb: string;
  /** The button's data, with the card's input values merged in by Teams. Validate before use. */
  data: Record<string, unknown>;
  /** The Teams conversation (the channel, not the thread). */
  conversationId: string;
  /** The id of the message whose card was clicked. */
  messageId?: string;
  context: TurnContext;
}

export interface CardActionDeps {
  core: Core;
  logger: Logger;
}

/** What a handler answers: the card that replaces the clicked one, or a message to show. */
export type CardActionOutcome = { kind: 'card'; card: Card } | { kind: 'message'; text: string };

export type CardActionHandler = (deps: CardActionDeps, input: CardActionInput) => Promise<CardActionOutcome>;

/** The invoke response body (botbuilder's CardActionResponse, with `value` typed per kind). */
export type CardActionResponse =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_RESPONSE; value: Record<string, unknown> }
  | { statusCode: 200; type: typeof MESSAGE_RESPONSE; value: string }
  | { statusCode: 400 | 500; type: typeof ERROR_RESPONSE; value: { code: string; message: string } };

/** Verb → handler. Empty until the first card with buttons: features register theirs here. */
export const CARD_ACTIONS: Readonly<Record<string, CardActionHandler>> = {};

const invokeValue = z.object({
  action: z.object({
    type: z.literal('Action.Execute'),
    verb: z.string().min(1).max(200),
    data: z.record(z.string(), z.unknown()).optional(),
  }),
  trigger: z.enum(['manual', 'automatic']).optional(),
});

export function errorResponse(statusCode: 400 | 500, code: string, message: string): CardActionResponse {
  return { statusCode, type: ERROR_RESPONSE, value: { code, message } };
}

export function outcomeResponse(outcome: CardActionOutcome): CardActionResponse {
  return outcome.kind === 'card'
    ? { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: renderAdaptiveCard(outcome.card) }
    : { statusCode: 200, type: MESSAGE_RESPONSE, value: outcome.text };
}

/** Routes one adaptiveCard/action invoke; never rejects. */
export async function runCardAction(
  deps: CardActionDeps,
  context: TurnContext,
  actions: Readonly<Record<string, CardActionHandler>> = CARD_ACTIONS,
): Promise<CardActionResponse> {
  const activity = context.activity;
  const parsed = invokeValue.safeParse(activity.value);
  if (!parsed.success) return errorResponse(400, 'BadRequest', 'This is not an Action.Execute invoke Quorum understands.');
  const { verb, data = {} } = parsed.data.action;
  const handler = Object.hasOwn(actions, verb) ? actions[verb] : undefined;
  const what = { verb, activityId: activity.id, conversationId: conversationIdOf(activity) };
  const input: CardActionInput = {
    actor: actorOf(activity),
    verb,
    data,
    conversationId: conversationIdOf(activity),
    ...(activity.replyToId ? { messageId: activity.replyToId } : {}),
    context,
  };
  try {
    // Teams-only verbs first; every other verb is the core's (its forms and buttons).
    if (handler) return outcomeResponse(await handler(deps, input));
    return await runCoreVerb(deps, input);
  } catch (error) {
    if (isAppError(error) && error.code === 'UNKNOWN_ACTION') {
      deps.logger.warn(what, 'unknown card action');
      return errorResponse(400, 'BadRequest', `Unknown action "${verb}". Run the command again for a fresh card.`);
    }
    if (isAppError(error)) {
      deps.logger.info({ ...what, code: error.code }, 'card action refused');
      return outcomeResponse({ kind: 'message', text: error.message });
    }
    deps.logger.error({ ...what, err: safeError(error) }, 'card action failed');
    return errorResponse(500, 'InternalError', 'Sorry, something went wrong on our side. Please try again in a moment.');
  }
}
