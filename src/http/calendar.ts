// GET /calendar/<token>.ics: the meeting's calendar invite, for the agenda card's link.
import express, { type Router } from 'express';
import type { PrismaClient } from '../persistence/generated/client.ts';
import { meetingCalendar } from '../features/meetings/meeting-calendar.ts';

export function calendarRouter(deps: { prisma: PrismaClient; publicBaseUrl?: string }): Router {
  const router = express.Router();
  router.get('/:file', async (req, res, next) => {
    try {
      const token = /^(.+)\.ics$/.exec(req.params.file)?.[1] ?? '';
      const found = await meetingCalendar(deps, token);
      if (!found) {
        res.status(404).type('text/plain').send('No such meeting calendar.\n');
        return;
      }
      res
        .status(200)
        .type('text/calendar; charset=utf-8')
        .set('Content-Disposition', `attachment; filename="${found.filename}"`)
        .set('Cache-Control', 'no-cache')
        .send(found.ics);
    } catch (error) {
      next(error);
    }
  });
  return router;
}
