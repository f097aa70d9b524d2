// What a command or a click produced → the card shown to the person. One function per result
// kind; the adapters call resultCard and render it for their platform.
import type { CommandResult } from '../src/core.ts';
import type { OutboxStatusResult } from '../src/use-cases/delivery/get-outbox-status.ts';
import type { ForwardPlanResult } from '../src/use-cases/meetings/forward-plan.ts';
import type { AgendaImportPreviewResult } from '../src/use-cases/meetings/agenda-import.ts';
import type { UpcomingMeetingsResult } from '../src/use-cases/meetings/upcoming-meetings.ts';
import { agendaCard, agendaItems } from './agenda.ts';
import { helpCard } from './help.ts';
import type { Action, Card, ItemEntry } from './model.ts';
import { cardFallback } from './render/shared.ts';

export type ResultForCard = Exclude<CommandResult, { kind: 'form' }>;

export function resultCard(result: ResultForCard, options: { commandPrefix?: string } = {}): Card {
  switch (result.kind) {
    case 'help':
      return helpCard({ commands: result.commands, ...(options.commandPrefix ? { prefix: options.commandPrefix } : {}) });
    case 'notice':
      return noticeCard(result.text);
    case 'outbox-status':
      return outboxCard(result);
    case 'meeting':
    case 'agenda-edited':
      return withNotice(result.notice, agendaCard(result.agenda, { forClerk: true }));
    case 'agenda-published':
      return withNotice(result.notice, agendaCard(result.agenda));
    case 'agenda-preview':
      return withNotice(result.notice, agendaCard(result.agenda, { forClerk: result.notice.startsWith('Only you') }));
    case 'forward-plan':
      return forwardPlanCard(result);
    case 'upcoming-meetings':
      return upcomingCard(result);
    case 'board-set-up':
      return noticeCard(result.notice, 'good');
    case 'agenda-import-preview':
      return importPreviewCard(result);
  }
}

export function noticeCard(text: string, tone: 'default' | 'good' | 'attention' = 'default'): Card {
  return { fallback: text, body: [{ type: 'text', text, tone }] };
}

function withNotice(notice: string, card: Card): Card {
  return { ...card, fallback: `${notice} ${cardFallback(card)}`, body: [{ type: 'text', text: notice, tone: 'good' }, ...card.body] };
}

const STATUS_WORD = { pending: 'queued', sending: 'sending', sent: 'sent', failed: 'FAILED', skipped: 'skipped' } as const;

function outboxCard(result: OutboxStatusResult): Card {
  const c = result.counts;
  const entry = (e: OutboxStatusResult['failed'][number], withRetry: boolean): ItemEntry => ({
    title: `**${e.template}** to ${e.target} (${e.platform}): ${STATUS_WORD[e.status]}`,
    lines: [
      `${e.status === 'sent' ? 'Sent' : e.status === 'pending' || e.status === 'sending' ? 'Due' : 'At'} ${new Date(e.at).toISOString().replace('T', ' ').slice(0, 16)} UTC \u00b7 ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}`,
      ...(e.reason ? [`Why: ${e.reason}${e.errorCode ? ` (${e.errorCode})` : ''}`] : []),
    ],
    ...(withRetry ? { actions: [{ kind: 'button', id: 'outbox.retry', label: 'Retry', payload: { outboxId: e.id }, style: 'primary' } as Action] } : {}),
  });
  return {
    fallback: `${result.board.name}: ${c.pending + c.sending} queued, ${c.sent} sent, ${c.failed} failed`,
    title: `Messages for ${result.board.name}`,
    body: [
      { type: 'facts', facts: [
        { label: 'Queued', value: String(c.pending + c.sending) },
        { label: 'Sent', value: String(c.sent) },
        { label: 'Failed', value: String(c.failed) },
        { label: 'Skipped', value: String(c.skipped) },
      ] },
      ...(result.failed.length > 0
        ? [{ type: 'heading' as const, text: 'Failed: fix the cause, then retry' }, { type: 'items' as const, items: result.failed.map((e) => entry(e, true)) }]
        : [{ type: 'text' as const, text: 'Nothing has failed.', tone: 'good' as const }]),
      ...(result.queued.length > 0 ? [{ type: 'heading' as const, text: 'Queued' }, { type: 'items' as const, items: result.queued.map((e) => entry(e, false)) }] : []),
      ...(result.recent.length > 0 ? [{ type: 'heading' as const, text: 'Recently sent or skipped' }, { type: 'items' as const, items: result.recent.map((e) => entry(e, false)) }] : []),
    ],
  };
}

