// Neutral cards and forms → Slack Block Kit, within Slack's documented limits: long text is split
// across sections, and a card with more than a message can hold ends with "… n more not shown".
import { escapeSlack, toPlain, toSlackMrkdwn, truncate } from '../markup.ts';
import type { Action, Card, Element, Field, Form, FormValues, Tone } from '../model.ts';

type Block = Record<string, unknown>;

/** Neither platform accepts an empty choice value; this stands for "none" and reads back as ''. */
export const EMPTY_CHOICE = '-';

export const SLACK_LIMITS = {
  messageBlocks: 50,
  modalBlocks: 100,
  sectionText: 3000,
  headerText: 150,
  buttonText: 75,
  buttonValue: 2000,
  actionId: 255,
  modalTitle: 24,
  privateMetadata: 3000,
  fieldText: 2000,
  fieldsPerSection: 10,
  elementsPerActions: 25,
  contextElements: 10,
  optionText: 75,
  optionValue: 150,
  inputLabel: 2000,
  placeholder: 150,
} as const;

const plain = (text: string, max: number) => ({ type: 'plain_text', text: truncate(toPlain(text), max), emoji: true });
const mrkdwn = (text: string) => ({ type: 'mrkdwn', text });

const TONE_PREFIX: Record<Tone, string> = { default: '', good: ':white_check_mark: ', warning: ':warning: ', attention: ':red_circle: ' };

/** Splits mrkdwn into pieces of at most `max` characters, at line ends where possible. */
export function splitText(text: string, max: number = SLACK_LIMITS.sectionText): string[] {
  const pieces: string[] = [];
  let current = '';
  for (const line of text.split('\n')) {
    const candidate = current ? `${current}\n${line}` : line;
    if (candidate.length <= max) {
      current = candidate;
      continue;
    }
    if (current) pieces.push(current);
    let rest = line;
    while (rest.length > max) {
      pieces.push(rest.slice(0, max));
      rest = rest.slice(max);
    }
    current = rest;
  }
  if (current || pieces.length === 0) pieces.push(current || ' ');
  return pieces;
}

const sections = (text: string): Block[] => splitText(text).map((piece) => ({ type: 'section', text: mrkdwn(piece) }));

/** Two buttons with one action id in a message must be told apart: "outbox.retry#2". */
function button(action: Action, index: number): Block {
  if (action.kind === 'link') return { type: 'button', text: plain(action.label, SLACK_LIMITS.buttonText), url: action.url, action_id: `link#${index}` };
  const value = JSON.stringify(action.payload ?? {});
  if (value.length > SLACK_LIMITS.buttonValue) throw new Error(`button ${action.id}: payload longer than Slack allows`);
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
          },
        }
      : {}),
  };
}

