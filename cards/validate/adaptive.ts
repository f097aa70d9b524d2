// Validates an Adaptive Card with Microsoft's own parser (the adaptivecards package), pinned to
// schema 1.5, as Teams would read it. Any parse or validation event is a problem.
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

const require = createRequire(import.meta.url);
// The package's lib/ build is ESM without file extensions and does not load in Node; its dist/
// bundle does, and needs no DOM for parsing and validation.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

export function validateAdaptiveCard(json: unknown): string[] {
  const problems: string[] = [];
  const root = json as { type?: unknown; version?: unknown };
  if (!root || root.type !== 'AdaptiveCard') problems.push('root: type must be "AdaptiveCard"');
  if (root?.version !== '1.5') problems.push(`root: version must be "1.5", found ${JSON.stringify(root?.version)}`);
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(AC.Versions.v1_5);
  card.parse(json, context);
  for (let i = 0; i < context.eventCount; i++) problems.push(`parse: ${context.getEventAt(i).message}`);
  for (const event of card.validateProperties().validationEvents) problems.push(`validate: ${event.message}`);
  return problems;
}
