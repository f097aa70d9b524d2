// One limit for several waits in a row: a stop waits for the door to hand requests over, then for
// the adapters' work, each as long as is left of one budget, so that together they never take longer
// than it, however many steps there are. Measured on the monotonic clock.
import { performance } from 'node:perf_hooks';

export interface Deadline {
  /** Milliseconds left, never below 0. */
  left(): number;
}

export function deadlineIn(ms: number): Deadline {
  const until = performance.now() + ms;
  return { left: () => Math.max(0, Math.ceil(until - performance.now())) };
}
