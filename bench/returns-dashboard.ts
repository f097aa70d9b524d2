// Rendering a large compiled dashboard: 60 metrics over 8 quarters, as the clerk's preview and the
// channel post, for Slack (Block Kit with the native table block) and Teams (Adaptive Card Table),
// plus the 60 trend charts (Vega-Lite to SVG, resvg to PNG) and the CSV. Every payload is checked
// against the platforms' limits (the same validators the tests use) before timing.
// Run: npx tsx bench/returns-dashboard.ts [metrics=60] [rounds=20]
// Prints figures; no thresholds (shared machines are noisy).
import { performance } from 'node:perf_hooks';
import { dashboardCard } from '../cards/returns/dashboard-card.ts';
import { renderAdaptiveCard } from '../cards/render/adaptive.ts';
import { renderSlackMessage } from '../cards/render/slack.ts';
import { validateAdaptiveCard } from '../cards/validate/adaptive.ts';
import { slackMessageSchema } from '../cards/validate/slack-limits.ts';
import { quarterKey, quartersEndingWith, type Quarter } from '../src/domain/returns/quarter.ts';
import { dashboardCsv } from '../src/features/returns/dashboard-csv.ts';
import type { DashboardView } from '../src/features/returns/dashboard-view.ts';
import { trendChartPng } from '../src/features/returns/trend-chart.ts';

const metrics = Number(process.argv[2] ?? 60);
const rounds = Number(process.argv[3] ?? 20);
const quarter: Quarter = { fyStart: 2026, quarter: 3 };
const rags = ['red', 'amber', 'green'] as const;

const view: DashboardView = {
  roundId: '6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01',
  boardName: 'Safer Communities Partnership Board',
  period: 'Q3 2026/27',
  months: 'October to December 2026',
  rollingMonths: 'January to December 2026',
  published: false,
  rows: Array.from({ length: metrics }, (_, i) => ({
    metricId: `m${i}`,
    name: `Indicator ${i + 1}: residential burglary and theft from motor vehicles`,
    organisation: 'MPS',
    unit: 'count',
    submitted: true,
    value: String(900 + i),
    yearEarlier: String(800 + i),
    change: `+${(i % 20) + 1}%`,
    rolling: String(3400 + i),
    rollingChange: `-${(i % 5) + 1}%`,
    ranks: [`Similar group ${(i % 15) + 1}/15`, `London ${(i % 33) + 1}/33`],
    rag: rags[i % 3],
    positive: 'Decrease in rolling 12 months',
    negative: 'Increase in last quarter vs. one year ago',
  })),
  milestones: Array.from({ length: 8 }, (_, i) => ({ title: `Milestone ${i + 1}`, organisation: 'LBB', lead: 'LBB Steve Murrant', progress: 'On going', rag: rags[i % 3] })),
  missing: [],
  csvUrl: 'https://quorum.example.org/returns/token/dashboard.csv',
  chartsUrl: 'https://quorum.example.org/returns/token/charts',
};

function time(label: string, n: number, run: () => unknown): void {
  run();
  const start = performance.now();
  for (let i = 0; i < n; i++) run();
  const ms = (performance.now() - start) / n;
  console.log(`${label.padEnd(44)} ${ms.toFixed(2).padStart(8)} ms each`);
}

// Checked first: a payload the platform would refuse is not worth timing.
for (const forClerk of [true, false]) {
  const card = dashboardCard(view, { forClerk });
  const slack = renderSlackMessage(card);
  const parsed = slackMessageSchema.safeParse(slack);
  if (!parsed.success) throw new Error(`Slack would refuse the dashboard: ${parsed.error.issues[0]?.message}`);
  const issues = validateAdaptiveCard(renderAdaptiveCard(card));
  if (issues.length > 0) throw new Error(`Teams would refuse the dashboard: ${issues[0]}`);
  console.log(`${forClerk ? 'preview' : 'channel'}: Slack ${slack.blocks.length} blocks, ${JSON.stringify(slack).length} bytes; Teams ${JSON.stringify(renderAdaptiveCard(card)).length} bytes`);
}

console.log(`${metrics} metrics x 8 quarters, ${rounds} runs`);
time('card model', rounds, () => dashboardCard(view, { forClerk: true }));
time('Slack Block Kit (native table)', rounds, () => renderSlackMessage(dashboardCard(view, { forClerk: true })));
time('Teams Adaptive Card (Table)', rounds, () => renderAdaptiveCard(dashboardCard(view, { forClerk: true })));
time('CSV', rounds, () => dashboardCsv(view));

const history = new Map(quartersEndingWith(quarter, 8).map((q, i) => [quarterKey(q), 800 + 17 * i]));
const start = performance.now();
for (let i = 0; i < metrics; i++) await trendChartPng({ name: `Indicator ${i + 1}`, unit: { kind: 'count' }, history, quarter });
console.log(`${`${metrics} trend charts (PNG)`.padEnd(44)} ${((performance.now() - start) / metrics).toFixed(2).padStart(8)} ms each`);
