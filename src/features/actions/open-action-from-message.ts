// A chat message turned into an action: the Slack message shortcut and the Teams message action
// open the "action new" form for the board of the conversation the message is in, its description
// the message's text (as plain text: the adapters translate the platform's markup). Clerks only,
// as "action new"; nothing is recorded until the form is submitted.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { DESCRIPTION_MAX } from './action-fields.ts';
import { openActionForm } from './open-action-form.ts';

/** How much of a message a platform may hand over (a Slack message is at most 40,000 characters). */
export const MESSAGE_TEXT_MAX = 40_000;

/** The message's text as a description: spaces and blank lines tidied, cut to fit the field. */
export function descriptionFromMessage(text: string): { description: string; cut: boolean } {
  const tidy = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
  if (tidy.length <= DESCRIPTION_MAX) return { description: tidy, cut: false };
  return { description: `${tidy.slice(0, DESCRIPTION_MAX - 1).trimEnd()}\u2026`, cut: true };
}

export async function openActionFromMessage(deps: CoreDeps, input: Invocation & { text: string }) {
  const { description, cut } = descriptionFromMessage(input.text);
  const note = !description
    ? 'The message has no text to copy: describe the action.'
    : cut
      ? `The message was cut to the first ${DESCRIPTION_MAX.toLocaleString('en-GB')} characters: check the description.`
      : undefined;
  return openActionForm(deps, { ...input, ...(description ? { description } : {}), ...(note ? { note } : {}) });
}
