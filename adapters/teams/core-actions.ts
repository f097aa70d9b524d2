// Every button and form of the core, on Teams. A form's submit carries its verb (the form id),
// its metadata and the typed values: bad fields come back as the same form with the values kept
// and each error under its field, and nothing is saved. Any other verb is a core action whose
// result replaces the clicked card.
import { formDefinition, formFor, readAdaptiveFormValues, renderAdaptiveCard, renderAdaptiveForm, resultCard } from '../../cards/index.ts';
import type { CommandResult } from '../../src/core.ts';
import { isAppError } from '../../src/errors.ts';
import { audienceOf } from './conversation.ts';
import { ADAPTIVE_CARD_RESPONSE, MESSAGE_RESPONSE, type CardActionDeps, type CardActionInput, type CardActionResponse } from './card-actions.ts';

function resultResponse(result: CommandResult): CardActionResponse {
  if (result.kind === 'notice') return { statusCode: 200, type: MESSAGE_RESPONSE, value: result.text };
  const value = result.kind === 'form' ? renderAdaptiveForm(formFor(result)) : renderAdaptiveCard(resultCard(result));
  return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value };
}

/** Runs a verb the core knows (a form submission or an action). Throws AppError for the caller's
 * usual handling, except field errors, which re-render the form. */
export async function runCoreVerb(deps: CardActionDeps, input: CardActionInput): Promise<CardActionResponse> {
  const definition = formDefinition(input.verb);
  if (definition && input.data.form === input.verb) {
    const raw = input.data.metadata;
    const metadata = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, string>;
    const values = readAdaptiveFormValues(definition, input.data);
    try {
      return resultResponse(
        await deps.core.submitForm({ actor: input.actor, form: input.verb, values, metadata, conversationId: input.conversationId, audience: audienceOf(input.context.activity) }),
      );
    } catch (error) {
      if (isAppError(error) && Object.keys(error.fieldErrors).length > 0) {
        return { statusCode: 200, type: ADAPTIVE_CARD_RESPONSE, value: renderAdaptiveForm({ ...definition, metadata }, error.fieldErrors, values) };
      }
      throw error;
    }
  }
  return resultResponse(
    await deps.core.runAction({ actor: input.actor, action: input.verb, payload: input.data, conversationId: input.conversationId, audience: audienceOf(input.context.activity) }),
  );
}
