// Neutral cards → Slack Block Kit messages, always within Slack's documented limits: long text is
// split across sections, and a card with more than a message holds ends with a visible
// "… (n more items)" (the card's buttons are kept) instead of being refused by Slack. Every piece
// of text is escaped here for where it goes: mrkdwn, plain_text, or the message's `text`.
import type { ActionsBlock, Button, HomeView, SectionBlock } from '@slack/types';
import { safeUrl, slackText, truncate } from '../escape.ts';
import { toPlain, toSlackMrkdwn } from '../markup.ts';
import type { Action, Card, Element, ItemEntry, Tone } from '../model.ts';
import type { Text } from '../text.ts';
import { cardFallback, itemHeadline, itemLines } from './shared.ts';
import { tableGroups } from './slack-table.ts';
import { type Block, type Group, mrkdwn, plain, SLACK_LIMITS, splitText, truncateMrkdwn } from './slack-text.ts';

export { SLACK_LIMITS, splitText, type Block, type Group };

const TONE_PREFIX: Record<Tone, string> = { default: '', good: ':white_check_mark: ', warning: ':warning: ', attention: ':red_circle: ' };
const INDENT = '    ';

const section = (text: string): SectionBlock => ({ type: 'section', text: mrkdwn(text) });
const sections = (text: string): Block[] => splitText(text).map(section);

/** Two buttons with one action id in a block must be told apart: "plan.decide#2". A link whose
 * address is not http(s) is left out: it could not be opened. */
function button(action: Action, index: number): Button | undefined {
  if (action.kind === 'link') {
    const url = safeUrl(action.url);
    return url ? { type: 'button', action_id: `link#${index}`, text: plain(action.label, SLACK_LIMITS.buttonText), url } : undefined;
  }
  const value = JSON.stringify(action.payload ?? {});
  if (value.length > SLACK_LIMITS.buttonValue) throw new Error(`button ${action.id}: its payload is ${value.length} characters of JSON; Slack allows ${SLACK_LIMITS.buttonValue}`);
  return {
    type: 'button',
    action_id: index === 0 ? action.id : `${action.id}#${index}`,
    text: plain(action.label, SLACK_LIMITS.buttonText),
    value,
    ...(action.style ? { style: action.style } : {}),
    ...(action.confirm
      ? {
          confirm: {
            title: plain(action.confirm.title, 100),
            text: plain(action.confirm.text, 300),
            confirm: plain(action.confirm.confirm, 30),
            deny: plain(action.confirm.deny, 30),
            ...(action.style === 'danger' ? { style: 'danger' } : {}),
          },
        }
      : {}),
  };
}

