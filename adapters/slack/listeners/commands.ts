// `/quorum <text>`: runs the command in the core and answers the person who typed it, privately.
//
// The command was acknowledged (empty) before this runs (ack-first.ts): Slack wants an answer
// within 3 seconds, and nothing that touches the database may delay it. The answer follows through
// respond() (the response_url, valid for 30 minutes); a form opens with views.open, using the
// command's trigger_id.
import type { AllMiddlewareArgs, App, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { afterAck } from '../ack-first.ts';
import { slackActor, channelOfCommand } from '../translate.ts';
import { answer } from '../answer.ts';
import { renderText, type SlackMessage } from '../render.ts';
import { openForm, rememberConversation, type ListenerDeps } from './shared.ts';

export const QUORUM_COMMAND = '/quorum';

export function register(app: App, deps: ListenerDeps): void {
  app.command(QUORUM_COMMAND, afterAck(quorumCommand(deps)));
}

type CommandArgs = Omit<SlackCommandMiddlewareArgs, 'ack'> & Pick<AllMiddlewareArgs, 'client'>;

export function quorumCommand(deps: ListenerDeps) {
  return async ({ command, respond, client }: CommandArgs): Promise<void> => {
    const actor = slackActor({ userId: command.user_id, teamId: command.team_id, displayName: command.user_name });
    const what = { command: QUORUM_COMMAND, userId: command.user_id, channelId: command.channel_id };
    const reply = await answer(
      () => deps.core.runCommand({ actor, text: command.text ?? '', ...(command.channel_id ? { conversationId: command.channel_id } : {}) }),
      deps.logger,
      what,
      command.channel_id ? { channelId: command.channel_id } : {},
    );
    if (reply.kind === 'message') {
      await respond({ response_type: 'ephemeral', ...asRespond(reply.message) }).catch((error: unknown) =>
        deps.logger.warn({ ...what, err: error }, 'could not answer through the response_url'),
      );
    } else {
      const failure = await openForm(client, command.trigger_id, reply, deps.logger, what);
      if (failure) await respond({ response_type: 'ephemeral', ...asRespond(renderText(failure)) }).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer through the response_url'));
    }
    // Cheap upsert: a clerk using /quorum in a channel makes the channel known to Quorum.
    const channel = channelOfCommand(command);
    if (channel) await rememberConversation(deps, channel);
  };
}

function asRespond(message: SlackMessage): RespondArguments {
  return { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
}
