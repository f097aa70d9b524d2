// Reading what comes back from a platform: form values, form metadata and button payloads, each
// through its zod schema, in one way. A field left empty arrives as undefined whatever the platform
// sent for it ('' from Slack, null or absent from Teams); a value that does not fit becomes a
// message against its own field.
import type { z } from 'zod';
import { AppError, ErrorCode, formInvalid, type FieldErrors } from '../errors.ts';

/** Raw values as the adapters read them from the platform. */
export type RawValues = Record<string, unknown>;

export function cleanValues(raw: RawValues): RawValues {
  return Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, v === '' || v === null ? undefined : v]));
}

/** The issues of a failed parse, one message per field (the first). */
export function fieldErrorsOf(error: z.ZodError, fallbackField = 'form'): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of error.issues) errors[String(issue.path[0] ?? fallbackField)] ??= issue.message;
  return errors;
}

/** Form values → the schema's output, or FORM_INVALID with each field's problem. */
export function readFormValues<S extends z.ZodType>(schema: S, raw: RawValues): z.output<S> {
  const parsed = schema.safeParse(cleanValues(raw));
  if (!parsed.success) throw formInvalid(fieldErrorsOf(parsed.error));
  return parsed.data;
}

/** What a form carried through the platform and back; anything else means the form is stale. */
export function readFormMetadata<S extends z.ZodType>(schema: S, raw: unknown, form: string): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError(ErrorCode.STALE_FORM, 'This form is out of date. Close it and run the command again.', { log: `stale metadata on form ${form}` });
  return parsed.data;
}

/** What a button carried; anything else means the card is out of date (or was tampered with). */
export function readButtonPayload<S extends z.ZodType>(schema: S, raw: unknown, button: string): z.output<S> {
  const parsed = schema.safeParse(raw ?? {});
  if (!parsed.success) throw new AppError(ErrorCode.STALE_CARD, 'That button\u2019s card is out of date. Run the command again for a fresh one.', { log: `stale payload on button ${button}` });
  return parsed.data;
}
