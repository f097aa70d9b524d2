// The two answers every feature shares: a form to fill in, and a sentence. Each feature's own
// results sit beside its use cases; the union of all of them is src/features/index.ts's Result.
import type { z } from 'zod';
import type { FormSpec, ValuesSchema } from './feature.ts';

export interface Choice {
  value: string;
  label: string;
}

/** Initial values of a form's fields: text, a date or time as text, a checkbox, a list of choices. */
export type InitialValue = string | boolean | string[];

/** A field of a form whose fields depend on data (a return's figures, one per metric), after the
 * form's fixed fields. Labels and hints are literal text. The form's card definition reads such
 * fields back by their ids (its `fieldFor`). */
export interface DataField {
  id: string;
  label: string;
  kind: 'text' | 'textarea' | 'select';
  required?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  options?: Choice[];
}

export interface FormRequest<Id extends string = string, Field extends string = string> {
  kind: 'form';
  form: Id;
  values: Partial<Record<Field, InitialValue>>;
  /** Fields built from data, after the form's fixed ones. */
  fields?: DataField[];
  /** Problems with what was entered, by field id: the form comes back with them beside their
   * fields and what was typed kept (a refused page of a long form). */
  errors?: Record<string, string>;
  /** Carried through the form and back on submission: ids only. */
  metadata: Record<string, string>;
  /** Choices for select fields, by field id. */
  options?: Partial<Record<Field, Choice[]>>;
  /** A line above the fields, e.g. which meeting this is for. */
  context?: string;
  /** The submit button's label for this showing of the form, instead of the form's own: "Next:
   * page 2 of 3" on every page of a long form but the last (at most 24 characters: Slack's limit). */
  submitLabel?: string;
}

export type FieldOf<S extends FormSpec> = keyof z.input<ValuesSchema<S>> & string;

/** Asks the adapter to open `spec`'s form with these initial values. */
export function openForm<S extends FormSpec>(
  spec: S,
  init: {
    values?: Partial<Record<FieldOf<S>, InitialValue>>;
    metadata: z.input<S['metadata']> & Record<string, string>;
    options?: Partial<Record<FieldOf<S>, Choice[]>>;
    context?: string;
    fields?: DataField[];
    errors?: Record<string, string>;
    submitLabel?: string;
  },
): FormRequest<S['id'], FieldOf<S>> {
  return {
    kind: 'form',
    form: spec.id,
    values: init.values ?? {},
    metadata: init.metadata,
    ...(init.fields ? { fields: init.fields } : {}),
    ...(init.errors && Object.keys(init.errors).length > 0 ? { errors: init.errors } : {}),
    ...(init.options ? { options: init.options } : {}),
    ...(init.context ? { context: init.context } : {}),
    ...(init.submitLabel ? { submitLabel: init.submitLabel } : {}),
  };
}

export interface NoticeResult {
  kind: 'notice';
  text: string;
  tone?: 'default' | 'good' | 'attention';
}

export const notice = (text: string, tone: NoticeResult['tone'] = 'default'): NoticeResult => ({ kind: 'notice', text, tone });
