// A large compiled dashboard is split into messages each platform takes: Slack (50 blocks, one
// table of at most 100 rows, nothing cut off with "more items") and Teams (about 28 KB an
// activity, cards/validate/teams-size.ts), each saying "part N of M", every metric in exactly one
// part, in catalogue order. Proved on a 60-metric dashboard and on one whose every typed field is
// at its longest and hostile.
import { describe, expect, it } from 'vitest';
import { adaptiveAttachment, renderAdaptiveCard, renderSlackMessage, teamsSummary } from '../../../cards/index.ts';
import { dashboardCard } from '../../../cards/returns/dashboard-card.ts';
import type { Card } from '../../../cards/model.ts';
import { validateAdaptiveCard } from '../../../cards/validate/adaptive.ts';
import { slackMessageSchema } from '../../../cards/validate/slack-limits.ts';
import { teamsMessageSize, teamsSizeIssues } from '../../../cards/validate/teams-size.ts';
import { dashboardPart, dashboardParts } from '../../../src/features/returns/dashboard-parts.ts';
import type { DashboardView } from '../../../src/features/returns/dashboard-view.ts';
import { hostileDashboard, largeDashboard, plainOf } from '../../support/dashboard-samples.ts';

/** What Teams is sent for a card (the adapter's activity, without its envelope). */
const teamsActivity = (card: Card) => ({ type: 'message', summary: teamsSummary(card), attachments: [adaptiveAttachment(renderAdaptiveCard(card))] });

function expectFitsBothPlatforms(card: Card): void {
  const slack = renderSlackMessage(card);
  const parsed = slackMessageSchema.safeParse(slack);
  expect(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)).toEqual([]);
  // Nothing was cut to fit: the renderer's "… (n more items)" notice is absent.
  expect(JSON.stringify(slack.blocks)).not.toMatch(/more items?\)|more not shown/);
  expect(slack.blocks.filter((b) => b.type === 'table').length).toBeLessThanOrEqual(1);
  const activity = teamsActivity(card);
  expect(teamsSizeIssues(activity)).toEqual([]);
  expect(validateAdaptiveCard(activity.attachments[0]?.content)).toEqual([]);
}

/** The metric names as the Slack table shows them, part after part. */
const slackTableNames = (cards: Card[]) =>
  cards.flatMap((card) => {
    const table = renderSlackMessage(card).blocks.find((b) => b.type === 'table') as { rows: { text: string }[][] } | undefined;
    return (table?.rows ?? []).slice(1).map((row) => row[1]?.text ?? '');
  });

describe('a dashboard too big for one message', () => {
  const views: [string, DashboardView][] = [
    ['60 metrics over 8 quarters, as seed 003 fills them', largeDashboard(60)],
    ['60 metrics with every typed field at its longest, in hostile text', hostileDashboard(60)],
    ['60 metrics with every typed field at its longest, in plain words', hostileDashboard(60, plainOf)],
  ];

  it.each(views)('as one card, Teams would refuse it (%s): the reason it is split', (_, view) => {
    const whole = teamsActivity(dashboardCard(view, { forClerk: true }));
    expect(teamsSizeIssues(whole).length).toBeGreaterThan(0);
  });

  it.each(views)('%s: every part fits Slack and Teams, for the clerk and for the channel', (_, view) => {
    const parts = dashboardParts(view);
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) {
      expectFitsBothPlatforms(dashboardCard(part, { forClerk: true }));
      expectFitsBothPlatforms(dashboardCard(part, { forClerk: false }));
    }
  });

  it.each(views)('%s: each part says "part N of M", and every metric and milestone is in exactly one, in order', (_, view) => {
    const parts = dashboardParts(view);
    parts.forEach((part, i) => {
      expect(part.part).toEqual({ number: i + 1, of: parts.length });
      const card = dashboardCard(part, { forClerk: false });
      expect(card.title).toContain(`part ${i + 1} of ${parts.length}`);
      expect(renderSlackMessage(card).text).toContain(`part ${i + 1} of ${parts.length}`);
      expect(teamsActivity(card).summary).toContain(`part ${i + 1} of ${parts.length}`);
    });
    expect(parts.flatMap((p) => p.rows.map((r) => r.metricId))).toEqual(view.rows.map((r) => r.metricId));
    expect(parts.flatMap((p) => p.milestones.map((m) => m.title))).toEqual(view.milestones.map((m) => m.title));
    // Who has not submitted is said once, at the end.
    expect(parts.slice(0, -1).every((p) => p.missing.length === 0)).toBe(true);
    expect(parts.at(-1)?.missing).toEqual(view.missing);
  });

  it('the 60 metrics are all in the Slack tables, part after part, each once', () => {
    const view = largeDashboard(60);
    const names = slackTableNames(dashboardParts(view).map((p) => dashboardCard(p, { forClerk: false })));
    expect(names).toEqual(view.rows.map((r) => `${r.name} (${r.organisation})`));
  });

  it('the clerk pages through the preview: a button to the next part on every part but the last, and back on every part but the first; Publish on each', () => {
    const parts = dashboardParts(largeDashboard(60));
    parts.forEach((part, i) => {
      const buttons = dashboardCard(part, { forClerk: true }).body.flatMap((e) => (e.type === 'actions' ? e.actions : [])).flatMap((a) => (a.kind === 'button' ? [a] : []));
      const paging = buttons.filter((b) => b.id === 'returns.dashboardPart').map((b) => ({ label: b.label, part: b.payload?.part }));
      expect(paging).toEqual([
        ...(i > 0 ? [{ label: `Part ${i} of ${parts.length}`, part: i }] : []),
        ...(i < parts.length - 1 ? [{ label: `Next: part ${i + 2} of ${parts.length}`, part: i + 2 }] : []),
      ]);
      expect(buttons.some((b) => b.id === 'returns.publish')).toBe(true);
    });
    // The channel's parts have no clerk's buttons.
    const channel = dashboardCard(parts[1] as DashboardView, { forClerk: false }).body.flatMap((e) => (e.type === 'actions' ? e.actions : []));
    expect(channel.some((a) => a.kind === 'button')).toBe(false);
  });

  it('a part asked for past the end is the last one; a small dashboard is one message without "part"', () => {
    const view = largeDashboard(60);
    const parts = dashboardParts(view);
    expect(dashboardPart(view, 999)).toEqual(parts.at(-1));
    expect(dashboardPart(view, 0)).toEqual(parts[0]);
    const small = largeDashboard(5);
    expect(dashboardParts(small)).toEqual([small]);
    expect(dashboardCard(small, { forClerk: false }).title).not.toContain('part');
    expectFitsBothPlatforms(dashboardCard(small, { forClerk: true }));
  });

  it('parts are filled close to what Teams takes, not split needlessly', () => {
    const parts = dashboardParts(largeDashboard(60));
    // Every part but the last takes at least half of what Teams allows.
    for (const part of parts.slice(0, -1)) expect(teamsMessageSize(teamsActivity(dashboardCard(part, { forClerk: false }))).utf8Bytes).toBeGreaterThan(14_000);
  });
});
