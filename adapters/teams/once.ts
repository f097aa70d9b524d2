// Every state-changing Teams activity is applied once. Teams re-sends an activity it thinks was
// lost, and a captured one can be posted again while its token lives: a message or an invoke is
// named by its activity id in its conversation, and that key is claimed in the database before the
// bot runs, so a repeat (on this instance or another) does nothing again. A repeated invoke gets
// the first invoke response, which is stored; a repeated message gets the HTTP 200 Teams expects.
// This wraps the bot's turn, after Bot Framework authentication: a caller who cannot prove who it
// is never reaches it, so cannot use up keys.
import { createHash } from 'node:crypto';
import { INVOKE_RESPONSE_KEY, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { Core } from '../../src/core.ts';
import type { Logger } from '../../src/logger.ts';
import { markArrival } from './turn-clock.ts';

export interface OnceOnlyOptions {
  core: Pick<Core, 'claimRequest' | 'recordRequestAnswer'>;
  logger: Logger;
}

/** Activities that act: messages (commands) and invokes (card buttons and forms). */
const ACTING = new Set(['message', 'invoke']);

/** The key a repeat of this activity repeats; undefined for activities that change nothing. */
export function teamsActivityKey(activity: Partial<Activity>): string | undefined {
  if (!activity.type || !ACTING.has(activity.type)) return undefined;
  const conversation = activity.conversation?.id ?? '';
  if (typeof activity.id === 'string' && activity.id.length > 0) return `teams:${conversation}:${activity.id}`;
  return `teams:${conversation}:body:${createHash('sha256').update(JSON.stringify(activity)).digest('hex')}`;
}

/** For a repeat that arrives while the first is still being handled (nothing stored yet). */
const STILL_WORKING: InvokeResponse = {
  status: 200,
  body: { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: 'That was already received, and is being done once.' },
};

/** The stored invoke response: Teams' `{ status, body }`. */
const isInvokeResponse = (value: unknown): value is InvokeResponse =>
  typeof value === 'object' && value !== null && typeof (value as { status?: unknown }).status === 'number';

export function onceOnly(logic: (context: TurnContext) => Promise<void>, options: OnceOnlyOptions): (context: TurnContext) => Promise<void> {
  const { core, logger } = options;
  return async (context) => {
    // The invoke budget counts from here: the claim below is a database write (card-actions.ts).
    markArrival(context);
    const activity = context.activity;
    const key = teamsActivityKey(activity);
    if (!key) return logic(context);
    const claim = await core.claimRequest({ platform: 'teams', key });
    if (!claim.first) {
      logger.info({ activityId: activity.id, activityType: activity.type, answered: claim.answer !== undefined }, 'Teams activity already handled: not applied again');
      if (activity.type === 'invoke' && isInvokeResponse(claim.answer)) await context.sendActivity({ type: 'invokeResponse', value: claim.answer });
      else if (activity.type === 'invoke') await context.sendActivity({ type: 'invokeResponse', value: STILL_WORKING });
      return;
    }
    await logic(context);
    if (activity.type !== 'invoke') return;
    const response = (context.turnState.get(INVOKE_RESPONSE_KEY) as Partial<Activity> | undefined)?.value as unknown;
    if (!isInvokeResponse(response)) return;
    await core.recordRequestAnswer({ key, answer: response }).catch((error: unknown) => logger.warn({ err: error, activityId: activity.id }, 'could not store the invoke response for repeats'));
  };
}
