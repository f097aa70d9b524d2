// Every Slack request is applied once, and only well-formed ones reach the listeners:
//
// - OnceOnlyReceiver sits between the receiver (HTTP or Socket Mode, which only move bytes) and
//   Bolt's App: a body the listeners could not read (request-shape.mjs) is refused with HTTP 400
//   and the reason, and every other request is given its key: the event_id of an event, which
//   Slack keeps when it retries with X-Slack-Retry-Num; otherwise the trigger_id, or a fingerprint
//   of the signed body. No database work happens here: the ack comes first (ack-first.ts).
// - onceOnly(), the middleware registered right after ackFirst(), claims that key in the database
//   before any listener runs, so a retry or a replay, on this instance or another, is acknowledged
//   as the first was (the ack is worked out from the request alone) and then does nothing again.
import { createHash } from 'node:crypto';
import type { AnyMiddlewareArgs, App, Context, Middleware, Receiver, ReceiverEvent } from '@slack/bolt';
import type { Core } from '../../src/core.ts';
import type { Logger } from '../../src/logger.ts';
import { deferredAck } from './ack-first.ts';
import type { WorkQueue } from './work-queue.ts';
import { readSlackRequest, type SlackRequestKind } from './request-shape.mjs';

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
  core: Pick<Core, 'claimRequest'>;
  logger: Logger;
}

/** Where the receiver leaves the request's key for onceOnly() (Bolt copies it onto the context). */
const REQUEST_KEY = 'quorumRequestKey';

/** The key a retry or a replay of this request repeats. */
export function slackRequestKey(body: Record<string, unknown>, kind: SlackRequestKind): string {
  if (kind === 'event' && typeof body.event_id === 'string') return `slack:event:${body.event_id}`;
  if (typeof body.trigger_id === 'string' && body.trigger_id.length > 0) return `slack:trigger:${body.trigger_id}`;
  return `slack:body:${createHash('sha256').update(JSON.stringify(body)).digest('hex')}`;
}

export class OnceOnlyReceiver implements Receiver {
  constructor(
    private readonly inner: Receiver,
    private readonly options: OnceOnlyOptions,
  ) {}

  private app: App | undefined;

  init(app: App): void {
    this.app = app;
    // The receiver hands each request to app.processEvent; it gets the same App with that one
    // method guarded (Bolt's Receiver contract has no other hook before the listeners run).
    const guarded = Object.create(app) as App;
    guarded.processEvent = (event: ReceiverEvent) => this.process(app, event);
    this.inner.init(guarded);
  }

  /** A request that came another way than through the receiver (the front door's hand-over, read
   * and acknowledged there), guarded as the receiver's are. */
  deliver(event: ReceiverEvent): Promise<void> {
    if (!this.app) throw new Error('OnceOnlyReceiver.deliver before the App was built');
    return this.process(this.app, event);
  }

  start(...args: Parameters<Receiver['start']>): Promise<unknown> {
    return this.inner.start(...args);
  }

  stop(...args: Parameters<Receiver['stop']>): Promise<unknown> {
    return this.inner.stop(...args);
  }

  private async process(app: App, event: ReceiverEvent): Promise<void> {
    const shape = readSlackRequest(event.body);
    if (!shape.ok) {
      this.options.logger.info({ reason: shape.reason }, 'Slack request refused: malformed');
      throw new SlackRequestRefused(400, { error: 'invalid_request', message: `Quorum could not read this request: ${shape.reason}.` });
    }
    if (shape.kind === 'ignored') {
      await event.ack();
      return;
    }
    const key = slackRequestKey(event.body, shape.kind);
    await app.processEvent({ ...event, customProperties: { ...event.customProperties, [REQUEST_KEY]: key } });
  }
}

/** The middleware after ackFirst(): the first request with its key goes on to the listeners;
 * a retry or replay of it stops here (it was acknowledged already, as the first was). The claim and
 * the listeners run through `queue` (work-queue.ts), a few requests at a time. */
export function onceOnly(options: OnceOnlyOptions & { queue: WorkQueue }): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const key = (args.context as Context)[REQUEST_KEY];
    if (typeof key !== 'string') throw new Error('a Slack request reached the listeners without its key: use OnceOnlyReceiver');
    const work = async () => {
      const claim = await options.core.claimRequest({ platform: 'slack', key });
      if (!claim.first) {
        const body = args.body as { type?: string };
        options.logger.info({ kind: body.type }, 'Slack request already handled: not applied again');
        return;
      }
      await args.next();
    };
    // A form whose answer takes its place (ack-first.ts) is not acknowledged yet: its work is its
    // ack, within Slack's 3 s, and does not wait its turn.
    if (deferredAck(args.context as Context)) await work();
    else await options.queue.run(work);
  };
}
