// Form submissions (view_submission). Bad fields go back the Slack way, under each input with
// the modal still open (response_action: errors), and nothing is saved. A good submission closes
// the modal and the result comes to the person privately in the channel the form came from.
import type { AllMiddlewareArgs, App, SlackViewMiddlewareArgs, ViewSubmitAction } from '@slack/bolt';
import { formDefinition, formFor, readSlackViewValues, renderSlackMessage, renderSlackModal, resultCard, slackErrorsResponse, submittedFields } from '../../../cards/index.ts';
import { isAppError } from '../../../src/errors.ts';
import { answerError, UNEXPECTED_ERROR_TEXT } from '../answer.ts';
import { FORM_CHANNEL_KEY } from '../render.ts';
import { slackActor } from '../translate.ts';
import type { ListenerDeps } from './shared.ts';

type ViewArgs = SlackViewMiddlewareArgs<ViewSubmitAction> & Pick<AllMiddlewareArgs, 'client'>;

export function register(app: App, deps: ListenerDeps): void {
  app.view({ type: 'view_submission', callback_id: /.+/ }, formSubmitted(deps));
}

export function formSubmitted(deps: ListenerDeps) {
  return async ({ ack, body, view, client }: ViewArgs): Promise<void> => {
    const definition = formDefinition(view.callback_id);
    const firstField = definition?.fields[0]?.id ?? Object.keys(view.state.values)[0] ?? 'value';
    if (!definition) {
      await ack(slackErrorsResponse({ [firstField]: 'This form is out of date. Close it and run the command again.' }));
      return;
    }
    let metadata: Record<string, unknown> = {};
    try {
      metadata = view.private_metadata ? (JSON.parse(view.private_metadata) as Record<string, unknown>) : {};
    } catch {
      metadata = {};
    }
    const channelId = typeof metadata[FORM_CHANNEL_KEY] === 'string' ? (metadata[FORM_CHANNEL_KEY] as string) : undefined;
    const actor = slackActor({ userId: body.user.id, ...(body.team?.id ? { teamId: body.team.id } : {}), ...(body.user.name ? { displayName: body.user.name } : {}) });
    const fields = submittedFields(definition, Object.keys(view.state.values));
    const values = readSlackViewValues({ fields }, view.state.values);
    const what = { form: view.callback_id, userId: body.user.id };
    let result;
    try {
      result = await deps.core.submitForm({ actor, form: view.callback_id, values, metadata, ...(channelId ? { conversationId: channelId } : {}) });
    } catch (error) {
      if (isAppError(error)) {
        const known = Object.fromEntries(Object.entries(error.fieldErrors).filter(([id]) => fields.some((f) => f.id === id)));
        await ack(slackErrorsResponse(Object.keys(known).length > 0 ? known : { [firstField]: error.say }));
        deps.logger.info({ ...what, code: error.code, reason: error.log, fields: Object.keys(error.fieldErrors) }, 'form refused');
        return;
      }
      answerError(error, deps.logger, what);
      await ack(slackErrorsResponse({ [firstField]: UNEXPECTED_ERROR_TEXT }));
      return;
    }
    if (result.kind === 'form') {
      // A long form's next page, or this page back with its problems beside the fields (what was
      // typed stays in the open modal).
      const shown = Object.fromEntries(Object.entries(result.errors ?? {}).filter(([id]) => id in view.state.values));
      if (result.form === view.callback_id && Object.keys(shown).length > 0) {
        await ack(slackErrorsResponse(shown));
        return;
      }
      const form = formFor(result);
      await ack({ response_action: 'update', view: renderSlackModal({ ...form, metadata: channelId ? { ...form.metadata, [FORM_CHANNEL_KEY]: channelId } : form.metadata }) });
      return;
    }
    await ack({ response_action: 'clear' });
    const message = renderSlackMessage(resultCard(result, { platform: 'slack' }));
    try {
      if (channelId) await client.chat.postEphemeral({ channel: channelId, user: body.user.id, text: message.text, blocks: message.blocks });
      else await client.chat.postMessage({ channel: body.user.id, text: message.text, blocks: message.blocks });
    } catch (error) {
      // Not in that channel any more (or a DM the bot cannot open): fall back to the person's DM.
      deps.logger.warn({ ...what, err: error }, 'could not answer in the channel; answering by direct message');
      await client.chat.postMessage({ channel: body.user.id, text: message.text, blocks: message.blocks }).catch(() => undefined);
    }
  };
}
