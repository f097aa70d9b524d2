/** Exponential backoff with "equal jitter": half the delay is fixed, half random, so retries
 * from many messages spread out instead of arriving together. attempt counts from 1. */
export function backoffMs(
  attempt: number,
  options: { baseMs?: number; capMs?: number; random?: () => number } = {},
): number {
  const base = options.baseMs ?? 2_000;
  const cap = options.capMs ?? 15 * 60_000;
  const random = options.random ?? Math.random;
  const ceiling = Math.min(cap, base * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
