// RAG ratings, written once.
//
// A metric's rating follows the performance dashboard's glossary (seed 003): "Green – All
// performance indicators positive; Amber – Mixed positive and negative performance indicators;
// Red – All or nearly all performance indicators negative." The indicators of a row are its
// comparisons: the change against the same quarter a year earlier, the change in the rolling 12
// months, and each peer rank (1 is best). "Nearly all" is two thirds: a row is Red when at least
// two thirds of its positive-or-negative indicators are negative (2 of 3, 3 of 4, 4 of 5 or 6).
// Indicators that are neither (no change, a rank exactly in the middle) do not count either way.
//
// A delivery-plan milestone's rating follows the action plan's "RAG Guidance" (seed 004): Red when
// the milestone is not achieved, only partly achieved, or risks threaten future performance;
// Amber when it is met but a risk to future performance has been identified; Green when it is met
// with no future risks to performance.
import { type Change, directionOf, type Polarity } from './comparisons.ts';

export type Rag = 'red' | 'amber' | 'green';
export const RAGS: readonly Rag[] = ['red', 'amber', 'green'];

export type Signal = 'positive' | 'negative' | 'neutral';

/** "Nearly all": the share of negative indicators from which a row is Red, two thirds. Kept as
 * a fraction and compared in whole numbers, so 2 of 3 is exactly "nearly all". */
export const NEARLY_ALL = { negative: 2, of: 3 } as const;

/** The glossary's rule. No positive or negative indicator at all (a first quarter with nothing to
 * compare with): no rating. */
export function ragOf(signals: readonly Signal[]): Rag | undefined {
  const rated = signals.filter((s) => s !== 'neutral');
  if (rated.length === 0) return undefined;
  const negative = rated.filter((s) => s === 'negative').length;
  if (negative === 0) return 'green';
  if (negative * NEARLY_ALL.of >= rated.length * NEARLY_ALL.negative) return 'red';
  return 'amber';
}

/** A change as an indicator: better is positive, worse negative, no change neutral. */
export function signalOfChange(change: Change, polarity: Polarity): Signal {
  const d = directionOf(change, polarity);
  return d === 'better' ? 'positive' : d === 'worse' ? 'negative' : 'neutral';
}

/** A peer rank as an indicator: in the better half of the group positive, in the worse half
 * negative, exactly in the middle (8/15) neutral. */
export function signalOfRank(rank: number, outOf: number): Signal {
  const doubled = 2 * rank;
  const middle = outOf + 1;
  return doubled < middle ? 'positive' : doubled > middle ? 'negative' : 'neutral';
}

export type Achievement = 'met' | 'partly' | 'not_met';
export type Risk = 'none' | 'identified' | 'threatens';

export const ACHIEVEMENTS: readonly Achievement[] = ['met', 'partly', 'not_met'];
export const RISKS: readonly Risk[] = ['none', 'identified', 'threatens'];

export const ACHIEVEMENT_LABEL: Record<Achievement, string> = { met: 'Milestone met', partly: 'Partly achieved', not_met: 'Not achieved' };
export const RISK_LABEL: Record<Risk, string> = { none: 'No risk to future performance', identified: 'A risk to future performance identified', threatens: 'Risks threaten future performance' };

/** The action plan's RAG Guidance. */
export function milestoneRag(achievement: Achievement, risk: Risk): Rag {
  if (achievement !== 'met' || risk === 'threatens') return 'red';
  return risk === 'identified' ? 'amber' : 'green';
}

export const RAG_LABEL: Record<Rag, string> = { red: 'Red', amber: 'Amber', green: 'Green' };

export function parseRag(text: string): Rag | undefined {
  const t = text.trim().toLowerCase();
  return t === 'red' || t === 'r' ? 'red' : t === 'amber' || t === 'a' ? 'amber' : t === 'green' || t === 'g' ? 'green' : undefined;
}

/** The indicators of one dashboard row, as compared. */
export interface RowIndicators {
  polarity: Polarity;
  /** The quarter against the same quarter a year earlier. */
  yearOnYear?: Change;
  /** The rolling 12 months against the 12 months before. */
  rolling?: Change;
  /** Peer ranks, 1 is best. */
  ranks?: readonly { rank: number; outOf: number }[];
}

/** Each indicator of a row with its signal, in the dashboard's order, and the row's rating. */
export function rateRow(row: RowIndicators): { rag: Rag | undefined; signals: Signal[] } {
  const signals: Signal[] = [];
  if (row.yearOnYear) signals.push(signalOfChange(row.yearOnYear, row.polarity));
  if (row.rolling) signals.push(signalOfChange(row.rolling, row.polarity));
  for (const r of row.ranks ?? []) signals.push(signalOfRank(r.rank, r.outOf));
  return { rag: ragOf(signals), signals };
}
