import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../src/commands.ts';
import { getHelp } from '../src/use-cases/get-help.ts';
import { agendaCard } from './agenda.ts';
import { formFor } from './forms.ts';
import { helpCard } from './help.ts';
import { toPlain, toSlackMrkdwn } from './markup.ts';
import type { Card, Form } from './model.ts';
import { outboundMessagesCard } from './outbound.ts';
import { adaptiveAttachment, readAdaptiveFormValues, renderAdaptiveCard, renderAdaptiveForm } from './render/adaptive.ts';
import { readSlackViewValues, renderSlackMessage, renderSlackModal, slackActionName, slackErrorsResponse } from './render/slack.ts';
import { resultCard } from './results.ts';
import { sampleActionCard, sampleAgenda, sampleDashboard, sampleFiguresForm } from './samples.ts';
import { validateAdaptiveCard } from './validate/adaptive.ts';
import { slackMessageSchema, slackModalSchema } from './validate/slack-limits.ts';

function expectValidCard(card: Card) {
  const slack = renderSlackMessage(card);
  const parsed = slackMessageSchema.safeParse(slack);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(validateAdaptiveCard(renderAdaptiveCard(card))).toEqual([]);
  return slack;
}

function expectValidForm(form: Form, errors: Record<string, string> = {}) {
  const modal = renderSlackModal(form);
  const parsed = slackModalSchema.safeParse(modal);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  expect(validateAdaptiveCard(renderAdaptiveForm(form, errors))).toEqual([]);
  return modal;
}

