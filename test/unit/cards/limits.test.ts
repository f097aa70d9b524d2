// Content larger than a platform allows still renders a valid payload (split, then cut short with
// a visible remainder), and both validators refuse what the platforms would.
import { describe, expect, it } from 'vitest';
import { agendaCard } from '../../../cards/agendas/agenda-card.ts';
import type { Card, Form } from '../../../cards/model.ts';
import { renderSlackHome, renderSlackMessage, splitText } from '../../../cards/render/slack.ts';
import { renderSlackModal, slackErrorsResponse } from '../../../cards/render/slack-form.ts';
import { sampleAgenda, sampleFiguresForm } from '../../support/card-samples.ts';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { expectValidCard, expectValidForm } from '../../../cards/validate/expect-valid.ts';
import { slackErrorsResponseSchema, slackHomeSchema, slackMessageSchema, slackModalSchema } from '../../../cards/validate/slack-limits.ts';

type SectionBlock = { type: string; text?: { text: string }; fields?: unknown[]; elements?: { text?: string }[] };
const texts = (blocks: unknown[]) => (blocks as SectionBlock[]).map((b) => b.text?.text ?? b.elements?.map((e) => e.text).join(' ') ?? '');

describe('splitting long content', () => {
  it('splits long text across sections at spaces, losing nothing', () => {
    const text = Array.from({ length: 2500 }, (_, i) => `word${i}`).join(' ');
    const { slack } = expectValidCard({ title: 'Minutes', body: [{ type: 'text', text }] });
    const sections = slack.blocks.filter((b) => b.type === 'section') as SectionBlock[];
    expect(sections.length).toBeGreaterThan(5);
    for (const s of sections) expect(s.text?.text.length).toBeLessThanOrEqual(3000);
    expect(sections.map((s) => s.text?.text).join(' ')).toBe(text);
  });

  it('never cuts inside a link or an escaped character', () => {
    const links = Array.from({ length: 200 }, (_, i) => `[report number ${i}](https://barnet.moderngov.co.uk/documents/s${i}/Report.pdf)`).join(' ');
    for (const piece of splitText(renderSlackMessage({ body: [{ type: 'text', text: links }] }).blocks.map((b) => (b as SectionBlock).text?.text).join('\n'), 3000)) {
      expect(piece.split('<').length).toBe(piece.split('>').length);
    }
    for (const piece of splitText('a&amp;'.repeat(1000), 3000)) expect(piece).toMatch(/^(a|&amp;)+$/);
  });

  it('caps a long agenda at 50 blocks with "… (n more items)", keeping its buttons', () => {
    const items = Array.from({ length: 120 }, (_, i) => ({ number: String(i + 1), title: `Item ${i + 1}`, subPoints: ['x '.repeat(1400)], links: [], exempt: false }));
    const { slack } = expectValidCard(agendaCard({ ...sampleAgenda, items }, { forClerk: true }));
    expect(slack.blocks).toHaveLength(50);
    const all = texts(slack.blocks).join('\n');
    const shown = (all.match(/\*\d+\.\*/g) ?? []).length;
    const more = /\u2026 \((\d+) more items\)/.exec(all);
    expect(more).not.toBeNull();
    expect(shown + Number(more?.[1])).toBe(120);
    expect(slack.blocks.some((b) => b.type === 'actions' && JSON.stringify(b).includes('agenda.post'))).toBe(true);
  });

  it('a long table: the native table block holds the header and 99 rows, the rest follow a line each, then the card is capped', () => {
    const rows = Array.from({ length: 400 }, (_, i) => [`Ward ${i + 1}`, String(i * 3), { text: '', rag: 'green' as const }]);
    const { slack } = expectValidCard({ title: 'Burglary by ward', body: [{ type: 'table', columns: [{ title: 'Ward' }, { title: 'Offences', align: 'right' }, { title: 'RAG' }], rows }] });
    const table = slack.blocks.find((b) => b.type === 'table') as unknown as { rows: { text: string }[][] };
    expect(table.rows).toHaveLength(100);
    expect(table.rows[0]?.map((c) => c.text)).toEqual(['Ward', 'Offences', 'RAG']);
    expect(table.rows[99]?.map((c) => c.text)).toEqual(['Ward 99', '294', '\u{1F7E2} Green']);
    const lines = texts(slack.blocks).join('\n').split('\n').filter((l) => /\*Ward \d+\*/.test(l));
    expect(lines[0]).toContain('*Ward 100*');
    const more = /\u2026 \((\d+) more items\)/.exec(texts(slack.blocks).join('\n'));
    expect(99 + lines.length + Number(more?.[1] ?? 0)).toBe(400);
  });

  it('puts at most 10 facts in a section and 25 buttons in a row', () => {
    const facts = Array.from({ length: 23 }, (_, i) => ({ label: `Member ${i}`, value: 'Present' }));
    const actions = Array.from({ length: 30 }, (_, i) => ({ kind: 'button' as const, id: 'plan.decide', label: `Option ${i}` }));
    const { slack } = expectValidCard({ title: 'Attendance', body: [{ type: 'facts', facts }, { type: 'actions', actions }] });
    expect((slack.blocks as SectionBlock[]).filter((b) => b.fields).map((b) => b.fields?.length)).toEqual([10, 10, 3]);
    expect(slack.blocks.filter((b) => b.type === 'actions').map((b) => (b as { elements: unknown[] }).elements.length)).toEqual([25, 5]);
  });

  it('shortens what Slack would refuse whole: headers, button labels', () => {
    const { slack } = expectValidCard({ title: 'A'.repeat(200), body: [{ type: 'actions', actions: [{ kind: 'button', id: 'x', label: 'B'.repeat(100) }] }] });
    expect((slack.blocks[0] as SectionBlock).text?.text).toHaveLength(150);
    expect(JSON.stringify(slack.blocks[1])).toContain(`${'B'.repeat(74)}\u2026`);
  });

  it('refuses a button payload or form metadata too big for Slack, naming it', () => {
    expect(() => renderSlackMessage({ body: [{ type: 'actions', actions: [{ kind: 'button', id: 'big', label: 'Go', payload: { note: 'x'.repeat(2000) } }] }] })).toThrow(/button big/);
    expect(() => renderSlackModal({ ...sampleFiguresForm, metadata: { note: 'x'.repeat(3000) } })).toThrow(/figures.submit/);
  });

  it('keeps a Home tab to 100 blocks', () => {
    const cards: Card[] = Array.from({ length: 40 }, (_, i) => ({ title: `Meeting ${i}`, body: [{ type: 'text', text: 'Agenda published' }, { type: 'context', text: 'Europe/London' }] }));
    const home = renderSlackHome(cards);
    expect(slackHomeSchema.safeParse(home).success).toBe(true);
    expect(home.blocks).toHaveLength(100);
  });

  it('shortens a form title to Slack\u2019s 24 characters, and every sample fits without', () => {
    const form: Form = { ...sampleFiguresForm, title: 'Submit quarterly figures for Q3' };
    const { slack } = expectValidForm(form);
    expect((slack.title as { text: string }).text).toHaveLength(24);
    expect(sampleFiguresForm.title.length).toBeLessThanOrEqual(24);
  });
});

