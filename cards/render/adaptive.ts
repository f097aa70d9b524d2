// Neutral cards and forms → Adaptive Cards 1.5 (what Teams renders). Buttons are Action.Execute
// (Universal Actions): Teams sends an adaptiveCard/action invoke and the bot answers with the
// updated card, so a clicked card changes in place.
import { toAdaptiveMarkdown, toPlain } from '../markup.ts';
import type { Action, Card, Element, Field, Form, FormValues, Tone } from '../model.ts';
import { EMPTY_CHOICE } from './slack.ts';

type Json = Record<string, unknown>;

export const ADAPTIVE_SCHEMA = 'http://adaptivecards.io/schemas/adaptive-card.json';
export const ADAPTIVE_CONTENT_TYPE = 'application/vnd.microsoft.card.adaptive';

const COLOR: Record<Tone, string> = { default: 'Default', good: 'Good', warning: 'Warning', attention: 'Attention' };
const RAG_COLOR = { red: 'Attention', amber: 'Warning', green: 'Good' } as const;

const textBlock = (text: string, extra: Json = {}): Json => ({ type: 'TextBlock', text: toAdaptiveMarkdown(text), wrap: true, ...extra });

function action(a: Action): Json {
  if (a.kind === 'link') return { type: 'Action.OpenUrl', title: a.label, url: a.url };
  return {
    type: 'Action.Execute',
    title: a.label,
    verb: a.id,
    data: { ...(a.payload ?? {}) },
    ...(a.style ? { style: a.style === 'primary' ? 'positive' : 'destructive' } : {}),
  };
}

/** Teams shows at most 5 actions in a set: longer rows become several sets. */
function actionSets(actions: Action[]): Json[] {
  const sets: Json[] = [];
  for (let i = 0; i < actions.length; i += 5) sets.push({ type: 'ActionSet', actions: actions.slice(i, i + 5).map(action) });
  return sets;
}

function elementJson(element: Element): Json[] {
  switch (element.type) {
    case 'heading':
      return [textBlock(toPlain(element.text), { size: 'Large', weight: 'Bolder' })];
    case 'text':
      return [textBlock(element.text, { ...(element.tone && element.tone !== 'default' ? { color: COLOR[element.tone] } : {}), ...(element.muted ? { isSubtle: true } : {}) })];
    case 'context':
      return [textBlock(element.text, { isSubtle: true, size: 'Small' })];
    case 'divider':
      return [{ type: 'Container', separator: true, spacing: 'Medium', items: [] }];
    case 'facts':
      return [{ type: 'FactSet', facts: element.facts.map((f) => ({ title: toPlain(f.label), value: f.value })) }];
    case 'items':
      return element.items.map((item) => ({
        type: 'Container',
        spacing: 'Small',
        items: [
          textBlock(`${item.number ? `**${item.number}.** ` : ''}${item.title}`),
          ...(item.lines && item.lines.length > 0 ? [textBlock(item.lines.join('\n\n'), { isSubtle: true, spacing: 'None' })] : []),
          ...actionSets(item.actions ?? []),
        ],
      }));
    case 'table':
      return [
        ...(element.caption ? [textBlock(element.caption)] : []),
        {
          type: 'Table',
          gridStyle: 'accent',
          firstRowAsHeader: true,
          columns: element.columns.map((c) => ({ width: 1, ...(c.align === 'right' ? { horizontalCellContentAlignment: 'Right' } : {}) })),
          rows: [
            { type: 'TableRow', style: 'accent', cells: element.columns.map((c) => ({ type: 'TableCell', items: [textBlock(c.title, { weight: 'Bolder' })] })) },
            ...element.rows.map((row) => ({
              type: 'TableRow',
              cells: row.map((cell) => ({
                type: 'TableCell',
                items: [
                  typeof cell === 'string'
                    ? textBlock(cell)
                    : textBlock(cell.rag ? `${cell.text || cell.rag.toUpperCase()}` : cell.text, cell.rag ? { color: RAG_COLOR[cell.rag], weight: 'Bolder' } : {}),
                ],
              })),
            })),
          ],
        },
      ];
    case 'actions':
      return actionSets(element.actions);
  }
}