describe('samples render valid payloads on both platforms', () => {
  it('agenda card with buttons', () => {
    const slack = expectValidCard(agendaCard(sampleAgenda));
    const json = JSON.stringify(slack);
    expect(json).toContain('Order of business');
    expect(json).toContain('Police Update');
    expect(json).toContain('Add to calendar');
    expect(json).toContain('Exempt item');
  });

  it('an action card and its updated version after a click', () => {
    const open = expectValidCard(sampleActionCard(false));
    const done = expectValidCard(sampleActionCard(true));
    expect(JSON.stringify(open)).toContain('action.done');
    expect(JSON.stringify(done)).not.toContain('action.done');
    expect(JSON.stringify(done)).toContain('Marked done by Richard Norfolk');
    const adaptive = renderAdaptiveCard(sampleActionCard(false));
    expect(JSON.stringify(adaptive)).toContain('"verb":"action.done"');
  });

  it('a form with typed inputs, and the same form with per-field errors', () => {
    expectValidForm(sampleFiguresForm);
    const errors = { burglary: 'Burglary: enter a whole number of 0 or more.' };
    const withErrors = renderAdaptiveForm(sampleFiguresForm, errors, { burglary: '-4', robbery: '12' });
    expect(validateAdaptiveCard(withErrors)).toEqual([]);
    const text = JSON.stringify(withErrors);
    expect(text).toContain('Burglary: enter a whole number of 0 or more.');
    expect(text).toContain('"value":-4');
    expect(slackErrorsResponse(errors)).toEqual({ response_action: 'errors', errors });
  });

  it('a table of figures with RAG ratings', () => {
    const slack = expectValidCard(sampleDashboard);
    expect(JSON.stringify(slack)).toContain('Burglary');
    const adaptive = JSON.stringify(renderAdaptiveCard(sampleDashboard));
    expect(adaptive).toContain('"type":"Table"');
    expect(adaptive).toContain('"color":"Attention"');
  });

  it('the help card lists every command of this build', () => {
    const slack = expectValidCard(helpCard(getHelp()));
    for (const command of COMMANDS) expect(JSON.stringify(slack)).toContain(command.usage.split(' ')[0]);
  });

  it('every form the bot opens', () => {
    for (const form of ['board.setup', 'meeting.create', 'meeting.edit', 'agenda.item.add', 'agenda.item.edit', 'agenda.paste', 'plan.propose'] as const) {
      expectValidForm(formFor({ kind: 'form', form, values: { title: 'x', exempt: true, meeting: '' }, metadata: { meetingId: 'm' }, options: { meeting: [{ value: '', label: 'To be allocated' }] } }));
    }
  });

  it('every outbox template, and a digest of several', () => {
    expectValidCard(outboundMessagesCard([{ template: 'agenda.card', data: sampleAgenda }]));
    expectValidCard(outboundMessagesCard([{ template: 'agenda.reminder', data: { kind: 'scheduled', lead: 'tomorrow', agenda: sampleAgenda } }]));
    expectValidCard(outboundMessagesCard([{ template: 'agenda.changed', data: { meeting: sampleAgenda.meeting, changes: ['Item 6 added: Police Update'] } }]));
    const failed = { template: 'delivery.failed', data: { boardName: 'SCPB', template: 'agenda.card', targetKind: 'channel', targetId: 'C1', code: 'not_in_channel', reason: 'Quorum is not in the channel', outboxId: 'o1' } };
    expectValidCard(outboundMessagesCard([failed]));
    const digest = expectValidCard(outboundMessagesCard([failed, failed]));
    expect(digest.text).toMatch(/^2 updates from Quorum/);
  });

  it('result cards of every kind', () => {
    expectValidCard(resultCard({ kind: 'notice', text: 'Done.' }));
    expectValidCard(resultCard({ kind: 'agenda-preview', notice: 'Only you can see this.', agenda: sampleAgenda }));
    expectValidCard(resultCard({ kind: 'outbox-status', board: { id: 'b', name: 'SCPB', timezone: 'Europe/London' }, counts: { pending: 1, sending: 0, sent: 2, failed: 2, skipped: 0 }, failed: [
      { id: 'o1', template: 'agenda.card', platform: 'slack', target: 'channel:C1', status: 'failed', attempts: 1, at: new Date().toISOString(), errorCode: 'not_in_channel', reason: 'not in channel' },
      { id: 'o2', template: 'agenda.card', platform: 'teams', target: 'channel:19:x', status: 'failed', attempts: 8, at: new Date().toISOString() },
    ], queued: [], recent: [] }));
    expectValidCard(resultCard({ kind: 'forward-plan', board: { name: 'SCPB' }, canDecide: true, meetings: [{ id: 'm', short: 'Fri 4 Dec 2026, 10:00' }], entries: [{ id: 'p1', title: 'ASB progress report', status: 'proposed' }, { id: 'p2', title: 'VAWG strategy', status: 'proposed' }] }));
    expectValidCard(resultCard({ kind: 'upcoming-meetings', onNoBoard: false, meetings: [{ meetingId: 'm', boardName: 'SCPB', title: 't', short: 'Fri 4 Dec 2026, 10:00', status: 'draft', itemCount: 6, isClerk: true }] }));
    expectValidCard(resultCard({ kind: 'agenda-import-preview', importId: 'i', source: 'paste', heading: 'h', items: [{ number: '1', title: 'Welcome', subPoints: [], exempt: false, links: [] }], unread: [{ line: 3, text: 'garbage', reason: 'no number' }], effect: 'Saving replaces the 6 items.' }));
  });
});

