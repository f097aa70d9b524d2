// A person's own open actions (the "my actions" command, the Slack App Home): each with its board,
// meeting and item, due date, and an owner's buttons: Done, Add update, Need more time.
import type { MyActionsResult } from '../../src/features/actions/list-my-actions.ts';
import type { Card, ItemEntry } from '../model.ts';
import { joined, md } from '../text.ts';
import { actionButtons } from './action-card.ts';

const DESCRIPTION_SHOWN = 200;

export function myActionsCard(result: MyActionsResult): Card {
  if (result.onNoBoard) {
    return { fallback: 'Your actions: none', title: 'Your actions', body: [{ type: 'text', text: `You are not on any board yet, so you have no actions. ${result.whoAddsYou ?? ''}`.trim() }] };
  }
  const items: ItemEntry[] = result.actions.map((a) => ({
    title: md`**${a.state === 'overdue' ? 'Overdue' : 'Open'}**, due ${a.due}: ${a.description.length > DESCRIPTION_SHOWN ? `${a.description.slice(0, DESCRIPTION_SHOWN - 1)}\u2026` : a.description}`,
    lines: [joined(' \u00b7 ', [a.boardName, a.meeting.short, a.item]), ...(a.pendingExtension ? [md`**More time asked:** ${a.pendingExtension.due}`] : [])],
    actions: actionButtons(a, { canChange: true, canManage: false }),
  }));
  return {
    fallback: `Your open actions: ${result.actions.length + result.more}`,
    title: 'Your open actions',
    body: [
      items.length > 0 ? { type: 'items', items } : { type: 'text', text: 'You have no open actions.' },
      ...(result.more > 0 ? [{ type: 'context' as const, text: `${result.more} more not shown: the ones due soonest come first.` }] : []),
    ],
  };
}
