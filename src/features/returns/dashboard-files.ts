// What the dashboard's links serve, found by the round's unguessable token: the CSV, a page of
// trend charts, and each metric's chart. An unknown token or metric finds nothing.
import { escapeAttribute, escapeText } from 'entities';
import type { PrismaClient } from '../../persistence/generated/client.ts';
import { buildDashboard } from './dashboard-view.ts';
import { dashboardCsv } from './dashboard-csv.ts';
import { historyOf, unitOf } from './metrics.ts';
import { quarterOfRound } from './round-access.ts';
import { trendChartPng, TREND_QUARTERS } from './trend-chart.ts';

type Deps = { prisma: PrismaClient; publicBaseUrl?: string };

const TOKEN = /^[\w-]{20,64}$/;

async function roundByToken(deps: Deps, token: string) {
  if (!TOKEN.test(token)) return null;
  return deps.prisma.returnRound.findUnique({ where: { dashboardToken: token }, include: { board: true } });
}

export async function dashboardCsvFile(deps: Deps, token: string): Promise<{ filename: string; csv: string } | undefined> {
  const round = await roundByToken(deps, token);
  if (!round) return undefined;
  const view = await buildDashboard(deps.prisma, round, deps);
  return { filename: `${round.board.slug}-${round.fyStart}-Q${round.quarter}-dashboard.csv`, csv: dashboardCsv(view) };
}

export async function trendChartFile(deps: Deps, token: string, metricId: string): Promise<Buffer | undefined> {
  const round = await roundByToken(deps, token);
  if (!round || !/^[0-9a-f-]{36}$/.test(metricId)) return undefined;
  const metric = await deps.prisma.metric.findFirst({ where: { id: metricId, boardId: round.boardId } });
  if (!metric) return undefined;
  const history = (await historyOf(deps.prisma, [metric.id])).get(metric.id) ?? new Map();
  return trendChartPng({ name: metric.name, unit: unitOf(metric), history, quarter: quarterOfRound(round) });
}

/** A plain page with every metric's chart, for the dashboard's "Trend charts" link. */
export async function trendChartsPage(deps: Deps, token: string): Promise<string | undefined> {
  const round = await roundByToken(deps, token);
  if (!round) return undefined;
  const view = await buildDashboard(deps.prisma, round, deps);
  const title = `${view.boardName}: trends to ${view.period}`;
  const charts = view.rows
    .map((r) => `<figure><img src="charts/${escapeAttribute(r.metricId)}.png" alt="${escapeAttribute(`${r.name}, last ${TREND_QUARTERS} quarters`)}" width="560"><figcaption>${escapeText(`${r.name} (${r.organisation}, ${r.unit})`)}</figcaption></figure>`)
    .join('\n');
  return `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><meta name="robots" content="noindex"><title>${escapeText(title)}</title></head><body><h1>${escapeText(title)}</h1>\n${charts}\n</body></html>\n`;
}