describe('limits', () => {
  it('splits long text and caps a card at 50 blocks with a visible remainder', () => {
    const items = Array.from({ length: 80 }, (_, i) => ({ number: String(i + 1), title: `Item ${i + 1}`, subPoints: ['x'.repeat(200)], links: [], exempt: false }));
    const slack = expectValidCard(agendaCard({ ...sampleAgenda, items }));
    expect(slack.blocks).toHaveLength(50);
    expect(JSON.stringify(slack.blocks.at(-1))).toMatch(/more not shown here/);
    const long = expectValidCard({ fallback: 'long', body: [{ type: 'text', text: 'word '.repeat(2000) }] });
    expect(long.blocks.length).toBeGreaterThan(3);
  });

  it('gives buttons with one action id in one block distinct ids, and reads the name back', () => {
    const card: Card = { fallback: 'f', body: [{ type: 'actions', actions: [1, 2, 3].map((n) => ({ kind: 'button' as const, id: 'plan.decide', label: `B${n}`, payload: { n } })) }] };
    const slack = expectValidCard(card);
    const ids = (slack.blocks[0] as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(ids).toEqual(['plan.decide', 'plan.decide#1', 'plan.decide#2']);
    expect(ids.map(slackActionName)).toEqual(['plan.decide', 'plan.decide', 'plan.decide']);
  });

  it('the Slack schema rejects what Slack would', () => {
    const ok = renderSlackMessage({ fallback: 'x', body: [{ type: 'text', text: 'hello' }] });
    expect(slackMessageSchema.safeParse({ ...ok, blocks: Array(51).fill(ok.blocks[0]) }).success).toBe(false);
    expect(slackMessageSchema.safeParse({ text: 'x', blocks: [{ type: 'actions', elements: [{ type: 'button', action_id: 'a', text: { type: 'plain_text', text: 'x'.repeat(76) } }] }] }).success).toBe(false);
    const modal = renderSlackModal(sampleFiguresForm);
    expect(slackModalSchema.safeParse({ ...modal, title: { type: 'plain_text', text: 'x'.repeat(25) } }).success).toBe(false);
    expect(slackModalSchema.safeParse({ ...modal, private_metadata: 'x'.repeat(3001) }).success).toBe(false);
  });

  it('the Adaptive Card validator reports broken cards', () => {
    expect(validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Bogus' }] }).length).toBeGreaterThan(0);
    expect(validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.0', body: [] }).join()).toMatch(/version/);
    expect(validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'Input.Text' }] }).length).toBeGreaterThan(0);
    expect(validateAdaptiveCard({ type: 'AdaptiveCard', version: '1.5', body: [{ type: 'TextBlock', text: 'a', id: 'x' }, { type: 'TextBlock', text: 'b', id: 'x' }] }).length).toBeGreaterThan(0);
    expect(adaptiveAttachment({}).contentType).toBe('application/vnd.microsoft.card.adaptive');
  });
});

describe('markup and form values', () => {
  it('converts the neutral markup, escaping what could ping a whole channel', () => {
    expect(toSlackMrkdwn('**Police** <!channel> & [report](https://example.org/a?b=1&c=2)')).toBe('*Police* &lt;!channel&gt; &amp; <https://example.org/a?b=1&c=2|report>');
    expect(toPlain('**Police** [report](https://x.org)')).toBe('Police report');
  });

  it('reads Slack view state and Adaptive data back into the same raw values', () => {
    const slack = readSlackViewValues(sampleFiguresForm, {
      burglary: { value: { type: 'number_input', value: '12' } },
      robbery: { value: { type: 'number_input', value: null } },
      violence: { value: { type: 'number_input', value: '3' } },
      factors: { value: { type: 'plain_text_input', value: 'More patrols' } },
      period: { value: { type: 'static_select', selected_option: { value: 'q4' } } },
      confirmed: { value: { type: 'checkboxes', selected_options: [{ value: 'true' }] } },
    });
    const teams = readAdaptiveFormValues(sampleFiguresForm, { burglary: '12', violence: '3', factors: 'More patrols', period: 'q4', confirmed: 'true', form: 'figures.submit' });
    expect(slack).toEqual({ burglary: '12', robbery: null, violence: '3', factors: 'More patrols', period: 'q4', confirmed: true });
    expect(teams).toEqual(slack);
    const dates = readSlackViewValues(formFor({ kind: 'form', form: 'meeting.create', values: {}, metadata: {} }), {
      date: { value: { type: 'datepicker', selected_date: '2026-12-04' } },
      time: { value: { type: 'timepicker', selected_time: '10:00' } },
    });
    expect(dates).toMatchObject({ date: '2026-12-04', time: '10:00', title: null });
  });
});
