// `/quorum <text>`: runs the command in the core and answers the person who typed it, privately.
//
// Acknowledging: Slack wants an answer within 3 seconds. Most commands (help, listings) finish in
// a few milliseconds, so the answer rides on the ack itself: one round trip, nothing to go wrong
// afterwards. A command still running after ACK_BUDGET_MS is acked empty, and its answer follows
// through respond() (the response_url, valid for 30 minutes). Forms are opened with views.open
// after an empty ack, using the command's trigger_id.
import type { AllMiddlewareArgs, App, RespondArguments, SlackCommandMiddlewareArgs } from '@slack/bolt';
import { slackActor, channelOfCommand } from '../translate.ts';
import { answer } from '../answer.ts';
import { renderText, type SlackAnswer, type SlackMessage } from '../render.ts';
import { openForm, rememberConversation, type ListenerDeps } from './shared.ts';

export const QUORUM_COMMAND = '/quorum';

/** How long the command may run before the ack goes out without its answer. */
export const ACK_BUDGET_MS = 2_000;

export function register(app: App, deps: ListenerDeps): void {
  app.command(QUORUM_COMMAND, quorumCommand(deps));
}

type CommandArgs = SlackCommandMiddlewareArgs & Pick<AllMiddlewareArgs, 'client'>;

export function quorumCommand(deps: ListenerDeps) {
  return async ({ command, ack, respond, client }: CommandArgs): Promise<void> => {
    const actor = slackActor({ userId: command.user_id, teamId: command.team_id, displayName: command.user_name });
    const what = { command: QUORUM_COMMAND, userId: command.user_id, channelId: command.channel_id };
    const pending = answer(
      () => deps.core.runCommand({ actor, text: command.text ?? '', ...(command.channel_id ? { conversationId: command.channel_id } : {}) }),
      deps.logger,
      what,
      command.channel_id ? { channelId: command.channel_id } : {},
    );
    const early = await within(pending, deps.ackBudgetMs ?? ACK_BUDGET_MS);
    if (early?.kind === 'message') {
      await ack(ephemeral(early));
    } else {
      await ack();
      const reply = early ?? (await pending);
      if (reply.kind === 'message') {
        await respond(ephemeral(reply)).catch((error: unknown) => deps.logger.warn({ ...what, err: error }, 'could not answer through the response_url'));
      } else {
        const failure = await openForm(client, command.trigger_id, reply, deps.logger, what);
        if (failure) await respond({ response_type: 'ephemeral', ...asRespond(renderText(failure)) }).catch(() => undefined);
      }
    }
    // Cheap upsert: a clerk using /quorum in a channel makes the channel known to Quorum.
    const channel = channelOfCommand(command);
    if (channel) await rememberConversation(deps, channel);
  };
}

function ephemeral(reply: Extract<SlackAnswer, { kind: 'message' }>): RespondArguments {
  return { response_type: 'ephemeral', ...asRespond(reply.message) };
}

function asRespond(message: SlackMessage): RespondArguments {
  return { text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) };
}

/** The value if the promise settles within `ms`, otherwise undefined (the promise runs on). */
async function within<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<undefined>((resolve) => (timer = setTimeout(() => resolve(undefined), ms)));
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}