/** The action id a click carries, without the "#n" that keeps buttons apart. */
export const slackActionName = (actionId: string): string => actionId.replace(/#\d+$/, '');

function actionBlocks(actions: Action[]): ActionsBlock[] {
  const usable = actions.filter((a) => a.kind === 'button' || safeUrl(a.url) !== undefined);
  const blocks: ActionsBlock[] = [];
  for (let i = 0; i < usable.length; i += SLACK_LIMITS.elementsPerActions) {
    const seen = new Map<string, number>();
    const elements = usable.slice(i, i + SLACK_LIMITS.elementsPerActions).flatMap((action) => {
      const key = action.kind === 'button' ? action.id : 'link';
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return button(action, n) ?? [];
    });
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

/** Each line of the text, indented under the headline. */
const indented = (text: Text) => toSlackMrkdwn(text).split('\n').map((line) => INDENT + line);

function itemText(item: ItemEntry): string {
  return [toSlackMrkdwn(itemHeadline(item)), ...itemLines(item).flatMap(indented)].join('\n');
}

/** Items without buttons share a section (fewer blocks); an item with buttons gets its own. */
function itemGroups(items: ItemEntry[]): Group[] {
  const groups: Group[] = [];
  let packed: string[] = [];
  const flush = () => {
    if (packed.length > 0) groups.push({ blocks: sections(packed.join('\n\n')), count: packed.length });
    packed = [];
  };
  for (const item of items) {
    const text = itemText(item);
    const actions = item.actions ?? [];
    if (actions.length === 0 && text.length <= SLACK_LIMITS.sectionText) {
      if ([...packed, text].join('\n\n').length > SLACK_LIMITS.sectionText) flush();
      packed.push(text);
      continue;
    }
    flush();
    const [first, ...rest] = splitText(text);
    const accessory = actions.length === 1 ? button(actions[0] as Action, 0) : undefined;
    groups.push({
      count: 1,
      blocks: [
        { type: 'section', text: mrkdwn(first ?? ' '), ...(accessory ? { accessory } : {}) },
        ...rest.map(section),
        ...(actions.length > 1 ? actionBlocks(actions) : []),
      ],
    });
  }
  flush();
  return groups;
}

function contextBlock(text: string): Block[] {
  const pieces = splitText(text, SLACK_LIMITS.contextText).slice(0, SLACK_LIMITS.contextElements);
  return pieces.length > 0 ? [{ type: 'context', elements: pieces.map(mrkdwn) }] : [];
}

/** `nativeTable`: a table element may be the message's one native table block. */
export function elementGroups(element: Element, nativeTable = false): Group[] {
  switch (element.type) {
    case 'heading':
      return toPlain(element.text).trim() ? [{ blocks: [{ type: 'header', text: plain(element.text, SLACK_LIMITS.headerText) }], count: 0 }] : [];
    case 'text': {
      const text = TONE_PREFIX[element.tone ?? 'default'] + toSlackMrkdwn(element.text);
      if (!toPlain(element.text).trim()) return [];
      return [{ blocks: element.muted ? contextBlock(text) : sections(text), count: 0 }];
    }
    case 'context':
      return [{ blocks: contextBlock(toSlackMrkdwn(element.text)), count: 0 }];
    case 'divider':
      return [{ blocks: [{ type: 'divider' }], count: 0 }];
    case 'facts': {
      const groups: Group[] = [];
      for (let i = 0; i < element.facts.length; i += SLACK_LIMITS.fieldsPerSection) {
        const facts = element.facts.slice(i, i + SLACK_LIMITS.fieldsPerSection);
        const fields = facts.map((f) => mrkdwn(truncateMrkdwn(`*${slackText(truncate(f.label, 200), false)}*\n${toSlackMrkdwn(f.value)}`, SLACK_LIMITS.fieldText)));
        groups.push({ blocks: [{ type: 'section', fields }], count: facts.length });
      }
      return groups;
    }
    case 'items':
      return itemGroups(element.items);
    case 'table':
      return tableGroups(element, nativeTable);
    case 'actions':
      return [{ blocks: actionBlocks(element.actions), count: 0, keep: true }];
  }
}

/** At most `max` blocks: what does not fit is replaced by "… (n more items)", buttons kept. */
export function cap(groups: Group[], max: number): Block[] {
  const all = groups.flatMap((g) => g.blocks);
  if (all.length <= max) return all;
  const kept = groups.filter((g) => g.keep).reduce((n, g) => n + g.blocks.length, 0);
  let room = max - 1 - kept;
  if (room < 0) return [...all.slice(0, max - 1), notice(0)];
  const out: Block[] = [];
  let noticeAt = -1;
  let dropped = 0;
  for (const group of groups) {
    if (group.keep) {
      out.push(...group.blocks);
    } else if (noticeAt < 0 && group.blocks.length <= room) {
      out.push(...group.blocks);
      room -= group.blocks.length;
    } else {
      if (noticeAt < 0) noticeAt = out.length;
      dropped += group.count;
    }
  }
  out.splice(noticeAt < 0 ? out.length : noticeAt, 0, notice(dropped));
  return out;
}

const notice = (n: number): Block => ({
  type: 'context',
  elements: [mrkdwn(n > 0 ? `\u2026 (${n} more ${n === 1 ? 'item' : 'items'})` : '\u2026 (more not shown)')],
});

export interface SlackMessagePayload {
  /** Plain text for notifications and screen readers; Slack wants it with every message, and
   * reads it as mrkdwn (escaped as such). */
  text: string;
  blocks: Block[];
}

function cardGroups(card: Card): Group[] {
  // Slack shows one table block per message: the card's first table.
  const firstTable = card.body.findIndex((e) => e.type === 'table');
  return [...(card.title ? elementGroups({ type: 'heading', text: card.title }) : []), ...card.body.flatMap((e, i) => elementGroups(e, i === firstTable))];
}

/** A message's `text`: the words escaped as mrkdwn, which Slack reads it as (a <!here> in it
 * would notify the channel). */
export const slackMessageText = (words: string): string => truncate(slackText(words), 3000) || ' ';

export function renderSlackMessage(card: Card): SlackMessagePayload {
  return { text: slackMessageText(cardFallback(card)), blocks: cap(cardGroups(card), SLACK_LIMITS.messageBlocks) };
}

/** A sentence alone, no card (an error, a refusal): `text` only. */
export function renderSlackText(words: string): { text: string } {
  return { text: slackMessageText(words) };
}

/** Several cards on the Home tab (up to 100 blocks). */
export function renderSlackHome(cards: Card[]): HomeView & { blocks: Block[] } {
  const divider: Group = { blocks: [{ type: 'divider' }], count: 0 };
  const groups = cards.flatMap((card, i) => [...(i > 0 ? [divider] : []), ...cardGroups(card)]);
  return { type: 'home', blocks: cap(groups, SLACK_LIMITS.modalBlocks) };
}
