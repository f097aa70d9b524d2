// A Teams message action ("Record as an action" on a message's "More actions" menu; the app
// manifest's composeExtensions command of type "action", context "message", fetchTask true). Teams
// asks for the dialog with a `composeExtension/fetchTask` invoke carrying the message: the answer
// is a task module (`continue`) holding the clerk's "action new" form, its description the
// message's text (HTML read as plain text). Submitting the dialog is a
// `composeExtension/submitAction` invoke carrying the form's data: bad fields come back as the same
// form with each error under its field and nothing saved; a recorded action closes the dialog with
// what happened; a refusal (not a clerk: who can help) is said in the dialog. Each is answered
// within the invoke budget; nothing here decides who may do what.
import type { ConversationReference, InvokeResponse, TurnContext } from 'botbuilder';
import { z } from 'zod';
import {
  ADAPTIVE_CONTENT_TYPE,
  choicesCarried,
  formDefinition,
  formFor,
  plainField,
  readAdaptiveFormValues,
  renderAdaptiveForm,
  submittedFields,
  type AdaptiveCard,
  type FieldErrors,
  type Form,
} from '../../cards/index.ts';
import type { Core, Result } from '../../src/core.ts';
import { htmlToParagraphs } from '../../src/domain/agenda/html-fragment.ts';
import { isAppError } from '../../src/errors.ts';
import type { Logger } from '../../src/logger.ts';
import { answerForPerson, refusalText, sentenceForPerson, UNEXPECTED_ERROR_TEXT, type Answer } from './answer.ts';
import { answerLater, INVOKE_BUDGET_MS } from './card-actions.ts';
import { actorOf, conversationIdOf } from './conversation.ts';
import { safeError } from './errors.ts';
import type { PersonalChat } from './personal-chat.ts';
import { witnessed } from './witness.ts';
import type { InFlight } from '../../src/kernel/in-flight.ts';
import { within } from '../../src/kernel/within.ts';

/** The manifest's command id (manifest/teams/manifest.template.json, composeExtensions). */
export const ACTION_FROM_MESSAGE_COMMAND = 'actionFromMessage';
/** The form the dialog holds. */
const ACTION_FORM = 'action.create';

export const FETCH_TASK = 'composeExtension/fetchTask';
export const SUBMIT_ACTION = 'composeExtension/submitAction';

export const DIALOG_TOO_SLOW = 'That took too long to open. Please try again in a moment.';
export const SUBMIT_STILL_WORKING = 'Working on it: I\u2019ll send you the answer in our chat in a moment.';

