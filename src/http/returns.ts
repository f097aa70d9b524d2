// The dashboard's links, behind the round's unguessable token: GET /returns/<token>/dashboard.csv,
// /returns/<token>/charts (a page of trend charts) and /returns/<token>/charts/<metric>.png.
import express, { type Router } from 'express';
import { dashboardCsvFile, trendChartFile, trendChartsPage } from '../features/returns/dashboard-files.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';

export function returnsRouter(deps: { prisma: PrismaClient; publicBaseUrl?: string }): Router {
  const router = express.Router();
  const notFound = (res: express.Response) => res.status(404).type('text/plain').send('No such dashboard.\n');
  router.get('/:token/dashboard.csv', async (req, res, next) => {
    try {
      const file = await dashboardCsvFile(deps, req.params.token);
      if (!file) return void notFound(res);
      res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${file.filename}"`).set('Cache-Control', 'no-store').send(file.csv);
    } catch (error) {
      next(error);
    }
  });
  router.get('/:token/charts', async (req, res, next) => {
    try {
      const page = await trendChartsPage(deps, req.params.token);
      if (!page) return void notFound(res);
      res.status(200).type('text/html; charset=utf-8').set('Cache-Control', 'no-store').set('Content-Security-Policy', "default-src 'none'; img-src 'self'").set('X-Robots-Tag', 'noindex').send(page);
    } catch (error) {
      next(error);
    }
  });
  router.get('/:token/charts/:file', async (req, res, next) => {
    try {
      const metricId = /^(.+)\.png$/.exec(req.params.file)?.[1] ?? '';
      const png = await trendChartFile(deps, req.params.token, metricId);
      if (!png) return void notFound(res);
      res.status(200).type('image/png').set('Cache-Control', 'no-store').send(png);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