describe('the Slack schema refuses what Slack would', () => {
  const ok = renderSlackMessage({ title: 'Agenda', body: [{ type: 'text', text: 'hello' }, { type: 'actions', actions: [{ kind: 'button', id: 'a', label: 'Go' }] }] });
  const section = ok.blocks[1] as unknown as Record<string, unknown>;
  const fails = (payload: unknown) => expect(slackMessageSchema.safeParse(payload).success).toBe(false);

  it('accepts a good message (so the refusals below mean something)', () => expect(slackMessageSchema.safeParse(ok).success).toBe(true));
  it('51 blocks', () => fails({ ...ok, blocks: Array.from({ length: 51 }, () => section) }));
  it('no notification text', () => fails({ blocks: ok.blocks }));
  it('section text of 3001', () => fails({ ...ok, blocks: [{ type: 'section', text: { type: 'mrkdwn', text: 'x'.repeat(3001) } }] }));
  it('header of 151', () => fails({ ...ok, blocks: [{ type: 'header', text: { type: 'plain_text', text: 'x'.repeat(151) } }] }));
  it('header in mrkdwn', () => fails({ ...ok, blocks: [{ type: 'header', text: { type: 'mrkdwn', text: 'x' } }] }));
  it('button text of 76', () => fails({ ...ok, blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }] }));
  it('button value of 2001', () => fails({ ...ok, blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', value: 'x'.repeat(2001), text: { type: 'plain_text', text: 'Go' } }] }] }));
  it('action_id of 256', () => fails({ ...ok, blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'x'.repeat(256), text: { type: 'plain_text', text: 'Go' } }] }] }));
  it('two buttons with one action_id in a block', () => fails({ ...ok, blocks: [{ type: 'actions', elements: [1, 2].map(() => ({ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'Go' } })) }] }));
  it('block_id of 256, and block_ids repeated', () => {
    fails({ ...ok, blocks: [{ type: 'divider', block_id: 'x'.repeat(256) }] });
    fails({ ...ok, blocks: [{ type: 'divider', block_id: 'a' }, { type: 'divider', block_id: 'a' }] });
  });
  it('11 context elements, 11 fields, a field of 2001', () => {
    fails({ ...ok, blocks: [{ type: 'context', elements: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }] });
    fails({ ...ok, blocks: [{ type: 'section', fields: Array.from({ length: 11 }, () => ({ type: 'mrkdwn', text: 'x' })) }] });
    fails({ ...ok, blocks: [{ type: 'section', fields: [{ type: 'mrkdwn', text: 'x'.repeat(2001) }] }] });
  });
  it('26 elements in an actions block', () => fails({ ...ok, blocks: [{ type: 'actions', elements: Array.from({ length: 26 }, (_, i) => ({ type: 'button', action_id: `a${i}`, text: { type: 'plain_text', text: 'Go' } })) }] }));
  it('an unknown block type', () => fails({ ...ok, blocks: [{ type: 'table', rows: [] }] }));

  const modal = renderSlackModal(sampleFiguresForm);
  const modalFails = (change: Record<string, unknown>) => expect(slackModalSchema.safeParse({ ...modal, ...change }).success).toBe(false);
  const input = (element: Record<string, unknown>) => ({ blocks: [{ type: 'input', block_id: 'f', label: { type: 'plain_text', text: 'F' }, element: { action_id: 'value', ...element } }] });
  const opt = (value: string, text = 'x') => ({ text: { type: 'plain_text', text }, value });

  it('accepts the sample modal', () => expect(slackModalSchema.safeParse(modal).success).toBe(true));
  it('a modal title of 25, submit or close of 25', () => {
    modalFails({ title: { type: 'plain_text', text: 'x'.repeat(25) } });
    modalFails({ submit: { type: 'plain_text', text: 'x'.repeat(25) } });
    modalFails({ close: { type: 'plain_text', text: 'x'.repeat(25) } });
  });
  it('private_metadata of 3001, callback_id of 256, 101 blocks', () => {
    modalFails({ private_metadata: 'x'.repeat(3001) });
    modalFails({ callback_id: 'x'.repeat(256) });
    modalFails({ blocks: Array.from({ length: 101 }, () => ({ type: 'divider' })) });
  });
  it('input label of 2001, placeholder of 151, option text of 76, option value of 151', () => {
    modalFails({ blocks: [{ type: 'input', block_id: 'f', label: { type: 'plain_text', text: 'x'.repeat(2001) }, element: { type: 'datepicker', action_id: 'v' } }] });
    modalFails(input({ type: 'plain_text_input', placeholder: { type: 'plain_text', text: 'x'.repeat(151) } }));
    modalFails(input({ type: 'static_select', options: [opt('a', 'x'.repeat(76))] }));
    modalFails(input({ type: 'static_select', options: [opt('x'.repeat(151))] }));
  });
  it('an initial option not among the options, a fraction in a whole-number input, a value below min', () => {
    modalFails(input({ type: 'static_select', options: [opt('a')], initial_option: opt('b') }));
    modalFails(input({ type: 'number_input', is_decimal_allowed: false, initial_value: '2.5' }));
    modalFails(input({ type: 'number_input', is_decimal_allowed: false, initial_value: '-4', min_value: '0' }));
  });
  it('an errors answer: accepted as rendered, refused when empty', () => {
    expect(slackErrorsResponseSchema.safeParse(slackErrorsResponse({ burglary: 'Burglary: enter a whole number of 0 or more.' })).success).toBe(true);
    expect(slackErrorsResponseSchema.safeParse(slackErrorsResponse({})).success).toBe(false);
  });
});

