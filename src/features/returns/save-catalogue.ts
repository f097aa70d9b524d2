// Stores checked catalogue entries: metrics by name, milestones by theme and title (updated when
// they exist, added at the end otherwise), and history figures for earlier quarters, which never
// replace a figure an organisation submitted.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Board, Organisation } from '../../persistence/generated/client.ts';
import type { CatalogueFile } from './import-catalogue.ts';
import { unitColumns, type Db } from './metrics.ts';

export interface CatalogueSaved {
  kind: 'returns.catalogueSaved';
  boardName: string;
  metrics: { added: string[]; updated: string[] };
  milestones: { added: number; updated: number };
  historyFigures: number;
}

/** The board's organisation by its name or short name, ignoring case. */
export function matchOrganisation(organisations: Organisation[], written: string): Organisation | undefined {
  const t = written.trim().toLowerCase();
  return organisations.find((o) => o.name.toLowerCase() === t || o.shortName?.toLowerCase() === t);
}

export async function organisationsByName(db: Db, board: Board, rows: { row: string; organisation: string }[]) {
  const organisations = await db.organisation.findMany({ where: { boardId: board.id }, orderBy: { name: 'asc' } });
  const problems: string[] = [];
  const found = new Map<string, Organisation>();
  for (const r of rows) {
    const org = matchOrganisation(organisations, r.organisation);
    if (org) found.set(r.organisation, org);
    else problems.push(`${r.row}: "${r.organisation.slice(0, 60)}" is not one of the board\u2019s organisations`);
  }
  if (problems.length > 0) {
    const known = organisations.map((o) => (o.shortName ? `${o.name} (${o.shortName})` : o.name)).join(', ') || 'none yet';
    throw new AppError(ErrorCode.UNKNOWN_ORGANISATION, `Nothing was loaded.\n${problems.slice(0, 8).map((p) => `• ${p}`).join('\n')}\nThe board\u2019s organisations: ${known}.`, {
      log: `${problems.length} catalogue row(s) name no organisation of board ${board.id}`,
    });
  }
  return found;
}

export async function saveCatalogue(deps: CoreDeps, input: { board: Board; file: CatalogueFile }): Promise<CatalogueSaved> {
  const { board, file } = input;
  const orgs = await organisationsByName(deps.prisma, board, [
    ...file.metrics.map((m) => ({ row: m.row, organisation: m.definition.organisation })),
    ...file.milestones.map((m) => ({ row: m.row, organisation: m.definition.organisation })),
  ]);
  const result: CatalogueSaved = { kind: 'returns.catalogueSaved', boardName: board.name, metrics: { added: [], updated: [] }, milestones: { added: 0, updated: 0 }, historyFigures: 0 };
  await deps.prisma.$transaction(async (tx) => {
    let metricPosition = (await tx.metric.aggregate({ where: { boardId: board.id }, _max: { position: true } }))._max.position ?? 0;
    const existingMetrics = await tx.metric.findMany({ where: { boardId: board.id } });
    for (const { definition: d } of file.metrics) {
      const organisationId = (orgs.get(d.organisation) as Organisation).id;
      const data = { organisationId, ...unitColumns(d.unit), polarity: d.polarity, yearOnYear: d.yearOnYear, rolling: d.rolling, peerRanks: d.peerRanks, active: true };
      const existing = existingMetrics.find((m) => m.name.toLowerCase() === d.name.toLowerCase());
      const metric = existing
        ? await tx.metric.update({ where: { id: existing.id }, data })
        : await tx.metric.create({ data: { ...data, boardId: board.id, name: d.name, position: ++metricPosition } });
      (existing ? result.metrics.updated : result.metrics.added).push(d.name);
      for (const h of d.history) {
        const key = { metricId_fyStart_quarter: { metricId: metric.id, fyStart: h.quarter.fyStart, quarter: h.quarter.quarter } };
        const stored = await tx.metricValue.findUnique({ where: key });
        if (stored?.source === 'submitted') continue;
        await tx.metricValue.upsert({ where: key, create: { metricId: metric.id, fyStart: h.quarter.fyStart, quarter: h.quarter.quarter, value: h.value, source: 'imported' }, update: { value: h.value, source: 'imported' } });
        result.historyFigures++;
      }
    }
    let milestonePosition = (await tx.milestone.aggregate({ where: { boardId: board.id }, _max: { position: true } }))._max.position ?? 0;
    const existingMilestones = await tx.milestone.findMany({ where: { boardId: board.id } });
    for (const { definition: d } of file.milestones) {
      const organisationId = (orgs.get(d.organisation) as Organisation).id;
      const existing = existingMilestones.find((m) => m.title.toLowerCase() === d.title.toLowerCase() && (m.theme ?? '').toLowerCase() === (d.theme ?? '').toLowerCase());
      if (existing) {
        await tx.milestone.update({ where: { id: existing.id }, data: { organisationId, lead: d.lead, active: true } });
        result.milestones.updated++;
      } else {
        await tx.milestone.create({ data: { boardId: board.id, organisationId, theme: d.theme, title: d.title, lead: d.lead, position: ++milestonePosition } });
        result.milestones.added++;
      }
    }
  });
  deps.logger.info({ boardId: board.id, metrics: file.metrics.length, milestones: file.milestones.length }, 'returns catalogue loaded');
  return result;
}
