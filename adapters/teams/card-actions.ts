// Universal Actions: a click on an Action.Execute button, or a form's submit, reaches the bot as
// an `adaptiveCard/action` invoke. A form's submit carries its verb (the form id), its metadata and
// the typed values: bad fields come back as the same form with the values kept and each error
// under its field, and nothing is saved. Any other verb is one of the core's buttons. The invoke's
// HTTP status is always 200; success or failure is in the body's statusCode, as the protocol has it.
//
// Who sees the answer. In the person's own chat the result replaces the card clicked. In a channel
// or a group chat the card clicked is shared: a card in the invoke response would stand in for it
// (Microsoft's documentation says for the clicker; a ReplaceForAll update would show it to all),
// so there no card is ever returned. The answer is a message only the clicker sees, or, when it is
// a card or a form, it goes to the clicker's personal chat and the message says so.
//
// Teams gives an invoke five seconds. The core's work is raced against INVOKE_BUDGET_MS: what is
// not done by then is answered "working on it", and its answer follows in the person's own chat
// once the work ends (a new turn in the conversation: the invoke's own has ended by then).
import { TurnContext, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import { choicesCarried, formDefinition, formFor, readAdaptiveFormValues, renderAdaptiveCard, renderAdaptiveForm, resultCard, plainField, submittedFields, type AdaptiveCard } from '../../cards/index.ts';
import type { Core, Result } from '../../src/core.ts';
import { isAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { answerForPerson, pointerText, refusalText, sentenceForPerson, UNEXPECTED_ERROR_TEXT, type Answer } from './answer.ts';
import { actorOf, conversationIdOf, conversationKindOf } from './conversation.ts';
import { safeError } from './errors.ts';
import { membershipOf, type PersonalChat } from './personal-chat.ts';
import { ORIGIN_KEY, withOrigin } from './render.ts';
import { witnessed } from './witness.ts';
import { sinceArrival } from './turn-clock.ts';
import type { InFlight } from '../../src/kernel/in-flight.ts';
import { within } from '../../src/kernel/within.ts';

export const ADAPTIVE_CARD_RESPONSE = 'application/vnd.microsoft.card.adaptive';
export const MESSAGE_RESPONSE = 'application/vnd.microsoft.activity.message';
export const ERROR_RESPONSE = 'application/vnd.microsoft.error';

/** The invoke response body (botbuilder's CardActionResponse, with `value` typed per kind). */
export type CardActionResponse =
  | { statusCode: 200; type: typeof ADAPTIVE_CARD_RESPONSE; value: AdaptiveCard }
  | { statusCode: 200; type: typeof MESSAGE_RESPONSE; value: string }
  | { statusCode: 400 | 500; type: typeof ERROR_RESPONSE; value: { code: string; message: string } };

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

const messageResponse = (text: string): CardActionResponse => ({ statusCode: 200, type: MESSAGE_RESPONSE, value: plainField(text) });

/** In the person's own chat only: the result replaces the card clicked. */
function resultResponse(result: Result, origin: string | undefined): CardActionResponse {
  if (result.kind === 'notice') return messageResponse(result.text);
  if (result.kind === 'form') {
    const form = formFor(result);
    const card = renderAdaptiveForm(form);
    return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: witnessed({ adaptive: origin ? withOrigin(card, form.id, origin) : card, result }) };
  }
  return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: witnessed({ adaptive: renderAdaptiveCard(resultCard(result, { platform: 'teams' })), result }) };
}

/** How long an invoke waits for the core before answering "working on it" (Teams allows 5 s). */
export const INVOKE_BUDGET_MS = 3_000;

export const STILL_WORKING = 'Working on it: I\u2019ll send you the answer in our chat in a moment.';

