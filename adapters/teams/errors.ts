// Errors as they may be logged: name, message, codes and stack only. Errors from the Bot Connector
// client carry the whole HTTP request (with the bot's bearer token) and response; those never go
// to the logs.
export interface LoggedError {
  name: string;
  message: string;
  code?: string;
  statusCode?: number;
  stack?: string;
}

export function safeError(error: unknown): LoggedError {
  if (!(error instanceof Error)) return { name: typeof error, message: String(error) };
  const { code, statusCode } = error as { code?: unknown; statusCode?: unknown };
  return {
    name: error.name,
    message: error.message,
    ...(typeof code === 'string' ? { code } : {}),
    ...(typeof statusCode === 'number' ? { statusCode } : {}),
    ...(error.stack ? { stack: error.stack } : {}),
  };
}