/** The action id a click carries, without the "#n" that keeps buttons apart. */
export const slackActionName = (actionId: string): string => actionId.replace(/#\d+$/, '');

function tableBlocks(element: Extract<Element, { type: 'table' }>): Block[] {
  // Block Kit has no table: a monospace block keeps the columns aligned; RAG goes beside it.
  const rows = [element.columns.map((c) => c.title), ...element.rows.map((r) => r.map((c) => (typeof c === 'string' ? c : c.text)))];
  const widths = element.columns.map((_, i) => Math.min(28, Math.max(...rows.map((r) => toPlain(r[i] ?? '').length))));
  const line = (r: string[]) =>
    r
      .map((c, i) => {
        const text = truncate(toPlain(c), widths[i] ?? 10);
        return element.columns[i]?.align === 'right' ? text.padStart(widths[i] ?? 0) : text.padEnd(widths[i] ?? 0);
      })
      .join('  ')
      .trimEnd();
  const ragColumn = element.columns.findIndex((_, i) => element.rows.some((r) => typeof r[i] === 'object' && (r[i] as { rag?: string }).rag));
  const lines = rows.map((r, index) => {
    const rag = index > 0 && ragColumn >= 0 ? element.rows[index - 1]?.[ragColumn] : undefined;
    return escapeSlack(line(r)) + (rag && typeof rag === 'object' && rag.rag ? `  ${rag.rag.toUpperCase()}` : '');
  });
  const blocks: Block[] = [];
  if (element.caption) blocks.push({ type: 'section', text: mrkdwn(toSlackMrkdwn(element.caption)) });
  for (const piece of splitText(lines.join('\n'), SLACK_LIMITS.sectionText - 8)) {
    blocks.push({ type: 'section', text: mrkdwn('```' + piece + '```') });
  }
  const ragCells = element.rows.flatMap((r) => r.filter((c) => typeof c === 'object' && c.rag));
  if (ragCells.length > 0) blocks.push({ type: 'context', elements: [mrkdwn(':red_circle: Red  :large_orange_circle: Amber  :large_green_circle: Green')] });
  return blocks;
}

function elementBlocks(element: Element): Block[] {
  switch (element.type) {
    case 'heading':
      return [{ type: 'header', text: plain(element.text, SLACK_LIMITS.headerText) }];
    case 'text':
      return sections(TONE_PREFIX[element.tone ?? 'default'] + toSlackMrkdwn(element.text));
    case 'context':
      return [{ type: 'context', elements: [mrkdwn(truncate(toSlackMrkdwn(element.text), SLACK_LIMITS.sectionText))] }];
    case 'divider':
      return [{ type: 'divider' }];
    case 'facts': {
      const blocks: Block[] = [];
      for (let i = 0; i < element.facts.length; i += SLACK_LIMITS.fieldsPerSection) {
        blocks.push({
          type: 'section',
          fields: element.facts.slice(i, i + SLACK_LIMITS.fieldsPerSection).map((f) =>
            mrkdwn(truncate(`*${escapeSlack(toPlain(f.label))}*\n${toSlackMrkdwn(f.value)}`, SLACK_LIMITS.fieldText)),
          ),
        });
      }
      return blocks;
    }
    case 'items':
      return element.items.flatMap((item) => {
        const head = `${item.number ? `*${escapeSlack(item.number)}.* ` : ''}${toSlackMrkdwn(item.title)}`;
        const text = [head, ...(item.lines ?? []).map((l) => `      ${toSlackMrkdwn(l)}`)].join('\n');
        const [first, ...rest] = splitText(text);
        const actions = item.actions ?? [];
        return [
          { type: 'section', text: mrkdwn(first as string), ...(actions.length === 1 ? { accessory: button(actions[0] as Action, 0) } : {}) },
          ...rest.map((piece) => ({ type: 'section', text: mrkdwn(piece) })),
          ...(actions.length > 1 ? elementBlocks({ type: 'actions', actions }) : []),
        ];
      });
    case 'table':
      return tableBlocks(element);
    case 'actions': {
      const seen = new Map<string, number>();
      const elements = element.actions.slice(0, SLACK_LIMITS.elementsPerActions).map((action) => {
        const key = action.kind === 'button' ? action.id : 'link';
        const n = seen.get(key) ?? 0;
        seen.set(key, n + 1);
        return button(action, n);
      });
      return [{ type: 'actions', elements }];
    }
  }
}

function cap(blocks: Block[], max: number): Block[] {
  if (blocks.length <= max) return blocks;
  const kept = blocks.slice(0, max - 1);
  return [...kept, { type: 'context', elements: [mrkdwn(`\u2026 ${blocks.length - kept.length} more not shown here.`)] }];
}

export interface SlackMessagePayload {
  text: string;
  blocks: Block[];
}

export function renderSlackMessage(card: Card): SlackMessagePayload {
  const blocks = [...(card.title ? elementBlocks({ type: 'heading', text: card.title }) : []), ...card.body.flatMap(elementBlocks)];
  return { text: truncate(toPlain(card.fallback), 3000), blocks: cap(blocks, SLACK_LIMITS.messageBlocks) };
}

/** The blocks of a card for a Home tab view (up to 100 blocks). */
export function renderSlackHome(cards: Card[]): { type: 'home'; blocks: Block[] } {
  const blocks = cards.flatMap((card, i) => [
    ...(i > 0 ? [{ type: 'divider' }] : []),
    ...(card.title ? elementBlocks({ type: 'heading', text: card.title }) : []),
    ...card.body.flatMap(elementBlocks),
  ]);
  return { type: 'home', blocks: cap(blocks, SLACK_LIMITS.modalBlocks) };
}

function inputElement(field: Field): Block {
  const value = field.value;
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return {
        type: 'plain_text_input',
        action_id: 'value',
        multiline: field.kind === 'textarea',
        ...(typeof value === 'string' && value ? { initial_value: value } : {}),
        ...(field.maxLength ? { max_length: Math.min(field.maxLength, 3000) } : {}),
        ...(field.placeholder ? { placeholder: plain(field.placeholder, SLACK_LIMITS.placeholder) } : {}),
      };
    case 'number':
      return {
        type: 'number_input',
        action_id: 'value',
        is_decimal_allowed: false,
        ...(typeof value === 'string' && value ? { initial_value: value } : {}),
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
      };
    case 'date':
      return { type: 'datepicker', action_id: 'value', ...(typeof value === 'string' && value ? { initial_date: value } : {}) };
    case 'time':
      return { type: 'timepicker', action_id: 'value', ...(typeof value === 'string' && value ? { initial_time: value } : {}) };
    case 'select': {
      const options = (field.options ?? []).map((o) => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: o.value || EMPTY_CHOICE }));
      const initial = options.find((o) => o.value === (value || EMPTY_CHOICE));
      return { type: 'static_select', action_id: 'value', options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'checkbox': {
      const option = { text: plain(field.hint ?? field.label, SLACK_LIMITS.optionText), value: 'true' };
      return { type: 'checkboxes', action_id: 'value', options: [option], ...(value === true ? { initial_options: [option] } : {}) };
    }
  }
}

