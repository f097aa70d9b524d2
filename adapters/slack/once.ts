// Every Slack request is applied once, and only well-formed ones reach the listeners. This sits
// between the receiver (HTTP or Socket Mode, which only move bytes) and Bolt's App, so it is one
// place for every kind of request, whatever the listeners do and whenever they acknowledge:
//
// - a body the listeners could not read (request-shape.ts) is refused: HTTP 400 with the reason;
// - the request's key (the event_id of an event, which Slack keeps when it retries with
//   X-Slack-Retry-Num; otherwise the trigger_id, or a fingerprint of the signed body) is claimed in
//   the database before any work, so a retry or a replay, on this instance or another, does
//   nothing again: it is acknowledged with the first answer when that was stored.
import { createHash } from 'node:crypto';
import type { App, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Core } from '../../src/core.ts';
import type { Logger } from '../../src/logger.ts';
import { readSlackRequest, type SlackRequestKind } from './request-shape.ts';

/** A request refused before Bolt saw it; the HTTP receiver answers with `status` and `body`. */
export class SlackRequestRefused extends Error {
  constructor(
    readonly status: number,
    readonly body: { error: string; message: string },
  ) {
    super(body.message);
    this.name = 'SlackRequestRefused';
  }
}

export interface OnceOnlyOptions {
  core: Pick<Core, 'claimRequest' | 'recordRequestAnswer'>;
  logger: Logger;
}

/** The key a retry or a replay of this request repeats. */
export function slackRequestKey(body: Record<string, unknown>, kind: SlackRequestKind): string {
  if (kind === 'event' && typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (typeof body.trigger_id === 'string' && body.trigger_id.length > 0) return `slack:trigger:${body.trigger_id}`;
  return `slack:body:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

/** The stored answer: what the first request was acknowledged with (null for an empty ack). */
interface StoredAck {
  ack: unknown;
}

const isStoredAck = (value: unknown): value is StoredAck => typeof value === 'object' && value !== null && 'ack' in value;

export class OnceOnlyReceiver implements Receiver {
  constructor(
    private readonly inner: Receiver,
    private readonly options: OnceOnlyOptions,
  ) {}

  init(app: App): void {
    // The receiver hands each request to app.processEvent; it gets the same App with that one
    // method guarded (Bolt's Receiver contract has no other hook before the listeners run).
    const guarded = Object.create(app) as App;
    guarded.processEvent = (event: ReceiverEvent) => this.process(app, event);
    this.inner.init(guarded);
  }

  start(...args: Parameters<Receiver['start']>): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: Parameters<Receiver['stop']>): Promise<unknown> {
    return this.inner.stop(...args);
  }

  private async process(app: App, event: ReceiverEvent): Promise<void> {
    const { core, logger } = this.options;
    const shape = readSlackRequest(event.body);
    if (!shape.ok) {
      logger.info({ reason: shape.reason }, 'Slack request refused: malformed');
      throw new SlackRequestRefused(400, { error: 'invalid_request', message: `Quorum could not read this request: ${shape.reason}.` });
    }
    if (shape.kind === 'ignored') {
      await event.ack();
      return;
    }
    const key = slackRequestKey(event.body, shape.kind);
    const claim = await core.claimRequest({ platform: 'slack', key });
    if (!claim.first) {
      const answer = isStoredAck(claim.answer) ? claim.answer.ack : undefined;
      logger.info({ kind: shape.kind, retryNum: event.retryNum, retryReason: event.retryReason, answered: answer !== undefined }, 'Slack request already handled: not applied again');
      await event.ack(answer ?? undefined);
      return;
    }
    let recording: Promise<void> | undefined;
    const ack: ReceiverEvent['ack'] = async (response?: unknown) => {
      await event.ack(response);
      if (shape.kind === 'event') return;
      const stored: StoredAck = { ack: response ?? null };
      recording = core
        .recordRequestAnswer({ key, answer: stored })
        .catch((error: unknown) => logger.warn({ err: error, kind: shape.kind }, 'could not store the answer for repeats of this request'));
    };
    try {
      await app.processEvent({ ...event, ack });
    } finally {
      await recording;
    }
  }
}
