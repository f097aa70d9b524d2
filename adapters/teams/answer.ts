// Who will read what the bot says in Teams. A channel or a group chat is read by everyone in it,
// and Teams has no private replies there: an answer for one person goes to their personal chat
// (personal-chat.ts) with a one-line pointer where they asked, or is an invoke response only the
// clicker sees (card-actions.ts). An Answer carries its audience in its type and is made only
// here: from a result the core computed for the person, or as one of the few answers fit for
// everyone (help, a mistake in what was typed, the fixed sentences below). So nothing the core
// built for one person can be posted where others read it without the compiler noticing.
import type { AnswerAudience, Result } from '../../src/core.ts';
import { ErrorCode, type AppError } from '../../src/errors.ts';
import { renderResult, textMessage, type TeamsMessage } from './render.ts';

declare const audienceOnly: unique symbol;

/** A message for one audience: 'person' (one person alone) or 'conversation' (everyone where it
 * was asked). Built only by the functions below. */
export interface Answer<A extends AnswerAudience> {
  readonly audience: A;
  readonly message: TeamsMessage;
  readonly [audienceOnly]: A;
}

/** An answer for either audience; narrow it by `audience`. */
export type AnyAnswer = Answer<'person'> | Answer<'conversation'>;

const seal = <A extends AnswerAudience>(audience: A, message: TeamsMessage): Answer<A> => ({ audience, message }) as Answer<A>;

/** A result the core computed with audience 'person', for that person alone. `origin`: the
 * channel or group chat a form was asked for in, carried to its submission (render.ts). */
export const answerForPerson = (result: Result, origin?: string): Answer<'person'> => seal('person', renderResult(result, origin));

export const sentenceForPerson = (text: string): Answer<'person'> => seal('person', textMessage(text));

/** The help card says what the bot can do and nothing about any board: fit for everyone. */
export const helpForEveryone = (result: Extract<Result, { kind: 'help' }>): Answer<'conversation'> => seal('conversation', renderResult(result));

/** Refusals of what was typed, before anything was looked up: they repeat only what the person
 * wrote where everyone read it, and are answered there. Every other refusal (who may do what,
 * which board or meeting) is for the person alone. */
const TYPING_MISTAKES: ReadonlySet<ErrorCode> = new Set([ErrorCode.UNKNOWN_COMMAND, ErrorCode.UNKNOWN_SUBCOMMAND, ErrorCode.COMMAND_USAGE]);

/** An AppError as the person reads it: the sentence, then each field's problem. */
export function refusalText(error: AppError): string {
  const fields = Object.values(error.fieldErrors);
  return fields.length > 0 ? `${error.say}\n${fields.map((f) => `- ${f}`).join('\n')}` : error.say;
}

/** A refused command, for whoever may read it where it was typed. */
export function refusal(error: AppError, where: 'personal' | 'shared'): AnyAnswer {
  if (where === 'shared' && TYPING_MISTAKES.has(error.code)) return seal('conversation', textMessage(refusalText(error)));
  return sentenceForPerson(refusalText(error));
}

export const UNEXPECTED_ERROR_TEXT =
  'Sorry, something went wrong on our side. Nothing has been sent to anyone; please try again in a moment.';

/** Says nothing but that something failed. */
export const apologyForEveryone = (): Answer<'conversation'> => seal('conversation', textMessage(UNEXPECTED_ERROR_TEXT));

/** How sending to the person's own chat went (personal-chat.ts). */
export type PersonalDelivery = 'sent' | 'not_installed' | 'unreachable';

const toName = (name: string | undefined) => (name?.trim() ? `, ${name.trim()}` : '');

/** The one line where the person asked: where their answer went, or why it could not go. It never
 * holds the answer itself. */
export function pointerText(delivery: PersonalDelivery, name?: string): string {
  switch (delivery) {
    case 'sent':
      return `I\u2019ve sent that to you in our chat${toName(name)}.`;
    case 'not_installed':
      return (
        `I couldn\u2019t send that to you${toName(name)}: I can\u2019t start a chat with you yet. ` +
        'Add the Quorum app for yourself (Apps, then Quorum, then Add) or open a chat with Quorum, then ask again.'
      );
    case 'unreachable':
      return `I couldn\u2019t reach our chat just now to send you the answer${toName(name)}. Please ask again in a moment.`;
  }
}

export const pointerForEveryone = (delivery: PersonalDelivery, name?: string): Answer<'conversation'> => seal('conversation', textMessage(pointerText(delivery, name)));
