// The matters arising report: actions from earlier meetings, carried forward (open, overdue) or
// done or dropped since the last meeting, each with owners, due date and latest update. The same
// card is the clerk's answer (with a button to post it) and the message in the channel and the
// clerks' direct messages.
import type { MattersArisingEntry, MattersArisingView } from '../../src/features/actions/matters-arising-view.ts';
import type { MattersArisingResult } from '../../src/features/actions/show-matters-arising.ts';
import type { TemplateData } from '../../src/features/index.ts';
import { button } from '../kit.ts';
import type { Card, Element, ItemEntry } from '../model.ts';
import { withNotice } from '../notice-card.ts';
import { joined, md } from '../text.ts';

/** Entries shown per section; the rest are counted (a card has room for so much). */
export const SECTION_MAX = 12;

const STATUS = { open: 'Open', overdue: 'Overdue', done: 'Done', dropped: 'Dropped' } as const;
const clipped = (text: string) => (text.length > 200 ? `${text.slice(0, 199)}\u2026` : text);

function entryItem(e: MattersArisingEntry): ItemEntry {
  const status = e.closedOn ? `${STATUS[e.state]} ${e.closedOn}` : STATUS[e.state];
  return {
    title: md`**${status}**, due ${e.due}: ${clipped(e.description)}`,
    lines: [
      joined(' \u00b7 ', [e.owners.join(', ') || 'no owner', `from ${e.recordedAt}`, e.item]),
      ...(e.statusReason ? [md`**Why dropped:** ${clipped(e.statusReason)}`] : []),
      ...(e.latestUpdate ? [md`**Latest update** (${joined(', ', [e.latestUpdate.by, e.latestUpdate.when])}): ${clipped(e.latestUpdate.text)}`] : []),
    ],
  };
}

function section(heading: string, entries: readonly MattersArisingEntry[]): Element[] {
  if (entries.length === 0) return [];
  const more = entries.length - SECTION_MAX;
  return [
    { type: 'heading', text: `${heading} (${entries.length})` },
    { type: 'items', items: entries.slice(0, SECTION_MAX).map(entryItem) },
    ...(more > 0 ? [{ type: 'context' as const, text: `${more} more not shown: run "actions" for the full list.` }] : []),
  ];
}

export function mattersArisingCard(r: MattersArisingView, intro?: string): Card {
  const count = r.carried.length + r.done.length + r.dropped.length;
  const summary = `${r.carried.length} carried forward, ${r.done.length} done${r.dropped.length > 0 ? `, ${r.dropped.length} dropped` : ''} since the last meeting${r.previous ? ` (${r.previous})` : ''}.`;
  const body: Element[] = [
    ...(intro ? [{ type: 'text' as const, text: intro }] : []),
    { type: 'text', text: joined(' ', [`For the meeting on ${r.meeting.short}`, r.item ? md`(item ${r.item})` : undefined, count > 0 ? `: ${summary}` : ': no actions from earlier meetings.']) },
    ...section('Carried forward', r.carried),
    ...section('Done since the last meeting', r.done),
    ...section('Dropped since the last meeting', r.dropped),
  ];
  if (r.withheld > 0) body.push({ type: 'context', text: `${r.withheld} exempt action${r.withheld === 1 ? ' is' : 's are'} not shown here; the clerk has the full report.` });
  return { fallback: `Matters arising for ${r.meeting.short}: ${summary}`, title: `Matters arising: ${r.boardName}`, body };
}

export function mattersArisingResultCard(result: MattersArisingResult): Card {
  const card = mattersArisingCard(result.report);
  const meetingId = result.report.meeting.id;
  const buttons = [
    ...(result.canPost ? [button('action.matters-post', 'Post to the board channel', { meetingId })] : []),
    ...(result.canAttach && result.report.item ? [button('action.matters-attach', `Attach to item ${result.report.item}`.slice(0, 75), { meetingId })] : []),
  ];
  const withButton: Card = buttons.length > 0 ? { ...card, body: [...card.body, { type: 'actions', actions: buttons }] } : card;
  return result.notice ? withNotice(result.notice, withButton) : withButton;
}

export function mattersArisingMessageCard(data: TemplateData<'action.matters-arising'>): Card {
  return mattersArisingCard(data.report, data.occasion === 'reminder' ? 'Before the meeting: the actions from earlier meetings, for matters arising.' : 'From the clerk: the actions from earlier meetings, for matters arising.');
}