describe('the Adaptive Card validator reports broken cards', () => {
  const card = (body: unknown[], extra: Record<string, unknown> = {}) => ({ type: 'AdaptiveCard', version: '1.5', body, ...extra });

  it('passes a good card (so the failures below mean something)', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', text: 'Agenda', wrap: true }], { actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go' }] }))).toEqual([]);
  });
  it('an unknown element type', () => expect(validateAdaptiveCard(card([{ type: 'Bogus' }])).join()).toMatch(/Bogus/));
  it('a missing required property', () => expect(validateAdaptiveCard(card([], { actions: [{ type: 'Action.OpenUrl', title: 'Papers' }] })).join()).toMatch(/"url" must be set/));
  it('a version other than 1.5, and Action.Execute in a card declared 1.0', () => {
    const problems = validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.0', body: [], actions: [{ type: 'Action.Execute', title: 'Go', verb: 'go' }] }).join('\n');
    expect(problems).toMatch(/version must be "1.5"/);
    expect(problems).toMatch(/1\.0, as declared.*Action\.Execute/);
  });
  it('a Table of the wrong structure', () => {
    expect(validateAdaptiveCard(card([{ type: 'Table', columns: [{ width: 1 }], rows: [{ type: 'TableRow', cells: [{ type: 'TextBlock', text: 'x' }] }] }])).join()).toMatch(/TextBlock.*not allowed/);
    const cell = { type: 'TableCell', items: [{ type: 'TextBlock', text: 'x' }] };
    expect(validateAdaptiveCard(card([{ type: 'Table', columns: [{ width: 1 }], rows: [{ type: 'TableRow', cells: [cell, cell] }] }])).join()).toMatch(/row 0 has 2 cells for 1 columns/);
  });
  it('a property the parser would silently ignore', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', text: 'Red', colour: 'Attention' }])).join()).toMatch(/body\[0\] \(TextBlock\): "colour"/);
    expect(validateAdaptiveCard(card([{ type: 'Table', firstRowAsHeader: true, columns: [], rows: [] }])).join()).toMatch(/firstRowAsHeader/);
  });
  it('a bad value, and a required input without a label', () => {
    expect(validateAdaptiveCard(card([{ type: 'TextBlock', text: 'x', color: 'Purple' }])).join()).toMatch(/Purple/);
    expect(validateAdaptiveCard(card([{ type: 'Input.Text', id: 'a', isRequired: true }])).join()).toMatch(/label/);
  });
  it('not an Adaptive Card at all', () => expect(validateAdaptiveCard({ type: 'message' }).length).toBeGreaterThan(0));
});
