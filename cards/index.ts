// The card layer: one neutral model, two renderers, and the bot's cards and forms.
export type * from './model.ts';
export { helpCard, type HelpInput } from './help.ts';
export { agendaCard } from './agenda.ts';
export { resultCard, noticeCard, type ResultForCard } from './results.ts';
export { formFor, formDefinition } from './forms.ts';
export { outboundCard, outboundMessagesCard, isKnownTemplate } from './outbound.ts';
export {
  renderSlackMessage,
  renderSlackModal,
  renderSlackHome,
  slackErrorsResponse,
  readSlackViewValues,
  slackActionName,
  SLACK_LIMITS,
  type SlackMessagePayload,
} from './render/slack.ts';
export { renderAdaptiveCard, renderAdaptiveForm, adaptiveAttachment, readAdaptiveFormValues, ADAPTIVE_CONTENT_TYPE } from './render/adaptive.ts';
