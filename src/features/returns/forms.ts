// The returns feature's forms: opening a round, loading the catalogue from a file, a metric, a
// milestone; the return itself is in return-form-page.ts.
import { z } from 'zod';
import { parseQuarter } from '../../domain/returns/quarter.ts';
import { form } from '../../kernel/feature.ts';
import { importCatalogue } from './import-catalogue.ts';
import { metricFormValues, milestoneFormValues } from './metric-form.ts';
import { openRound } from './open-round.ts';
import { saveMetric, saveMilestone } from './save-metric.ts';

const boardOnly = z.object({ boardId: z.uuid() });

export const roundOpenForm = form({
  id: 'returns.round',
  metadata: boardOnly,
  // The quarter is read here too, without the database, so a wrong one is refused in Slack's ack,
  // on its field, with the modal still open.
  values: z.object({
    period: z.string({ error: 'Enter the quarter, e.g. "Q3 2026/27".' }).superRefine((text, ctx) => {
      const read = parseQuarter(text);
      if (!read.ok) ctx.addIssue({ code: 'custom', message: read.message });
    }),
    deadline: z.string({ error: 'Choose the deadline.' }),
  }),
  run: (deps, input) => openRound(deps, { ...input, boardId: input.metadata.boardId, period: input.values.period, deadline: input.values.deadline }),
});

export const catalogueForm = form({
  id: 'returns.catalogue',
  metadata: boardOnly,
  values: z.object({ file: z.string({ error: 'Paste the CSV or JSON.' }) }),
  run: (deps, input) => importCatalogue(deps, { ...input, boardId: input.metadata.boardId, text: input.values.file }),
});

export const metricForm = form({
  id: 'returns.metric',
  metadata: boardOnly,
  values: metricFormValues,
  run: (deps, input) => saveMetric(deps, { ...input, boardId: input.metadata.boardId, values: input.values }),
});

/** The same fields, for a metric already in the catalogue; saving it also makes it active again. */
export const metricEditForm = form({
  id: 'returns.metric.edit',
  metadata: z.object({ boardId: z.uuid(), metricId: z.uuid() }),
  values: metricFormValues,
  run: (deps, input) => saveMetric(deps, { ...input, boardId: input.metadata.boardId, metricId: input.metadata.metricId, values: input.values }),
});

export const milestoneForm = form({
  id: 'returns.milestone',
  metadata: boardOnly,
  values: milestoneFormValues,
  run: (deps, input) => saveMilestone(deps, { ...input, boardId: input.metadata.boardId, values: input.values }),
});
