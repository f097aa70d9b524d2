// The service's HTTP app (behind the front door, front-door.ts): /healthz, and whatever the platform adapters mount (/slack/events,
// /api/messages). Platform code stays in the adapters; this file only moves requests.
import express, { type Express, type Router } from 'express';
import type { Logger } from '../logger.ts';

export type ComponentState =
  | { state: 'off'; detail?: string }
  | { state: 'on'; detail?: string }
  | { state: 'error'; detail: string };

export interface HealthReport {
  /** 'starting' until start-up has finished; answered 503 until then, as 'degraded' is. */
  status: 'starting' | 'ok' | 'degraded';
  version: string;
  uptimeSeconds: number;
  database: { kind: string; ok: boolean; ms?: number; error?: string };
  slack: ComponentState;
  teams: ComponentState;
}

export interface HttpMount {
  /** Path prefix the router is mounted at ('/' for routers that name their own paths). */
  path: string;
  router: Router;
}

export interface HttpServerOptions {
  logger: Logger;
  health: () => Promise<HealthReport>;
  mounts: HttpMount[];
}

export function createHttpApp(options: HttpServerOptions): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', true);

  app.get('/healthz', async (_req, res) => {
    const report = await options.health();
    res.status(report.status === 'ok' ? 200 : 503).json(report);
  });
  // Before the default page: the playground, when on, serves its chat at /.
  for (const mount of options.mounts) app.use(mount.path, mount.router);
  app.get('/', (_req, res) => {
    res.type('text/plain').send('Quorum is running. See /healthz for its state.\n');
  });
  // Linked from the Teams app's details page (manifest/teams): what Quorum keeps, plainly.
  app.get('/privacy', (_req, res) => {
    res.type('text/plain').send(PRIVACY);
  });
  app.get('/terms', (_req, res) => {
    res.type('text/plain').send(TERMS);
  });
  app.use((req, res) => {
    res.status(404).json({ error: 'not_found', path: req.path });
  });
  // Express needs the four-argument signature to recognise an error handler.
  app.use((error: unknown, req: express.Request, res: express.Response, _next: express.NextFunction) => {
    options.logger.error({ err: error, path: req.path }, 'request failed');
    if (!res.headersSent) res.status(500).json({ error: 'internal_error' });
  });
  return app;
}

const PRIVACY = `Quorum: privacy

Quorum is run by the organisation that installed it, on its own server and database.
It keeps what a board's business needs: boards, members (name, title, organisation, email,
Slack and Teams ids), meetings and agendas, apologies, actions and their updates, quarterly
figures, and the messages it has queued and sent. It sends nothing to anyone but Slack or
Microsoft Teams, to deliver the board's messages. Its logs hold ids and outcomes, not what
people wrote. Ask the board's clerk to see or remove what is held about you.
`;

const TERMS = `Quorum: terms of use

Quorum is provided by the organisation that installed it for the work of its boards and
committees. Use it for that work only. Business not open to the public (exempt items) is shown
in full only in channels marked private to the board.
`;
