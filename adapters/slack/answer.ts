// Runs a core call and turns what comes back (a result or an error) into something Slack can
// show. Errors become messages here, at the edge: an AppError's message is for the person; any
// other error is logged with its stack and the person gets a plain apology, never the stack.
import { isAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { renderResult, renderText, type SlackAnswer } from './render.ts';
import type { Result } from '../../src/core.ts';

export const UNEXPECTED_ERROR_TEXT =
  'Sorry, something went wrong on our side. Nothing has been sent to anyone; please try again in a moment.';

/** Runs `work` and renders its result; never rejects. */
export async function answer(
  work: () => Promise<Result>,
  logger: Logger,
  what: Record<string, unknown>,
  context: { channelId?: string } = {},
): Promise<SlackAnswer> {
  let result: Result;
  try {
    result = await work();
  } catch (error) {
    return answerError(error, logger, what);
  }
  try {
    return renderResult(result, context);
  } catch (error) {
    return answerError(error, logger, { ...what, rendering: result.kind });
  }
}

export function answerError(error: unknown, logger: Logger, what: Record<string, unknown>): SlackAnswer {
  if (isAppError(error)) {
    logger.info({ ...what, code: error.code, reason: error.log }, 'request refused');
    const fields = Object.values(error.fieldErrors);
    const text = fields.length > 0 ? `${error.say}\n${fields.map((f) => `• ${f}`).join('\n')}` : error.say;
    return { kind: 'message', message: renderText(text), failed: true };
  }
  logger.error({ ...what, err: error }, 'request failed');
  return { kind: 'message', message: renderText(UNEXPECTED_ERROR_TEXT), failed: true };
}
