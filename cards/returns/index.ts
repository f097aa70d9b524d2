// The returns feature's cards: the request a submitter receives (with the button that opens their
// return), the clerk's forms, the return form (its fields built from the organisation's metrics
// and milestones), and what submitting, opening a round and "returns" answer.
import type { CatalogueSaved } from '../../src/features/returns/save-catalogue.ts';
import type { RoundOpened } from '../../src/features/returns/open-round.ts';
import type { ReturnSubmitted } from '../../src/features/returns/submit-return.ts';
import type { RoundStatus } from '../../src/features/returns/show-round-status.ts';
import type { ReturnRequest } from '../../src/features/returns/templates.ts';
import type { TemplateData } from '../../src/features/index.ts';
import { button, defineForm, type FieldDefinition } from '../kit.ts';
import type { Card, Element } from '../model.ts';
import type { FeatureCards } from '../registry-types.ts';
import { md } from '../text.ts';
import { dashboardCard } from './dashboard-card.ts';

export function returnRequestCard(data: ReturnRequest): Card {
  const title = data.chase === undefined ? `${data.period} figures for ${data.organisation}` : `Reminder: ${data.period} figures for ${data.organisation}`;
  const lead =
    data.chase === undefined
      ? md`${data.boardName} asks for ${data.organisation}\u2019s figures for ${data.period} (${data.months}) by **${data.deadline}**.`
      : md`${data.organisation}\u2019s ${data.period} figures for ${data.boardName} are due ${data.due ?? 'soon'} (**${data.deadline}**) and have not been submitted yet.`;
  const body: Element[] = [{ type: 'text', text: lead }];
  if (data.metrics.length > 0) {
    body.push({ type: 'items', items: data.metrics.map((m) => ({ title: m.name, lines: [m.last ? `${m.unit}; last quarter ${m.last}` : m.unit] })) });
  }
  if (data.milestones.length > 0) {
    body.push({ type: 'items', items: data.milestones.map((m) => ({ title: m.title, lines: [`Lead on update: ${m.lead}`] })) });
  }
  body.push({ type: 'actions', actions: [button('returns.fill', 'Fill in the return', { roundId: data.roundId, organisationId: data.organisationId }, { style: 'primary' })] });
  return { fallback: title, title, body };
}

function overdueCard(data: TemplateData<'returns.overdue'>): Card {
  const title = `${data.period} figures overdue`;
  return {
    fallback: title,
    title,
    body: [
      { type: 'text', text: md`The deadline (**${data.deadline}**) has passed and these organisations have not submitted their ${data.period} figures for ${data.boardName}:` },
      { type: 'items', items: data.missing.map((m) => ({ title: m.organisation, lines: [m.submitters.length > 0 ? `Submitters: ${m.submitters.join(', ')}` : 'No submitter named: add one, or submit for them with "returns submit".'] })) },
    ],
  };
}

function catalogueSavedCard(r: CatalogueSaved): Card {
  const parts = [
    r.metrics.added.length > 0 ? `${r.metrics.added.length} metric${r.metrics.added.length === 1 ? '' : 's'} added (${r.metrics.added.join(', ')})` : '',
    r.metrics.updated.length > 0 ? `${r.metrics.updated.length} updated` : '',
    r.milestones.added + r.milestones.updated > 0 ? `${r.milestones.added} milestone${r.milestones.added === 1 ? '' : 's'} added, ${r.milestones.updated} updated` : '',
    r.historyFigures > 0 ? `${r.historyFigures} earlier figure${r.historyFigures === 1 ? '' : 's'} loaded` : '',
  ].filter(Boolean);
  const text = `Catalogue of ${r.boardName} loaded: ${parts.join('; ')}.`;
  return { fallback: text, body: [{ type: 'text', text, tone: 'good' }] };
}

function roundOpenedCard(r: RoundOpened): Card {
  const title = `${r.period} round open`;
  return {
    fallback: title,
    title,
    body: [
      { type: 'text', text: md`Figures are due by **${r.deadline}**. Each organisation\u2019s submitters have been sent their return.`, tone: 'good' },
      {
        type: 'items',
        items: r.organisations.map((o) => ({
          title: o.name,
          lines: [o.sentTo.length > 0 ? `Sent to ${o.sentTo.join(', ')}` : 'No submitter: submit for them with "returns submit"', o.unreachable.length > 0 ? `Not reachable on chat: ${o.unreachable.join(', ')}` : ''].filter(Boolean),
        })),
      },
    ],
  };
}

function submittedCard(r: ReturnSubmitted): Card {
  const what = [r.figures > 0 ? `${r.figures} figure${r.figures === 1 ? '' : 's'}` : '', r.milestones > 0 ? `${r.milestones} milestone update${r.milestones === 1 ? '' : 's'}` : ''].filter(Boolean).join(' and ');
  const text = r.amended
    ? `${r.organisation}\u2019s ${r.period} return amended (version ${r.version}): ${what}. Earlier versions are kept.`
    : `${r.organisation}\u2019s ${r.period} return submitted${r.byClerk ? ' by the clerk' : ''}: ${what}. You can amend it until the clerk locks the round.`;
  return { fallback: text, body: [{ type: 'text', text, tone: 'good' }] };
}

