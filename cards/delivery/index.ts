// Delivery's cards: the clerk's view of the outbox, and the notice of a message that failed.
import type { OutboxStatusResult } from '../../src/features/delivery/get-outbox-status.ts';
import { button } from '../kit.ts';
import type { Card, ItemEntry } from '../model.ts';
import type { FeatureCards } from '../registry-types.ts';
import { md } from '../text.ts';

const STATUS_WORD = { pending: 'queued', sending: 'sending', sent: 'sent', failed: 'FAILED', skipped: 'skipped' } as const;

function outboxCard(result: OutboxStatusResult): Card {
  const c = result.counts;
  const entry = (e: OutboxStatusResult['failed'][number], withRetry: boolean): ItemEntry => ({
    title: md`**${e.template}** to ${e.target} (${e.platform}): ${STATUS_WORD[e.status]}`,
    lines: [
      `${e.status === 'sent' ? 'Sent' : e.status === 'pending' || e.status === 'sending' ? 'Due' : 'At'} ${new Date(e.at).toISOString().replace('T', ' ').slice(0, 16)} UTC \u00b7 ${e.attempts} attempt${e.attempts === 1 ? '' : 's'}`,
      ...(e.reason ? [`Why: ${e.reason}${e.errorCode ? ` (${e.errorCode})` : ''}`] : []),
    ],
    ...(withRetry ? { actions: [button('outbox.retry', 'Retry', { outboxId: e.id }, { style: 'primary' })] } : {}),
  });
  return {
    fallback: `${result.board.name}: ${c.pending + c.sending} queued, ${c.sent} sent, ${c.failed} failed`,
    title: `Messages for ${result.board.name}`,
    body: [
      ...(result.notice ? [{ type: 'text' as const, text: result.notice, tone: 'good' as const }] : []),
      {
        type: 'facts',
        facts: [
          { label: 'Queued', value: String(c.pending + c.sending) },
          { label: 'Sent', value: String(c.sent) },
          { label: 'Failed', value: String(c.failed) },
          { label: 'Skipped', value: String(c.skipped) },
        ],
      },
      ...(result.failed.length > 0
        ? [{ type: 'heading' as const, text: 'Failed: fix the cause, then retry' }, { type: 'items' as const, items: result.failed.map((e) => entry(e, true)) }]
        : [{ type: 'text' as const, text: 'Nothing has failed.', tone: 'good' as const }]),
      ...(result.queued.length > 0 ? [{ type: 'heading' as const, text: 'Queued' }, { type: 'items' as const, items: result.queued.map((e) => entry(e, false)) }] : []),
      ...(result.recent.length > 0 ? [{ type: 'heading' as const, text: 'Recently sent or skipped' }, { type: 'items' as const, items: result.recent.map((e) => entry(e, false)) }] : []),
    ],
  };
}

export const deliveryCards = {
  results: { 'outbox-status': outboxCard },
  templates: {
    'delivery.failed': (data) => ({
      fallback: `A message for ${data.boardName} could not be delivered`,
      body: [
        { type: 'text', text: md`**A message for ${data.boardName} could not be delivered.**`, tone: 'attention' },
        {
          type: 'facts',
          facts: [
            { label: 'What', value: data.template },
            { label: 'To', value: `${data.targetKind} ${data.targetId}` },
            { label: 'Why', value: `${data.reason} (${data.code})` },
          ],
        },
        { type: 'actions', actions: [button('outbox.retry', 'Retry now', { outboxId: data.outboxId }, { style: 'primary' })] },
        { type: 'context', text: 'Fix the cause first (for instance, invite Quorum back to the channel). "outbox" lists every failed message.' },
      ],
    }),
  },
} satisfies FeatureCards;
