// The queue the work after a Slack ack runs through (adapters/slack/work-queue.ts): a few requests
// at a time, in order, none waiting past its limit, failures passed on and never blocking the line.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createWorkQueue } from '../../../adapters/slack/work-queue.ts';

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
});