function statusCard(r: RoundStatus): Card {
  const done = r.organisations.filter((o) => o.latest).length;
  const title = `${r.period} returns: ${done} of ${r.organisations.length} submitted`;
  return {
    fallback: title,
    title,
    body: [
      { type: 'text', text: md`Deadline **${r.deadline}**; the round is ${r.status}${r.published ? ' and the dashboard published' : ''}.` },
      {
        type: 'items',
        items: r.organisations.map((o) => ({
          title: md`**${o.name}**: ${o.latest ? 'submitted' : 'not yet submitted'}`,
          lines: [
            o.latest ? `Version ${o.latest.version} by ${o.latest.by}${o.latest.byClerk ? ' (clerk)' : ''}, ${o.latest.at}` : o.submitters.length > 0 ? `Submitters: ${o.submitters.join(', ')}` : 'No submitter named',
          ],
        })),
      },
    ],
  };
}

/** The return form's fields, read back by their ids (built from data: see return-pages.ts). */
function returnFieldFor(id: string): FieldDefinition | undefined {
  const m = /^(v|ye|r|re|rk\d+|pf|nf|mp|ma|mr)_[0-9a-f-]{36}$/.exec(id);
  if (!m) return undefined;
  switch (m[1]) {
    case 'pf': case 'nf': case 'mp': return { label: id, kind: 'textarea' };
    case 'ma': case 'mr': return { label: id, kind: 'select' };
    default: return { label: id, kind: 'text' };
  }
}

export const returnsCards = {
  results: {
    'returns.catalogueSaved': catalogueSavedCard,
    'returns.roundOpened': roundOpenedCard,
    'returns.submitted': submittedCard,
    'returns.status': statusCard,
    'returns.dashboard': (r) => dashboardCard(r.view, { forClerk: r.forClerk }),
  },
  forms: {
    'returns.round': defineForm({
      id: 'returns.round',
      title: 'Open a figure round',
      submitLabel: 'Open and send',
      intro: 'Each organisation\u2019s submitters get their return as soon as the round opens.',
      fields: {
        period: { label: 'Quarter', kind: 'text', required: true, maxLength: 20, hint: 'UK financial year: Q1 is April to June; "Q3 2026/27" is October to December 2026.' },
        deadline: { label: 'Deadline', kind: 'date', required: true },
      },
    }),
    'returns.catalogue': defineForm({
      id: 'returns.catalogue',
      title: 'Load the catalogue',
      submitLabel: 'Load',
      intro: 'Paste a CSV (type, name, organisation, unit, polarity, comparisons, peer ranks, theme, lead, and a column per earlier quarter such as "Q3 2025/26") or JSON. A long file can be loaded in parts, each with its header row.',
      fields: { file: { label: 'CSV or JSON', kind: 'textarea', required: true, maxLength: 3000 } },
    }),
    'returns.metric': defineForm({
      id: 'returns.metric',
      title: 'Add a metric',
      submitLabel: 'Add',
      fields: {
        name: { label: 'Metric', kind: 'text', required: true, maxLength: 120, placeholder: 'e.g. Residential burglary' },
        organisation: { label: 'Reported by', kind: 'select', required: true },
        unit: { label: 'Unit', kind: 'text', required: true, maxLength: 40, hint: 'count, rate per N (e.g. rate per 1,000), percentage, percentage points, or rank out of N.' },
        polarity: { label: 'Better is', kind: 'select', required: true, options: [{ value: 'lower', label: 'Lower is better' }, { value: 'higher', label: 'Higher is better' }] },
        comparisons: { label: 'Comparisons', kind: 'multiselect', options: [{ value: 'year on year', label: 'Same quarter a year earlier' }, { value: 'rolling 12 months', label: 'Rolling 12 months' }] },
        peerRanks: { label: 'Peer ranks', kind: 'text', maxLength: 200, hint: 'Group and size, e.g. "Similar group/15; London/33". 1 is best.' },
      },
    }),
    'returns.milestone': defineForm({
      id: 'returns.milestone',
      title: 'Add a milestone',
      submitLabel: 'Add',
      fields: {
        theme: { label: 'Theme', kind: 'text', maxLength: 150, placeholder: 'e.g. Anti-social behaviour' },
        title: { label: 'What we said we would do', kind: 'textarea', required: true, maxLength: 300 },
        organisation: { label: 'Organisation', kind: 'select', required: true },
        lead: { label: 'Lead on update', kind: 'text', required: true, maxLength: 150 },
      },
    }),
    'returns.submit': defineForm({
      id: 'returns.submit',
      title: 'Quarterly return',
      submitLabel: 'Submit',
      fields: {},
      fieldFor: returnFieldFor,
    }),
  },
  templates: {
    'returns.request': returnRequestCard,
    'returns.overdue': overdueCard,
    'returns.dashboard': (view) => dashboardCard(view, { forClerk: false }),
  },
} satisfies FeatureCards;
