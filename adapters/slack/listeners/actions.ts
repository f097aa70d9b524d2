// Button clicks (block_actions), acknowledged before this runs (ack-first.ts): the core handles the
// action; the answer replaces the card that was clicked when it was the person's own (an ephemeral
// answer, or a card in their direct messages with Quorum, updated with chat.update), and comes to
// them privately when the card is shared in a channel (an agenda card, a notice), so no one's click
// changes what everyone else sees. A result that is a form opens as a modal with the click's
// trigger_id. Link buttons (`link#...`) need nothing beyond the ack. A click on the Home tab
// publishes the tab again.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackActionName } from '../../../cards/index.ts';
import { afterAck } from '../ack-first.ts';
import { answer } from '../answer.ts';
import { renderText } from '../render.ts';
import { slackActor } from '../translate.ts';
import { openForm, publishHome, type ListenerDeps } from './shared.ts';

type ActionArgs = Omit<SlackActionMiddlewareArgs<BlockAction<ButtonAction>>, 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

export function register(app: App, deps: ListenerDeps): void {
  app.action<BlockAction<ButtonAction>>({ type: 'block_actions', action_id: /^(?!link#)/ }, afterAck(buttonClicked(deps)));
}

export function buttonClicked(deps: ListenerDeps) {
  return async ({ body, action, respond, client }: ActionArgs): Promise<void> => {
    const actor = slackActor({ userId: body.user.id, ...(body.team?.id ? { teamId: body.team.id } : {}), ...(body.user.name ? { displayName: body.user.name } : {}) });
    const channelId = body.channel?.id;
    const name = slackActionName(action.action_id);
    const what = { action: name, userId: body.user.id, channelId };
    let payload: unknown = {};
    try {
      payload = action.value ? JSON.parse(action.value) : {};
    } catch {
      payload = null;
    }
    let kind: string | undefined;
    const reply = await answer(
      async () => {
        const result = await deps.core.clickButton({ actor, button: name, payload, ...(channelId ? { conversationId: channelId } : {}) });
        kind = result.kind;
        return result;
      },
      deps.logger,
      what,
      channelId ? { channelId } : {},
    );
    if (reply.kind === 'form') {
      const failure = await openForm(client, body.trigger_id, reply, deps.logger, what);
      if (failure) await respond({ response_type: 'ephemeral', replace_original: false, ...renderText(failure) }).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer through the response_url'));
      return;
    }
    // A click on the Home tab: there is no message to replace and no response_url. The tab is
    // published again (an action marked done leaves the list); a sentence or a refusal comes to
    // the person's direct messages with Quorum.
    if (isHomeTab(body)) {
      if (kind === 'notice' || reply.failed) {
        await client.chat
          .postMessage({ channel: body.user.id, text: reply.message.text, ...(reply.message.blocks ? { blocks: reply.message.blocks } : {}) })
          .catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer a click on the Home tab'));
      }
      await publishHome(deps, client, body.user.id, body.team?.id).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not publish the Home tab again'));
      return;
    }
    const ownCard = body.container?.is_ephemeral === true;
    const message = reply.failed ? renderText(reply.message.text) : reply.message;
    // A card in the person's own direct messages with Quorum is theirs alone: as in Teams, an answer
    // that is a card replaces it in place (chat.update); a sentence or a refusal comes beside it.
    const messageTs = body.message?.ts;
    if (channelId?.startsWith('D') && messageTs && !reply.failed && kind !== 'notice' && message.blocks) {
      const updated = await client.chat
        .update({ channel: channelId, ts: messageTs, text: message.text, blocks: message.blocks })
        .then(() => true)
        .catch((error: unknown) => (deps.logger.warn({ ...what, err: error }, 'could not update the card clicked'), false));
      if (updated) return;
    }
    await respond({
      response_type: 'ephemeral',
      replace_original: ownCard && !reply.failed,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    }).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer the click'));
  };
}

/** Whether the click was on the person's Home tab (a view, not a message). */
function isHomeTab(body: BlockAction): boolean {
  return (body.container as { type?: string } | undefined)?.type === 'view' && body.view?.type === 'home';
}
