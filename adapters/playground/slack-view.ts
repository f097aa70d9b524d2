// The page's "Slack" toggle: the Block Kit Slack would get for the same message, rendered by the
// Slack adapter's own renderers from the same result (or outbox messages, or form) the Teams card
// was rendered from. The Teams adapter tells its witnesses what each card came from
// (adapters/teams/witness.ts); this keeps the Slack rendering beside each recent card.
import { renderSlackModal } from '../../cards/index.ts';
import { renderOutbound, renderResult, renderText } from '../slack/render.ts';
import { witnessRendering, type Rendering } from '../teams/witness.ts';

/** What Slack would show: a message (text and blocks) or a modal (a form). */
export type SlackView = { surface: 'message'; payload: unknown } | { surface: 'modal'; payload: unknown };

/** Recent cards only: the page asks for the messages it is showing. */
const MAX_KEPT = 2_000;

export class SlackViews {
  private readonly byCard = new Map<string, SlackView>();
  private stopWitnessing: (() => void) | undefined;

  start(): void {
    this.stopWitnessing ??= witnessRendering((rendering) => this.keep(rendering));
  }

  stop(): void {
    this.stopWitnessing?.();
    this.stopWitnessing = undefined;
  }

  /** The Slack view of an Adaptive Card the bot sent, if it was rendered while the playground ran. */
  forCard(card: unknown): SlackView | undefined {
    return this.byCard.get(JSON.stringify(card));
  }

  /** A sentence without a card: Slack gets it as mrkdwn text. */
  forText(text: string): SlackView {
    return { surface: 'message', payload: renderText(text) };
  }

  private keep(rendering: Rendering): void {
    const view = slackViewOf(rendering);
    const key = JSON.stringify(rendering.adaptive);
    this.byCard.delete(key);
    this.byCard.set(key, view);
    if (this.byCard.size > MAX_KEPT) {
      const oldest = this.byCard.keys().next().value;
      if (oldest !== undefined) this.byCard.delete(oldest);
    }
  }
}

function slackViewOf(rendering: Rendering): SlackView {
  if ('messages' in rendering) return { surface: 'message', payload: renderOutbound(rendering.messages) };
  if ('form' in rendering) return { surface: 'modal', payload: renderSlackModal(rendering.form, rendering.errors) };
  const answer = renderResult(rendering.result);
  return answer.kind === 'form' ? { surface: 'modal', payload: answer.view } : { surface: 'message', payload: answer.message };
}
