// The features of this build. Adding a feature is a folder here, a folder in cards/, its schema and
// migration, and one line below. Everything else (the router's tables, help, the manifests'
// command lists, the cards' completeness) is derived from this list and checked by the compiler.
import type { z } from 'zod';
import type { ButtonSpec, CommandSpec, FeatureDefinition, FormSpec, TemplateSpec, ValuesSchema } from '../kernel/feature.ts';
import type { FormRequest, NoticeResult } from '../kernel/results.ts';
import { actions } from './actions/register.ts';
import { agendas } from './agendas/register.ts';
import { apologies } from './apologies/register.ts';
import { boards } from './boards/register.ts';
import { delivery } from './delivery/register.ts';
import { forwardPlan } from './forward-plan/register.ts';
import { help } from './help/register.ts';
import { meetings } from './meetings/register.ts';
import { members } from './members/register.ts';
import { requests } from './requests/register.ts';
import { returns } from './returns/register.ts';

export const FEATURES = [help, boards, meetings, agendas, forwardPlan, delivery, requests, members, returns, actions, apologies] as const satisfies readonly FeatureDefinition[];

type Feature = (typeof FEATURES)[number];
type ListOf<K extends 'commands' | 'buttons' | 'forms' | 'templates'> = Feature extends infer F ? (F extends { [P in K]: readonly (infer S)[] } ? S : never) : never;

export type Commands = ListOf<'commands'>;
export type Buttons = ListOf<'buttons'>;
export type Forms = ListOf<'forms'>;
export type Templates = ListOf<'templates'>;

export type ButtonId = Buttons['id'];
/** What a card must put on a button with this id. */
export type ButtonPayload<K extends ButtonId> = z.input<Extract<Buttons, { id: K }>['payload']>;

export type FormId = Forms['id'];
/** The fields a form with this id has (its cards must define exactly these). */
export type FormField<K extends FormId> = keyof z.input<ValuesSchema<Extract<Forms, { id: K }>>> & string;

export type TemplateId = Templates['id'];
/** The data a message of this template carries, as the card reads it. */
export type TemplateData<K extends TemplateId> = z.output<Extract<Templates, { id: K }>['data']>;
/** An outbox message, its data parsed: one of the templates. */
export type TemplateMessage = { [K in TemplateId]: { template: K; data: TemplateData<K> } }[TemplateId];

type RunResult<S> = S extends { run: (...args: never[]) => Promise<infer R> } ? R : never;

/** Everything a command, a button or a form can answer. */
export type Result = RunResult<Commands> | RunResult<Buttons> | RunResult<Forms> | NoticeResult | FormRequest;
export type ResultKind = Result['kind'];

// Compile-time checks that the declarations are what the router expects.
export type _Checks = [Commands extends CommandSpec<never, unknown> ? true : never, Buttons extends ButtonSpec ? true : never, Forms extends FormSpec ? true : never, Templates extends TemplateSpec ? true : never];
