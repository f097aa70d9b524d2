// The bot's own cards and forms (results of commands, outbox templates, the forms the core asks
// for), each rendered for Slack and for Teams and validated on both.
import { describe, expect, it } from 'vitest';
import { agendaCard } from '../../../cards/agendas/agenda-card.ts';
import type { Card } from '../../../cards/model.ts';
import { formDefinition, formFor, outboundMessagesCard, resultCard as cardFor, type ResultForCard } from '../../../cards/registry.ts';
import { adaptiveAttachment, renderAdaptiveCard } from '../../../cards/render/adaptive.ts';
import { slackActionName } from '../../../cards/render/slack.ts';
import { CATALOGUE } from '../../../src/core.ts';
import type { FormId } from '../../../src/features/index.ts';
import { sampleAgenda } from '../../support/card-samples.ts';
import { expectValidCard as expectValid, expectValidForm } from '../../../cards/validate/expect-valid.ts';

const expectValidCard = (card: Card) => expectValid(card).slack;
const resultCard = (result: ResultForCard) => cardFor(result, { platform: 'slack' });
const FORMS: Record<FormId, true> = { 'board.setup': true, 'meeting.create': true, 'meeting.edit': true, 'agenda.item.add': true, 'agenda.item.edit': true, 'agenda.paste': true, 'plan.propose': true, 'members.add': true, 'members.edit': true, 'returns.round': true, 'returns.catalogue': true, 'returns.metric': true, 'returns.milestone': true, 'returns.submit': true, 'action.create': true, 'action.update': true, 'action.more-time': true, 'action.reassign': true, 'action.extend': true, 'action.drop': true, 'apologies.send': true, 'apologies.record': true, 'apologies.attendance': true, 'apologies.paste': true, 'apologies.settings': true, 'apologies.paste.resolve': true, 'action.snooze': true, 'action.chase-rule': true, 'returns.attach': true, 'returns.metric.edit': true, 'members.import': true, 'action.paste': true };

