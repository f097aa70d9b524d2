// Neutral cards → Slack Block Kit messages, always within Slack's documented limits: long text is
// split across sections, and a card with more than a message holds ends with a visible
// "… (n more items)" (the card's buttons are kept) instead of being refused by Slack.
import { escapeSlack, toPlain, toSlackMrkdwn, truncate } from '../markup.ts';
import type { Action, Card, Element, ItemEntry, Tone } from '../model.ts';
import { cardFallback, itemHeadline, itemLines } from './shared.ts';
import { tableGroups } from './slack-table.ts';
import { type Block, type Group, mrkdwn, plain, SLACK_LIMITS, splitText } from './slack-text.ts';

export { SLACK_LIMITS, splitText, type Block, type Group };

const TONE_PREFIX: Record<Tone, string> = { default: '', good: ':white_check_mark: ', warning: ':warning: ', attention: ':red_circle: ' };
const INDENT = '    ';

const sections = (text: string): Block[] => splitText(text).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));

/** Two buttons with one action id in a block must be told apart: "plan.decide#2". */
function button(action: Action, index: number): Block {
  if (action.kind === 'link') return { type: 'button', action_id: `link#${index}`, text: plain(action.label, SLACK_LIMITS.buttonText), url: action.url };
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

function actionBlocks(actions: Action[]): Block[] {
  const blocks: Block[] = [];
  for (let i = 0; i < actions.length; i += SLACK_LIMITS.elementsPerActions) {
    const seen = new Map<string, number>();
    const elements = actions.slice(i, i + SLACK_LIMITS.elementsPerActions).map((action) => {
      const key = action.kind === 'button' ? action.id : 'link';
      const n = seen.get(key) ?? 0;
      seen.set(key, n + 1);
      return button(action, n);
    });
    blocks.push({ type: 'actions', elements });
  }
  return blocks;
}

function itemText(item: ItemEntry): string {
  return [toSlackMrkdwn(itemHeadline(item)), ...itemLines(item).map((l) => INDENT + toSlackMrkdwn(l))].join('\n');
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
    groups.push({
      count: 1,
      blocks: [
        { type: 'section', text: mrkdwn(first ?? ' '), ...(actions.length === 1 ? { accessory: button(actions[0] as Action, 0) } : {}) },
        ...rest.map((piece) => ({ type: 'section', text: mrkdwn(piece) })),
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

export function elementGroups(element: Element): Group[] {
  switch (element.type) {
    case 'heading':
      return toPlain(element.text).trim() ? [{ blocks: [{ type: 'header', text: plain(element.text, SLACK_LIMITS.headerText) }], count: 0 }] : [];
    case 'text': {
      const text = TONE_PREFIX[element.tone ?? 'default'] + toSlackMrkdwn(element.text);
      if (!element.text.trim()) return [];
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
        const fields = facts.map((f) => mrkdwn(truncate(`*${escapeSlack(toPlain(f.label))}*\n${toSlackMrkdwn(f.value)}`, SLACK_LIMITS.fieldText)));
        groups.push({ blocks: [{ type: 'section', fields }], count: facts.length });
      }
      return groups;
    }
    case 'items':
      return itemGroups(element.items);
    case 'table':
      return tableGroups(element);
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
  /** Plain text for notifications and screen readers; Slack wants it with every message. */
  text: string;
  blocks: Block[];
}

function cardGroups(card: Card): Group[] {
  return [...(card.title ? elementGroups({ type: 'heading', text: card.title }) : []), ...card.body.flatMap(elementGroups)];
}

export function renderSlackMessage(card: Card): SlackMessagePayload {
  return { text: truncate(cardFallback(card), 3000), blocks: cap(cardGroups(card), SLACK_LIMITS.messageBlocks) };
}

/** Several cards on the Home tab (up to 100 blocks). */
export function renderSlackHome(cards: Card[]): { type: 'home'; blocks: Block[] } {
  const groups = cards.flatMap((card, i) => [...(i > 0 ? [{ blocks: [{ type: 'divider' }], count: 0 }] : []), ...cardGroups(card)]);
  return { type: 'home', blocks: cap(groups, SLACK_LIMITS.modalBlocks) };
}