export interface MessageActionDeps {
  core: Core;
  logger: Logger;
  personalChat: PersonalChat;
  continueTurn(reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void>;
  /** Keeps an answer that outran its invoke until it is sent: the adapter's stop waits for it. */
  later: InFlight;
  invokeBudgetMs?: number;
}

/** What Teams sends with each invoke: the command, and the message it was used on. */
const fetchValue = z.looseObject({
  commandId: z.string().max(64),
  commandContext: z.string().max(64).optional(),
  messagePayload: z
    .looseObject({ body: z.looseObject({ contentType: z.string().max(64).optional(), content: z.string().max(100_000).nullish() }).optional() })
    .optional(),
});
const submitValue = z.looseObject({ commandId: z.string().max(64), data: z.record(z.string(), z.unknown()) });

/** The dialog's Adaptive Card: the form, submitted with Action.Submit (dialogs do not take
 * Action.Execute); what the card carries (the form's id, metadata and choices) is the same. */
type DialogAction = { type: 'Action.Submit'; title: string; style?: string; associatedInputs?: string; data?: Record<string, unknown> };
export type DialogCard = Omit<AdaptiveCard, 'actions'> & { actions: (DialogAction | NonNullable<AdaptiveCard['actions']>[number])[] };

function dialogCard(card: AdaptiveCard): DialogCard {
  return {
    ...card,
    actions: (card.actions ?? []).map((action) =>
      action.type === 'Action.Execute'
        ? { type: 'Action.Submit' as const, title: action.title, ...(action.style ? { style: action.style } : {}), ...(action.associatedInputs ? { associatedInputs: action.associatedInputs } : {}), data: { ...action.data } }
        : action,
    ),
  };
}

const continueWith = (card: DialogCard, title: string): InvokeResponse => ({
  status: 200,
  body: { task: { type: 'continue', value: { title: plainField(title), width: 'medium', height: 'large', card: { contentType: ADAPTIVE_CONTENT_TYPE, content: card } } } },
});
const sayInDialog = (text: string): InvokeResponse => ({ status: 200, body: { task: { type: 'message', value: plainField(text) } } });
const badRequest = (message: string): InvokeResponse => ({ status: 400, body: { error: { code: 'BadRequest', message } } });

/** The message's HTML (or text) as the plain text a person reads, a paragraph a line. */
export function plainTextOfTeamsMessage(content: string, contentType: string | undefined): string {
  if (contentType === 'text' || !/<[a-z!/]/i.test(content)) return content;
  return htmlToParagraphs(content).join('\n');
}

function formCard(form: Form, errors: FieldErrors = {}, values: Record<string, unknown> = {}): DialogCard {
  const adaptive = renderAdaptiveForm(form, errors, values as never);
  return dialogCard(witnessed({ adaptive, form, errors }));
}

type Outcome = { ok: true; result: Result } | { ok: false; error: unknown };


const settle = (work: Promise<Result>): Promise<Outcome> =>
  work.then(
    (result) => ({ ok: true, result }),
    (error: unknown) => ({ ok: false, error }),
  );

/** Answers one composeExtension invoke (fetchTask or submitAction); never rejects. */
export async function runMessageAction(deps: MessageActionDeps, context: TurnContext): Promise<InvokeResponse> {
  const activity = context.activity;
  const what = { invoke: activity.name, activityId: activity.id, conversationId: conversationIdOf(activity) };
  const where = { actor: actorOf(activity), conversationId: conversationIdOf(activity), audience: 'person' as const };
  const budget = deps.invokeBudgetMs ?? INVOKE_BUDGET_MS;

  if (activity.name === FETCH_TASK) {
    const parsed = fetchValue.safeParse(activity.value);
    if (!parsed.success) return badRequest('This is not a message action Quorum understands.');
    if (parsed.data.commandId !== ACTION_FROM_MESSAGE_COMMAND) return badRequest(`Unknown command "${parsed.data.commandId.slice(0, 64)}".`);
    const body = parsed.data.messagePayload?.body;
    const text = plainTextOfTeamsMessage(body?.content ?? '', body?.contentType);
    const outcome = await within(settle(deps.core.clickButton({ ...where, button: 'action.from-message', payload: { text } })), budget);
    if (!outcome) {
      deps.logger.warn(what, 'the message action\u2019s form was not ready within the invoke budget');
      return sayInDialog(DIALOG_TOO_SLOW);
    }
    if (!outcome.ok) return refused(deps, outcome.error, what);
    const { result } = outcome;
    if (result.kind !== 'form') return sayInDialog(result.kind === 'notice' ? result.text : 'Done.');
    const form = formFor(result);
    return continueWith(formCard(form), form.title);
  }

  const parsed = submitValue.safeParse(activity.value);
  if (!parsed.success) return badRequest('This is not a message action Quorum understands.');
  if (parsed.data.commandId !== ACTION_FROM_MESSAGE_COMMAND) return badRequest(`Unknown command "${parsed.data.commandId.slice(0, 64)}".`);
  const data = parsed.data.data;
  const definition = data.form === ACTION_FORM ? formDefinition(ACTION_FORM) : undefined;
  if (!definition) return badRequest('This dialog is out of date. Use "Record as an action" on the message again.');
  const values = readAdaptiveFormValues({ fields: submittedFields(definition, Object.keys(data)) }, data);
  const work = settle(deps.core.submitForm({ ...where, form: ACTION_FORM, values, metadata: data.metadata }));
  const outcome = await within(work, budget);
  if (!outcome) {
    deps.logger.info(what, 'message action still running at the invoke budget: its answer goes to the personal chat');
    answerLater(deps, activity, work, (late) => lateAnswer(deps, late, what), { what, kind: 'message action' });
    return sayInDialog(SUBMIT_STILL_WORKING);
  }
  if (outcome.ok) {
    const { result } = outcome;
    if (result.kind === 'form') {
      const form = formFor(result);
      return continueWith(formCard(form), form.title);
    }
    return sayInDialog(result.kind === 'notice' ? result.text : 'notice' in result && typeof result.notice === 'string' ? result.notice : 'Done.');
  }
  const error = outcome.error;
  if (isAppError(error) && Object.keys(error.fieldErrors).length > 0) {
    deps.logger.info({ ...what, code: error.code, reason: error.log }, 'message action refused');
    const metadata = (typeof data.metadata === 'object' && data.metadata !== null ? data.metadata : {}) as Record<string, string>;
    const choices = choicesCarried(data);
    const form: Form = { ...definition, fields: definition.fields.map((f) => (choices[f.id] ? { ...f, options: choices[f.id] } : f)), metadata };
    return continueWith(formCard(form, error.fieldErrors, values), form.title);
  }
  return refused(deps, error, what);
}

function refused(deps: MessageActionDeps, error: unknown, what: Record<string, unknown>): InvokeResponse {
  if (isAppError(error)) {
    deps.logger.info({ ...what, code: error.code, reason: error.log }, 'message action refused');
    return sayInDialog(refusalText(error));
  }
  deps.logger.error({ ...what, err: safeError(error) }, 'message action failed');
  return sayInDialog(UNEXPECTED_ERROR_TEXT);
}

function lateAnswer(deps: MessageActionDeps, outcome: Outcome, what: Record<string, unknown>): Answer<'person'> {
  if (outcome.ok) {
    try {
      return answerForPerson(outcome.result);
    } catch (error) {
      deps.logger.error({ ...what, rendering: outcome.result.kind, err: safeError(error) }, 'could not render the result');
      return sentenceForPerson(UNEXPECTED_ERROR_TEXT);
    }
  }
  if (isAppError(outcome.error)) return sentenceForPerson(refusalText(outcome.error));
  deps.logger.error({ ...what, err: safeError(outcome.error) }, 'message action failed');
  return sentenceForPerson(UNEXPECTED_ERROR_TEXT);
}
