// Rendering a large compiled dashboard: 60 metrics over 8 quarters, split into the messages each
// platform takes (src/features/returns/dashboard-parts.ts), as the clerk's preview and the channel
// post, for Slack (Block Kit with the native table block) and Teams (Adaptive Card Table), plus the
// 60 trend charts (Vega-Lite to SVG, resvg to PNG) and the CSV. Every part is checked against the
// platforms' limits (the same validators the tests use) before timing. Rendering answers a click
// (Slack wants an answer within 3 s; Teams an invoke response within its 3 s budget), so each
// figure is also given as a share of those 3 s.
// Run: npm run bench -- dashboard (60 metrics, 20 rounds), or npx tsx bench/returns-dashboard.ts [metrics] [rounds]
// Prints figures; no thresholds (shared machines are noisy).
import { performance } from 'node:perf_hooks';
import { adaptiveAttachment, renderAdaptiveCard, teamsSummary } from '../cards/render/adaptive.ts';
import { dashboardCard } from '../cards/returns/dashboard-card.ts';
import { renderSlackMessage } from '../cards/render/slack.ts';
import { validateAdaptiveCard } from '../cards/validate/adaptive.ts';
import { slackMessageSchema } from '../cards/validate/slack-limits.ts';
import { teamsMessageSize, teamsSizeIssues } from '../cards/validate/teams-size.ts';
import { dashboardCsv } from '../src/features/returns/dashboard-csv.ts';
import { dashboardParts } from '../src/features/returns/dashboard-parts.ts';
import { trendChartPng } from '../src/features/returns/trend-chart.ts';
import { print } from './report.ts';
import { largeDashboard, sampleHistory, SAMPLE_QUARTER } from '../test/support/dashboard-samples.ts';

/** What a click may take before Slack shows an error (and Teams' invoke budget). */
const BUDGET_MS = 3_000;

const teamsActivity = (card: ReturnType<typeof dashboardCard>) => ({ type: 'message', summary: teamsSummary(card), attachments: [adaptiveAttachment(renderAdaptiveCard(card))] });

function time(label: string, n: number, run: () => unknown): void {
  run();
  const start = performance.now();
  for (let i = 0; i < n; i++) run();
  const ms = (performance.now() - start) / n;
  print(`${label.padEnd(52)} ${ms.toFixed(2).padStart(8)} ms each = ${((100 * ms) / BUDGET_MS).toFixed(2).padStart(6)}% of the 3 s budget`);
}

/** Rendering the dashboard of `metrics` indicators, each figure as a share of a click's 3 s. */
export async function dashboardBench(metrics = 60, rounds = 20): Promise<void> {
  print(`dashboard: rendering a compiled dashboard of ${metrics} metrics over 8 quarters, each figure as a share of the 3 s a click may take`);
  const view = largeDashboard(metrics);
  // Checked first: a payload the platform would refuse is not worth timing.
  const parts = dashboardParts(view);
  for (const forClerk of [true, false]) {
    for (const part of parts) {
      const card = dashboardCard(part, { forClerk });
      const slack = renderSlackMessage(card);
      const parsed = slackMessageSchema.safeParse(slack);
      if (!parsed.success) throw new Error(`Slack would refuse part ${part.part?.number ?? 1}: ${parsed.error.issues[0]?.message}`);
      if (JSON.stringify(slack.blocks).includes('more item')) throw new Error(`Slack would show part ${part.part?.number ?? 1} cut short`);
      const activity = teamsActivity(card);
      const issues = [...teamsSizeIssues(activity), ...validateAdaptiveCard(activity.attachments[0]?.content)];
      if (issues.length > 0) throw new Error(`Teams would refuse part ${part.part?.number ?? 1}: ${issues[0]}`);
      if (forClerk) print(`part ${part.part?.number ?? 1} of ${parts.length}: ${part.rows.length} metrics, ${part.milestones.length} milestones; Slack ${slack.blocks.length} blocks; Teams ${teamsMessageSize(activity).utf8Bytes} bytes with the envelope`);
    }
  }

  print(`${metrics} metrics x 8 quarters in ${parts.length} message${parts.length === 1 ? '' : 's'}, ${rounds} runs`);
  time('split into parts', rounds, () => dashboardParts(view));
  time('clerk\u2019s preview, one part: Slack', rounds, () => renderSlackMessage(dashboardCard(dashboardParts(view)[0] ?? view, { forClerk: true })));
  time('clerk\u2019s preview, one part: Teams', rounds, () => teamsActivity(dashboardCard(dashboardParts(view)[0] ?? view, { forClerk: true })));
  time('every part for the channel: Slack Block Kit', rounds, () => dashboardParts(view).map((p) => renderSlackMessage(dashboardCard(p, { forClerk: false }))));
  time('every part for the channel: Teams Adaptive Card', rounds, () => dashboardParts(view).map((p) => teamsActivity(dashboardCard(p, { forClerk: false }))));
  time('CSV', rounds, () => dashboardCsv(view));

  const start = performance.now();
  for (let i = 0; i < metrics; i++) await trendChartPng({ name: `Indicator ${i + 1}`, unit: { kind: 'count' }, history: sampleHistory(i), quarter: SAMPLE_QUARTER });
  const chartMs = (performance.now() - start) / metrics;
  print(`${`${metrics} trend charts (PNG, served on request)`.padEnd(52)} ${chartMs.toFixed(2).padStart(8)} ms each = ${((100 * chartMs) / BUDGET_MS).toFixed(2).padStart(6)}% of the 3 s budget`);
}

if (import.meta.url === `file://${process.argv[1]}`) await dashboardBench(Number(process.argv[2] ?? 60), Number(process.argv[3] ?? 20));
