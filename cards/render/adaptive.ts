// Neutral cards → Adaptive Cards 1.5 (what Teams renders). Buttons are Action.Execute (Universal
// Actions): Teams sends an adaptiveCard/action invoke with the verb and data, and the bot answers
// with the card rendered again, so a clicked card changes in place. Every piece of text is escaped
// here for where it goes: markdown for TextBlocks and facts, plain for titles of buttons.
import { markdownText, plainField, safeUrl } from '../escape.ts';
import { toAdaptiveMarkdown } from '../markup.ts';
import type { Action, Card, Cell, Element, ItemEntry, Tone } from '../model.ts';
import { bullets, lines, type Text } from '../text.ts';
import {
  ADAPTIVE_CONTENT_TYPE,
  ADAPTIVE_SCHEMA,
  ADAPTIVE_VERSION,
  type ActionSet,
  type AdaptiveAttachment,
  type AdaptiveCard,
  type CardAction,
  type CardElement,
  type Color,
  type ExecuteAction,
  type Table,
  type TableCell,
  type TextBlock,
} from './adaptive-types.ts';
import { cardFallback, itemHeadline, itemLines, RAG_WORD } from './shared.ts';

export { ADAPTIVE_CONTENT_TYPE, ADAPTIVE_SCHEMA, ADAPTIVE_VERSION };
export type { AdaptiveAttachment, AdaptiveCard };

/** Teams shows a handful of buttons in a row: longer rows become several. */
const ACTIONS_PER_SET = 5;

const COLOR: Record<Tone, Color> = { default: 'Default', good: 'Good', warning: 'Warning', attention: 'Attention' };
const RAG_COLOR = { red: 'Attention', amber: 'Warning', green: 'Good' } as const;
const ALIGN = { left: 'Left', center: 'Center', right: 'Right' } as const;

type TextStyle = Omit<TextBlock, 'type' | 'text'>;

/** A TextBlock of card text (rich or literal), escaped as markdown. */
export const textBlock = (text: Text, style: TextStyle = {}): TextBlock => ({ type: 'TextBlock', text: toAdaptiveMarkdown(text), wrap: true, ...style });

/** A TextBlock of words that must not be read as anything else (a heading, a cell). */
const wordsBlock = (words: string, style: TextStyle = {}): TextBlock => ({ type: 'TextBlock', text: markdownText(words) || ' ', wrap: true, ...style });

function execute(a: Extract<Action, { kind: 'button' }>, title: string): ExecuteAction {
  return {
    type: 'Action.Execute',
    title: plainField(title),
    verb: a.id,
    data: { ...(a.payload ?? {}) },
    ...(a.style ? { style: a.style === 'primary' ? 'positive' : 'destructive' } : {}),
  };
}

/** A button; one with a confirmation opens a small card with the question and the real button
 * (Action.Execute has no confirmation dialog of its own). A link whose address is not http(s) is
 * left out: it could not be opened. */
export function action(a: Action): CardAction | undefined {
  if (a.kind === 'link') {
    const url = safeUrl(a.url);
    return url ? { type: 'Action.OpenUrl', title: plainField(a.label), url } : undefined;
  }
  if (!a.confirm) return execute(a, a.label);
  return {
    type: 'Action.ShowCard',
    title: plainField(a.label),
    card: {
      type: 'AdaptiveCard',
      body: [wordsBlock(a.confirm.title, { weight: 'Bolder' }), wordsBlock(a.confirm.text)],
      actions: [execute(a, a.confirm.confirm)],
    },
  };
}

export function actionSets(actions: Action[]): ActionSet[] {
  const built = actions.map(action).filter((a): a is CardAction => a !== undefined);
  const sets: ActionSet[] = [];
  for (let i = 0; i < built.length; i += ACTIONS_PER_SET) sets.push({ type: 'ActionSet', actions: built.slice(i, i + ACTIONS_PER_SET) });
  return sets;
}

