// What the outbox sends, by template name → the card. Several messages for one person at once
// become one digest card.
import type { AgendaView } from '../src/use-cases/meetings/agenda-view.ts';
import type { OutboundMessage } from '../src/delivery/port.ts';
import { agendaCard } from './agenda.ts';
import type { Card, Element } from './model.ts';

type Builder = (data: never) => Card;

const TEMPLATES: Record<string, Builder> = {
  'agenda.card': (agenda: AgendaView) => agendaCard(agenda),
  'agenda.reminder': (data: { kind: 'scheduled' | 'on-demand'; lead?: string; agenda: AgendaView }) =>
    agendaCard(data.agenda, {
      lead: data.lead ? `Reminder: the meeting is ${data.lead}.` : `Reminder from the clerk: the meeting is on ${data.agenda.meeting.date} at ${data.agenda.meeting.time}.`,
    }),
  'agenda.changed': (data: { meeting: AgendaView['meeting']; changes: string[] }) => ({
    fallback: `Agenda changed: ${data.meeting.boardName}, ${data.meeting.short}`,
    body: [
      { type: 'text', text: `**The agenda for ${data.meeting.short} has changed.** The agenda card above is up to date.` },
      { type: 'items', items: data.changes.map((c) => ({ title: c })) },
    ],
  }),
  'delivery.failed': (data: { boardName: string; template: string; targetKind: string; targetId: string; code: string; reason: string; outboxId: string }) => ({
    fallback: `A message for ${data.boardName} could not be delivered`,
    body: [
      { type: 'text', text: `**A message for ${data.boardName} could not be delivered.**`, tone: 'attention' },
      { type: 'facts', facts: [
        { label: 'What', value: data.template },
        { label: 'To', value: `${data.targetKind} ${data.targetId}` },
        { label: 'Why', value: `${data.reason} (${data.code})` },
      ] },
      { type: 'actions', actions: [{ kind: 'button', id: 'outbox.retry', label: 'Retry now', style: 'primary', payload: { outboxId: data.outboxId } }] },
      { type: 'context', text: 'Fix the cause first (for instance, invite Quorum back to the channel). "outbox" lists every failed message.' },
    ],
  }),
};

export function isKnownTemplate(template: string): boolean {
  return template in TEMPLATES;
}

export function outboundCard(message: Pick<OutboundMessage, 'template' | 'data'>): Card {
  const build = TEMPLATES[message.template];
  if (!build) throw new Error(`no card for outbox template "${message.template}"`);
  return build(message.data as never);
}

/** One message, or a digest of several for one person. */
export function outboundMessagesCard(messages: Pick<OutboundMessage, 'template' | 'data'>[]): Card {
  if (messages.length === 1) return outboundCard(messages[0] as OutboundMessage);
  const cards = messages.map(outboundCard);
  const body: Element[] = [{ type: 'text', text: `**${messages.length} updates from Quorum**` }];
  for (const card of cards) body.push({ type: 'divider' }, ...(card.title ? [{ type: 'heading' as const, text: card.title }] : []), ...card.body);
  return { fallback: `${messages.length} updates from Quorum: ${cards.map((c) => c.fallback).join('; ')}`, body };
}
