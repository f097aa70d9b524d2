// Compiled dashboards for the card tests and the benchmark: one the size of a large board's (60
// metrics, each charted over 8 quarters, with peer ranks and factors like seed 003's), and one
// where every field a person could type is at its longest and full of hostile text.
import { quarterKey, quartersEndingWith, type Quarter } from '../../src/domain/returns/quarter.ts';
import type { DashboardView } from '../../src/features/returns/dashboard-view.ts';
import { LEAD_MAX, METRIC_NAME_MAX, MILESTONE_TITLE_MAX, PEER_GROUP_MAX } from '../../src/features/returns/catalogue-entry.ts';
import { OVERRIDE_REASON_MAX } from '../../src/features/returns/override-rag.ts';
import { FACTORS_MAX, PROGRESS_MAX } from '../../src/features/returns/return-form.ts';
import { HOSTILE } from './hostile-text.ts';

const RAGS = ['red', 'amber', 'green'] as const;
export const SAMPLE_QUARTER: Quarter = { fyStart: 2026, quarter: 3 };

const frame = {
  roundId: '6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01',
  period: 'Q3 2026/27',
  months: 'October to December 2026',
  rollingMonths: 'January to December 2026',
  published: false,
  csvUrl: 'https://quorum.example.org/returns/0123456789abcdef0123456789abcdef/dashboard.csv',
  chartsUrl: 'https://quorum.example.org/returns/0123456789abcdef0123456789abcdef/charts',
};

/** `metrics` rows as seed 003's summary dashboard fills them, and 8 delivery-plan milestones. */
export function largeDashboard(metrics = 60): DashboardView {
  return {
    ...frame,
    boardName: 'Safer Communities Partnership Board',
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
      rag: RAGS[i % 3],
      positive: 'Decrease in rolling 12 months; ranked 3rd in the most similar group',
      negative: 'Increase in last quarter vs. one year ago, driven by a series in the town centre',
    })),
    milestones: Array.from({ length: 8 }, (_, i) => ({ title: `Milestone ${i + 1}: deliver the ASB case review process`, organisation: 'LBB', lead: 'LBB Steve Murrant', progress: 'On going; the panel met twice this quarter.', rag: RAGS[i % 3] })),
    missing: [],
  };
}

/** Hostile text repeated to exactly `length` characters (code points kept whole). */
export function hostileOf(length: number, seed: number): string {
  let text = '';
  for (let i = seed; [...text].length < length; i++) text += `${HOSTILE[i % HOSTILE.length]} `;
  return [...text].slice(0, length).join('');
}

/** Plain words (no character any platform escapes) to exactly `length` characters. */
export function plainOf(length: number, seed: number): string {
  return `Item ${seed} `.concat('the rolling twelve months fell against the same quarter a year earlier '.repeat(Math.ceil(length / 70))).slice(0, length);
}

/** `metrics` rows and 8 milestones with every typed field at its longest: hostile text by default,
 * or the plain text given. */
export function hostileDashboard(metrics = 60, textOf: (length: number, seed: number) => string = hostileOf): DashboardView {
  const hostileOf = textOf;
  return {
    ...frame,
    boardName: hostileOf(120, 0),
    rows: Array.from({ length: metrics }, (_, i) => ({
      metricId: `m${i}`,
      name: hostileOf(METRIC_NAME_MAX, i),
      organisation: hostileOf(120, i + 1),
      unit: 'rate per 1,000',
      submitted: true,
      value: '1,234,567.89',
      yearEarlier: '1,234,567.89',
      change: '+100.0%',
      rolling: '1,234,567.89',
      rollingChange: '-100.0%',
      ranks: Array.from({ length: 4 }, (_, g) => `${hostileOf(PEER_GROUP_MAX, i + g)} 333/333`),
      rag: RAGS[i % 3],
      override: hostileOf(OVERRIDE_REASON_MAX, i + 2),
      computedRag: RAGS[(i + 1) % 3],
      positive: hostileOf(FACTORS_MAX, i + 3),
      negative: hostileOf(FACTORS_MAX, i + 4),
    })),
    milestones: Array.from({ length: 8 }, (_, i) => ({ title: hostileOf(MILESTONE_TITLE_MAX, i), organisation: hostileOf(120, i), lead: hostileOf(LEAD_MAX, i + 1), progress: hostileOf(PROGRESS_MAX, i + 2), rag: RAGS[i % 3] })),
    missing: Array.from({ length: 20 }, (_, i) => hostileOf(120, i)),
  };
}

/** Each metric's figures over the 8 quarters its trend chart shows. */
export const sampleHistory = (i: number): Map<string, number> => new Map(quartersEndingWith(SAMPLE_QUARTER, 8).map((q, k) => [quarterKey(q), 800 + 17 * k + i]));