export interface CardActionDeps {
  core: Core;
  logger: Logger;
  personalChat: PersonalChat;
  /** Runs `logic` in a new turn of the conversation (the invoke's own turn has ended by then). */
  continueTurn(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Keeps an answer that outran its invoke until it is sent: the adapter's stop waits for it. */
  later: InFlight;
  /** Tests: another budget than INVOKE_BUDGET_MS. */
  invokeBudgetMs?: number;
}

type Outcome = { ok: true; result: Result } | { ok: false; error: unknown };

/** In a channel or group chat: a sentence for the clicker alone, or the card sent to their
 * personal chat (a form carrying the conversation it was opened from). */
async function sharedResponse(deps: CardActionDeps, context: TurnContext, result: Result): Promise<CardActionResponse> {
  if (result.kind === 'notice') return messageResponse(result.text);
  const delivery = await deps.personalChat.send(context, answerForPerson(result, conversationIdOf(context.activity)));
  return messageResponse(pointerText(delivery, context.activity.from?.name));
}

const originValue = z.string().min(1).max(1024);

export const ORIGIN_NOT_MEMBER =
  'This form was opened from a channel or chat you are no longer a member of, so it cannot be sent from here. Ask for it again there.';
export const ORIGIN_UNCHECKED = 'I couldn\u2019t check the channel this form was opened from just now. Please send the form again in a moment.';

/** Sends the answer of work that outran its invoke to the person's own chat once the work ends
 * (a card action, or a message action's dialog); the adapter's stop waits for it (`later`). */
export function answerLater<T>(
  deps: Pick<CardActionDeps, 'later' | 'continueTurn' | 'personalChat' | 'logger'>,
  activity: TurnContext['activity'],
  work: Promise<T>,
  answer: (outcome: T) => Answer<'person'>,
  { what, kind }: { what: Record<string, unknown>; kind: string },
): void {
  const reference = TurnContext.getConversationReference(activity);
  const failed = `could not send a late ${kind} answer`;
  deps.later.track(
    work.then((late) =>
      deps
        .continueTurn(reference, async (turn) => {
          const delivery = await deps.personalChat.send(turn, answer(late));
          if (delivery !== 'sent') deps.logger.warn({ ...what, delivery }, failed);
        })
        .catch((error: unknown) => deps.logger.warn({ ...what, err: safeError(error) }, failed)),
    ),
  );
}

/** Routes one adaptiveCard/action invoke; never rejects. */
export async function runCardAction(deps: CardActionDeps, context: TurnContext): Promise<CardActionResponse> {
  const activity = context.activity;
  const parsed = invokeValue.safeParse(activity.value);
  if (!parsed.success) return errorResponse(400, 'BadRequest', 'This is not an Action.Execute invoke Quorum understands.');
  const { verb, data = {} } = parsed.data.action;
  const shared = conversationKindOf(activity) !== 'personal';
  const what = { verb, activityId: activity.id, conversationId: conversationIdOf(activity) };
  const definition = data.form === verb ? formDefinition(verb) : undefined;
  // A form sent to the personal chat from a channel is submitted here; it counts as sent from that
  // channel once the Bot Connector confirms the person is in it (the card's data is theirs to edit).
  const claimed = definition && !shared ? originValue.safeParse(data[ORIGIN_KEY]) : undefined;
  const origin = claimed?.success && claimed.data !== what.conversationId ? claimed.data : undefined;
  if (origin) {
    const membership = await membershipOf(context, origin, activity.from?.id ?? '');
    if (membership !== 'member') {
      deps.logger.info({ ...what, membership }, 'form refused: the person is not confirmed in the conversation it was opened from');
      return messageResponse(membership === 'not_member' ? ORIGIN_NOT_MEMBER : ORIGIN_UNCHECKED);
    }
  }
  // The answer is for the clicker alone, wherever the card is.
  const where = { actor: actorOf(activity), conversationId: origin ?? what.conversationId, audience: 'person' as const };
  const values = definition ? readAdaptiveFormValues({ fields: submittedFields(definition, Object.keys(data)) }, data) : {};
  const work: Promise<Outcome> = (definition
    ? deps.core.submitForm({ ...where, form: verb, values, metadata: data.metadata })
    : deps.core.clickButton({ ...where, button: verb, payload: data })
  ).then(
    (result) => ({ ok: true, result }),
    (error: unknown) => ({ ok: false, error }),
  );
  // What is left of the budget: it counts from the activity's arrival (turn-clock.ts), so the
  // once-only claim and the membership check above are inside it.
  const outcome = await within(work, Math.max(0, (deps.invokeBudgetMs ?? INVOKE_BUDGET_MS) - sinceArrival(context)));
  if (!outcome) {
    deps.logger.info(what, 'card action still running at the invoke budget: its answer goes to the personal chat');
    const formOrigin = shared ? what.conversationId : origin;
    answerLater(deps, activity, work, (late) => lateAnswer(deps, late, what, formOrigin), { what, kind: 'card action' });
    return messageResponse(STILL_WORKING);
  }
  if (outcome.ok) {
    try {
      return shared ? await sharedResponse(deps, context, outcome.result) : resultResponse(outcome.result, origin);
    } catch (error) {
      return failedResponse(deps, error, what);
    }
  }
  const error = outcome.error;
  if (!isAppError(error)) return failedResponse(deps, error, what);
  deps.logger.info({ ...what, code: error.code, reason: error.log }, 'card action refused');
  if (error.code === 'UNKNOWN_BUTTON' || error.code === 'UNKNOWN_FORM') return errorResponse(400, 'BadRequest', `Unknown action "${verb.slice(0, 60)}". Run the command again for a fresh card.`);
  if (definition && Object.keys(error.fieldErrors).length > 0) {
    if (shared) return messageResponse(refusalText(error));
    const metadata = (typeof data.metadata === 'object' && data.metadata !== null ? data.metadata : {}) as Record<string, string>;
    // The choices of its selects came with the submission: the card shown again keeps them.
    const choices = choicesCarried(data);
    const form = { ...definition, fields: definition.fields.map((f) => (choices[f.id] ? { ...f, options: choices[f.id] } : f)), metadata };
    const card = renderAdaptiveForm(form, error.fieldErrors, values);
    return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: witnessed({ adaptive: origin ? withOrigin(card, verb, origin) : card, form, errors: error.fieldErrors }) };
  }
  return messageResponse(error.say);
}

function failedResponse(deps: CardActionDeps, error: unknown, what: Record<string, unknown>): CardActionResponse {
  deps.logger.error({ ...what, err: safeError(error) }, 'card action failed');
  return errorResponse(500, 'InternalError', 'Sorry, something went wrong on our side. Please try again in a moment.');
}

/** The answer to a card action that outran the invoke: for the person, in their own chat. */
function lateAnswer(deps: CardActionDeps, outcome: Outcome, what: Record<string, unknown>, origin: string | undefined): Answer<'person'> {
  if (outcome.ok) {
    try {
      return answerForPerson(outcome.result, origin);
    } catch (error) {
      deps.logger.error({ ...what, rendering: outcome.result.kind, err: safeError(error) }, 'could not render the result');
      return sentenceForPerson(UNEXPECTED_ERROR_TEXT);
    }
  }
  if (isAppError(outcome.error)) {
    deps.logger.info({ ...what, code: outcome.error.code, reason: outcome.error.log }, 'card action refused');
    return sentenceForPerson(refusalText(outcome.error));
  }
  deps.logger.error({ ...what, err: safeError(outcome.error) }, 'card action failed');
  return sentenceForPerson(UNEXPECTED_ERROR_TEXT);
}