function forwardPlanCard(result: ForwardPlanResult): Card {
  const next = result.meetings[0];
  const items: ItemEntry[] = result.entries.slice(0, 20).map((e) => {
    const open = result.canDecide && (e.status === 'proposed' || e.status === 'deferred');
    const meetingId = e.meeting?.id ?? next?.id;
    return {
      title: `**${e.title}**: ${e.status}${e.meeting ? ` for ${e.meeting.short}` : e.status === 'accepted' ? ', to be allocated' : ''}`,
      lines: [e.overview ?? '', e.reportOf ? `Report of ${e.reportOf}` : '', e.proposedBy ? `Proposed by ${e.proposedBy}` : '', e.decisionNote ? `Note: ${e.decisionNote}` : ''].filter(Boolean),
      ...(open
        ? {
            actions: [
              { kind: 'button', id: 'plan.decide', label: meetingId ? `Accept for ${e.meeting?.short ?? next?.short}` : 'Accept (to be allocated)', style: 'primary', payload: { itemId: e.id, decision: 'accept', ...(meetingId ? { meetingId } : {}) } },
              { kind: 'button', id: 'plan.decide', label: 'Defer', payload: { itemId: e.id, decision: 'defer' } },
              { kind: 'button', id: 'plan.decide', label: 'Decline', style: 'danger', payload: { itemId: e.id, decision: 'decline' } },
            ] as Action[],
          }
        : {}),
    };
  });
  return {
    fallback: `Forward work plan: ${result.board.name}`,
    title: `Forward work plan: ${result.board.name}`,
    body: [
      ...(result.notice ? [{ type: 'text' as const, text: result.notice, tone: 'good' as const }] : []),
      items.length > 0 ? { type: 'items', items } : { type: 'text', text: 'Nothing is proposed yet. Members propose items with "plan propose".' },
    ],
  };
}

function upcomingCard(result: UpcomingMeetingsResult): Card {
  if (result.onNoBoard) return noticeCard('You are not on any board yet. Your clerk adds you; a clerk can set a board up with "board setup".');
  return {
    fallback: `Your upcoming meetings: ${result.meetings.length}`,
    title: 'Your upcoming meetings',
    body:
      result.meetings.length === 0
        ? [{ type: 'text', text: 'No meetings are coming up on your boards.' }]
        : [{ type: 'items', items: result.meetings.map((m) => ({ title: `**${m.boardName}**: ${m.short}`, lines: [[m.venue ?? '', `${m.itemCount} items`, m.status === 'draft' ? 'draft agenda (clerks only)' : 'agenda published'].filter(Boolean).join(' \u00b7 ')] })) }],
  };
}

function importPreviewCard(result: AgendaImportPreviewResult): Card {
  return {
    fallback: `Check the agenda read from ${result.source === 'paste' ? 'your paste' : 'ModernGov'}: ${result.items.length} items`,
    title: 'Check these items before saving',
    body: [
      { type: 'text', text: result.heading, muted: true },
      // Exempt items come in full to the clerk alone, withheld where others can see (core/audience.ts).
      { type: 'items', items: agendaItems({ items: result.items }) },
      ...(result.unread.length > 0
        ? [{ type: 'text' as const, text: `**${result.unread.length} line${result.unread.length === 1 ? '' : 's'} could not be read** (not saved; add them by hand if needed):`, tone: 'warning' as const }, { type: 'items' as const, items: result.unread.slice(0, 15).map((u) => ({ title: `Line ${u.line}: ${u.text}`, lines: [u.reason] })) }]
        : []),
      { type: 'text', text: result.effect },
      { type: 'actions', actions: [
        { kind: 'button', id: 'agenda.import.confirm', label: 'Save these items', style: 'primary', payload: { importId: result.importId } },
        { kind: 'button', id: 'agenda.import.discard', label: 'Discard', payload: { importId: result.importId } },
      ] },
    ],
  };
}
