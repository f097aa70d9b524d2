// Every feature's cards, together: a card for every result, a definition for every form and a card
// for every outbox template. The `satisfies` lines are the check: a feature whose result, form or
// template has no card here does not compile. Adding a feature's cards is one line in each list.
import type { FormRequest, Result } from '../src/core.ts';
import type { OutboundMessage } from '../src/delivery/port.ts';
import type { FormId } from '../src/features/index.ts';
import { actionCards } from './actions/index.ts';
import { actionReportCards } from './actions/reports.ts';
import { agendaCards } from './agendas/index.ts';
import { apologyCards } from './apologies/index.ts';
import { boardCards } from './boards/index.ts';
import type { CardContext } from './context.ts';
import { deliveryCards } from './delivery/index.ts';
import { forwardPlanCards } from './forward-plan/index.ts';
import { helpCards } from './help/index.ts';
import { formShape, type FormDefinition, type FormShape } from './kit.ts';
import { meetingCards } from './meetings/index.ts';
import { memberCards } from './members/index.ts';
import type { Card, Element, Form } from './model.ts';
import { noticeCard } from './notice-card.ts';
import { returnsCards } from './returns/index.ts';
import { lines, md } from './text.ts';
import type { CardKind, FormDefinitions, ResultCards, TemplateCards } from './registry-types.ts';

const RESULT_CARDS = {
  notice: (result) => noticeCard(result.text, result.tone ?? 'default'),
  ...helpCards.results,
  ...boardCards.results,
  ...meetingCards.results,
  ...agendaCards.results,
  ...forwardPlanCards.results,
  ...deliveryCards.results,
  ...apologyCards.results,
  ...memberCards.results,
  ...returnsCards.results,
  ...actionCards.results,
  ...actionReportCards.results,
} satisfies ResultCards;

const FORM_DEFINITIONS = {
  ...boardCards.forms,
  ...meetingCards.forms,
  ...agendaCards.forms,
  ...forwardPlanCards.forms,
  ...memberCards.forms,
  ...returnsCards.forms,
  ...actionCards.forms,
  ...apologyCards.forms,
  ...actionReportCards.forms,
} satisfies FormDefinitions;

const TEMPLATE_CARDS = {
  ...agendaCards.templates,
  ...deliveryCards.templates,
  ...returnsCards.templates,
  ...actionCards.templates,
  ...apologyCards.templates,
  ...actionReportCards.templates,
  ...memberCards.templates,
} satisfies TemplateCards;

export type ResultForCard = Exclude<Result, FormRequest>;

/** Every card the registry can build, by kind: what a test must reach to cover them all. */
export const REGISTERED = {
  results: Object.keys(RESULT_CARDS) as CardKind[],
  forms: Object.keys(FORM_DEFINITIONS) as FormId[],
  templates: Object.keys(TEMPLATE_CARDS) as (keyof typeof TEMPLATE_CARDS)[],
};

/** The card for a result of a command, a click or a form. */
export function resultCard(result: ResultForCard, ctx: CardContext): Card {
  const build = RESULT_CARDS[result.kind as CardKind] as (r: ResultForCard, c: CardContext) => Card;
  return build(result, ctx);
}

/** A form's definition by its id, if it is one of the features' forms. */
export function formDefinition(id: string): FormShape | undefined {
  const definition = Object.hasOwn(FORM_DEFINITIONS, id) ? (FORM_DEFINITIONS[id as FormId] as FormDefinition) : undefined;
  return definition ? formShape(definition) : undefined;
}

/** The form a result asks for, with its initial values, choices and context filled in. */
export function formFor(request: FormRequest): Form {
  const definition = formDefinition(request.form);
  if (!definition) throw new Error(`no form definition for "${request.form}"`);
  const values = request.values as Record<string, Form['fields'][number]['value']>;
  const options = (request.options ?? {}) as Record<string, { value: string; label: string }[] | undefined>;
  const errors = request.errors ?? {};
  const { fieldFor: _reader, ...shape } = definition;
  return {
    ...shape,
    ...(request.context ? { intro: lines(request.context, definition.intro) } : {}),
    ...(request.submitLabel ? { submitLabel: request.submitLabel } : {}),
    metadata: request.metadata,
    fields: [...definition.fields, ...(request.fields ?? [])].map((field) => ({
      ...field,
      ...(values[field.id] !== undefined ? { value: values[field.id] } : {}),
      ...(options[field.id] ? { options: options[field.id] } : {}),
      ...(errors[field.id] ? { error: errors[field.id] } : {}),
    })),
  };
}

/** The card for one outbox message. */
export function outboundCard(message: Pick<OutboundMessage, 'template' | 'data'>): Card {
  const build = TEMPLATE_CARDS[message.template] as (data: unknown) => Card;
  return build(message.data);
}

/** One message, or a digest of several for one person. */
export function outboundMessagesCard(messages: Pick<OutboundMessage, 'template' | 'data'>[]): Card {
  if (messages.length === 1) return outboundCard(messages[0] as OutboundMessage);
  const cards = messages.map(outboundCard);
  const body: Element[] = [{ type: 'text', text: md`**${messages.length} updates from Quorum**` }];
  for (const card of cards) body.push({ type: 'divider' }, ...(card.title ? [{ type: 'heading' as const, text: card.title }] : []), ...card.body);
  return { fallback: `${messages.length} updates from Quorum: ${cards.map((c) => c.fallback).join('; ')}`, body };
}
