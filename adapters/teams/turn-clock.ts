// When a Teams activity arrived, kept in its turn's state: an invoke's budget counts from there,
// so that work done before the card action runs (the once-only claim, a database write that may
// queue under load) is inside the budget rather than in front of it.
import type { TurnContext } from 'botbuilder';

const ARRIVED_AT = Symbol('quorum.turnArrivedAt');

/** Notes the arrival (the first call wins: the earliest point that sees the turn). */
export function markArrival(context: TurnContext, now = performance.now()): void {
  if (context.turnState.get(ARRIVED_AT) === undefined) context.turnState.set(ARRIVED_AT, now);
}

/** Milliseconds since the turn arrived; 0 when nothing noted its arrival. */
export function sinceArrival(context: TurnContext, now = performance.now()): number {
  const at = context.turnState.get(ARRIVED_AT) as number | undefined;
  return at === undefined ? 0 : Math.max(0, now - at);
}
