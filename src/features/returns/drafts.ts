// What a submitter has typed so far on a long return's pages, and the outlying figures they have
// been asked to confirm: kept per round, organisation and person until the return is submitted,
// so nothing typed is lost when a page is invalid or the form is closed.
import { z } from 'zod';
import type { Db } from './metrics.ts';

export interface DraftKey {
  roundId: string;
  organisationId: string;
  memberId: string;
}

const draftSchema = z.object({
  values: z.record(z.string(), z.union([z.string(), z.boolean(), z.array(z.string())])).default({}),
  outliers: z.record(z.string(), z.number()).default({}),
});
export type Draft = z.infer<typeof draftSchema>;

const where = (key: DraftKey) => ({ roundId_organisationId_memberId: key });

export async function loadDraft(db: Db, key: DraftKey): Promise<Draft> {
  const row = await db.returnDraft.findUnique({ where: where(key) });
  const parsed = draftSchema.safeParse(row?.values ?? {});
  return parsed.success ? parsed.data : { values: {}, outliers: {} };
}

async function saveDraft(db: Db, key: DraftKey, draft: Draft): Promise<void> {
  await db.returnDraft.upsert({ where: where(key), create: { ...key, values: draft }, update: { values: draft } });
}

/** Keeps what was typed on a page (merged into what was typed before). `current`: the draft as
 * the caller read it in this request, when it has it. */
export async function saveDraftValues(db: Db, key: DraftKey, values: Draft['values'], current?: Draft): Promise<Draft> {
  const draft = current ?? (await loadDraft(db, key));
  const next = { ...draft, values: { ...draft.values, ...values } };
  await saveDraft(db, key, next);
  return next;
}

/** The outlying figures already shown to this person, by metric id: the value they were asked about. */
export async function pendingOutliers(db: Db, key: DraftKey): Promise<Record<string, number>> {
  return (await loadDraft(db, key)).outliers;
}

export async function savePendingOutliers(db: Db, key: DraftKey, outliers: Record<string, number>): Promise<void> {
  const draft = await loadDraft(db, key);
  await saveDraft(db, key, { ...draft, outliers: { ...draft.outliers, ...outliers } });
}

export async function clearDraft(db: Db, key: DraftKey): Promise<void> {
  await db.returnDraft.deleteMany({ where: key });
}
