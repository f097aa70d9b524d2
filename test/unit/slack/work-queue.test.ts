// The queue the work after a Slack ack runs through (adapters/slack/work-queue.ts): a few requests
// at a time, in order, none waiting past its limit, failures passed on and never blocking the line;
// and onceOnly(), which sends every acknowledged request through it.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { onceOnly } from '../../../adapters/slack/once.ts';
import { createWorkQueue, type WorkQueue } from '../../../adapters/slack/work-queue.ts';
import { createLogger } from '../../../src/logger.ts';

function gate(): { promise: Promise<void>; open: () => void } {
  let open!: () => void;
  const promise = new Promise<void>((resolve) => (open = resolve));
  return { promise, open };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('the after-ack work queue', () => {
  it('runs at most `concurrency` requests at once, the others in the order they came', async () => {
    const queue = createWorkQueue({ concurrency: 2, maxWaitMs: 60_000 });
    const gates = [gate(), gate(), gate(), gate()];
    const started: number[] = [];
    const runs = gates.map((g, i) =>
      queue.run(async () => {
        started.push(i);
        await g.promise;
        return i;
      }),
    );
    await vi.waitFor(() => expect(started).toEqual([0, 1]));
    expect(queue.size()).toEqual({ running: 2, waiting: 2 });
    gates[1]?.open();
    await vi.waitFor(() => expect(started).toEqual([0, 1, 2]));
    expect(queue.size()).toEqual({ running: 2, waiting: 1 });
    gates[0]?.open();
    gates[2]?.open();
    gates[3]?.open();
    await expect(Promise.all(runs)).resolves.toEqual([0, 1, 2, 3]);
    expect(started).toEqual([0, 1, 2, 3]);
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });

  it('starts a request that waited past maxWaitMs anyway, over the limit, and drops nothing', async () => {
    vi.useFakeTimers();
    const queue = createWorkQueue({ concurrency: 1, maxWaitMs: 1_500 });
    const held = gate();
    const started: string[] = [];
    const first = queue.run(async () => {
      started.push('first');
      await held.promise;
    });
    const late = queue.run(async () => {
      started.push('late');
    });
    await vi.advanceTimersByTimeAsync(1_499);
    expect(started).toEqual(['first']);
    await vi.advanceTimersByTimeAsync(1);
    expect(started).toEqual(['first', 'late']);
    await late;
    held.open();
    await first;
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });

  it('passes a failure to its caller and goes on with the next request', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaitMs: 60_000 });
    const failing = queue.run(async () => {
      throw new Error('the database went away');
    });
    const next = queue.run(async () => 'answered');
    await expect(failing).rejects.toThrow('the database went away');
    await expect(next).resolves.toBe('answered');
    expect(queue.size()).toEqual({ running: 0, waiting: 0 });
  });

  it('says when it is idle: at once when nothing runs, else when the last request, waiting ones included, is done', async () => {
    const queue = createWorkQueue({ concurrency: 1, maxWaitMs: 60_000 });
    await queue.idle();
    const held = gate();
    let done = 0;
    const first = queue.run(async () => {
      await held.promise;
      done += 1;
    });
    const second = queue.run(async () => {
      done += 1;
    });
    let idle = false;
    const waited = queue.idle().then(() => (idle = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(idle).toBe(false);
    held.open();
    await waited;
    expect(done).toBe(2);
    await Promise.all([first, second]);
  });
});

describe('onceOnly and the queue', () => {
  // What ackFirst() and OnceOnlyReceiver leave on Bolt's context (adapters/slack/ack-first.ts, once.ts).
  const context = (deferred: boolean) => ({ quorumRequestKey: 'slack:trigger:t1', quorumAcked: true, ...(deferred ? { quorumDeferredAck: async () => undefined } : {}) });
  const stuck: WorkQueue = { run: () => new Promise(() => undefined), size: () => ({ running: 2, waiting: 9 }), idle: () => new Promise(() => undefined) };
  const core = { claimRequest: async () => ({ first: true }) };
  const logger = createLogger({ level: 'silent' });

  it('runs a form whose answer takes its place at once: it is not acknowledged yet, so it never waits its turn', async () => {
    let reached = false;
    const middleware = onceOnly({ core, logger, queue: stuck });
    await middleware({ context: context(true), body: { type: 'view_submission' }, next: async () => void (reached = true) } as never);
    expect(reached).toBe(true);
  });

  it('puts every other request in the queue', async () => {
    let reached = false;
    const middleware = onceOnly({ core, logger, queue: stuck });
    void middleware({ context: context(false), body: { type: 'block_actions' }, next: async () => void (reached = true) } as never);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(reached).toBe(false);
  });
});
