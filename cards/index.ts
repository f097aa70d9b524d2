// The card layer: one neutral model, two renderers, and the bot's cards and forms. The
// validators (cards/validate/) are for tests and are not exported here: adaptivecards is a
// devDependency.
export type * from './model.ts';
export { helpCard, type HelpCommand, type HelpInput } from './help.ts';
export { agendaCard, agendaItems, formatMinutes, type AgendaCardOptions } from './agenda.ts';
export { resultCard, noticeCard, type ResultForCard } from './results.ts';
export { formFor, formDefinition } from './forms.ts';
export { outboundCard, outboundMessagesCard, isKnownTemplate } from './outbound.ts';
export { escapeSlack, toAdaptiveMarkdown, toPlain, toSlackMrkdwn } from './markup.ts';
export { renderSlackMessage, renderSlackHome, slackActionName, SLACK_LIMITS, type Block, type SlackMessagePayload } from './render/slack.ts';
export { renderSlackModal, slackErrorsResponse, readSlackViewValues, EMPTY_CHOICE, type SlackErrorsResponse, type SlackInputState } from './render/slack-form.ts';
export { renderAdaptiveCard, adaptiveAttachment, ADAPTIVE_CONTENT_TYPE, type AdaptiveCardJson } from './render/adaptive.ts';
export { renderAdaptiveForm, readAdaptiveFormValues, type AdaptiveFormData } from './render/adaptive-form.ts';
