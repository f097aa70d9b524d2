// Coded errors. A use case throws an AppError with three parts: the code (for programs, tests
// and the log), an internal message for the log (ids and reasons, never what people wrote), and
// the sentence the person reads. Adapters turn it into the platform's own answer, at the edge.
export const ErrorCode = {
  // Who may do what
  NOT_A_CLERK: 'NOT_A_CLERK',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  NOT_YOUR_REPLY: 'NOT_YOUR_REPLY',
  // Which board, meeting, item or message
  BOARD_NOT_FOUND: 'BOARD_NOT_FOUND',
  AMBIGUOUS_BOARD: 'AMBIGUOUS_BOARD',
  CHANNEL_TAKEN: 'CHANNEL_TAKEN',
  NOT_IN_A_CHANNEL: 'NOT_IN_A_CHANNEL',
  SLUG_TAKEN: 'SLUG_TAKEN',
  NO_BOARD_CHANNEL: 'NO_BOARD_CHANNEL',
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  MEMBER_NOT_FOUND: 'MEMBER_NOT_FOUND',
  ATTENDANCE_TOO_EARLY: 'ATTENDANCE_TOO_EARLY',
  MEETING_CANCELLED: 'MEETING_CANCELLED',
  MEETING_PASSED: 'MEETING_PASSED',
  MEETING_CLASH: 'MEETING_CLASH',
  AGENDA_NOT_PUBLISHED: 'AGENDA_NOT_PUBLISHED',
  AGENDA_EMPTY: 'AGENDA_EMPTY',
  AGENDA_FULL: 'AGENDA_FULL',
  ITEM_NOT_FOUND: 'ITEM_NOT_FOUND',
  PLACE_OUT_OF_RANGE: 'PLACE_OUT_OF_RANGE',
  PROPOSAL_NOT_FOUND: 'PROPOSAL_NOT_FOUND',
  IMPORT_NOT_FOUND: 'IMPORT_NOT_FOUND',
  IMPORT_FAILED: 'IMPORT_FAILED',
  // Fetching a page a person named (public-fetch.ts): refused or cut off.
  IMPORT_BLOCKED_ADDRESS: 'IMPORT_BLOCKED_ADDRESS',
  IMPORT_BLOCKED_REDIRECT: 'IMPORT_BLOCKED_REDIRECT',
  IMPORT_TOO_LARGE: 'IMPORT_TOO_LARGE',
  IMPORT_TIMEOUT: 'IMPORT_TIMEOUT',
  IMPORT_ADDRESS_INVALID: 'IMPORT_ADDRESS_INVALID',
  MESSAGE_NOT_FOUND: 'MESSAGE_NOT_FOUND',
  // The roster (members feature)
  AMBIGUOUS_MEMBER: 'AMBIGUOUS_MEMBER',
  LAST_CLERK: 'LAST_CLERK',
  DIRECTORY_UNAVAILABLE: 'DIRECTORY_UNAVAILABLE',
  NOT_RETRYABLE: 'NOT_RETRYABLE',
  // Actions
  ACTION_NOT_FOUND: 'ACTION_NOT_FOUND',
  NOT_AN_OWNER: 'NOT_AN_OWNER',
  ACTION_CLOSED: 'ACTION_CLOSED',
  EXTENSION_NOT_FOUND: 'EXTENSION_NOT_FOUND',
  NO_ROSTER: 'NO_ROSTER',
  // What was typed or sent
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  UNKNOWN_SUBCOMMAND: 'UNKNOWN_SUBCOMMAND',
  COMMAND_USAGE: 'COMMAND_USAGE',
  INVALID_DATE: 'INVALID_DATE',
  INVALID_REMINDER_TIME: 'INVALID_REMINDER_TIME',
  FORM_INVALID: 'FORM_INVALID',
  TEXT_TOO_LONG: 'TEXT_TOO_LONG',
  TEXT_UNREADABLE: 'TEXT_UNREADABLE',
  UNKNOWN_BUTTON: 'UNKNOWN_BUTTON',
  UNKNOWN_FORM: 'UNKNOWN_FORM',
  STALE_CARD: 'STALE_CARD',
  STALE_FORM: 'STALE_FORM',
  CALENDAR_INVALID: 'CALENDAR_INVALID',
  // Quarterly returns
  NOT_A_SUBMITTER: 'NOT_A_SUBMITTER',
  ROUND_NOT_FOUND: 'ROUND_NOT_FOUND',
  ROUND_EXISTS: 'ROUND_EXISTS',
  ROUND_CLOSED: 'ROUND_CLOSED',
  ROUND_NOT_CLOSED: 'ROUND_NOT_CLOSED',
  INVALID_QUARTER: 'INVALID_QUARTER',
  UNKNOWN_METRIC: 'UNKNOWN_METRIC',
  UNKNOWN_ORGANISATION: 'UNKNOWN_ORGANISATION',
  NOTHING_TO_RETURN: 'NOTHING_TO_RETURN',
  CATALOGUE_INVALID: 'CATALOGUE_INVALID',
  FIGURES_NOT_PUBLISHED: 'FIGURES_NOT_PUBLISHED',
  NO_PUBLIC_ADDRESS: 'NO_PUBLIC_ADDRESS',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

/** Per-field messages, keyed by form field id. */
export type FieldErrors = Record<string, string>;

export interface AppErrorDetails {
  /** For the log: what happened, with ids; never what a person wrote. Defaults to the code. */
  log?: string;
  /** For forms: a message per field, shown next to it. */
  fieldErrors?: FieldErrors;
}

export class AppError extends Error {
  readonly fieldErrors: FieldErrors;
  /** What the log may say about it: ids and reasons, never what people wrote. */
  readonly log: string;

  constructor(
    readonly code: ErrorCode,
    /** The sentence the person reads. */
    readonly say: string,
    details: AppErrorDetails = {},
  ) {
    // The Error's own message reads like the person's sentence (for tests and stack traces);
    // adapters log `code` and `log`, never the message, which may quote what someone typed.
    super(`${code}: ${say}`);
    this.name = 'AppError';
    this.log = details.log ?? code;
    this.fieldErrors = details.fieldErrors ?? {};
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;

/** A form refused: the sentence, and each field's problem. */
export function formInvalid(fieldErrors: FieldErrors, say = 'Some details need correcting.'): AppError {
  return new AppError(ErrorCode.FORM_INVALID, say, { fieldErrors, log: `form refused on ${Object.keys(fieldErrors).join(', ') || 'no field'}` });
}
