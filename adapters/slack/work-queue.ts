// The work that follows an ack runs a few requests at a time. Under a burst (a hundred clicks a
// second after an agenda post) unbounded post-ack work fills every turn of the event loop with
// database callbacks and the next request's ack waits behind them (measured on PostgreSQL: ack
// p99 8 to 22 times a bare Bolt app's). Queued here, a waiting request costs an array slot and the
// loop stays free to answer the next ones at once (`npm run bench -- ack`: about bare Bolt's).
//
// A request never waits more than `maxWaitMs` for its turn: past it, it starts anyway. A form
// opens with the request's trigger_id, which Slack honours for 3 seconds, and an answer that
// takes longer than a few seconds is no answer; so under a burst longer than the queue can absorb
// the work degrades to running everything at once (as without the queue), never to dropping it.
export interface WorkQueue {
  run<T>(work: () => Promise<T>): Promise<T>;
  /** Requests running and waiting. */
  size(): { running: number; waiting: number };
  /** Resolves when nothing runs or waits (the adapter's stop waits for it, before the database closes). */
  idle(): Promise<void>;
}

export interface WorkQueueOptions {
  concurrency: number;
  maxWaitMs: number;
}

export function createWorkQueue({ concurrency, maxWaitMs }: WorkQueueOptions): WorkQueue {
  let running = 0;
  let whenIdle: (() => void)[] = [];
  const settleIdle = () => {
    if (running > 0 || waiting.length > 0) return;
    const resolvers = whenIdle;
    whenIdle = [];
    for (const resolve of resolvers) resolve();
  };
  const waiting: { start: () => void; timer: NodeJS.Timeout }[] = [];
  const startNext = () => {
    // A request that waited its limit may have taken the place meanwhile; the next finish or timer starts this one.
    if (running >= concurrency) return;
    const next = waiting.shift();
    if (!next) return;
    clearTimeout(next.timer);
    running += 1;
    next.start();
  };
  return {
    async run(work) {
      if (running < concurrency && waiting.length === 0) running += 1;
      else {
        await new Promise<void>((resolve) => {
          const entry = {
            start: resolve,
            // Waited too long: out of the line and started now, over the limit.
            timer: setTimeout(() => {
              const at = waiting.indexOf(entry);
              if (at < 0) return;
              waiting.splice(at, 1);
              running += 1;
              resolve();
            }, maxWaitMs),
          };
          waiting.push(entry);
        });
      }
      try {
        return await work();
      } finally {
        running -= 1;
        // The next one starts on a later turn of the event loop, after the requests waiting to be acknowledged.
        if (running < concurrency && waiting.length > 0) setImmediate(startNext);
        settleIdle();
      }
    },
    size: () => ({ running, waiting: waiting.length }),
    idle: () =>
      running === 0 && waiting.length === 0
        ? Promise.resolve()
        : new Promise<void>((resolve) => {
            whenIdle.push(resolve);
          }),
  };
}
