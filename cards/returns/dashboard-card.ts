// The compiled performance dashboard, as the seed board's "Summary dashboard" reads: one table row
// per metric (RAG, the quarter's figure and its change against a year earlier, the rolling 12
// months and their change, peer ranks), then the factors behind each rating, the delivery plan's
// milestones with their RAG, and links to the trend charts and the CSV. The RAG shows as a colour
// and always as the word; a clerk's override says so, with the reason.
import type { DashboardView } from '../../src/features/returns/dashboard-view.ts';
import { button, link } from '../kit.ts';
import type { Action, Card, Cell, Element, ItemEntry } from '../model.ts';
import { md } from '../text.ts';

const RAG_WORD = { red: 'Red', amber: 'Amber', green: 'Green' } as const;

export function dashboardCard(view: DashboardView, options: { forClerk: boolean }): Card {
  const part = view.part;
  const title = `${view.boardName}: performance dashboard, ${view.period}${part ? `, part ${part.number} of ${part.of}` : ''}`;
  const body: Element[] = [
    {
      type: 'text',
      text: md`Quarter: ${view.months}. Rolling 12 months: ${view.rollingMonths}.${options.forClerk && !view.published ? ' Only you can see these figures until you publish them to the board channel.' : ''}${options.forClerk && part ? ` The dashboard takes ${part.of} messages; publishing posts them all, in order.` : ''}`,
    },
  ];
  if (view.rows.length > 0) {
    body.push({
      type: 'table',
      columns: [{ title: 'RAG' }, { title: 'Metric' }, { title: view.period, align: 'right' }, { title: 'vs year before', align: 'right' }, { title: 'Rolling 12 months', align: 'right' }, { title: 'vs previous 12', align: 'right' }, { title: 'Peer ranks' }],
      rows: view.rows.map((r): Cell[] => [
        r.rag ? { text: r.override ? `${RAG_WORD[r.rag]} (clerk)` : RAG_WORD[r.rag], rag: r.rag } : r.submitted ? 'Not rated' : 'Awaited',
        `${r.name} (${r.organisation})`,
        r.submitted ? (r.value ?? '') : 'not submitted',
        r.change ?? '',
        r.rolling ?? '',
        r.rollingChange ?? '',
        r.ranks.join(', '),
      ]),
    });
  }
  const factors: ItemEntry[] = view.rows
    .filter((r) => r.positive || r.negative || r.override)
    .map((r) => ({
      title: md`**${r.name}**`,
      lines: [
        r.positive ? `Positive: ${r.positive}` : '',
        r.negative ? `Negative: ${r.negative}` : '',
        r.override ? `Rated ${RAG_WORD[r.rag ?? 'amber']} by the clerk${r.computedRag ? ` (the rule gives ${RAG_WORD[r.computedRag]})` : ''}: ${r.override}` : '',
      ].filter(Boolean),
    }));
  if (factors.length > 0) body.push({ type: 'heading', text: 'Positive / negative factors' }, { type: 'items', items: factors });
  if (view.milestones.length > 0) {
    body.push(
      { type: 'heading', text: 'Delivery plan' },
      {
        type: 'items',
        items: view.milestones.map((m) => ({
          title: md`${m.rag ? `${RAG_WORD[m.rag]}: ` : ''}**${m.title}**`,
          lines: [`Lead on update: ${m.lead}`, m.progress ?? 'Progress not submitted yet.'],
        })),
      },
    );
  }
  if (view.missing.length > 0) body.push({ type: 'context', text: `Not submitted yet: ${view.missing.join(', ')}.` });
  // The clerk's preview shows one part at a time, with buttons to the others; the channel gets
  // every part as its own message, in order.
  const paging: Action[] =
    options.forClerk && part
      ? [
          ...(part.number > 1 ? [button('returns.dashboardPart', `Part ${part.number - 1} of ${part.of}`, { roundId: view.roundId, part: part.number - 1 })] : []),
          ...(part.number < part.of ? [button('returns.dashboardPart', `Next: part ${part.number + 1} of ${part.of}`, { roundId: view.roundId, part: part.number + 1 })] : []),
        ]
      : [];
  const actions: Action[] = [
    ...paging,
    ...(options.forClerk ? [button('returns.publish', view.published ? 'Publish again' : 'Publish to the board channel', { roundId: view.roundId }, { style: 'primary' })] : []),
    ...(options.forClerk && view.published ? [button('returns.attach', 'Attach to the next agenda', { roundId: view.roundId })] : []),
    ...(view.chartsUrl ? [link('Trend charts', view.chartsUrl)] : []),
    ...(view.csvUrl ? [link('Download CSV', view.csvUrl)] : []),
  ];
  if (actions.length > 0) body.push({ type: 'actions', actions });
  return { fallback: title, title, body };
}
