// Neutral forms → Slack modals; field errors the Slack way (response_action: errors, keyed by
// block_id, which is the field id); and a view_submission's state.values back to raw values.
import type { Checkboxes, Datepicker, FileInput, InputBlock, ModalView, MultiStaticSelect, MultiUsersSelect, NumberInput, PlainTextInput, PlainTextOption, StaticSelect, Timepicker, UsersSelect } from '@slack/types';
import { cleanText, slackText, truncate } from '../escape.ts';
import { toSlackMrkdwn } from '../markup.ts';
import type { Field, FieldErrors, Form, FormValues } from '../model.ts';
import { EMPTY_CHOICE } from './shared.ts';
import { cap } from './slack.ts';
import { type Block, type Group, mrkdwn, plain, SLACK_LIMITS, splitText, truncateMrkdwn } from './slack-text.ts';

export { EMPTY_CHOICE };

/** Every input's action_id; the block_id is the field id. */
export const INPUT_ACTION_ID = 'value';

/** Slack refuses a select without options: "None available" stands in, reading back as ''. */
const optionsOf = (field: Field) => {
  const options = (field.options ?? []).slice(0, SLACK_LIMITS.optionsPerSelect);
  return (options.length > 0 ? options : [{ value: '', label: 'None available' }]).map(option);
};

const option = (o: { value: string; label: string }): PlainTextOption => ({ text: plain(o.label, SLACK_LIMITS.optionText), value: truncate(o.value || EMPTY_CHOICE, SLACK_LIMITS.optionValue) });

/** Slack refuses a whole view whose number_input starts outside its own rules, so a value that
 * breaks them (typically the one being complained about) is left out. */
function numberInitial(field: Field): string | undefined {
  const raw = typeof field.value === 'number' ? String(field.value) : typeof field.value === 'string' ? field.value.trim() : '';
  if (raw === '' || !Number.isFinite(Number(raw))) return undefined;
  const n = Number(raw);
  if (!field.decimals && !Number.isInteger(n)) return undefined;
  if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) return undefined;
  return raw;
}

const text = (value: Field['value']) => (typeof value === 'string' && value ? value : undefined);

type InputElement = FileInput | PlainTextInput | NumberInput | Datepicker | Timepicker | StaticSelect | MultiStaticSelect | Checkboxes | UsersSelect | MultiUsersSelect;

const SLACK_USER_ID = /^[UW][A-Z0-9]{1,20}$/;

function inputElement(field: Field): InputElement {
  const base = { action_id: INPUT_ACTION_ID, ...(field.placeholder ? { placeholder: plain(field.placeholder, SLACK_LIMITS.placeholder) } : {}) };
  switch (field.kind) {
    case 'text':
    case 'textarea': {
      const maxLength = Math.min(field.maxLength ?? SLACK_LIMITS.textInputLength, SLACK_LIMITS.textInputLength);
      const initial = text(field.value);
      return {
        type: 'plain_text_input',
        ...base,
        multiline: field.kind === 'textarea',
        max_length: maxLength,
        ...(initial ? { initial_value: truncate(cleanText(initial), maxLength + 1).slice(0, maxLength) } : {}),
      };
    }
    case 'number': {
      const initial = numberInitial(field);
      return {
        type: 'number_input',
        ...base,
        is_decimal_allowed: field.decimals === true,
        ...(initial !== undefined ? { initial_value: initial } : {}),
        ...(field.min !== undefined ? { min_value: String(field.min) } : {}),
        ...(field.max !== undefined ? { max_value: String(field.max) } : {}),
      };
    }
    case 'date': {
      const initial = text(field.value);
      return { type: 'datepicker', ...base, ...(initial && /^\d{4}-\d{2}-\d{2}$/.test(initial) ? { initial_date: initial } : {}) };
    }
    case 'time': {
      const initial = text(field.value);
      return { type: 'timepicker', ...base, ...(initial && /^\d{2}:\d{2}$/.test(initial) ? { initial_time: initial } : {}) };
    }
    case 'select': {
      const options = optionsOf(field);
      const initial = typeof field.value === 'string' ? options.find((o) => o.value === (field.value || EMPTY_CHOICE)) : undefined;
      return { type: 'static_select', ...base, options, ...(initial ? { initial_option: initial } : {}) };
    }
    case 'multiselect': {
      const options = optionsOf(field);
      const chosen = Array.isArray(field.value) ? field.value : [];
      const initial = options.filter((o) => o.value !== undefined && chosen.includes(o.value));
      return { type: 'multi_static_select', ...base, options, ...(initial.length > 0 ? { initial_options: initial } : {}) };
    }
    case 'people': {
      // Slack refuses a view whose initial users are not user ids, so anything else is left out.
      const chosen = (Array.isArray(field.value) ? field.value : typeof field.value === 'string' && field.value ? [field.value] : []).filter((v) => SLACK_USER_ID.test(v));
      if (field.multiple) return { type: 'multi_users_select', ...base, ...(chosen.length > 0 ? { initial_users: chosen.slice(0, 100) } : {}) };
      return { type: 'users_select', ...base, ...(chosen[0] ? { initial_user: chosen[0] } : {}) };
    }
    case 'file':
      return { type: 'file_input', action_id: INPUT_ACTION_ID, max_files: 1, ...(field.filetypes ? { filetypes: field.filetypes } : {}) };
    case 'checkbox': {
      const box = { text: plain(field.hint ?? field.label, SLACK_LIMITS.optionText), value: 'true' };
      return { type: 'checkboxes', action_id: INPUT_ACTION_ID, options: [box], ...(field.value === true ? { initial_options: [box] } : {}) };
    }
  }
}

