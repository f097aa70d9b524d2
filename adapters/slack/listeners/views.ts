// Form submissions (view_submission). Bad fields go back the Slack way, under each input with
// the modal still open (response_action: errors), and nothing is saved: that is the ack's answer,
// decided without the database (ack-first.ts). A submission that passes closes the modal; then
// the core runs it, and its result, or a refusal only the database could make (a meeting gone,
// someone no longer a clerk), comes to the person privately in the channel the form came from.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { formDefinition, formFor, readSlackViewValues, renderSlackMessage, renderSlackModal, resultCard, slackErrorsResponse, submittedFields } from '../../../cards/index.ts';
import type { Result } from '../../../src/features/index.ts';
import { afterAck, deferredAck, fieldErrorsFor, formMetadata } from '../ack-first.ts';
import { answerError, UNEXPECTED_ERROR_TEXT } from '../answer.ts';
import { isAppError } from '../../../src/errors.ts';
import { FORM_CHANNEL_KEY, type SlackMessage } from '../render.ts';
import { slackActor } from '../translate.ts';
import type { ListenerDeps } from './shared.ts';

type ViewArgs = Omit<SlackViewMiddlewareArgs<ViewSubmitAction>, 'ack'> & Pick<AllMiddlewareArgs, 'client' | 'context'>;

export function register(app: App, deps: ListenerDeps): void {
  app.view({ type: 'view_submission', callback_id: /.+/ }, afterAck(formSubmitted(deps)));
}

export function formSubmitted(deps: ListenerDeps) {
  return async ({ body, view, client, context }: ViewArgs): Promise<void> => {
    const definition = formDefinition(view.callback_id);
    if (!definition) return; // Refused in the ack.
    const metadata = formMetadata(view.private_metadata);
    const channelId = typeof metadata[FORM_CHANNEL_KEY] === 'string' ? (metadata[FORM_CHANNEL_KEY] as string) : undefined;
    const actor = slackActor({ userId: body.user.id, ...(body.team?.id ? { teamId: body.team.id } : {}), ...(body.user.name ? { displayName: body.user.name } : {}) });
    const fields = submittedFields(definition, Object.keys(view.state.values));
    const values = readSlackViewValues({ fields }, view.state.values);
    const what = { form: view.callback_id, userId: body.user.id };
    const ack = deferredAck(context);
    let message: SlackMessage;
    try {
      const result = await deps.core.submitForm({ actor, form: view.callback_id, values, metadata, ...(channelId ? { conversationId: channelId } : {}) });
      if (result.kind === 'form') {
        if (ack) await ack(nextView(result, view, channelId));
        return;
      }
      if (ack) await ack({ response_action: 'clear' });
      message = renderSlackMessage(resultCard(result, { platform: 'slack' }));
    } catch (error) {
      if (ack) {
        // Still in the ack: the refusal goes under the fields, the modal stays open.
        const firstField = fields[0]?.id ?? Object.keys(view.state.values)[0] ?? 'value';
        if (isAppError(error)) {
          deps.logger.info({ ...what, code: error.code, reason: error.log, fields: Object.keys(error.fieldErrors) }, 'form refused');
          await ack(slackErrorsResponse(fieldErrorsFor(fields, error, firstField)));
        } else {
          answerError(error, deps.logger, what);
          await ack(slackErrorsResponse({ [firstField]: UNEXPECTED_ERROR_TEXT }));
        }
        return;
      }
      // The modal is closed: the refusal (with each field's problem) or the apology comes as a message.
      const failed = answerError(error, deps.logger, what);
      if (failed.kind !== 'message') return;
      message = failed.message;
    }
    try {
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: body.user.id, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
      else await client.chat.postMessage({ channel: body.user.id, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    } catch (error) {
      // Not in that channel any more (or a DM the bot cannot open): fall back to the person's DM.
      deps.logger.warn({ ...what, err: error }, 'could not answer in the channel; answering by direct message');
      await client.chat.postMessage({ channel: body.user.id, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }).catch((dmError: unknown) => deps.logger.warn({ ...what, err: dmError }, 'could not answer by direct message either'));
    }
  };
}

/** A long form's next page, or this page back with its problems beside the fields (what was typed
 * stays in the open modal). */
function nextView(result: Extract<Result, { kind: 'form' }>, view: ViewSubmitAction['view'], channelId: string | undefined) {
  const shown = Object.fromEntries(Object.entries(result.errors ?? {}).filter(([id]) => id in view.state.values));
  if (result.form === view.callback_id && Object.keys(shown).length > 0) return slackErrorsResponse(shown);
  const form = formFor(result);
  return { response_action: 'update' as const, view: renderSlackModal({ ...form, metadata: channelId ? { ...form.metadata, [FORM_CHANNEL_KEY]: channelId } : form.metadata }) };
}
