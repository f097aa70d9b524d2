// The card layer: one neutral model, two renderers, and every feature's cards and forms. The
// validators (cards/validate/) are for tests and are not exported here: adaptivecards is a
// devDependency.
export type * from './model.ts';
export type { CardContext } from './context.ts';
export { agendaCard, agendaItems, formatMinutes, type AgendaCardOptions } from './agendas/agenda-card.ts';
export { noticeCard } from './notice-card.ts';
export { resultCard, formFor, formDefinition, outboundCard, outboundMessagesCard, type ResultForCard } from './registry.ts';
export { submittedFields, type FormShape } from './kit.ts';
export { toAdaptiveMarkdown, toPlain, toSlackMrkdwn } from './markup.ts';
export { md, strong, em, inlineLink, bullets, lines, joined, type Rich } from './text.ts';
export { renderSlackMessage, renderSlackHome, renderSlackText, slackActionName, SLACK_LIMITS, type Block, type SlackMessagePayload } from './render/slack.ts';
export { renderSlackModal, slackErrorsResponse, readSlackViewValues, EMPTY_CHOICE, type SlackErrorsResponse, type SlackInputState } from './render/slack-form.ts';
export { renderAdaptiveCard, adaptiveAttachment, teamsSummary, ADAPTIVE_CONTENT_TYPE } from './render/adaptive.ts';
export type { AdaptiveCard, AdaptiveAttachment, CardElement as AdaptiveElement, CardAction as AdaptiveAction } from './render/adaptive-types.ts';
export { plainField } from './escape.ts';
export { choicesCarried, renderAdaptiveForm, readAdaptiveFormValues, type AdaptiveFormData } from './render/adaptive-form.ts';
