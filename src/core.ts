// The core's face to the adapters: commands, button clicks and form submissions routed to the
// features that declare them, with their dependencies bound. Adapters hold a Core and nothing else
// from src/, so they can be tested with a fake one. Routing only: permissions, rules and wording
// are the features' own.
import type { Actor } from './domain/platform.ts';
import { AppError, ErrorCode, isAppError } from './errors.ts';
import { FEATURES, type Result } from './features/index.ts';
import { withLinkOffer } from './features/members/offer-link.ts';
import { listUpcomingMeetings, type UpcomingMeetingsResult } from './features/meetings/list-upcoming-meetings.ts';
import { listMyActions, type MyActionsResult } from './features/actions/list-my-actions.ts';
import { parseCommandLine } from './kernel/command-line.ts';
import type { CommandInfo, CoreDeps } from './kernel/deps.ts';
import type { AnswerAudience, CommandSpec, FeatureDefinition, Invocation, Mention, TemplateSpec, UploadedFile } from './kernel/feature.ts';
import { readButtonPayload, readFormMetadata, readFormValues, type RawValues } from './kernel/form-values.ts';
import { requireReadableCommand, requireReadablePayload, requireReadableValues } from './kernel/readable-text.ts';
import { recordConversation, type ConversationInput, type RecordConversationResult } from './features/conversations/record-conversation.ts';
import type { ScheduledJob } from './scheduling/scheduler.ts';
import { claimRequest, recordRequestAnswer, type ClaimRequestInput, type RequestClaim } from './features/requests/claim-request.ts';
import type { DeliveryContext } from './kernel/deps.ts';

export type { Result, ResultKind } from './features/index.ts';
export type { AnswerAudience } from './kernel/feature.ts';
export type { CommandInfo, CoreDeps } from './kernel/deps.ts';
export type { FormRequest, NoticeResult } from './kernel/results.ts';
export type { RequestClaim } from './features/requests/claim-request.ts';

interface Where {
  actor: Actor;
  /** The Slack channel or Teams conversation it came from. */
  conversationId?: string;
  /** Who reads the answer; the person alone unless the adapter says otherwise. */
  audience?: AnswerAudience;
}

export interface CommandInput extends Where {
  /** What the person typed after `/quorum` or to the bot. */
  text: string;
  /** People @mentioned in it, other than the bot. */
  mentions?: readonly Mention[];
  /** Files sent with it (Teams attachments in the personal chat). */
  files?: readonly UploadedFile[];
}

export interface ButtonInput extends Where {
  /** Slack action_id / Teams Action.Execute verb, e.g. "outbox.retry". */
  button: string;
  /** What the button carried, as the platform sent it; checked here. */
  payload: unknown;
}

export interface FormInput extends Where {
  form: string;
  /** The fields as the platform sent them (see cards' readers). */
  values: RawValues;
  metadata: unknown;
}

export interface Core {
  /** Runs a command. Throws AppError for bad input or missing permission. */
  runCommand(input: CommandInput): Promise<Result>;
  /** Handles a button click; the result replaces the card clicked, or opens a form. */
  clickButton(input: ButtonInput): Promise<Result>;
  /** Handles a form submission. Throws AppError (FORM_INVALID with fieldErrors) for bad fields. */
  submitForm(input: FormInput): Promise<Result>;
  /** What can be said of a submission without the database (unknown form, stale metadata, bad
   * fields), so an adapter can answer with field errors before any database work: the refusal,
   * or undefined when submitForm should run. Never throws an AppError; never touches the database. */
  checkForm(input: Pick<FormInput, 'form' | 'values' | 'metadata'>): AppError | undefined;
  /** The person's upcoming meetings, for Slack App Home and the Teams personal chat. */
  upcomingMeetings(actor: Actor): Promise<UpcomingMeetingsResult>;
  /** The person's own open actions on every board ("my actions"), for Slack App Home and the Teams welcome. */
  myActions(actor: Actor): Promise<MyActionsResult>;
  /** Refuses (`ignored`) to re-point a conversation stored for another tenant or workspace. */
  recordConversation(input: ConversationInput): Promise<RecordConversationResult>;
  /** Claims a platform request by its key, once across instances; a repeat learns it is one, with
   * the first answer when one was stored. */
  claimRequest(input: ClaimRequestInput): Promise<RequestClaim>;
  /** Stores the answer a claimed request was given, for its repeats. */
  recordRequestAnswer(input: { key: string; answer: unknown }): Promise<void>;
  /** Every command, for help and the manifests. */
  readonly catalogue: readonly CommandInfo[];
  /** Whether a form id is one of the core's (adapters read its values with the card's definition). */
  hasForm(id: string): boolean;
  /** Whether the form's answer takes its place and needs the database (FormSpec.answersInPlace). */
  answersInPlace(id: string): boolean;
}

