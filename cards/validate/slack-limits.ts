// Slack's documented Block Kit limits as zod schemas. No offline validator exists, so the tests
// check every payload the bot sends against these. Limits from api.slack.com/reference/block-kit:
// 50 blocks a message, 100 a modal or Home tab; section text 3000, fields 10 of 2000; header 150;
// button text 75, value 2000; action_id and block_id 255; actions 25 elements; context 10;
// option text 75, value 150; input label and hint 2000, placeholder 150; modal title, submit and
// close 24; callback_id 255; private_metadata 3000.
import { z } from 'zod';

const plainText = (max: number) => z.object({ type: z.literal('plain_text'), text: z.string().min(1).max(max), emoji: z.boolean().optional() }).strict();
const mrkdwnText = (max: number) => z.object({ type: z.literal('mrkdwn'), text: z.string().min(1).max(max), verbatim: z.boolean().optional() }).strict();
const text = (max: number) => z.union([plainText(max), mrkdwnText(max)]);
const actionId = z.string().min(1).max(255);
const blockId = z.string().min(1).max(255);

const confirm = z.object({ title: plainText(100), text: text(300), confirm: plainText(30), deny: plainText(30), style: z.enum(['primary', 'danger']).optional() }).strict();

export const slackButtonSchema = z
  .object({
    type: z.literal('button'),
    text: plainText(75),
    action_id: actionId,
    value: z.string().max(2000).optional(),
    url: z.string().url().max(3000).optional(),
    style: z.enum(['primary', 'danger']).optional(),
    confirm: confirm.optional(),
    accessibility_label: z.string().max(75).optional(),
  })
  .strict();

const option = z.object({ text: plainText(75), value: z.string().min(1).max(150) }).strict();
const placeholder = plainText(150).optional();
const options = z.array(option).min(1).max(100);
const sameOption = (a: { value: string }, list: { value: string }[]) => list.some((o) => o.value === a.value);
const isNumber = (s: string) => s.trim() !== '' && Number.isFinite(Number(s));

const numberInput = z
  .object({ type: z.literal('number_input'), action_id: actionId, is_decimal_allowed: z.boolean(), initial_value: z.string().optional(), min_value: z.string().optional(), max_value: z.string().optional(), placeholder })
  .strict()
  .superRefine((e, ctx) => {
    for (const key of ['initial_value', 'min_value', 'max_value'] as const) {
      const v = e[key];
      if (v === undefined) continue;
      if (!isNumber(v)) ctx.addIssue({ code: 'custom', message: `${key} must be a number`, path: [key] });
      else if (!e.is_decimal_allowed && !Number.isInteger(Number(v))) ctx.addIssue({ code: 'custom', message: `${key} must be a whole number`, path: [key] });
    }
    const n = e.initial_value !== undefined ? Number(e.initial_value) : undefined;
    if (n !== undefined && e.min_value !== undefined && n < Number(e.min_value)) ctx.addIssue({ code: 'custom', message: 'initial_value is below min_value', path: ['initial_value'] });
    if (n !== undefined && e.max_value !== undefined && n > Number(e.max_value)) ctx.addIssue({ code: 'custom', message: 'initial_value is above max_value', path: ['initial_value'] });
  });

const inputElement = z.union([
  z
    .object({ type: z.literal('plain_text_input'), action_id: actionId, multiline: z.boolean().optional(), initial_value: z.string().optional(), min_length: z.number().int().min(0).max(3000).optional(), max_length: z.number().int().min(1).max(3000).optional(), placeholder })
    .strict()
    .refine((e) => e.initial_value === undefined || e.max_length === undefined || e.initial_value.length <= e.max_length, { message: 'initial_value is longer than max_length' }),
  numberInput,
  z.object({ type: z.literal('file_input'), action_id: actionId, filetypes: z.array(z.string().min(1)).optional(), max_files: z.number().int().min(1).max(10).optional() }).strict(),
  z.object({ type: z.literal('datepicker'), action_id: actionId, initial_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), placeholder }).strict(),
  z.object({ type: z.literal('timepicker'), action_id: actionId, initial_time: z.string().regex(/^\d{2}:\d{2}$/).optional(), placeholder }).strict(),
  z
    .object({ type: z.literal('static_select'), action_id: actionId, options, initial_option: option.optional(), placeholder })
    .strict()
    .refine((e) => !e.initial_option || sameOption(e.initial_option, e.options), { message: 'initial_option must be one of the options' }),
  z
    .object({ type: z.literal('multi_static_select'), action_id: actionId, options, initial_options: z.array(option).optional(), max_selected_items: z.number().int().min(1).optional(), placeholder })
    .strict()
    .refine((e) => (e.initial_options ?? []).every((o) => sameOption(o, e.options)), { message: 'initial_options must be among the options' }),
  // Slack's user pickers: initial users are user ids (U… or W…).
  z.object({ type: z.literal('users_select'), action_id: actionId, initial_user: z.string().regex(/^[UW][A-Z0-9]+$/).optional(), placeholder }).strict(),
  z
    .object({ type: z.literal('multi_users_select'), action_id: actionId, initial_users: z.array(z.string().regex(/^[UW][A-Z0-9]+$/)).max(100).optional(), max_selected_items: z.number().int().min(1).optional(), placeholder })
    .strict(),
  z
    .object({ type: z.literal('checkboxes'), action_id: actionId, options: z.array(option).min(1).max(10), initial_options: z.array(option).optional() })
    .strict()
    .refine((e) => (e.initial_options ?? []).every((o) => sameOption(o, e.options)), { message: 'initial_options must be among the options' }),
]);

