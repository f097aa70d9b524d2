// The outbox's Slack side: posts, DMs and card updates through the Web API, with every failure
// classified for the dispatcher (rate limited, worth retrying, or permanent). The client it uses
// never retries or waits on its own: the dispatcher owns retries, so they survive restarts and
// are shared by all instances.
import type { KnownBlock } from '@slack/types';
import { ErrorCode, WebClient, type WebAPICallError } from '@slack/web-api';
import {
  classified,
  DeliveryFailure,
  type DeliveryTarget,
  type Messenger,
  type OutboundMessage,
  type SentMessage,
} from '../../src/delivery/port.ts';

export interface SlackRendered {
  /** Escaped as mrkdwn (Slack reads a message's text so). */
  text: string;
  blocks: KnownBlock[];
}

export interface SlackMessengerOptions {
  token: string;
  apiUrl?: string;
  /** One message, or several as one digest, rendered for Slack. */
  render: (messages: OutboundMessage[]) => SlackRendered;
  timeoutMs?: number;
}

/** Slack's own error codes that no retry will fix. Others of its codes are treated the same. */
const TRANSIENT_PLATFORM_ERRORS = new Set(['internal_error', 'fatal_error', 'service_unavailable', 'request_timeout']);

const METADATA_EVENT = 'quorum_outbox_message';
/** How far before the queue time to look, for a clock that differs from Slack's. */
const HISTORY_CLOCK_SLACK_SECONDS = 300;
/** At most this many pages of 200 messages: a channel busier than that since the crash is not one Quorum posts to. */
const HISTORY_PAGES = 25;

export function createSlackMessenger(options: SlackMessengerOptions): Messenger & { client: WebClient } {
  const client = new WebClient(options.token, {
    ...(options.apiUrl ? { slackApiUrl: options.apiUrl } : {}),
    rejectRateLimitedCalls: true,
    retryConfig: { retries: 0 },
    timeout: options.timeoutMs ?? 20_000,
  });
  const dmChannels = new Map<string, string>();

  async function channelOf(target: DeliveryTarget): Promise<string> {
    if (target.kind === 'channel') return target.id;
    const known = dmChannels.get(target.id);
    if (known) return known;
    const opened = await call(() => client.conversations.open({ users: target.id }));
    const channel = (opened.channel as { id?: string } | undefined)?.id;
    if (!channel) throw new DeliveryFailure('transient', 'no_channel', 'Slack did not return a direct message channel');
    dmChannels.set(target.id, channel);
    return channel;
  }

  return {
    platform: 'slack',
    client,
    async send(target, messages) {
      const channel = await channelOf(target);
      const rendered = options.render(messages);
      const result = await call(() =>
        client.chat.postMessage({
          channel,
          text: rendered.text,
          blocks: rendered.blocks,
          unfurl_links: false,
          unfurl_media: false,
          // Lets a dispatcher that restarts mid-send find out whether this message went out.
          metadata: {
            event_type: METADATA_EVENT,
            event_payload: { outbox_id: messages[0]?.outboxId ?? '', outbox_ids: messages.map((m) => m.outboxId).join(',') },
          },
        }),
      );
      return { conversationId: String(result.channel ?? channel), messageId: String(result.ts) };
    },
    async update(sent, message) {
      const rendered = options.render([message]);
      await call(() =>
        client.chat.update({ channel: sent.conversationId, ts: sent.messageId, text: rendered.text, blocks: rendered.blocks }),
      );
    },
    async findSent(target, outboxId, queuedAt): Promise<SentMessage | undefined> {
      // Reads the conversation's history (channels:history, groups:history, im:history in the
      // manifest) back to when the message was queued, newest first, a page at a time.
      const channel = await channelOf(target);
      const oldest = (Math.floor(queuedAt.getTime() / 1000) - HISTORY_CLOCK_SLACK_SECONDS).toFixed(6);
      let cursor: string | undefined;
      for (let page = 0; page < HISTORY_PAGES; page += 1) {
        const history = await call(() =>
          client.conversations.history({ channel, oldest, limit: 200, include_all_metadata: true, ...(cursor ? { cursor } : {}) }),
        );
        const found = (history.messages ?? []).find((m) => {
          const payload = (m as { metadata?: { event_payload?: { outbox_id?: string; outbox_ids?: string } } }).metadata?.event_payload;
          return payload?.outbox_id === outboxId || (payload?.outbox_ids ?? '').split(',').includes(outboxId);
        });
        if (found?.ts) return { conversationId: channel, messageId: found.ts };
        cursor = history.response_metadata?.next_cursor || undefined;
        if (!history.has_more || !cursor) return undefined;
      }
      return undefined;
    },
  };
}

/** Runs a platform call; its failure becomes a DeliveryFailure the dispatcher understands. */
const call = <T>(request: () => Promise<T>): Promise<T> => classified(request, classifySlackError);

export function classifySlackError(error: unknown): DeliveryFailure {
  const e = error as Partial<WebAPICallError> & { message?: string };
  switch (e.code) {
    case ErrorCode.RateLimitedError: {
      const seconds = (e as { retryAfter?: number }).retryAfter ?? 1;
      return new DeliveryFailure('rate_limited', 'ratelimited', `Slack asked to wait ${seconds} s`, seconds * 1000);
    }
    case ErrorCode.PlatformError: {
      const code = (e as { data?: { error?: string } }).data?.error ?? 'unknown_error';
      if (code === 'ratelimited') return new DeliveryFailure('rate_limited', code, 'Slack rate limited the call', 30_000);
      const kind = TRANSIENT_PLATFORM_ERRORS.has(code) ? 'transient' : 'permanent';
      return new DeliveryFailure(kind, code, describeSlackError(code));
    }
    case ErrorCode.HTTPError: {
      const status = (e as { statusCode?: number }).statusCode ?? 0;
      const retryAfter = Number((e as { headers?: Record<string, string> }).headers?.['retry-after']);
      if (status === 429) return new DeliveryFailure('rate_limited', '429', 'Slack answered 429', Number.isFinite(retryAfter) ? retryAfter * 1000 : 1000);
      if (status >= 500) return new DeliveryFailure('transient', String(status), `Slack answered HTTP ${status}`);
      return new DeliveryFailure('permanent', String(status), `Slack answered HTTP ${status}`);
    }
    case ErrorCode.RequestError:
      return new DeliveryFailure('transient', 'network', `Could not reach Slack: ${(e as { original?: Error }).original?.message ?? e.message ?? ''}`);
    default:
      if (error instanceof DeliveryFailure) return error;
      return new DeliveryFailure('transient', 'unexpected', e.message ?? String(error));
  }
}

const EXPLAINED: Record<string, string> = {
  channel_not_found: 'The channel no longer exists, or Quorum cannot see it.',
  not_in_channel: 'Quorum is not in the channel: invite it with /invite @Quorum, then retry.',
  is_archived: 'The channel is archived.',
  user_not_found: 'That person is not in this Slack workspace.',
  account_inactive: 'That person\u2019s Slack account is deactivated.',
  invalid_auth: 'Slack no longer accepts Quorum\u2019s token: reinstall the app.',
  token_revoked: 'Quorum\u2019s Slack token was revoked: reinstall the app.',
  missing_scope: 'The Slack app lacks a permission it needs: reinstall it from the manifest.',
  invalid_blocks: 'Slack rejected the message layout.',
  msg_too_long: 'The message was too long for Slack.',
};

function describeSlackError(code: string): string {
  return EXPLAINED[code] ?? `Slack refused the message (${code}).`;
}
