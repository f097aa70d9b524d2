// Test helpers: render a card or form both ways and fail on anything either platform would refuse.
// Only tests import this file (it uses vitest and the adaptivecards devDependency).
import { expect } from 'vitest';
import type { Card, FieldErrors, Form, FormValues } from '../model.ts';
import { renderAdaptiveCard } from '../render/adaptive.ts';
import type { AdaptiveCard } from '../render/adaptive-types.ts';
import { renderAdaptiveForm } from '../render/adaptive-form.ts';
import type { ModalView } from '@slack/types';
import { renderSlackMessage, type SlackMessagePayload } from '../render/slack.ts';
import { renderSlackModal } from '../render/slack-form.ts';
import { validateAdaptiveCard } from './adaptive.ts';
import { slackModalSchema, slackMessageSchema } from './slack-limits.ts';

function slackIssues(schema: typeof slackMessageSchema | typeof slackModalSchema, payload: unknown): string[] {
  const parsed = schema.safeParse(payload);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
}

export function expectValidCard(card: Card): { slack: SlackMessagePayload; adaptive: AdaptiveCard } {
  const slack = renderSlackMessage(card);
  expect(slackIssues(slackMessageSchema, slack)).toEqual([]);
  const adaptive = renderAdaptiveCard(card);
  expect(validateAdaptiveCard(adaptive)).toEqual([]);
  return { slack, adaptive };
}

export function expectValidForm(form: Form, errors: FieldErrors = {}, values: FormValues = {}): { slack: ModalView; adaptive: AdaptiveCard } {
  const slack = renderSlackModal(form, errors);
  expect(slackIssues(slackModalSchema, slack)).toEqual([]);
  const adaptive = renderAdaptiveForm(form, errors, values);
  expect(validateAdaptiveCard(adaptive)).toEqual([]);
  return { slack, adaptive };
}