const uniqueActionIds = (elements: { action_id: string }[]) => new Set(elements.map((e) => e.action_id)).size === elements.length;

export const slackBlockSchema = z.union([
  z.object({ type: z.literal('header'), text: plainText(150), block_id: blockId.optional() }).strict(),
  z
    .object({ type: z.literal('section'), block_id: blockId.optional(), text: text(3000).optional(), fields: z.array(text(2000)).min(1).max(10).optional(), accessory: slackButtonSchema.optional() })
    .strict()
    .refine((s) => s.text || s.fields, { message: 'a section needs text or fields' }),
  z.object({ type: z.literal('context'), block_id: blockId.optional(), elements: z.array(text(3000)).min(1).max(10) }).strict(),
  z.object({ type: z.literal('divider'), block_id: blockId.optional() }).strict(),
  z
    .object({ type: z.literal('actions'), block_id: blockId.optional(), elements: z.array(slackButtonSchema).min(1).max(25) })
    .strict()
    .refine((a) => uniqueActionIds(a.elements), { message: 'action_ids must be unique in a block' }),
  z.object({ type: z.literal('input'), block_id: blockId, optional: z.boolean().optional(), label: plainText(2000), hint: plainText(2000).optional(), dispatch_action: z.boolean().optional(), element: inputElement }).strict(),
  // The table block: at most 100 rows of at most 20 cells (docs.slack.dev, table block).
  z
    .object({
      type: z.literal('table'),
      block_id: blockId.optional(),
      rows: z.array(z.array(z.object({ type: z.literal('raw_text'), text: z.string().min(1).max(2000) }).strict()).min(1).max(20)).min(1).max(100),
      column_settings: z.array(z.object({ align: z.enum(['left', 'center', 'right']).optional(), is_wrapped: z.boolean().optional() }).strict()).max(20).optional(),
    })
    .strict()
    .refine((t) => t.rows.every((r) => r.length === t.rows[0]?.length), { message: 'every table row has the same number of cells' }),
]);

/** Slack shows one table block per message. */
const oneTable = (list: { type: string }[]) => list.filter((b) => b.type === 'table').length <= 1;

type BlockLike = { block_id?: string | undefined };
const uniqueBlockIds = (blocks: BlockLike[]) => {
  const ids = blocks.map((b) => b.block_id).filter((id): id is string => id !== undefined);
  return new Set(ids).size === ids.length;
};
const blocks = (max: number) =>
  z.array(slackBlockSchema).max(max).refine(uniqueBlockIds, { message: 'block_ids must be unique' }).refine(oneTable, { message: 'a message has at most one table block' });

/** A message as the bot sends it (chat.postMessage / chat.update arguments, a respond() or ack
 * body): other keys (channel, ts, response_type...) pass; text is required, as a notification. */
export const slackMessageSchema = z.object({ text: z.string().min(1).max(40_000), blocks: blocks(50).optional() });

export const slackHomeSchema = z.object({ type: z.literal('home'), blocks: blocks(100) }).strict();

export const slackModalSchema = z
  .object({
    type: z.literal('modal'),
    callback_id: z.string().min(1).max(255),
    title: plainText(24),
    submit: plainText(24).optional(),
    close: plainText(24).optional(),
    private_metadata: z.string().max(3000).optional(),
    blocks: blocks(100),
  })
  .strict()
  .refine((m) => !m.blocks.some((b) => b.type === 'input') || m.submit, { message: 'a modal with inputs needs a submit button' });

/** The answer to a view_submission with field errors: block ids to messages. */
export const slackErrorsResponseSchema = z
  .object({ response_action: z.literal('errors'), errors: z.record(blockId, z.string().min(1).max(2000)) })
  .strict()
  .refine((r) => Object.keys(r.errors).length > 0, { message: 'at least one error' });
