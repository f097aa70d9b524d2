// Validates an Adaptive Card with Microsoft's own parser (the adaptivecards package), pinned to
// schema 1.5, as Teams reads it. Any parse or validation event is a problem. Three checks the
// parser does not make are added: the declared version (a card declared 1.0 that uses
// Action.Execute is parsed again at 1.0, where the parser does object), tables whose rows do not
// match their columns, and properties the parser silently ignores (a misspelt "colour").
//
// Only tests import this file: adaptivecards is a devDependency.
import { createRequire } from 'node:module';
import type * as AdaptiveCards from 'adaptivecards';

const require = createRequire(import.meta.url);
// The package's lib/ build is ESM without file extensions and does not load in Node; its dist/
// bundle (UMD, CommonJS under require) does, and needs no DOM to parse and validate.
const AC = require('adaptivecards/dist/adaptivecards.js') as typeof AdaptiveCards;

const VERSIONS: Record<string, AdaptiveCards.Version> = {
  '1.0': AC.Versions.v1_0,
  '1.1': AC.Versions.v1_1,
  '1.2': AC.Versions.v1_2,
  '1.3': AC.Versions.v1_3,
  '1.4': AC.Versions.v1_4,
  '1.5': AC.Versions.v1_5,
};

function parseEvents(json: unknown, version: AdaptiveCards.Version): { card: AdaptiveCards.AdaptiveCard; messages: string[] } {
  const card = new AC.AdaptiveCard();
  const context = new AC.SerializationContext(version);
  card.parse(json, context);
  const messages: string[] = [];
  for (let i = 0; i < context.eventCount; i++) messages.push(context.getEventAt(i).message);
  return { card, messages };
}

export function validateAdaptiveCard(json: unknown): string[] {
  const problems: string[] = [];
  const root = (json ?? {}) as { type?: unknown; version?: unknown };
  if (root.type !== 'AdaptiveCard') problems.push('root: type must be "AdaptiveCard"');
  if (root.version !== '1.5') problems.push(`root: version must be "1.5", found ${JSON.stringify(root.version)}`);

  const { card, messages } = parseEvents(json, AC.Versions.v1_5);
  // Teams' people picker (an Input.ChoiceSet whose choices come from graph.microsoft.com/users) is
  // Teams' own extension, documented for cards of version 1.2 and later; this library knows
  // "choices.data" only from 1.6 and wants static choices. Exactly those two messages are excused,
  // once per such picker; any other problem with it is still reported.
  let pickers = countPeoplePickers(json);
  const excusedParse = 'Property "choices.data" is supported in version 1.6, but you are using version 1.5.';
  const excusedValidate = 'An Input.ChoiceSet must have at least one choice defined.';
  let parseLeft = pickers;
  problems.push(...messages.filter((m) => !(m === excusedParse && parseLeft-- > 0)).map((m) => `parse (1.5): ${m}`));
  for (const event of card.validateProperties().validationEvents) {
    if (event.message === excusedValidate && pickers-- > 0) continue;
    problems.push(`validate: ${event.message}`);
  }

  const declared = typeof root.version === 'string' ? VERSIONS[root.version] : undefined;
  if (declared && root.version !== '1.5') problems.push(...parseEvents(json, declared).messages.map((m) => `parse (${String(root.version)}, as declared): ${m}`));

  walk(json, '', undefined, problems);
  return problems;
}

/** Input.ChoiceSets that are Teams people pickers: no static choices, choices from the directory. */
function countPeoplePickers(value: unknown): number {
  if (Array.isArray(value)) return value.reduce((n: number, v) => n + countPeoplePickers(v), 0);
  if (value === null || typeof value !== 'object') return 0;
  const node = value as Record<string, unknown>;
  const data = node['choices.data'] as { type?: unknown; dataset?: unknown } | undefined;
  const own = node.type === 'Input.ChoiceSet' && data?.type === 'Data.Query' && data.dataset === 'graph.microsoft.com/users' && Array.isArray(node.choices) && node.choices.length === 0 ? 1 : 0;
  return own + Object.values(node).reduce((n: number, v) => n + countPeoplePickers(v), 0);
}

// --- Properties the parser ignores, and tables -------------------------------------------------

/** Keys every parser reads by hand (not in an object's schema), and Teams' own extension. */
const STRUCTURAL = new Set(['type', 'body', 'actions', 'items', 'rows', 'cells', 'columns', 'facts', 'choices', 'card', 'fallback', 'selectAction', 'inlineAction', 'images', 'targetElements', 'msteams', 'backgroundImage', 'refresh', 'authentication', 'choices.data']);

type Schematic = { getSchema(): { getCount(): number; getItemAt(i: number): { name: string } } };
const known = new Map<string, Set<string>>();

function schemaNames(key: string, make: () => Schematic | undefined): Set<string> | undefined {
  if (!known.has(key)) {
    const object = make();
    if (!object) return undefined;
    const schema = object.getSchema();
    const names = new Set<string>();
    for (let i = 0; i < schema.getCount(); i++) names.add(schema.getItemAt(i).name);
    known.set(key, names);
  }
  return known.get(key);
}

function propertiesOf(node: Record<string, unknown>, parentKey: string | undefined): Set<string> | undefined {
  const type = typeof node.type === 'string' ? node.type : undefined;
  if (type === 'AdaptiveCard') return schemaNames(type, () => new AC.AdaptiveCard());
  if (type === 'TableRow') return schemaNames(type, () => new AC.TableRow());
  if (type === 'TableCell') return schemaNames(type, () => new AC.TableCell());
  if (type) {
    const registration = AC.GlobalRegistry.elements.findByName(type) ?? AC.GlobalRegistry.actions.findByName(type);
    return registration ? schemaNames(type, () => new registration.objectType() as Schematic) : undefined;
  }
  if (parentKey === 'facts') return schemaNames('Fact', () => new AC.Fact());
  if (parentKey === 'choices') return schemaNames('Choice', () => new AC.Choice());
  if (parentKey === 'columns') return schemaNames('TableColumnDefinition', () => new AC.TableColumnDefinition());
  return undefined;
}

function walk(value: unknown, path: string, parentKey: string | undefined, problems: string[]): void {
  if (Array.isArray(value)) {
    value.forEach((item, i) => walk(item, `${path}[${i}]`, parentKey, problems));
    return;
  }
  if (!value || typeof value !== 'object') return;
  const node = value as Record<string, unknown>;
  const names = propertiesOf(node, parentKey);
  const where = `${path || 'root'}${typeof node.type === 'string' ? ` (${node.type})` : ''}`;
  if (names) {
    for (const key of Object.keys(node)) {
      if (!names.has(key) && !STRUCTURAL.has(key) && !key.startsWith('$')) problems.push(`${where}: "${key}" is not a property the 1.5 parser reads; it would be ignored`);
    }
  }
  if (node.type === 'Table' && Array.isArray(node.columns) && Array.isArray(node.rows)) {
    node.rows.forEach((row, i) => {
      const cells = (row as { cells?: unknown }).cells;
      if (Array.isArray(cells) && cells.length !== (node.columns as unknown[]).length) problems.push(`${where}: row ${i} has ${cells.length} cells for ${(node.columns as unknown[]).length} columns`);
    });
  }
  // Data the bot carries (Action.Execute data, metadata) is the bot's own, not card structure.
  for (const [key, child] of Object.entries(node)) if (key !== 'data' && key !== 'msteams') walk(child, path ? `${path}.${key}` : key, key, problems);
}