describe('the bot\u2019s cards render valid payloads on both platforms', () => {
  it('the agenda card as the core builds it', () => {
    const slack = expectValidCard(agendaCard(sampleAgenda));
    const json = JSON.stringify(slack);
    expect(json).toContain('Order of business');
    expect(json).toContain('Police Update');
    expect(json).toContain('Add to calendar');
    expect(json).toContain('Exempt item');
    expect(json).toContain('"action_id":"apologies.open"');
  });

  it('the clerk\u2019s preview, with the post button', () => {
    const slack = expectValidCard(agendaCard({ ...sampleAgenda, meeting: { ...sampleAgenda.meeting, status: 'draft' } }, { forClerk: true }));
    expect(JSON.stringify(slack)).toContain('"action_id":"agenda.post"');
  });

  it('the help card lists every command of this build', () => {
    const slack = expectValidCard(resultCard({ kind: 'help', commands: CATALOGUE }));
    for (const command of CATALOGUE) expect(JSON.stringify(slack)).toContain(command.usage.split(' ')[0]);
  });

  it('every form the bot opens', () => {
    // A Record over FormId: a new form without a line here does not compile.
    for (const form of Object.keys(FORMS)) {
      // Every select offers a choice, as the use cases fill them in (meetings, organisations).
      const selects = (formDefinition(form)?.fields ?? []).filter((f) => (f.kind === 'select' || f.kind === 'multiselect') && !f.options?.length);
      const options = Object.fromEntries(selects.map((f) => [f.id, [{ value: '', label: 'To be allocated' }, { value: 'a', label: 'A' }]]));
      expectValidForm(formFor({ kind: 'form', form, values: { title: 'x', exempt: true, meeting: '' }, metadata: { meetingId: 'm' }, options }));
    }
  });

  it('every outbox template, and a digest of several', () => {
    expectValidCard(outboundMessagesCard([{ template: 'agenda.card', data: sampleAgenda }]));
    expectValidCard(outboundMessagesCard([{ template: 'agenda.reminder', data: { kind: 'scheduled', lead: 'tomorrow', agenda: sampleAgenda } }]));
    expectValidCard(outboundMessagesCard([{ template: 'agenda.changed', data: { meeting: sampleAgenda.meeting, changes: ['Item 6 added: Police Update'] } }]));
    const failed = { template: 'delivery.failed' as const, data: { boardName: 'SCPB', template: 'agenda.card', targetKind: 'channel', targetId: 'C1', code: 'not_in_channel', reason: 'Quorum is not in the channel', outboxId: 'o1' } };
    expectValidCard(outboundMessagesCard([failed]));
    const digest = expectValidCard(outboundMessagesCard([failed, failed]));
    expect(digest.text).toMatch(/^2 updates from Quorum/);
  });

  it('result cards of every kind', () => {
    expectValidCard(resultCard({ kind: 'notice', text: 'Done.' }));
    expectValidCard(resultCard({ kind: 'agenda', notice: 'Only you can see this.', agenda: sampleAgenda, forClerk: true }));
    expectValidCard(resultCard({ kind: 'board-updated', notice: 'Set up.', board: { id: 'b', name: 'SCPB', slug: 'scpb' } }));
    expectValidCard(resultCard({ kind: 'outbox-status', board: { id: 'b', name: 'SCPB', timezone: 'Europe/London' }, counts: { pending: 1, sending: 0, sent: 2, failed: 2, skipped: 0 }, failed: [
      { id: 'o1', template: 'agenda.card', platform: 'slack', target: 'channel:C1', status: 'failed', attempts: 1, at: new Date().toISOString(), errorCode: 'not_in_channel', reason: 'not in channel' },
      { id: 'o2', template: 'agenda.card', platform: 'teams', target: 'channel:19:x', status: 'failed', attempts: 8, at: new Date().toISOString() },
    ], queued: [], recent: [] }));
    expectValidCard(resultCard({ kind: 'forward-plan', board: { name: 'SCPB' }, canDecide: true, meetings: [{ id: 'm', short: 'Fri 4 Dec 2026, 10:00' }], entries: [{ id: 'p1', title: 'ASB progress report', status: 'proposed' }, { id: 'p2', title: 'VAWG strategy', status: 'proposed' }] }));
    expectValidCard(resultCard({ kind: 'upcoming-meetings', onNoBoard: false, meetings: [{ meetingId: 'm', boardName: 'SCPB', title: 't', short: 'Fri 4 Dec 2026, 10:00', status: 'draft', itemCount: 6, isClerk: true }] }));
    const preview = expectValidCard(resultCard({ kind: 'agenda-import-preview', importId: 'i', source: 'paste', heading: 'h', items: [{ number: '1', title: 'Welcome', subPoints: [], exempt: false, links: [] }, { number: '2', title: 'Domestic Homicide Review', subPoints: [], exempt: true, links: [] }], unread: [{ line: 3, text: 'garbage', reason: 'no number' }], effect: 'Saving replaces the 6 items.', canPasteMore: true, meetingId: 'm' }));
    expect(JSON.stringify(preview)).toContain('agenda.paste.more');
    // The clerk's own preview: exempt items in full, marked.
    expect(JSON.stringify(preview)).toContain('*2.* *Domestic Homicide Review* \u00b7 _Exempt item_');
  });
});

describe('buttons', () => {
  it('gives buttons with one action id in one block distinct ids, and reads the name back', () => {
    const card: Card = { fallback: 'f', body: [{ type: 'actions', actions: [1, 2, 3].map((n) => ({ kind: 'button' as const, id: 'plan.decide', label: `B${n}`, payload: { n } })) }] };
    const slack = expectValidCard(card);
    const ids = (slack.blocks[0] as { elements: { action_id: string }[] }).elements.map((e) => e.action_id);
    expect(ids).toEqual(['plan.decide', 'plan.decide#1', 'plan.decide#2']);
    expect(ids.map(slackActionName)).toEqual(['plan.decide', 'plan.decide', 'plan.decide']);
  });

  it('wraps a card, or one already rendered, as a Teams attachment', () => {
    const card: Card = { title: 'Agenda', body: [] };
    expect(adaptiveAttachment(card)).toEqual({ contentType: 'application/vnd.microsoft.card.adaptive', content: renderAdaptiveCard(card) });
    expect(adaptiveAttachment(renderAdaptiveCard(card)).content).toEqual(renderAdaptiveCard(card));
  });
});
