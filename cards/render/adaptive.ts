// Neutral cards → Adaptive Cards 1.5 (what Teams renders). Buttons are Action.Execute (Universal
// Actions): Teams sends an adaptiveCard/action invoke with the verb and data, and the bot answers
// with the card rendered again, so a clicked card changes in place.
import { toAdaptiveMarkdown, toPlain } from '../markup.ts';
import type { Action, Card, Cell, Element, ItemEntry, Tone } from '../model.ts';
import { cardFallback, itemHeadline, itemLines, RAG_WORD } from './shared.ts';

export type Json = Record<string, unknown>;

export const ADAPTIVE_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_VERSION = '1.5';
export const ADAPTIVE_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

export interface AdaptiveCardJson extends Json {
  type: 'AdaptiveCard';
  $schema: typeof ADAPTIVE_SCHEMA;
  version: typeof ADAPTIVE_VERSION;
  body: Json[];
}

/** Teams shows a handful of buttons in a row: longer rows become several. */
const ACTIONS_PER_SET = 5;

const COLOR: Record<Tone, string> = { default: 'Default', good: 'Good', warning: 'Warning', attention: 'Attention' };
const RAG_COLOR = { red: 'Attention', amber: 'Warning', green: 'Good' } as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

export const textBlock = (text: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: toAdaptiveMarkdown(text), wrap: true, ...extra });

function execute(a: Extract<Action, { kind: 'button' }>, title: string): Json {
  return {
    type: 'Action.Execute',
    title,
    verb: a.id,
    data: { ...(a.payload ?? {}) },
    ...(a.style ? { style: a.style === 'primary' ? 'positive' : 'destructive' } : {}),
  };
}

/** A button; one with a confirmation opens a small card with the question and the real button
 * (Action.Execute has no confirmation dialog of its own). */
export function action(a: Action): Json {
  if (a.kind === 'link') return { type: 'Action.OpenUrl', title: a.label, url: a.url };
  if (!a.confirm) return execute(a, a.label);
  return {
    type: 'Action.ShowCard',
    title: a.label,
    card: {
      type: 'AdaptiveCard',
      body: [textBlock(a.confirm.title, { weight: 'Bolder' }), textBlock(a.confirm.text)],
      actions: [execute(a, a.confirm.confirm)],
    },
  };
}

export function actionSets(actions: Action[]): Json[] {
  const sets: Json[] = [];
  for (let i = 0; i < actions.length; i += ACTIONS_PER_SET) sets.push({ type: 'ActionSet', actions: actions.slice(i, i + ACTIONS_PER_SET).map(action) });
  return sets;
}

function itemContainer(item: ItemEntry): Json {
  const subPoints = (item.subPoints ?? []).map((p) => `- ${p}`);
  const rest = itemLines({ ...item, subPoints: [] });
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      textBlock(itemHeadline(item)),
      ...(subPoints.length > 0 ? [textBlock(subPoints.join('\n'), { spacing: 'None' })] : []),
      ...(rest.length > 0 ? [textBlock(rest.join('\n'), { isSubtle: true, spacing: 'None' })] : []),
      ...actionSets(item.actions ?? []),
    ],
  };
}

function cellBlock(cell: Cell | undefined): Json {
  if (cell === undefined) return textBlock(' ');
  if (typeof cell === 'string') return textBlock(cell || ' ');
  if (!cell.rag) return textBlock(cell.text || ' ');
  return textBlock(cell.text || RAG_WORD[cell.rag], { color: RAG_COLOR[cell.rag], weight: 'Bolder' });
}

function table(element: Extract<Element, { type: 'table' }>): Json[] {
  const cells = (row: Json[]) => row.map((item) => ({ type: 'TableCell', items: [item] }));
  return [
    ...(element.caption ? [textBlock(element.caption)] : []),
    {
      type: 'Table',
      gridStyle: 'accent',
      // The first row is the header by default (firstRowAsHeaders in the parser Teams uses).
      columns: element.columns.map((c, i) => ({ width: i === 0 ? 2 : 1, ...(c.align ? { horizontalCellContentAlignment: ALIGN[c.align] } : {}) })),
      rows: [
        { type: 'TableRow', style: 'accent', cells: cells(element.columns.map((c) => textBlock(c.title, { weight: 'Bolder' }))) },
        ...element.rows.map((row) => ({ type: 'TableRow', cells: cells(element.columns.map((_, i) => cellBlock(row[i]))) })),
      ],
    },
  ];
}

function elementJson(element: Element): Json[] {
  switch (element.type) {
    case 'heading':
      return [textBlock(toPlain(element.text), { size: 'Medium', weight: 'Bolder', style: 'heading' })];
    case 'text':
      return [textBlock(element.text, { ...(element.tone && element.tone !== 'default' ? { color: COLOR[element.tone] } : {}), ...(element.muted ? { isSubtle: true } : {}) })];
    case 'context':
      return [textBlock(element.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [];
    case 'facts':
      return element.facts.length > 0 ? [{ type: 'FactSet', facts: element.facts.map((f) => ({ title: toPlain(f.label), value: toAdaptiveMarkdown(f.value) })) }] : [];
    case 'items':
      return element.items.map(itemContainer);
    case 'table':
      return table(element);
    case 'actions':
      return actionSets(element.actions);
  }
}

/** The body: a divider becomes a separator line above what follows it. */
export function adaptiveBody(elements: Element[]): Json[] {
  const body: Json[] = [];
  let separate = false;
  for (const element of elements) {
    if (element.type === 'divider') {
      separate = body.length > 0;
      continue;
    }
    const json = elementJson(element);
    if (separate && json[0]) json[0] = { ...json[0], separator: true, spacing: 'Medium' };
    if (json.length > 0) separate = false;
    body.push(...json);
  }
  return body;
}

export function adaptiveCard(body: Json[], fallbackText: string, extra: Json = {}): AdaptiveCardJson {
  return { type: 'AdaptiveCard', $schema: ADAPTIVE_SCHEMA, version: ADAPTIVE_VERSION, fallbackText, msteams: { width: 'Full' }, body, ...extra };
}

export function renderAdaptiveCard(card: Card): AdaptiveCardJson {
  const title = card.title ? [textBlock(toPlain(card.title), { size: 'Large', weight: 'Bolder', style: 'heading' })] : [];
  return adaptiveCard([...title, ...adaptiveBody(card.body)], cardFallback(card));
}

/** The Bot Framework attachment Teams expects; takes a card, or one already rendered. */
export function adaptiveAttachment(card: Card | AdaptiveCardJson): { contentType: typeof ADAPTIVE_CONTENT_TYPE; content: AdaptiveCardJson } {
  const content = 'type' in card && card.type === 'AdaptiveCard' ? (card as AdaptiveCardJson) : renderAdaptiveCard(card as Card);
  return { contentType: ADAPTIVE_CONTENT_TYPE, content };
}
