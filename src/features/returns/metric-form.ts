// The catalogue forms: a metric (name, organisation, unit, polarity, comparisons, peer groups) and
// a delivery-plan milestone (theme, what we said we would do, organisation, lead). Each problem is
// reported against its own field.
import { z } from 'zod';
import { comparisonsText, LEAD_MAX, METRIC_NAME_MAX, MILESTONE_TITLE_MAX, peerRanksText, THEME_MAX, unitText } from './catalogue-entry.ts';

const required = (label: string, max: number) =>
  z.string({ error: `Enter the ${label}.` }).trim().min(1, { error: `Enter the ${label}.` }).max(max, { error: `Keep the ${label} to ${max} characters or fewer.` });

export const metricFormValues = z.object({
  name: required('metric name', METRIC_NAME_MAX),
  organisation: z.uuid({ error: 'Choose the organisation that reports it.' }),
  unit: unitText,
  polarity: z.enum(['lower', 'higher'], { error: 'Say whether lower or higher is better.' }),
  comparisons: comparisonsText.optional(),
  peerRanks: peerRanksText.optional(),
});
export type MetricFormValues = z.output<typeof metricFormValues>;

export const milestoneFormValues = z.object({
  theme: z.string().trim().max(THEME_MAX, { error: `Keep the theme to ${THEME_MAX} characters or fewer.` }).optional(),
  title: required('milestone', MILESTONE_TITLE_MAX),
  organisation: z.uuid({ error: 'Choose the organisation that reports on it.' }),
  lead: required('lead on update', LEAD_MAX),
});
export type MilestoneFormValues = z.output<typeof milestoneFormValues>;
