// Button clicks (block_actions), acknowledged before this runs (ack-first.ts): the core handles the
// action; the answer replaces the card that was clicked when it was the person's own (an ephemeral
// answer), and comes to them privately when the card is shared in a channel (an agenda card, a
// notice), so no one's click changes what everyone else sees. A result that is a form opens as a
// modal with the click's trigger_id. Link buttons (`link#...`) need nothing beyond the ack.
import type { AllMiddlewareArgs, App, BlockAction, ButtonAction, SlackActionMiddlewareArgs } from '@slack/bolt';
import { slackActionName } from '../../../cards/index.ts';
import { afterAck } from '../ack-first.ts';
import { answer } from '../answer.ts';
import { renderText } from '../render.ts';
import { slackActor } from '../translate.ts';
import { openForm, type ListenerDeps } from './shared.ts';

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
    const reply = await answer(
      () => deps.core.clickButton({ actor, button: name, payload, ...(channelId ? { conversationId: channelId } : {}) }),
      deps.logger,
      what,
      channelId ? { channelId } : {},
    );
    if (reply.kind === 'form') {
      const failure = await openForm(client, body.trigger_id, reply, deps.logger, what);
      if (failure) await respond({ response_type: 'ephemeral', replace_original: false, ...renderText(failure) }).catch(() => undefined);
      return;
    }
    const ownCard = body.container?.is_ephemeral === true;
    const message = reply.failed ? renderText(reply.message.text) : reply.message;
    await respond({
      response_type: 'ephemeral',
      replace_original: ownCard && !reply.failed,
      text: message.text,
      ...(message.blocks ? { blocks: message.blocks } : {}),
    }).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer the click'));
  };
}
