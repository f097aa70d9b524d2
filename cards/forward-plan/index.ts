// The forward work plan's cards: the plan with the clerk's decisions, and the proposal form.
import type { ForwardPlanResult } from '../../src/features/forward-plan/list-forward-plan.ts';
import { button, defineForm } from '../kit.ts';
import type { Card, ItemEntry } from '../model.ts';
import type { FeatureCards } from '../registry-types.ts';
import { md } from '../text.ts';

export function forwardPlanCard(result: ForwardPlanResult): Card {
  const next = result.meetings[0];
  const items: ItemEntry[] = result.entries.slice(0, 20).map((e) => {
    const open = result.canDecide && (e.status === 'proposed' || e.status === 'deferred');
    const meetingId = e.meeting?.id ?? next?.id;
    return {
      title: md`**${e.title}**: ${e.status}${e.meeting ? ` for ${e.meeting.short}` : e.status === 'accepted' ? ', to be allocated' : ''}`,
      lines: [e.overview ?? '', e.reportOf ? `Report of ${e.reportOf}` : '', e.proposedBy ? `Proposed by ${e.proposedBy}` : '', e.decisionNote ? `Note: ${e.decisionNote}` : ''].filter(Boolean),
      ...(open
        ? {
            actions: [
              button('plan.decide', meetingId ? `Accept for ${e.meeting?.short ?? next?.short}` : 'Accept (to be allocated)', { itemId: e.id, decision: 'accept', ...(meetingId ? { meetingId } : {}) }, { style: 'primary' }),
              button('plan.decide', 'Defer', { itemId: e.id, decision: 'defer' }),
              button('plan.decide', 'Decline', { itemId: e.id, decision: 'decline' }, { style: 'danger' }),
            ],
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

export const forwardPlanCards = {
  results: { 'forward-plan': forwardPlanCard },
  forms: {
    'plan.propose': defineForm({
      id: 'plan.propose',
      title: 'Propose an item',
      submitLabel: 'Propose',
      intro: 'For a future meeting of the board; the clerk decides.',
      fields: {
        title: { label: 'Title', kind: 'text', required: true, maxLength: 200 },
        overview: { label: 'Overview', kind: 'textarea', maxLength: 1000 },
        reportOf: { label: 'Report of', kind: 'text', maxLength: 150 },
        meeting: { label: 'Meeting', kind: 'select' },
      },
    }),
  },
} satisfies FeatureCards;
