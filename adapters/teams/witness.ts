// Who else wants to know what the Teams adapter rendered, and from what: the local playground
// (adapters/playground) shows the Slack Block Kit of the same message beside the Adaptive Card,
// so it keeps, for each card, the result or outbox messages it was rendered from. Nothing listens
// outside the playground; with no listener, nothing is kept and nothing extra is computed.
import type { AdaptiveCard, FieldErrors, Form } from '../../cards/index.ts';
import type { Result } from '../../src/core.ts';
import type { OutboundMessage } from '../../src/delivery/port.ts';

/** One Adaptive Card and what it was rendered from. */
export type Rendering =
  | { adaptive: AdaptiveCard; result: Result }
  | { adaptive: AdaptiveCard; messages: OutboundMessage[] }
  | { adaptive: AdaptiveCard; form: Form; errors: FieldErrors };

type Witness = (rendering: Rendering) => void;

const witnesses = new Set<Witness>();

/** Calls `witness` with every card rendered from now on; returns the function that stops it. */
export function witnessRendering(witness: Witness): () => void {
  witnesses.add(witness);
  return () => void witnesses.delete(witness);
}

/** Tells the witnesses, if any, and returns the card unchanged. A witness that throws is ignored:
 * it must never change what is sent. */
export function witnessed(rendering: Rendering): AdaptiveCard {
  for (const witness of witnesses) {
    try {
      witness(rendering);
    } catch {
      // The playground's bookkeeping failing must not fail a reply.
    }
  }
  return rendering.adaptive;
}
