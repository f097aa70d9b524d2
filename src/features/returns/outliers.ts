// A figure far outside the metric's history is asked about, not refused: the first time it is
// entered the form says so beside the field; submitted again unchanged, it is accepted. What was
// asked is kept with the person's draft, so the confirmation survives the round trip.
import { isOutlier, outlierReference } from '../../domain/returns/comparisons.ts';
import { formatQuarter, quarterKey, yearEarlier } from '../../domain/returns/quarter.ts';
import { formatFigure } from '../../domain/returns/units.ts';
import type { FieldErrors } from '../../errors.ts';
import { pendingOutliers, savePendingOutliers, type DraftKey } from './drafts.ts';
import type { Db } from './metrics.ts';
import { fieldId, type ReturnContent, type ReturnEntries } from './return-form.ts';

/** Field errors for the outlying figures not yet confirmed (and remembers them as asked), or
 * undefined when there are none. `confirmed`: the person's pending outliers (pendingOutliers),
 * when the caller has read them in this request. */
export async function outlierErrors(db: Db, key: DraftKey, content: ReturnContent, entries: ReturnEntries, confirmed?: Record<string, number>): Promise<FieldErrors | undefined> {
  confirmed ??= await pendingOutliers(db, key);
  const errors: FieldErrors = {};
  const pending: Record<string, number> = {};
  for (const figure of entries.figures) {
    const m = content.metrics.find((x) => x.metric.id === figure.metricId);
    if (!m) continue;
    const reference = outlierReference(m.history, content.quarter, figure.yearEarlier);
    if (reference === undefined || !isOutlier(m.unit, figure.value, reference)) continue;
    if (confirmed[figure.metricId] === figure.value) continue;
    pending[figure.metricId] = figure.value;
    const lastYear = m.history.has(quarterKey(yearEarlier(content.quarter))) || figure.yearEarlier !== undefined;
    const against = lastYear ? `${formatQuarter(yearEarlier(content.quarter))}\u2019s` : 'the last figure,';
    const ratio = figure.value > reference ? 'ten or more times' : 'a tenth or less of';
    errors[fieldId.value(figure.metricId)] = `${formatFigure(m.unit, figure.value)} is ${ratio} ${against} ${formatFigure(m.unit, reference)}. If it is right, submit again to confirm it.`;
  }
  if (Object.keys(errors).length === 0) return undefined;
  await savePendingOutliers(db, key, pending);
  return errors;
}