const errorLine = (message: string): Block => ({ type: 'context', elements: [mrkdwn(`:warning: *${truncateMrkdwn(slackText(message, false), SLACK_LIMITS.contextText - 20)}*`)] });

function fieldGroup(field: Field, error: string | undefined): Group {
  const input: InputBlock = {
    type: 'input',
    block_id: field.id,
    optional: !field.required,
    label: plain(field.label, SLACK_LIMITS.inputLabel),
    ...(field.hint && field.kind !== 'checkbox' ? { hint: plain(field.hint, SLACK_LIMITS.hint) } : {}),
    element: inputElement(field),
  };
  return { blocks: [input, ...(error ? [errorLine(error)] : [])], count: 1, keep: true };
}

/** A form as a modal. Errors (the form's own, then `errors`, by field id) show under their
 * inputs; in reply to a submission use slackErrorsResponse instead, which keeps what was typed. */
export function renderSlackModal(form: Form, errors: FieldErrors = {}): ModalView & { blocks: Block[] } {
  const metadata = JSON.stringify(form.metadata);
  if (metadata.length > SLACK_LIMITS.privateMetadata) throw new Error(`form ${form.id}: its metadata is ${metadata.length} characters; Slack allows ${SLACK_LIMITS.privateMetadata}`);
  const errorOf = (field: Field) => errors[field.id] ?? field.error;
  const problems = form.fields.filter(errorOf).length;
  const intro: Group[] = [
    ...(form.intro ? [{ blocks: splitText(toSlackMrkdwn(form.intro)).map((t): Block => ({ type: 'section', text: mrkdwn(t) })), count: 0 }] : []),
    ...(problems > 0 ? [{ blocks: [{ type: 'section' as const, text: mrkdwn(`:warning: *Please correct ${problems === 1 ? 'the field' : `the ${problems} fields`} marked below.*`) }], count: 0 }] : []),
  ];
  return {
    type: 'modal',
    callback_id: form.id,
    title: plain(form.title, SLACK_LIMITS.modalTitle),
    submit: plain(form.submitLabel, SLACK_LIMITS.modalButton),
    close: plain(form.closeLabel ?? 'Cancel', SLACK_LIMITS.modalButton),
    private_metadata: metadata,
    blocks: cap([...intro, ...form.fields.map((f) => fieldGroup(f, errorOf(f)))], SLACK_LIMITS.modalBlocks),
  };
}

export interface SlackErrorsResponse {
  response_action: 'errors';
  errors: Record<string, string>;
}

/** Field errors the Slack way, in answer to a view_submission: shown under each input, the modal
 * stays open with what was typed. Keys are block ids, which are the field ids. */
export function slackErrorsResponse(errors: FieldErrors): SlackErrorsResponse {
  return { response_action: 'errors', errors: Object.fromEntries(Object.entries(errors).map(([k, v]) => [k, truncate(cleanText(v), 2000) || ' '])) };
}

/** One input's state, as Slack sends it in view.state.values[block_id][action_id]. */
export interface SlackInputState {
  type?: string;
  value?: string | null;
  selected_date?: string | null;
  selected_time?: string | null;
  selected_option?: { value: string } | null;
  selected_options?: { value: string }[];
  selected_user?: string | null;
  selected_users?: string[];
  /** file_input: the uploaded files (Slack sends each file's object; the id is what is read). */
  files?: { id?: string }[];
}

/** A view_submission's state.values → raw values by field id (validated later, in the core):
 * text and numbers as typed (strings), '' and nothing as null, a checkbox as a boolean, a
 * multiselect as string[]. */
export function readSlackViewValues(form: Pick<Form, 'fields'>, values: Record<string, Record<string, SlackInputState>>): FormValues {
  const out: FormValues = {};
  for (const field of form.fields) {
    const block = values[field.id];
    const state = block ? (block[INPUT_ACTION_ID] ?? Object.values(block)[0]) : undefined;
    switch (field.kind) {
      case 'date':
        out[field.id] = state?.selected_date || null;
        break;
      case 'time':
        out[field.id] = state?.selected_time || null;
        break;
      case 'select': {
        const v = state?.selected_option?.value ?? null;
        out[field.id] = v === EMPTY_CHOICE ? '' : v;
        break;
      }
      case 'multiselect':
        out[field.id] = (state?.selected_options ?? []).map((o) => (o.value === EMPTY_CHOICE ? '' : o.value));
        break;
      case 'checkbox':
        out[field.id] = (state?.selected_options ?? []).some((o) => o.value === 'true');
        break;
      case 'file':
        out[field.id] = (Array.isArray(state?.files) ? state.files : []).flatMap((f) => (typeof f?.id === 'string' && f.id !== '' ? [f.id] : []));
        break;
      case 'people':
        out[field.id] = field.multiple ? (state?.selected_users ?? []).filter((v) => typeof v === 'string' && v !== '') : state?.selected_user || null;
        break;
      default:
        out[field.id] = state?.value || null;
    }
  }
  return out;
}
