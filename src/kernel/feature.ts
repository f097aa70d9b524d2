// What a feature declares: its commands, buttons, forms, outbox templates and scheduled jobs,
// each with a typed key and a zod schema for what comes back from the platform. The router reads
// these declarations (src/features/index.ts lists the features); the cards read their types, so a
// button with a misspelt id or a wrong payload, a form field that does not exist, or a template
// without a card is a compile error.
import type { z } from 'zod';
import type { Actor } from '../domain/platform.ts';
import type { ScheduledJob } from '../scheduling/scheduler.ts';
import type { ArgReader } from './args.ts';
import type { CoreDeps, DeliveryContext } from './deps.ts';

/** Where an answer will be read: by the person alone (a Slack ephemeral answer, a personal chat,
 * an invoke response), or by everyone in the conversation it was asked in (a Teams channel). */
export type AnswerAudience = 'person' | 'conversation';

/** Who asked, where, and who will read the answer. */
export interface Invocation {
  actor: Actor;
  /** The Slack channel or Teams conversation the request came from. */
  conversationId?: string;
  /** A board named with --board. */
  slug?: string;
  audience: AnswerAudience;
  /** People @mentioned in the command (Teams mention entities; the bot itself left out). */
  mentions?: readonly Mention[];
  /** Files sent with the command (Teams: attachments in the personal chat): id and name. */
  files?: readonly UploadedFile[];
}

/** A file sent with a command: the platform's id for it (Teams: its download URL) and its name. */
export interface UploadedFile {
  id: string;
  name: string;
}

/** Someone @mentioned: their platform id as the mention named them, and their name. */
export interface Mention {
  userId: string;
  name: string;
}

export interface CommandSpec<A = unknown, R = unknown> {
  /** The words that select it, e.g. "agenda post". */
  words: string;
  /** How it is typed, e.g. "agenda post [YYYY-MM-DD]". */
  usage: string;
  description: string;
  /** Shown on the help card; enforced in the use case. */
  who: 'everyone' | 'clerks';
  /** Offered in the Teams command menu (ten at most; each must work when picked as it is). */
  menu?: true;
  /** Reads what follows the words. */
  args: ArgReader<A>;
  run(deps: CoreDeps, input: Invocation & { args: A }): Promise<R>;
}

export interface ButtonSpec<Id extends string = string, S extends z.ZodType = z.ZodType, R = unknown> {
  /** Slack action_id / Teams Action.Execute verb. */
  id: Id;
  /** What the card put on the button; checked when it comes back. */
  payload: S;
  run(deps: CoreDeps, input: Invocation & { payload: z.output<S> }): Promise<R>;
}

export interface FormSpec<Id extends string = string, V extends z.ZodType = z.ZodType, M extends z.ZodType = z.ZodType, R = unknown> {
  /** Slack callback_id / Teams Action.Execute verb of the submission. */
  id: Id;
  /** The fields, as typed: empty fields arrive as undefined (see form-values.ts). A schema, or
   * one built for what the metadata names (a meeting form reads dates in its board's timezone). */
  values: V | ((deps: CoreDeps, metadata: z.output<M>) => Promise<V>);
  /** When `values` needs the database: a schema that needs none, checked before the platform is
   * answered (adapters acknowledge before any database work); what it cannot know (a board's
   * timezone) the full schema checks after. */
  check?: (now: Date) => z.ZodType;
  /** What the form carries through and back (ids, never names or dates). */
  metadata: M;
  /** Its answer takes the form's own place and needs the database: the next page of a long form,
   * or this page back with problems only stored data reveals. An adapter that acknowledges before
   * any work (Slack: the answer can only come in the ack) holds this form's ack until the answer
   * is known, within the platform's budget. Every other form is acknowledged first. */
  answersInPlace?: true;
  run(deps: CoreDeps, input: Invocation & { values: z.output<V>; metadata: z.output<M> }): Promise<R>;
}

export interface TemplateSpec<Id extends string = string, S extends z.ZodType = z.ZodType> {
  /** The outbox row's template name. */
  id: Id;
  /** The data stored with the message, parsed again with this schema when it is sent. */
  data: S;
}

export interface FeatureDefinition {
  name: string;
  commands?: readonly CommandSpec<unknown, unknown>[];
  buttons?: readonly ButtonSpec<string, z.ZodType, unknown>[];
  forms?: readonly FormSpec<string, z.ZodType, z.ZodType, unknown>[];
  templates?: readonly TemplateSpec[];
  jobs?: (ctx: DeliveryContext) => ScheduledJob[];
}

export const defineFeature = <const F extends FeatureDefinition>(feature: F): F => feature;
export const command = <A, R>(spec: CommandSpec<A, R>): CommandSpec<A, R> => spec;
export const button = <const Id extends string, S extends z.ZodType, R>(spec: ButtonSpec<Id, S, R>): ButtonSpec<Id, S, R> => spec;
/** The schema of a form's values, whichever way the form declares it. */
export type ValuesSchema<S extends FormSpec> = S['values'] extends (...args: never[]) => Promise<infer V> ? V : S['values'];

export const form = <const Id extends string, V extends z.ZodType, M extends z.ZodType, R>(spec: FormSpec<Id, V, M, R>): FormSpec<Id, V, M, R> => spec;
export const template = <const Id extends string, S extends z.ZodType>(id: Id, data: S): TemplateSpec<Id, S> => ({ id, data });
