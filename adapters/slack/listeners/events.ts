// Events API: where the bot is (channels it joins, people's direct message channels), its Home
// tab (meetings with the person's replies, their open actions, help), and commands addressed to it by @mention or direct message. Bolt acknowledges events
// before these run (processBeforeResponse: false), so they may take their time.
import type { AllMiddlewareArgs, App, SlackEventMiddlewareArgs } from '@slack/bolt';
import { answer } from '../answer.ts';
import { renderText, type SlackAnswer } from '../render.ts';
import { channelReference, personalReference, slackActor, textAfterMention } from '../translate.ts';
import { publishHome, rememberConversation, type ListenerDeps } from './shared.ts';
import { isSlackApiError, slackErrorCode } from '../identity.ts';

export function register(app: App, deps: ListenerDeps): void {
  app.event('member_joined_channel', memberJoinedChannel(deps));
  app.event('app_home_opened', appHomeOpened(deps));
  app.event('app_mention', appMention(deps));
  app.message(directMessage(deps));
}

type EventArgs<T extends string> = SlackEventMiddlewareArgs<T> & Pick<AllMiddlewareArgs, 'client' | 'context'>;

/** The bot was added to a channel: remember it, so agendas can be posted there. */
export function memberJoinedChannel(deps: ListenerDeps) {
  return async ({ event, context, body }: EventArgs<'member_joined_channel'>): Promise<void> => {
    if (!context.botUserId || event.user !== context.botUserId) return;
    await rememberConversation(deps, channelReference({ channel: event.channel, team: event.team ?? body.team_id, channelType: event.channel_type }));
  };
}

/** Someone opened the app: remember their direct message channel and show the Home tab. */
export function appHomeOpened(deps: ListenerDeps) {
  return async ({ event, body, client }: EventArgs<'app_home_opened'>): Promise<void> => {
    const team = body.team_id;
    if (event.channel) await rememberConversation(deps, personalReference({ channel: event.channel, user: event.user, team }));
    if (event.tab === 'messages') return;
    try {
      await publishHome(deps, client, event.user, team);
    } catch (error) {
      // Slack refusing is worth a warning; our own failure is an error.
      const level = isSlackApiError(error) ? 'warn' : 'error';
      deps.logger[level]({ err: error, slackError: slackErrorCode(error), userId: event.user }, 'could not publish the Home tab');
    }
  };
}

/** "@Quorum agenda post": the text after the mention is a command; the answer goes in the thread. */
export function appMention(deps: ListenerDeps) {
  return async ({ event, context, client, body }: EventArgs<'app_mention'>): Promise<void> => {
    if (!event.user || event.bot_id) return;
    const team = event.team ?? body.team_id;
    // The bot was mentioned there, so it is in the channel: worth remembering.
    if (/^[CG]/.test(event.channel)) await rememberConversation(deps, channelReference({ channel: event.channel, team }));
    const actor = slackActor({ userId: event.user, teamId: team });
    const text = textAfterMention(event.text, context.botUserId);
    const what = { event: 'app_mention', userId: event.user, channelId: event.channel };
    const reply = await answer(() => deps.core.runCommand({ actor, text, conversationId: event.channel }), deps.logger, what);
    const thread_ts = event.thread_ts ?? event.ts;
    const message = messageOf(reply);
    try {
      // Answers go only to the person who asked, in the thread: a clerk's outbox or a draft
      // agenda is not for the whole channel. Posting to the channel is what "agenda post" does.
      await client.chat.postEphemeral({ channel: event.channel, user: event.user, thread_ts, text: message.text, ...(message.blocks ? { blocks: message.blocks } : {}) });
    } catch (error) {
      deps.logger.warn({ ...what, err: error, slackError: slackErrorCode(error) }, 'could not answer the mention');
    }
  };
}

/** A direct message to the bot is a command too; the answer comes back in the same chat. */
export function directMessage(deps: ListenerDeps) {
  return async ({ message, client, body }: SlackEventMiddlewareArgs<'message'> & Pick<AllMiddlewareArgs, 'client'>): Promise<void> => {
    if (message.channel_type !== 'im' || message.subtype !== undefined || message.bot_id || !message.user) return;
    const team = body.team_id;
    await rememberConversation(deps, personalReference({ channel: message.channel, user: message.user, team }));
    const actor = slackActor({ userId: message.user, teamId: team });
    const what = { event: 'message.im', userId: message.user };
    const reply = await answer(() => deps.core.runCommand({ actor, text: message.text ?? '', conversationId: message.channel }), deps.logger, what);
    const rendered = messageOf(reply);
    try {
      await client.chat.postMessage({ channel: message.channel, text: rendered.text, ...(rendered.blocks ? { blocks: rendered.blocks } : {}) });
    } catch (error) {
      deps.logger.warn({ ...what, err: error, slackError: slackErrorCode(error) }, 'could not answer the direct message');
    }
  };
}

/** Forms need a trigger id, which only commands, buttons and shortcuts carry. */
function messageOf(reply: SlackAnswer): { text: string; blocks?: unknown[] } {
  if (reply.kind === 'message') return reply.message;
  return renderText('That opens a form, which Slack only allows from the /quorum command: type `/quorum` and the same words.');
}
