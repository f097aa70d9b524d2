// Acknowledge first, then work. Slack wants the HTTP answer (or the Socket Mode envelope's ack)
// within 3 seconds, and a burst of clicks follows every agenda post: nothing that touches the
// database may stand between a request and its ack. So the ack is sent here, in one global
// middleware registered before any other, for every kind of request that is acknowledged: slash
// commands, button clicks, shortcuts, form submissions and closes. (Events are acked by Bolt
// itself before any middleware runs.) Listeners are registered through `afterAck`, which takes
// `ack` away from them: the answer follows through respond() (the response_url), views.open with
// the trigger id, views.update or chat.postEphemeral.
//
// A form submission is the one ack that carries an answer: bad fields must come back under each
// input with the modal still open (response_action: errors), and that is only possible in the
// ack. So what the core can say without the database (Core.checkForm: unknown form, stale
// metadata, fields that do not fit) is said here, in the ack; what only the database knows
// comes to the person after the modal closes, from the listener.
import type { AnyMiddlewareArgs, Context, Middleware, ViewResponseAction, ViewSubmitAction } from '@slack/bolt';
import { formDefinition, readSlackViewValues, slackErrorsResponse } from '../../cards/index.ts';
import type { Core } from '../../src/core.ts';
import type { AppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';

/** Set on Bolt's context once the request is acknowledged; afterAck refuses to run without it. */
const ACKED = 'quorumAcked';
/** For a form whose answer takes its place (Core.answersInPlace): the ack, left to the listener. */
const DEFERRED_ACK = 'quorumDeferredAck';

export interface AckFirstDeps {
  core: Pick<Core, 'checkForm' | 'answersInPlace'>;
  logger: Logger;
}

type AckFn = (response?: unknown) => Promise<void>;

/** The global middleware that acknowledges every request before anything else runs. */
export function ackFirst(deps: AckFirstDeps): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const ack = 'ack' in args && typeof args.ack === 'function' ? (args.ack as AckFn) : undefined;
    // Events are acked by Bolt already; options requests (select menus loading their choices)
    // answer with the choices themselves, and Quorum offers none: they go on unacked, to Bolt's
    // own "unhandled request" answer.
    if (!ack || 'options' in args) {
      await args.next();
      return;
    }
    if ('view' in args && args.body.type === 'view_submission') {
      const refusal = checkSubmission(deps, args.body as ViewSubmitAction);
      if (refusal) {
        await ack(refusal);
        return;
      }
      if (deps.core.answersInPlace((args.body as ViewSubmitAction).view.callback_id)) {
        (args.context as Context)[DEFERRED_ACK] = ack;
        (args.context as Context)[ACKED] = true;
        await args.next();
        return;
      }
      await ack({ response_action: 'clear' } satisfies ViewResponseAction);
    } else {
      await ack();
    }
    (args.context as Context)[ACKED] = true;
    await args.next();
  };
}

/** The ack a form whose answer takes its place (Core.answersInPlace) is to send; undefined for every other request. */
export function deferredAck(context: Context): AckFn | undefined {
  const ack = context[DEFERRED_ACK];
  return typeof ack === 'function' ? (ack as AckFn) : undefined;
}

/** A listener as registered: everything Bolt passes but `ack`, which was already called. */
export function afterAck<L extends object>(listener: (args: L) => Promise<void>): (args: L & { ack: unknown; context: Context }) => Promise<void> {
  return async (args) => {
    if (args.context[ACKED] !== true) throw new Error('a Slack listener ran before the request was acknowledged: register ackFirst() before any other middleware');
    const { ack: _acked, ...rest } = args;
    await listener(rest as unknown as L);
  };
}

/** The form's answer when it can be refused without the database; undefined when it goes on. */
export function checkSubmission(deps: AckFirstDeps, body: ViewSubmitAction): ViewResponseAction | undefined {
  const view = body.view;
  const definition = formDefinition(view.callback_id);
  const firstField = definition?.fields[0]?.id ?? 'value';
  if (!definition) return slackErrorsResponse({ [firstField]: 'This form is out of date. Close it and run the command again.' });
  const values = readSlackViewValues(definition, view.state.values);
  let refusal: AppError | undefined;
  try {
    refusal = deps.core.checkForm({ form: view.callback_id, values, metadata: formMetadata(view.private_metadata) });
  } catch (error) {
    deps.logger.error({ form: view.callback_id, userId: body.user.id, err: error }, 'could not check the form');
    return undefined; // The listener runs the submission and answers whatever happens.
  }
  if (!refusal) return undefined;
  deps.logger.info({ form: view.callback_id, userId: body.user.id, code: refusal.code, reason: refusal.log, fields: Object.keys(refusal.fieldErrors) }, 'form refused');
  return slackErrorsResponse(fieldErrorsFor(definition.fields, refusal, firstField));
}

/** The refusal's errors on the form's own fields, or its sentence on the first field. */
export function fieldErrorsFor(fields: readonly { id: string }[], refusal: AppError, firstField: string): Record<string, string> {
  const known = Object.fromEntries(Object.entries(refusal.fieldErrors).filter(([id]) => fields.some((f) => f.id === id)));
  return Object.keys(known).length > 0 ? known : { [firstField]: refusal.say };
}

/** The form's private_metadata as an object ({} when it is not one). */
export function formMetadata(raw: string | undefined): Record<string, unknown> {
  try {
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}
