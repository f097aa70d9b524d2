// An action export's link, behind its unguessable token: GET /actions/<token>/actions.csv.
import express, { type Router } from 'express';
import { actionLogFile } from '../features/actions/action-log-files.ts';
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
  return router;
}