export function renderSlackModal(form: Form): Record<string, unknown> {
  const metadata = JSON.stringify(form.metadata);
  if (metadata.length > SLACK_LIMITS.privateMetadata) throw new Error(`form ${form.id}: metadata longer than Slack allows`);
  const blocks: Block[] = [
    ...(form.intro ? sections(toSlackMrkdwn(form.intro)) : []),
    ...form.fields.map((field) => ({
      type: 'input',
      block_id: field.id,
      optional: !field.required,
      label: plain(field.label, SLACK_LIMITS.inputLabel),
      ...(field.hint && field.kind !== 'checkbox' ? { hint: plain(field.hint, SLACK_LIMITS.inputLabel) } : {}),
      element: inputElement(field),
    })),
  ];
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, SLACK_LIMITS.modalTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.modalTitle),
    close: plain('Cancel', SLACK_LIMITS.modalTitle),
    private_metadata: metadata,
    blocks: cap(blocks, SLACK_LIMITS.modalBlocks),
  };
}

/** Field errors the Slack way: shown under each input, the modal stays open. */
export function slackErrorsResponse(errors: Record<string, string>): { response_action: 'errors'; errors: Record<string, string> } {
  return { response_action: 'errors', errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, truncate(v, 2000)])) };
}

type SlackStateValue = {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
};

/** A view_submission's state.values → raw values by field id (validated later, in the core). */
export function readSlackViewValues(form: Pick<Form, 'fields'>, values: Record<string, Record<string, SlackStateValue>>): FormValues {
  const out: FormValues = {};
  for (const field of form.fields) {
    const state = values[field.id]?.value;
    if (!state) {
      out[field.id] = field.kind === 'checkbox' ? false : null;
      continue;
    }
    switch (field.kind) {
      case 'date':
        out[field.id] = state.selected_date ?? null;
        break;
      case 'time':
        out[field.id] = state.selected_time ?? null;
        break;
      case 'select': {
        const v = state.selected_option?.value ?? null;
        out[field.id] = v === EMPTY_CHOICE ? '' : v;
        break;
      }
      case 'checkbox':
        out[field.id] = (state.selected_options ?? []).some((o) => o.value === 'true');
        break;
      default:
        out[field.id] = state.value ?? null;
    }
  }
  return out;
}
