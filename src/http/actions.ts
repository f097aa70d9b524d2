// The actions' links, behind their unguessable tokens: GET /actions/<token>/actions.csv (an
// export of the action log) and /actions/<token>/matters-arising (a meeting's report, as a page).
import express, { type Router } from 'express';
import { actionLogFile, mattersArisingPage } from '../features/actions/action-log-files.ts';
import type { PrismaClient } from '../persistence/generated/client.ts';

export function actionsRouter(deps: { prisma: PrismaClient; now: () => Date }): Router {
  const router = express.Router();
  router.get('/:token/actions.csv', async (req, res, next) => {
    try {
      const file = await actionLogFile(deps, req.params.token);
      if (!file) return void res.status(404).type('text/plain').send('No such export, or its link has expired. Run "actions export" again.\n');
      res.status(200).type('text/csv; charset=utf-8').set('Content-Disposition', `attachment; filename="${file.filename}"`).set('Cache-Control', 'no-store').set('X-Robots-Tag', 'noindex').send(file.csv);
    } catch (error) {
      next(error);
    }
  });
  router.get('/:token/matters-arising', async (req, res, next) => {
    try {
      const page = await mattersArisingPage(deps, req.params.token);
      if (!page) return void res.status(404).type('text/plain').send('No such report.\n');
      res.status(200).type('text/html; charset=utf-8').set('Cache-Control', 'no-store').set('Content-Security-Policy', "default-src 'none'").set('X-Robots-Tag', 'noindex').send(page);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
