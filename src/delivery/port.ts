// What the dispatcher needs of a chat platform to deliver messages. Implemented by each adapter
// (adapters/slack/messenger.ts, adapters/teams/messenger.ts); tests use a fake.
import type { Platform } from '../domain/platform.ts';
import type { TemplateMessage } from '../features/index.ts';

/** A message to render and send: one of the features' templates and its data, parsed with the
 * template's schema (the card layer has a card for each). */
export type OutboundMessage = { outboxId: string } & TemplateMessage;

export interface DeliveryTarget {
  kind: 'channel' | 'user';
  /** Slack channel or user id; Teams conversation id or AAD object id. */
  id: string;
  /** Teams: the stored conversation reference to send through (channel, or the person's chat,
   * or any reference in their tenant to create a 1:1 chat from). Slack: unused. */
  reference?: Record<string, unknown>;
}

export interface SentMessage {
  /** Slack channel id (C…/D…) or Teams conversation id. */
  conversationId: string;
  /** Slack ts or Teams activity id. */
  messageId: string;
}

export type FailureKind = 'rate_limited' | 'transient' | 'permanent';

/** Thrown by a Messenger: how the attempt failed decides what the dispatcher does next. */
export class DeliveryFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    /** The platform's error code, e.g. channel_not_found, 429, 503. */
    readonly code: string,
    message: string,
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'DeliveryFailure';
  }
}

export interface Messenger {
  readonly platform: Platform;
  /** Posts one message, or (several) one digest of them, to the target. */
  send(target: DeliveryTarget, messages: OutboundMessage[]): Promise<SentMessage>;
  /** Replaces the card of a message already sent. */
  update(sent: SentMessage & { reference?: Record<string, unknown> }, message: OutboundMessage): Promise<void>;
  /** After a crash between sending and recording: was this outbox message already posted? It can
   * only have gone out after `queuedAt`, so the platform need look no further back.
   * Platforms that cannot tell return undefined, and the message is sent again. */
  findSent?(target: DeliveryTarget, outboxId: string, queuedAt: Date): Promise<SentMessage | undefined>;
}

/** Runs a platform call; a failure comes out as the DeliveryFailure `classify` makes of it. */
export async function classified<T>(request: () => Promise<T>, classify: (error: unknown) => DeliveryFailure): Promise<T> {
  try {
    return await request();
  } catch (error) {
    throw classify(error);
  }
}
