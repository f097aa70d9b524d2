// Typed builders for what a card sends back to the core: a button names one of the features'
// buttons and carries exactly its payload; a form defines exactly the fields its feature reads.
// A misspelt id, a wrong payload or a missing field is a compile error.
import type { ButtonId, ButtonPayload, FormField, FormId } from '../src/features/index.ts';
import type { Action, Confirm, Field, Form, Payload } from './model.ts';

export function button<K extends ButtonId>(id: K, label: string, payload: ButtonPayload<K>, options: { style?: 'primary' | 'danger'; confirm?: Confirm } = {}): Action {
  return { kind: 'button', id, label, payload: payload as Payload, ...options };
}

export const link = (label: string, url: string): Action => ({ kind: 'link', label, url });

/** A field as a form defines it; its id is its key in the form's `fields`. */
export type FieldDefinition = Omit<Field, 'id' | 'value' | 'error'>;

export interface FormDefinition<K extends FormId = FormId> {
  id: K;
  /** Slack shows at most 24 characters. */
  title: string;
  submitLabel: string;
  closeLabel?: string;
  intro?: string;
  /** Every field the feature reads, in the order shown. */
  fields: { [F in FormField<K>]: FieldDefinition };
  /** For a form with fields built from data (FormRequest.fields): the field an id names, to read
   * a submission back; undefined for ids the form never has. */
  fieldFor?: (id: string) => FieldDefinition | undefined;
}

/** A form's shape without its metadata, and how to read back the fields it builds from data. */
export type FormShape = Omit<Form, 'metadata'> & Pick<FormDefinition, 'fieldFor'>;

/** The fields to read from a submission: the fixed ones, then every submitted id the form's
 * fieldFor knows (fields built from data). */
export function submittedFields(shape: FormShape, submittedIds: Iterable<string>): Form['fields'] {
  const fields = [...shape.fields];
  if (!shape.fieldFor) return fields;
  const fixed = new Set(fields.map((f) => f.id));
  for (const id of submittedIds) {
    if (fixed.has(id)) continue;
    const field = shape.fieldFor(id);
    if (field) fields.push({ id, ...field });
  }
  return fields;
}

export const defineForm = <K extends FormId>(definition: FormDefinition<K>): FormDefinition<K> => definition;

/** The definition as the neutral model's Form (without metadata). */
export function formShape(definition: FormDefinition): FormShape {
  const fields = Object.entries(definition.fields as Record<string, FieldDefinition>).map(([id, field]) => ({ id, ...field }));
  return {
    id: definition.id,
    title: definition.title,
    submitLabel: definition.submitLabel,
    ...(definition.closeLabel ? { closeLabel: definition.closeLabel } : {}),
    ...(definition.intro ? { intro: definition.intro } : {}),
    ...(definition.fieldFor ? { fieldFor: definition.fieldFor } : {}),
    fields,
  };
}