const DEFINITIONS: readonly FeatureDefinition[] = FEATURES;
/** Every command the features declare. */
export const COMMANDS: readonly CommandSpec<unknown, unknown>[] = DEFINITIONS.flatMap((f) => f.commands ?? []);
const commands = COMMANDS;

/** Keyed tables: Maps, so ids such as "__proto__" or "toString" find nothing. */
function table<T extends { id: string }>(what: string, specs: readonly T[]): ReadonlyMap<string, T> {
  const map = new Map<string, T>();
  for (const spec of specs) {
    if (map.has(spec.id)) throw new Error(`${what} "${spec.id}" is declared twice`);
    map.set(spec.id, spec);
  }
  return map;
}

const BUTTONS = table('button', DEFINITIONS.flatMap((f) => f.buttons ?? []));
const FORMS = table('form', DEFINITIONS.flatMap((f) => f.forms ?? []));
export const TEMPLATES: ReadonlyMap<string, TemplateSpec> = table('template', DEFINITIONS.flatMap((f) => f.templates ?? []));

export const CATALOGUE: readonly CommandInfo[] = (() => {
  const seen = new Set<string>();
  for (const c of commands) {
    if (seen.has(c.words)) throw new Error(`command "${c.words}" is declared twice`);
    seen.add(c.words);
  }
  return commands.map(({ words, usage, description, who, menu }) => ({ words, usage, description, who, ...(menu ? { menu } : {}) }));
})();

/** The scheduled jobs every feature declares. */
export function scheduledJobs(ctx: DeliveryContext): ScheduledJob[] {
  return DEFINITIONS.flatMap((f) => f.jobs?.(ctx) ?? []);
}

const unknownForm = () => new AppError(ErrorCode.UNKNOWN_FORM, 'That form is no longer supported. Close it and run the command again.', { log: 'unknown form' });

const invocation = (where: Where, slug?: string): Invocation => ({
  actor: where.actor,
  audience: where.audience ?? 'person',
  ...(where.conversationId ? { conversationId: where.conversationId } : {}),
  ...(slug ? { slug } : {}),
});

export function createCore(bound: Omit<CoreDeps, 'catalogue'>): Core {
  const deps: CoreDeps = { ...bound, catalogue: CATALOGUE };
  return {
    catalogue: CATALOGUE,
    hasForm: (id) => FORMS.has(id),
    answersInPlace: (id) => FORMS.get(id)?.answersInPlace === true,
    runCommand: async (input) => {
      requireReadableCommand(input.text);
      const parsed = parseCommandLine(input.text, commands);
      const called = { ...invocation(input, parsed.board), ...(input.mentions?.length ? { mentions: input.mentions.slice(0, 50) } : {}), ...(input.files?.length ? { files: input.files.slice(0, 1) } : {}) };
      try {
        return (await parsed.spec.run(deps, { ...called, args: parsed.args })) as Result;
      } catch (error) {
        // Someone not linked, in the board's channel, under a roster name: the clerk is asked.
        throw await withLinkOffer(deps, called, error);
      }
    },
    clickButton: async (input) => {
      const spec = BUTTONS.get(input.button);
      if (!spec) throw new AppError(ErrorCode.UNKNOWN_BUTTON, 'That button is no longer supported. Run the command again for a fresh card.', { log: 'unknown button' });
      requireReadablePayload(input.payload, 'button');
      const payload = readButtonPayload(spec.payload, input.payload, spec.id);
      return (await spec.run(deps, { ...invocation(input), payload })) as Result;
    },
    submitForm: async (input) => {
      const spec = FORMS.get(input.form);
      if (!spec) throw unknownForm();
      requireReadablePayload(input.metadata, 'form');
      requireReadableValues(input.values);
      const metadata = readFormMetadata(spec.metadata, input.metadata, spec.id);
      const schema = typeof spec.values === 'function' ? await spec.values(deps, metadata) : spec.values;
      const values = readFormValues(schema, input.values);
      return (await spec.run(deps, { ...invocation(input), values, metadata })) as Result;
    },
    checkForm: (input) => {
      const spec = FORMS.get(input.form);
      if (!spec) return unknownForm();
      try {
        requireReadablePayload(input.metadata, 'form');
        requireReadableValues(input.values);
        readFormMetadata(spec.metadata, input.metadata, spec.id);
        const schema = typeof spec.values === 'function' ? spec.check?.(deps.now()) : spec.values;
        if (schema) readFormValues(schema, input.values);
        return undefined;
      } catch (error) {
        if (isAppError(error)) return error;
        throw error;
      }
    },
    upcomingMeetings: (actor) => listUpcomingMeetings(deps, { actor }),
    myActions: (actor) => listMyActions(deps, { actor }),
    recordConversation: (input) => recordConversation(deps, input),
    claimRequest: (input) => claimRequest(deps, input),
    recordRequestAnswer: (input) => recordRequestAnswer(deps, input),
  };
}
