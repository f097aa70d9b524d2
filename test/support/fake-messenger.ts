import type { Platform } from '../../src/domain/platform.ts';
import {
  DeliveryFailure,
  type DeliveryTarget,
  type Messenger,
  type OutboundMessage,
  type SentMessage,
} from '../../src/delivery/port.ts';

export interface FakeSend {
  target: DeliveryTarget;
  messages: OutboundMessage[];
  sent: SentMessage;
}

/** A Messenger that records what it is asked to do; failures and hangs can be scripted. */
export class FakeMessenger implements Messenger {
  readonly sends: FakeSend[] = [];
  readonly updates: { sent: SentMessage; message: OutboundMessage }[] = [];
  private script: (() => Promise<void> | void)[] = [];
  private counter = 0;
  /** When set, findSent looks the outbox id up in what was sent. */
  canFindSent = false;

  constructor(readonly platform: Platform = 'slack') {}

  /** The next call fails (or hangs) as scripted. */
  next(step: () => Promise<void> | void): this {
    this.script.push(step);
    return this;
  }
  failNext(failure: DeliveryFailure): this {
    return this.next(() => {
      throw failure;
    });
  }

  async send(target: DeliveryTarget, messages: OutboundMessage[]): Promise<SentMessage> {
    await this.script.shift()?.();
    const sent = { conversationId: target.kind === 'user' ? `D-${target.id}` : target.id, messageId: `m${++this.counter}` };
    this.sends.push({ target, messages, sent });
    return sent;
  }

  async update(sent: SentMessage, message: OutboundMessage): Promise<void> {
    await this.script.shift()?.();
    this.updates.push({ sent, message });
  }

  async findSent(_target: DeliveryTarget, outboxId: string): Promise<SentMessage | undefined> {
    if (!this.canFindSent) return undefined;
    return this.sends.find((s) => s.messages.some((m) => m.outboxId === outboxId))?.sent;
  }

  sentOutboxIds(): string[] {
    return this.sends.flatMap((s) => s.messages.map((m) => m.outboxId));
  }
}

export const rateLimited = (ms: number) => new DeliveryFailure('rate_limited', '429', 'rate limited', ms);
export const transient = () => new DeliveryFailure('transient', '503', 'service unavailable');
export const permanent = (code = 'channel_not_found') => new DeliveryFailure('permanent', code, `Slack said ${code}`);
