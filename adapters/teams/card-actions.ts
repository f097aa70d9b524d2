// Universal Actions: a click on an Action.Execute button, or a form's submit, reaches the bot as
// an `adaptiveCard/action` invoke. A form's submit carries its verb (the form id), its metadata and
// the typed values: bad fields come back as the same form with the values kept and each error
// under its field, and nothing is saved. Any other verb is one of the core's buttons, whose result
// replaces the clicked card. The invoke's HTTP status is always 200; success or failure is in the
// body's statusCode, as the protocol has it.
import type { TurnContext } from 'botbuilder';
import { z } from 'zod';
import { formDefinition, formFor, readAdaptiveFormValues, renderAdaptiveCard, renderAdaptiveForm, resultCard, plainField, type AdaptiveCard } from '../../cards/index.ts';
import type { Core, Result } from '../../src/core.ts';
import { isAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { actorOf, audienceOf, conversationIdOf } from './conversation.ts';
import { safeError } from './errors.ts';

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

function resultResponse(result: Result): CardActionResponse {
  if (result.kind === 'notice') return messageResponse(result.text);
  const value = result.kind === 'form' ? renderAdaptiveForm(formFor(result)) : renderAdaptiveCard(resultCard(result, { platform: 'teams' }));
  return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value };
}

/** Routes one adaptiveCard/action invoke; never rejects. */
export async function runCardAction(deps: { core: Core; logger: Logger }, context: TurnContext): Promise<CardActionResponse> {
  const activity = context.activity;
  const parsed = invokeValue.safeParse(activity.value);
  if (!parsed.success) return errorResponse(400, 'BadRequest', 'This is not an Action.Execute invoke Quorum understands.');
  const { verb, data = {} } = parsed.data.action;
  const where = { actor: actorOf(activity), conversationId: conversationIdOf(activity), audience: audienceOf(activity) };
  const what = { verb, activityId: activity.id, conversationId: where.conversationId };
  const definition = data.form === verb ? formDefinition(verb) : undefined;
  const values = definition ? readAdaptiveFormValues(definition, data) : {};
  try {
    if (definition) return resultResponse(await deps.core.submitForm({ ...where, form: verb, values, metadata: data.metadata }));
    return resultResponse(await deps.core.clickButton({ ...where, button: verb, payload: data }));
  } catch (error) {
    if (!isAppError(error)) {
      deps.logger.error({ ...what, err: safeError(error) }, 'card action failed');
      return errorResponse(500, 'InternalError', 'Sorry, something went wrong on our side. Please try again in a moment.');
    }
    deps.logger.info({ ...what, code: error.code, reason: error.log }, 'card action refused');
    if (error.code === 'UNKNOWN_BUTTON' || error.code === 'UNKNOWN_FORM') return errorResponse(400, 'BadRequest', `Unknown action "${verb.slice(0, 60)}". Run the command again for a fresh card.`);
    if (definition && Object.keys(error.fieldErrors).length > 0) {
      const metadata = (typeof data.metadata === 'object' && data.metadata !== null ? data.metadata : {}) as Record<string, string>;
      return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: renderAdaptiveForm({ ...definition, metadata }, error.fieldErrors, values) };
    }
    return messageResponse(error.say);
  }
}
