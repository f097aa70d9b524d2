// Coded errors. Use cases throw these; the adapters turn them into a friendly, specific message
// in the platform's own way. The code is for programs and logs, the message is for people.
export const ErrorCode = {
  NOT_A_CLERK: 'NOT_A_CLERK',
  NOT_A_MEMBER: 'NOT_A_MEMBER',
  BOARD_NOT_FOUND: 'BOARD_NOT_FOUND',
  UNKNOWN_COMMAND: 'UNKNOWN_COMMAND',
  INVALID_INPUT: 'INVALID_INPUT',
  AMBIGUOUS_BOARD: 'AMBIGUOUS_BOARD',
  MESSAGE_NOT_FOUND: 'MESSAGE_NOT_FOUND',
  NOT_RETRYABLE: 'NOT_RETRYABLE',
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  MEETING_NOT_FOUND: 'MEETING_NOT_FOUND',
  MEETING_CANCELLED: 'MEETING_CANCELLED',
  MEETING_PASSED: 'MEETING_PASSED',
  AGENDA_EMPTY: 'AGENDA_EMPTY',
  NO_BOARD_CHANNEL: 'NO_BOARD_CHANNEL',
  ITEM_NOT_FOUND: 'ITEM_NOT_FOUND',
  IMPORT_FAILED: 'IMPORT_FAILED',
  // Fetching a page a person named (public-fetch.ts): refused or cut off.
  IMPORT_BLOCKED_ADDRESS: 'IMPORT_BLOCKED_ADDRESS',
  IMPORT_BLOCKED_REDIRECT: 'IMPORT_BLOCKED_REDIRECT',
  IMPORT_TOO_LARGE: 'IMPORT_TOO_LARGE',
  IMPORT_TIMEOUT: 'IMPORT_TIMEOUT',
} as const;
export type ErrorCode = (typeof ErrorCode)[keyof typeof ErrorCode];

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    /** Per-field messages, keyed by form field id, for forms. */
    readonly fieldErrors: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const isAppError = (error: unknown): error is AppError => error instanceof AppError;
