// Shortcuts. "Record as an action" on a message's menu (a message shortcut, callback_id
// action_from_message) opens the clerk's "action new" form, pre-filled with the message's text,
// for the board of the channel the message is in. Acknowledged before this runs (ack-first.ts);
// the form opens with the shortcut's trigger_id, and a refusal (not a clerk: who can help; no
// meeting yet) comes to the person alone through the response_url.
import type { AllMiddlewareArgs, App, MessageShortcut, SlackShortcutMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../ack-first.ts';
import { answer } from '../answer.ts';
import { renderText, type SlackMessage } from '../render.ts';
import { plainTextOfMessage, slackActor } from '../translate.ts';
import { openForm, type ListenerDeps } from './shared.ts';

/** The message shortcut's callback_id, as manifest/slack/manifest.json declares it. */
export const ACTION_FROM_MESSAGE = 'action_from_message';

type ShortcutArgs = Omit<SlackShortcutMiddlewareArgs<MessageShortcut>, 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

export function register(app: App, deps: ListenerDeps): void {
  app.shortcut<MessageShortcut>({ type: 'message_action', callback_id: ACTION_FROM_MESSAGE }, afterAck(actionFromMessage(deps)));
}

export function actionFromMessage(deps: ListenerDeps) {
  return async ({ shortcut, respond, client }: ShortcutArgs): Promise<void> => {
    const actor = slackActor({ userId: shortcut.user.id, ...(shortcut.team?.id ? { teamId: shortcut.team.id } : {}), ...(shortcut.user.name ? { displayName: shortcut.user.name } : {}) });
    const channelId = shortcut.channel.id;
    const what = { shortcut: ACTION_FROM_MESSAGE, userId: shortcut.user.id, channelId };
    const text = plainTextOfMessage(shortcut.message.text ?? '');
    const reply = await answer(() => deps.core.clickButton({ actor, button: 'action.from-message', payload: { text }, conversationId: channelId }), deps.logger, what, { channelId });
    const say = (message: SlackMessage) =>
      respond({ response_type: 'ephemeral', text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) }).catch((error: unknown) =>
        deps.logger.warn({ ...what, err: error }, 'could not answer the shortcut through the response_url'),
      );
    if (reply.kind === 'message') {
      await say(reply.message);
      return;
    }
    const failure = await openForm(client, shortcut.trigger_id, reply, deps.logger, what);
    if (failure) await say(renderText(failure));
  };
}
