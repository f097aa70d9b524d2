// Slack's documented Block Kit limits as zod schemas. No offline validator exists, so the tests
// check every payload the bot sends against these.
import { z } from 'zod';

const plainText = (max: number) => z.object({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() });
const mrkdwnText = (max: number) => z.object({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max) });
const text = (max: number) => z.union([plainText(max), mrkdwnText(max)]);
const actionId = z.string().min(1).max(255);

const confirm = z.object({ title: plainText(100), text: text(300), confirm: plainText(30), deny: plainText(30) }).strict();

export const slackButtonSchema = z
  .object({
    type: z.literal('button'),
    text: plainText(75),
    action_id: actionId,
    value: z.string().max(2000).optional(),
    url: z.string().url().max(3000).optional(),
    style: z.enum(['primary', 'danger']).optional(),
    confirm: confirm.optional(),
  })
  .strict();

const option = z.object({ text: plainText(75), value: z.string().min(1).max(150) }).strict();

const inputElement = z.discriminatedUnion('type', [
  z.object({ type: z.literal('plain_text_input'), action_id: actionId, multiline: z.boolean().optional(), initial_value: z.string().optional(), max_length: z.number().int().max(3000).optional(), placeholder: plainText(150).optional() }).strict(),
  z.object({ type: z.literal('number_input'), action_id: actionId, is_decimal_allowed: z.boolean(), initial_value: z.string().optional(), min_value: z.string().optional(), max_value: z.string().optional() }).strict(),
  z.object({ type: z.literal('datepicker'), action_id: actionId, initial_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional() }).strict(),
  z.object({ type: z.literal('timepicker'), action_id: actionId, initial_time: z.string().regex(/^\d{2}:\d{2}$/).optional() }).strict(),
  z.object({ type: z.literal('static_select'), action_id: actionId, options: z.array(option).min(1).max(100), initial_option: option.optional() }).strict(),
  z.object({ type: z.literal('checkboxes'), action_id: actionId, options: z.array(option).min(1).max(10), initial_options: z.array(option).optional() }).strict(),
]);

const blockId = z.string().max(255).optional();

const block = z.discriminatedUnion('type', [
  z.object({ type: z.literal('header'), text: plainText(150), block_id: blockId }).strict(),
  z
    .object({
      type: z.literal('section'),
      block_id: blockId,
      text: text(3000).optional(),
      fields: z.array(text(2000)).max(10).optional(),
      accessory: slackButtonSchema.optional(),
    })
    .strict()
    .refine((s) => s.text || (s.fields && s.fields.length > 0), { message: 'a section needs text or fields' }),
  z.object({ type: z.literal('context'), block_id: blockId, elements: z.array(text(3000)).min(1).max(10) }).strict(),
  z.object({ type: z.literal('divider'), block_id: blockId }).strict(),
  z
    .object({ type: z.literal('actions'), block_id: blockId, elements: z.array(slackButtonSchema).min(1).max(25) })
    .strict()
    .refine((a) => new Set(a.elements.map((e) => e.action_id)).size === a.elements.length, { message: 'action_ids must be unique in a block' }),
  z.object({ type: z.literal('input'), block_id: z.string().min(1).max(255), optional: z.boolean().optional(), label: plainText(2000), hint: plainText(2000).optional(), element: inputElement }).strict(),
]);

export const slackMessageSchema = z.object({ text: z.string().min(1).max(40_000), blocks: z.array(block).max(50) });

export const slackHomeSchema = z.object({ type: z.literal('home'), blocks: z.array(block).max(100) });

export const slackModalSchema = z
  .object({
    type: z.literal('modal'),
    callback_id: z.string().min(1).max(255),
    title: plainText(24),
    submit: plainText(24).optional(),
    close: plainText(24).optional(),
    private_metadata: z.string().max(3000).optional(),
    blocks: z.array(block).max(100),
  })
  .strict();
