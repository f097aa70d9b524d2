// Reading what the bot sent: the one Adaptive Card of a message, checked by Microsoft's own parser
// (the adaptivecards package, schema 1.5) as Teams would read it.
import type { Activity, Attachment } from 'botbuilder';
import { expect } from 'vitest';
import { validateAdaptiveCard } from '../../cards/validate/adaptive.ts';

export function adaptiveCardOf(activity: Partial<Activity>): Record<string, unknown> {
  const attachments = (activity.attachments ?? []) as Attachment[];
  expect(attachments).toHaveLength(1);
  expect(attachments[0]?.contentType).toBe('application/vnd.microsoft.card.adaptive');
  const card = attachments[0]?.content as Record<string, unknown>;
  expect(validateAdaptiveCard(card)).toEqual([]);
  return card;
}
