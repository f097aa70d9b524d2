// Text Quorum can keep: no NUL character (PostgreSQL cannot store one in text) and no lone
// surrogate (half of a character such as an emoji, which is not text at all and becomes "?" or an
// error on the way to the database). Checked where text enters the core (commands, form values,
// button payloads and form metadata) and where adapters read platform ids, so such input is
// refused with a clear message instead of failing in the database.
import { AppError, ErrorCode, formInvalid, type FieldErrors } from '../errors.ts';
import { isReadableText } from './readable-text-rule.mjs';

export { isReadableText };

export const UNREADABLE_TEXT_SAY = 'That contains a character Quorum cannot read (a NUL character, or half of an emoji). Please type it again.';

/** Whether any string in a JSON-like value (at any depth) is unreadable. */
export function hasUnreadableText(value: unknown, depth = 0): boolean {
  if (typeof value === 'string') return !isReadableText(value);
  if (depth > 20 || value === null || typeof value !== 'object') return false;
  const entries = Array.isArray(value) ? value : Object.entries(value as Record<string, unknown>).flat();
  return entries.some((v) => hasUnreadableText(v, depth + 1));
}

/** A command's text, before it is parsed. */
export function requireReadableCommand(text: string): void {
  if (!isReadableText(text)) throw new AppError(ErrorCode.TEXT_UNREADABLE, UNREADABLE_TEXT_SAY, { log: 'command text with a NUL character or a lone surrogate' });
}

/** A form's values: each unreadable field gets the message under it. */
export function requireReadableValues(values: Record<string, unknown>): void {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(values)) if (hasUnreadableText(value)) errors[field] = UNREADABLE_TEXT_SAY;
  if (Object.keys(errors).length > 0) throw formInvalid(errors, UNREADABLE_TEXT_SAY);
}

/** What a button or a form carried back (ids): refused whole. */
export function requireReadablePayload(payload: unknown, what: 'button' | 'form'): void {
  if (hasUnreadableText(payload)) throw new AppError(ErrorCode.TEXT_UNREADABLE, UNREADABLE_TEXT_SAY, { log: `${what} data with a NUL character or a lone surrogate` });
}
