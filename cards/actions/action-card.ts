// An action's card: what is to be done, its meeting and item, due date, owners, latest updates,
// a request for more time, and the buttons the person looking may use. The same card is sent to
// owners, shown after a click (updated in place) and listed for the clerk.
import type { ActionResult } from '../../src/features/actions/action-answer.ts';
import type { ActionRights, ActionView } from '../../src/features/actions/action-view.ts';
import type { ActionsResult } from '../../src/features/actions/list-actions.ts';
import type { ButtonPayload, TemplateData } from '../../src/features/index.ts';
import { button } from '../kit.ts';
import type { Action, Card, Element, ItemEntry } from '../model.ts';
import { withNotice } from '../notice-card.ts';
import { joined, md } from '../text.ts';

const STATE_WORDS = { open: 'Open', overdue: 'Overdue', done: 'Done', dropped: 'Dropped' } as const;
const HISTORY_WORDS: Record<string, string> = {
  created: 'Recorded',
  update: 'Update',
  done: 'Marked done',
  extension_requested: 'Asked for more time',
  extension_accepted: 'More time given',
  extension_declined: 'More time declined',
  extended: 'New due date',
  reassigned: 'Reassigned',
  dropped: 'Dropped',
  chased: 'Chased',
  snoozed: 'Snoozed',
};

/** The buttons for one action, for what the person may do. */
export function actionButtons(a: ActionView, rights: ActionRights): Action[] {
  if (a.state === 'done' || a.state === 'dropped') return [];
  const out: Action[] = [];
  if (rights.canChange) {
    out.push(
      button('action.done', 'Done', { actionId: a.id }, { style: 'primary' }),
      button('action.form', 'Add update', { actionId: a.id, form: 'update' }),
      button('action.form', 'Need more time', { actionId: a.id, form: 'more-time' }),
    );
  }
  if (rights.canManage) {
    if (a.pendingExtension) {
      out.push(
        button('action.decide', `Accept ${a.pendingExtension.due}`, { extensionId: a.pendingExtension.id, decision: 'accept' }),
        button('action.decide', 'Decline', { extensionId: a.pendingExtension.id, decision: 'decline' }, { style: 'danger' }),
      );
    }
    out.push(
      button('action.form', 'Reassign', { actionId: a.id, form: 'reassign' }),
      button('action.form', 'New date', { actionId: a.id, form: 'extend' }),
      button('action.form', 'Drop', { actionId: a.id, form: 'drop' }, { style: 'danger' }),
    );
  }
  // Last, so a clerk's list (five buttons an entry) keeps the clerk's own.
  if (rights.canChange) out.push(button('action.snooze', 'Snooze', { actionId: a.id }));
  return out;
}

const ownersOf = (a: ActionView): string => a.owners.map((o) => o.name).join(', ') || 'no owner';

function historyLine(h: ActionView['history'][number]) {
  return joined(' \u00b7 ', [h.when, h.by, md`**${HISTORY_WORDS[h.kind] ?? h.kind}**${h.text ? md`: ${h.text}` : ''}`]);
}

export function actionCard(a: ActionView, rights: ActionRights): Card {
  const buttons = actionButtons(a, rights);
  const body: Element[] = [
    { type: 'text', text: a.description },
    {
      type: 'facts',
      facts: [
        { label: 'Status', value: STATE_WORDS[a.state] + (a.statusReason ? `: ${a.statusReason}` : '') },
        { label: 'Due', value: a.due },
        { label: 'Owners', value: ownersOf(a) },
        { label: 'Meeting', value: a.meeting.short },
        ...(a.item ? [{ label: 'Item', value: a.item }] : []),
      ],
    },
  ];
  if (a.pendingExtension) {
    body.push({ type: 'text', tone: 'warning', text: md`**${a.pendingExtension.by ?? 'An owner'} asked for ${a.pendingExtension.due}:** ${a.pendingExtension.reason}` });
  }
  if (a.history.length > 0) body.push({ type: 'context', text: historyLine(a.history[0] as ActionView['history'][number]) });
  if (buttons.length > 0) body.push({ type: 'actions', actions: buttons });
  return {
    fallback: `Action for ${ownersOf(a)}, due ${a.due}: ${a.description.slice(0, 120)}`,
    title: `Action: ${a.boardName}`,
    body,
    refresh: { id: 'action.view', payload: { actionId: a.id } satisfies ButtonPayload<'action.view'> },
  };
}

/** An action's card in someone's direct messages, with why it was sent. */
export function actionMessageCard(data: TemplateData<'action.card'>): Card {
  const card = actionCard(data.action, data.rights);
  return data.intro ? { ...card, fallback: `${data.intro} ${card.fallback ?? ''}`, body: [{ type: 'text', text: data.intro }, ...card.body] } : card;
}

export function actionResultCard(result: ActionResult): Card {
  const card = actionCard(result.action, result.rights);
  return result.notice ? withNotice(result.notice, card) : card;
}

export function actionsListCard(result: ActionsResult): Card {
  const items: ItemEntry[] = result.actions.map((a) => ({
    title: md`**${STATE_WORDS[a.state]}**, due ${a.due}: ${a.description.length > 200 ? `${a.description.slice(0, 199)}\u2026` : a.description}`,
    lines: [
      joined(' \u00b7 ', [ownersOf(a), a.meeting.short, a.item]),
      ...(a.pendingExtension ? [md`**More time asked:** ${a.pendingExtension.due}, ${a.pendingExtension.reason}`] : []),
      ...(a.history[0] && a.history[0].kind !== 'created' ? [historyLine(a.history[0])] : []),
    ],
    actions: actionButtons(a, { canChange: true, canManage: result.canManage }).slice(0, 5),
  }));
  return {
    fallback: `${result.heading}: ${result.actions.length + result.more}`,
    title: `${result.heading}: ${result.boardName}`,
    body: [
      items.length > 0 ? { type: 'items', items } : { type: 'text', text: result.mine ? 'You have no actions here.' : 'No actions match.' },
      ...(result.more > 0 ? [{ type: 'context' as const, text: `${result.more} more not shown: filter by status, meeting or owner.` }] : []),
    ],
  };
}

/** One owner's chase: their open actions, each with its buttons, in one message. */
export function actionChaseCard(data: TemplateData<'action.chase'>): Card {
  const items: ItemEntry[] = data.actions.map((a) => ({
    title: md`**${STATE_WORDS[a.state]}**, due ${a.due}: ${a.description.length > 200 ? `${a.description.slice(0, 199)}\u2026` : a.description}`,
    lines: [joined(' \u00b7 ', [a.meeting.short, a.item])],
    actions: actionButtons(a, { canChange: true, canManage: false }),
  }));
  return {
    fallback: `A reminder of your ${data.actions.length === 1 ? 'action' : `${data.actions.length} actions`} for ${data.boardName}`,
    title: `Your actions: ${data.boardName}`,
    body: [{ type: 'text', text: 'A reminder from the clerk: these are still open. Mark them done, add an update or ask for more time.' }, { type: 'items', items }],
  };
}