function itemContainer(item: ItemEntry): CardElement {
  const subPoints = item.subPoints ?? [];
  const rest = itemLines({ ...item, subPoints: [] });
  return {
    type: 'Container',
    spacing: 'Small',
    items: [
      textBlock(itemHeadline(item)),
      ...(subPoints.length > 0 ? [textBlock(bullets(subPoints), { spacing: 'None' })] : []),
      ...(rest.length > 0 ? [textBlock(lines(...rest), { isSubtle: true, spacing: 'None' })] : []),
      ...actionSets(item.actions ?? []),
    ],
  };
}

function cellBlock(cell: Cell | undefined): TextBlock {
  if (cell === undefined) return wordsBlock(' ');
  if (typeof cell === 'string') return wordsBlock(cell);
  if (!cell.rag) return wordsBlock(cell.text);
  return wordsBlock(cell.text || RAG_WORD[cell.rag], { color: RAG_COLOR[cell.rag], weight: 'Bolder' });
}

function table(element: Extract<Element, { type: 'table' }>): CardElement[] {
  const cells = (row: TextBlock[]): TableCell[] => row.map((item) => ({ type: 'TableCell', items: [item] }));
  const grid: Table = {
    type: 'Table',
    gridStyle: 'accent',
    // The first row is the header by default (firstRowAsHeaders in the parser Teams uses).
    columns: element.columns.map((c, i) => ({ width: i === 0 ? 2 : 1, ...(c.align ? { horizontalCellContentAlignment: ALIGN[c.align] } : {}) })),
    rows: [
      { type: 'TableRow', style: 'accent', cells: cells(element.columns.map((c) => wordsBlock(c.title, { weight: 'Bolder' }))) },
      ...element.rows.map((row) => ({ type: 'TableRow' as const, cells: cells(element.columns.map((_, i) => cellBlock(row[i]))) })),
    ],
  };
  return [...(element.caption ? [wordsBlock(element.caption)] : []), grid];
}

function elementJson(element: Element): CardElement[] {
  switch (element.type) {
    case 'heading':
      return [wordsBlock(element.text, { size: 'Medium', weight: 'Bolder', style: 'heading' })];
    case 'text':
      return [textBlock(element.text, { ...(element.tone && element.tone !== 'default' ? { color: COLOR[element.tone] } : {}), ...(element.muted ? { isSubtle: true } : {}) })];
    case 'context':
      return [textBlock(element.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [];
    case 'facts':
      return element.facts.length > 0 ? [{ type: 'FactSet', facts: element.facts.map((f) => ({ title: markdownText(f.label), value: toAdaptiveMarkdown(f.value) })) }] : [];
    case 'items':
      return element.items.map(itemContainer);
    case 'table':
      return table(element);
    case 'actions':
      return actionSets(element.actions);
  }
}

/** The body: a divider becomes a separator line above what follows it. */
export function adaptiveBody(elements: Element[]): CardElement[] {
  const body: CardElement[] = [];
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

export function adaptiveCard(body: CardElement[], fallback: string, actions?: CardAction[]): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_SCHEMA,
    version: ADAPTIVE_VERSION,
    fallbackText: markdownText(fallback),
    msteams: { width: 'Full' },
    body,
    ...(actions ? { actions } : {}),
  };
}

export function renderAdaptiveCard(card: Card): AdaptiveCard {
  const title = card.title ? [wordsBlock(card.title, { size: 'Large', weight: 'Bolder', style: 'heading' })] : [];
  const rendered = adaptiveCard([...title, ...adaptiveBody(card.body)], cardFallback(card));
  return card.refresh ? { ...rendered, refresh: { action: { type: 'Action.Execute', title: 'Refresh', verb: card.refresh.id, data: { ...card.refresh.payload } } } } : rendered;
}

/** The plain line Teams shows in a notification for a card (the activity's summary and text). */
export const teamsSummary = (card: Card): string => plainField(cardFallback(card));

/** The Bot Framework attachment Teams expects; takes a card, or one already rendered. */
export function adaptiveAttachment(card: Card | AdaptiveCard): AdaptiveAttachment {
  const content = 'type' in card && card.type === 'AdaptiveCard' ? card : renderAdaptiveCard(card as Card);
  return { contentType: ADAPTIVE_CONTENT_TYPE, content };
}
