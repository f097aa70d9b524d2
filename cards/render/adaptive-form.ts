// Neutral forms → Adaptive Cards 1.5 with inputs, submitted by an Action.Execute whose verb is the
// form id. After a refused submission the bot renders the form again: what was entered kept, and
// each error in red (attention colour) next to its input. And Teams' data back to raw values.
import { markdownText, plainField } from '../escape.ts';
import type { Field, FieldErrors, FieldValue, Form, FormValues } from '../model.ts';
import { adaptiveCard, textBlock } from './adaptive.ts';
import type { AdaptiveCard, CardElement, CardInput, TextBlock } from './adaptive-types.ts';
import { EMPTY_CHOICE } from './shared.ts';

const AAD_OBJECT_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** What the submit button carries besides the inputs (Teams merges the inputs into it). */
export interface AdaptiveFormData {
  form: string;
  metadata: Form['metadata'];
  /** The choices of its select fields, as JSON ({ field: [[value, label], ...] }): Teams sends back
   * only what was chosen, and a form shown again with its errors needs its choices again. */
  choices?: string;
}

/** The choices a form's submit data carried (see AdaptiveFormData), for showing it again. */
export function choicesCarried(data: Record<string, unknown>): Record<string, { value: string; label: string }[]> {
  if (typeof data.choices !== 'string') return {};
  try {
    const parsed = JSON.parse(data.choices) as unknown;
    if (typeof parsed !== 'object' || parsed === null) return {};
    const out: Record<string, { value: string; label: string }[]> = {};
    for (const [field, list] of Object.entries(parsed)) {
      if (!Array.isArray(list)) continue;
      out[field] = list.filter((c): c is [string, string] => Array.isArray(c) && typeof c[0] === 'string' && typeof c[1] === 'string').map(([value, label]) => ({ value, label }));
    }
    return out;
  } catch {
    return {};
  }
}

/** Words shown as they are (a hint, an error): escaped as markdown. */
const wordsBlock = (words: string, style: Omit<TextBlock, 'type' | 'text'>): TextBlock => ({ type: 'TextBlock', text: markdownText(words), wrap: true, ...style });

function input(field: Field, value: FieldValue | undefined, error: string | undefined): CardInput {
  const common = {
    id: field.id,
    label: plainField(field.label),
    ...(field.required ? { isRequired: true, errorMessage: plainField(error ?? `${field.label}: this is required.`) } : error ? { errorMessage: plainField(error) } : {}),
    ...(field.placeholder ? { placeholder: plainField(field.placeholder) } : {}),
  };
  const text = typeof value === 'string' && value !== '' ? value : undefined;
  switch (field.kind) {
    case 'text':
    case 'textarea':
      return {
        type: 'Input.Text',
        ...common,
        ...(field.kind === 'textarea' ? { isMultiline: true } : {}),
        ...(field.maxLength ? { maxLength: field.maxLength } : {}),
        ...(text ? { value: plainField(text) } : {}),
      };
    case 'number': {
      const n = typeof value === 'number' ? value : text !== undefined && Number.isFinite(Number(text)) ? Number(text) : undefined;
      return { type: 'Input.Number', ...common, ...(field.min !== undefined ? { min: field.min } : {}), ...(field.max !== undefined ? { max: field.max } : {}), ...(n !== undefined ? { value: n } : {}) };
    }
    case 'date':
      return { type: 'Input.Date', ...common, ...(text && /^\d{4}-\d{2}-\d{2}$/.test(text) ? { value: text } : {}) };
    case 'time':
      return { type: 'Input.Time', ...common, ...(text && /^\d{2}:\d{2}$/.test(text) ? { value: text } : {}) };
    case 'select':
    case 'multiselect': {
      // Only values that are among the choices (a stale or forged one is left out).
      const known = new Set((field.options ?? []).map((o) => o.value));
      const chosen = (Array.isArray(value) ? value : typeof value === 'string' ? [value] : []).filter((v) => known.has(v));
      return {
        type: 'Input.ChoiceSet',
        ...common,
        style: 'compact',
        ...(field.kind === 'multiselect' ? { isMultiSelect: true } : {}),
        // A choice set needs a choice: "None available" stands in (reading back as ''), as on Slack.
        choices: (field.options?.length ? field.options : [{ value: '', label: 'None available' }]).map((o) => ({ title: plainField(o.label), value: o.value || EMPTY_CHOICE })),
        ...(chosen.length > 0 ? { value: chosen.map((v) => v || EMPTY_CHOICE).join(',') } : {}),
      };
    }
    case 'people': {
      // Teams' people picker: the organisation's directory, searched as the person types. The
      // values are Azure AD object ids; an initial one is shown only if it looks like one.
      const chosen = (Array.isArray(value) ? value : typeof value === 'string' && value ? [value] : []).filter((v) => AAD_OBJECT_ID.test(v));
      return {
        type: 'Input.ChoiceSet',
        ...common,
        ...(field.multiple ? { isMultiSelect: true } : {}),
        choices: [],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
        ...(chosen.length > 0 ? { value: chosen.join(',') } : {}),
      };
    }
    case 'file':
      throw new Error(`form field ${field.id}: Adaptive Card forms take no files (renderAdaptiveForm leaves file fields out)`);
    case 'checkbox':
      return { type: 'Input.Toggle', ...common, title: plainField(field.hint ?? field.label), valueOn: 'true', valueOff: 'false', value: value === true ? 'true' : 'false' };
  }
}