export function renderAdaptiveCard(card: Card): Json {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_SCHEMA,
    version: '1.5',
    fallbackText: toPlain(card.fallback),
    msteams: { width: 'Full' },
    body: [...(card.title ? elementJson({ type: 'heading', text: card.title }) : []), ...card.body.flatMap(elementJson)],
  };
}

export function adaptiveAttachment(content: Json): { contentType: string; content: Json } {
  return { contentType: ADAPTIVE_CONTENT_TYPE, content };
}

function input(field: Field, value: string | boolean | undefined, error: string | undefined): Json {
  const common = {
    id: field.id,
    label: field.label,
    ...(field.required ? { isRequired: true, errorMessage: error ?? `${field.label} is required.` } : error ? { errorMessage: error } : {}),
  };
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return {
        type: 'Input.Text',
        ...common,
        ...(field.kind === 'textarea' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(field.placeholder ? { placeholder: field.placeholder } : {}),
        ...(typeof value === 'string' && value ? { value } : {}),
      };
    case 'number':
      return {
        type: 'Input.Number',
        ...common,
        ...(field.min !== undefined ? { min: field.min } : {}),
        ...(field.max !== undefined ? { max: field.max } : {}),
        ...(typeof value === 'string' && value !== '' && Number.isFinite(Number(value)) ? { value: Number(value) } : {}),
      };
    case 'date':
      return { type: 'Input.Date', ...common, ...(typeof value === 'string' && value ? { value } : {}) };
    case 'time':
      return { type: 'Input.Time', ...common, ...(typeof value === 'string' && value ? { value } : {}) };
    case 'select':
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        choices: (field.options ?? []).map((o) => ({ title: o.label, value: o.value || EMPTY_CHOICE })),
        ...(typeof value === 'string' ? { value: value || EMPTY_CHOICE } : {}),
      };
    case 'checkbox':
      return { type: 'Input.Toggle', ...common, title: field.hint ?? field.label, valueOn: 'true', valueOff: 'false', value: value === true ? 'true' : 'false' };
  }
}

/** A form as a card; after a failed submission, the same form with what was entered kept and
 * each error in red under its field. */
export function renderAdaptiveForm(form: Form, errors: Record<string, string> = {}, values: FormValues = {}): Json {
  const body: Json[] = [textBlock(form.title, { size: 'Large', weight: 'Bolder' })];
  if (form.intro) body.push(textBlock(form.intro));
  const problems = Object.keys(errors).length;
  if (problems > 0) body.push(textBlock(`Please correct ${problems === 1 ? 'the field' : `the ${problems} fields`} marked below.`, { color: 'Attention', weight: 'Bolder' }));
  for (const field of form.fields) {
    const entered = values[field.id];
    const value = entered === undefined || entered === null ? field.value : typeof entered === 'boolean' ? entered : String(entered);
    body.push(input(field, value, errors[field.id]));
    if (field.hint && field.kind !== 'checkbox') body.push(textBlock(field.hint, { isSubtle: true, size: 'Small', spacing: 'None' }));
    const error = errors[field.id];
    if (error) body.push(textBlock(error, { color: 'Attention', size: 'Small', spacing: 'None' }));
  }
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_SCHEMA,
    version: '1.5',
    fallbackText: form.title,
    body,
    actions: [{ type: 'Action.Execute', title: form.submitLabel, verb: form.id, style: 'positive', data: { form: form.id, metadata: form.metadata } }],
  };
}

/** An Action.Execute's data (inputs merged in by Teams) → raw values by field id. */
export function readAdaptiveFormValues(form: Pick<Form, 'fields'>, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const field of form.fields) {
    const raw = data[field.id];
    if (field.kind === 'checkbox') out[field.id] = raw === true || raw === 'true';
    else if (field.kind === 'select' && raw === EMPTY_CHOICE) out[field.id] = '';
    else out[field.id] = raw === undefined || raw === null ? null : String(raw);
  }
  return out;
}