/** Rules the host checks before sending, in words, shown under the input. */
function rulesHint(field: Field): string | undefined {
  if (field.kind !== 'number') return undefined;
  const kind = field.decimals ? 'A number' : 'A whole number';
  if (field.min !== undefined && field.max !== undefined) return `${kind} from ${field.min} to ${field.max}.`;
  if (field.min !== undefined) return `${kind} of ${field.min} or more.`;
  if (field.max !== undefined) return `${kind} up to ${field.max}.`;
  return field.decimals ? undefined : `${kind}.`;
}

/** A form as a card. `errors` (by field id) add to each field's own error; `values` are what
 * was entered, kept when the form comes back with its errors. */
export function renderAdaptiveForm(form: Form, errors: FieldErrors = {}, values: FormValues = {}): AdaptiveCard {
  const body: CardElement[] = [wordsBlock(form.title, { size: 'Large', weight: 'Bolder', style: 'heading' })];
  if (form.intro) body.push(textBlock(form.intro));
  const errorOf = (field: Field) => errors[field.id] ?? field.error;
  const problems = form.fields.filter(errorOf).length;
  if (problems > 0) body.push(wordsBlock(`Please correct ${problems === 1 ? 'the field' : `the ${problems} fields`} marked below.`, { color: 'Attention', weight: 'Bolder' }));
  // A Teams form takes no files: a file field is left out (files come in the personal chat).
  for (const field of form.fields.filter((f) => f.kind !== 'file')) {
    const entered = values[field.id];
    const value = entered === undefined || entered === null ? field.value : entered;
    const error = errorOf(field);
    body.push(input(field, value, error));
    const hint = [field.kind === 'checkbox' ? undefined : field.hint, rulesHint(field)].filter(Boolean).join(' ');
    if (hint) body.push(wordsBlock(hint, { isSubtle: true, size: 'Small', spacing: 'None' }));
    if (error) body.push(wordsBlock(`\u26a0\ufe0f ${error}`, { color: 'Attention', weight: 'Bolder', size: 'Small', spacing: 'None' }));
  }
  const selects = form.fields.filter((f) => (f.kind === 'select' || f.kind === 'multiselect') && f.options && f.options.length > 0);
  const choices = selects.length > 0 ? JSON.stringify(Object.fromEntries(selects.map((f) => [f.id, (f.options ?? []).map((o) => [o.value, o.label])]))) : undefined;
  const data: AdaptiveFormData = { form: form.id, metadata: form.metadata, ...(choices ? { choices } : {}) };
  return adaptiveCard(body, form.title, [{ type: 'Action.Execute', title: plainField(form.submitLabel), verb: form.id, style: 'positive', associatedInputs: 'auto', data: { ...data } }]);
}

const isEmpty = (raw: unknown) => raw === undefined || raw === null || raw === '';

/** An Action.Execute's data (the inputs merged in by Teams, all as strings) → raw values by field
 * id, the same shapes readSlackViewValues gives: text and numbers as strings, empty as null, a
 * checkbox as a boolean, a multiselect as string[] (Teams joins the choices with commas). */
/** A submitted value as text: strings, numbers and booleans; anything else (an object, which Teams
 * never sends for an input, and which String() may not even convert) reads as not given. */
function textOf(raw: unknown): string | undefined {
  return typeof raw === 'string' ? raw : typeof raw === 'number' || typeof raw === 'boolean' ? String(raw) : undefined;
}

export function readAdaptiveFormValues(form: Pick<Form, 'fields'>, data: Record<string, unknown>): FormValues {
  const out: FormValues = {};
  for (const field of form.fields) {
    const raw = data[field.id];
    switch (field.kind) {
      case 'checkbox':
        out[field.id] = raw === true || raw === 'true';
        break;
      case 'multiselect': {
        const list = Array.isArray(raw) ? raw.map((v) => textOf(v) ?? '') : (textOf(raw) ?? '').split(',');
        out[field.id] = list.filter((v) => v !== '').map((v) => (v === EMPTY_CHOICE ? '' : v));
        break;
      }
      case 'select':
        out[field.id] = raw === EMPTY_CHOICE ? '' : isEmpty(raw) ? null : (textOf(raw) ?? null);
        break;
      case 'file':
        out[field.id] = [];
        break;
      case 'people': {
        // Like a multiselect: only text is read; anything else a forged submission puts there is nobody.
        const list = (Array.isArray(raw) ? raw.map((v) => textOf(v) ?? '') : (textOf(raw) ?? '').split(',')).map((v) => v.trim()).filter((v) => v !== '');
        out[field.id] = field.multiple ? list : (list[0] ?? null);
        break;
      }
      default:
        out[field.id] = isEmpty(raw) ? null : (textOf(raw) ?? null);
    }
  }
  return out;
}
