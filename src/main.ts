// The composition root: reads the configuration, opens and migrates the database, builds the
// core and the platform adapters, and serves HTTP. `npm start` runs this file.
import type { Directories } from './directory/port.ts';
import type { Server } from 'node:http';
import { pathToFileURL } from 'node:url';
import express from 'express';
import type { Playground } from '../adapters/playground/index.ts';
import type { TeamsEndpointOverrides } from '../adapters/teams/index.ts';
import { ConfigError, describeConfig, loadConfig, type Config } from './config.ts';
import { createCore, scheduledJobs, TEMPLATES, type Core } from './core.ts';
import { Dispatcher, type DispatcherOptions } from './delivery/dispatcher.ts';
import type { Messenger } from './delivery/port.ts';
import type { Platform } from './domain/platform.ts';
import { fetchModernGovMeeting } from './integrations/moderngov/index.ts';
import { publicFetch } from './integrations/public-fetch.ts';
import { Scheduler } from './scheduling/scheduler.ts';
import { startupProblem } from './startup-problems.ts';
import { calendarRouter } from './http/calendar.ts';
import { returnsRouter } from './http/returns.ts';
import { actionsRouter } from './http/actions.ts';
import { openFrontDoor, type HandedOver } from './http/front-door.ts';
import { createHttpApp, type HealthReport, type HttpMount } from './http/server.ts';
import { createLogger, type Logger } from './logger.ts';
import { openDatabase, type Database } from './persistence/database.ts';
import { finishWithin, STOP_WAIT_MS, type PlatformAdapter } from './platform.ts';
import { deadlineIn } from './kernel/deadline.ts';

export const VERSION = '0.1.0';

export interface RunningQuorum {
  config: Config;
  db: Database;
  core: Core;
  /** The service's own HTTP server (on a private unix socket, behind the front door). */
  server: Server;
  /** The port actually bound (PORT=0 picks a free one). */
  port: number;
  url: string;
  adapters: PlatformAdapter[];
  dispatcher: Dispatcher;
  scheduler: Scheduler;
  /** The playground's chats (the transcript) and clock, when it is on. */
  playground?: Pick<Playground, 'transcript' | 'clock'>;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: Config;
  logger: Logger;
  /** An already-open database (tests); otherwise opened from the configuration. */
  db?: Database;
  /** Tests: dispatcher settings (pacing, idle interval). */
  dispatcher?: Partial<Pick<DispatcherOptions, 'pacing' | 'idleMs' | 'leaseMs' | 'maxAttempts' | 'clock'>>;
  /** Tests: the clock the use cases and the scheduler read. */
  clock?: () => Date;
  /** Tests: the fetch used for ModernGov imports (the default refuses private addresses). */
  fetchForImports?: typeof fetch;
  /** Tests: do not start the cron tick (call scheduler.tick() instead). */
  manualScheduler?: boolean;
  /** Tests only: local stand-ins for Microsoft's identity endpoints, so that an authenticated
   * Teams bot runs offline. Never set from the environment. */
  teamsEndpoints?: TeamsEndpointOverrides;
  /** Called if the HTTP front door is lost for good (front-door.ts); `npm start` then stops and exits 1. */
  onLost?: () => void;
  /** Tests only: how long a Teams invoke waits for the core before answering "working on it"
   * (adapters/teams/card-actions.ts INVOKE_BUDGET_MS otherwise). */
  teamsInvokeBudgetMs?: number;
  /** Tests only: the limit for a Slack answer through a response_url (adapters/slack/index.ts
   * RESPOND_TIMEOUT_MS otherwise). */
  slackRespondTimeoutMs?: number;
  /** Tests only: how long a stop waits, in all, for work in progress (STOP_WAIT_MS otherwise). */
  stopWaitMs?: number;
}

/** The door's close always has this long to hand over the requests it acknowledged, even when the
 * time to stop is spent: a message each to this thread (or a request on a local socket), never left
 * undelivered. */
const HANDOVER_FLOOR_MS = 1_000;

export async function startQuorum(options: StartOptions): Promise<RunningQuorum> {
  const { config, logger, db: givenDb } = options;
  // Loaded only when on: it brings the Teams adapter (botbuilder) with it.
  const playground = config.playground.enabled
    ? new (await import('../adapters/playground/index.ts')).Playground({ config: config.playground, logger: logger.child({ component: 'playground' }) })
    : undefined;
  const now = options.clock ?? playground?.clock.now ?? (() => new Date());
  for (const line of describeConfig(config)) logger.info(line);
  const where = config.database;
  const db =
    givenDb ??
    (await openDatabase(
      where.kind === 'postgres'
        ? { kind: 'postgres', url: where.url }
        : {
            kind: 'pglite',
            dataDir: where.dataDir,
            // The first start on a folder is the slow one: say why nothing seems to happen.
            creating: () => logger.info(`Creating the embedded database in ${where.dataDir} (first start on this folder: several seconds, once)`),
          },
    ));
  const migration = await db.migrate(logger);
  logger.info({ applied: migration.applied.length, alreadyApplied: migration.alreadyApplied }, 'database ready');

  const platforms: Platform[] = [];
  if (config.slack.mode !== 'off') platforms.push('slack');
  if (config.teams.mode !== 'off' || playground) platforms.push('teams');
  // The core wakes the dispatcher after queueing; the dispatcher needs the adapters, which need the core.
  const wake: { dispatcher?: Dispatcher } = {};
  // Likewise the directories: filled in below, once the adapters exist.
  const directories: Directories = {};
  const core = createCore({
    prisma: db.prisma,
    logger,
    platforms,
    now,
    ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}),
    onQueued: () => wake.dispatcher?.poke(),
    directories,
    // Clerks type the ModernGov address: never let it reach the machines around the service.
    fetchModernGov: (input) => fetchModernGovMeeting({ ...input, fetch: options.fetchForImports ?? publicFetch }),
  });
  const adapters: PlatformAdapter[] = [];
  // Each platform's SDK (Bolt, botbuilder) is loaded only when that platform is on.
  if (config.slack.mode !== 'off') {
    const { createSlackAdapter } = await import('../adapters/slack/index.ts');
    adapters.push(
      await createSlackAdapter({
        config: config.slack,
        core,
        logger: logger.child({ platform: 'slack' }),
        ...(options.slackRespondTimeoutMs !== undefined ? { respondTimeoutMs: options.slackRespondTimeoutMs } : {}),
      }),
    );
  }
  if (config.teams.mode !== 'off') {
    const { createTeamsAdapter } = await import('../adapters/teams/index.ts');
    adapters.push(
      createTeamsAdapter({
        config: config.teams,
        core,
        logger: logger.child({ platform: 'teams' }),
        ...(options.teamsEndpoints ? { endpoints: options.teamsEndpoints } : {}),
        ...(options.teamsInvokeBudgetMs !== undefined ? { invokeBudgetMs: options.teamsInvokeBudgetMs } : {}),
      }),
    );
  }

  for (const adapter of adapters) if (adapter.directory) directories[adapter.platform] = adapter.directory;
  const messengers: Partial<Record<Platform, Messenger>> = {};
  for (const adapter of adapters) if (adapter.messenger) messengers[adapter.platform] = adapter.messenger;
  playground?.attach({ core, prisma: db.prisma, ...(options.teamsInvokeBudgetMs !== undefined ? { invokeBudgetMs: options.teamsInvokeBudgetMs } : {}) });
  if (playground) messengers.teams = playground.messenger(messengers.teams);
  const dispatcher = new Dispatcher({ prisma: db.prisma, messengers, templates: TEMPLATES, logger: logger.child({ component: 'dispatcher' }), ...(playground ? { clock: now } : {}), ...options.dispatcher });
  wake.dispatcher = dispatcher;
  const deliveryContext = { platforms, now, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) };
  const scheduler = new Scheduler({
    prisma: db.prisma,
    jobs: scheduledJobs(deliveryContext),
    logger: logger.child({ component: 'scheduler' }),
    clock: now,
    onWork: () => dispatcher.poke(),
  });
  playground?.drive({ scheduler, dispatcher });

  const startedAt = Date.now();
  let started = false;
  const stateOf = (platform: 'slack' | 'teams') =>
    adapters.find((a) => a.platform === platform)?.state() ?? { state: 'off' as const };
  const health = async (): Promise<HealthReport> => {
    const ping = await db.ping();
    const slack = stateOf('slack');
    const teams = stateOf('teams');
    const healthy = ping.ok && slack.state !== 'error' && teams.state !== 'error';
    return {
      // Ready only once start-up has finished (the server listens a little before that).
      status: !started ? 'starting' : healthy ? 'ok' : 'degraded',
      version: VERSION,
      uptimeSeconds: Math.round((Date.now() - startedAt) / 1000),
      database: ping.ok ? { kind: db.kind, ok: true, ms: ping.ms } : { kind: db.kind, ok: false, error: ping.error },
      slack,
      teams,
    };
  };

  const mounts: HttpMount[] = [...(playground?.mounts() ?? []), ...adapters.flatMap((a) => a.mounts)];
  mounts.push({ path: '/calendar', router: calendarRouter({ prisma: db.prisma, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) }) });
  mounts.push({ path: '/returns', router: returnsRouter({ prisma: db.prisma, ...(config.publicBaseUrl ? { publicBaseUrl: config.publicBaseUrl } : {}) }) });
  mounts.push({ path: '/actions', router: actionsRouter({ prisma: db.prisma, now }) });
  if (config.slack.mode === 'off') mounts.push(offRoute('/slack/events', 'Slack is off: set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET.'));
  if (config.teams.mode === 'off') mounts.push(offRoute('/api/messages', 'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.'));

  const app = createHttpApp({ logger, health, mounts });
  const early = adapters.flatMap((adapter) => (adapter.earlyAnswers ? [adapter.earlyAnswers] : []));
  // What the door answered itself comes to the adapter that said it could, as a message.
  const takers = adapters.filter((adapter) => adapter.earlyAnswers && adapter.handOver);
  const handOver = (request: HandedOver) => {
    const taker = takers.find((adapter) => adapter.earlyAnswers?.path === request.path);
    if (taker) taker.handOver?.(request);
    else logger.error({ path: request.path }, 'the front door handed over a request no platform takes');
  };
  const front = await openFrontDoor({
    app,
    host: config.host,
    port: config.port,
    early,
    logger: logger.child({ component: 'front-door' }),
    ...(takers.length > 0 ? { handOver } : {}),
    ...(options.onLost ? { onLost: options.onLost } : {}),
  });
  const { port, server } = front;
  for (const adapter of adapters) await adapter.start();
  playground?.listening(port, config.host);
  await playground?.start();
  dispatcher.start();
  if (!options.manualScheduler) await scheduler.start();
  started = true;
  logger.info({ port }, `Quorum is listening on http://${config.host}:${port} (health: /healthz)`);

  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // One limit for all the waiting (STOP_WAIT_MS): each step waits for what is left of it, so
      // that work stuck in several places cannot add up past what a supervisor allows. The work
      // waited for runs all along (the adapters' acknowledged work goes on while the door closes),
      // so it has the whole limit whichever step is waiting.
      const budget = deadlineIn(options.stopWaitMs ?? STOP_WAIT_MS);
      const waitFor = (work: Promise<unknown>, what: string) => finishWithin(work, budget.left(), logger, `stopping: ${what} still at work when the time to stop ran out; stopping goes on`);
      // The playground's chats are served on this same port: what its dispatcher is sending must
      // arrive before the door closes (closed first, each send in progress failed and was put off).
      // Likewise the requests in progress (a chat message's answer goes to the same port), then the
      // answers of card actions that outran their invoke (they go there too; a click in progress
      // when the stop began is among them once the first drain is done), then what they brought.
      if (playground) {
        await waitFor(scheduler.stop(), 'the scheduler');
        await waitFor(dispatcher.stop(), 'the dispatcher');
        await front.drain(budget.left());
        await playground.finishWork(budget.left());
        await front.drain(budget.left());
      }
      // First no new requests, and those already acknowledged handed over (what they queue goes
      // out meanwhile; a hand-over is one message to this thread, so it has a second even when
      // the time is spent); then the work they started.
      await front.closeDoor(Math.max(HANDOVER_FLOOR_MS, budget.left()));
      await waitFor(scheduler.stop(), 'the scheduler');
      await waitFor(dispatcher.stop(), 'the dispatcher');
      // Side by side, with what is left of the time. One that fails does not keep the others,
      // the door or the database from closing; the first failure is reported.
      const stopped = await Promise.allSettled([...adapters.map((adapter) => adapter.stop(budget.left())), ...(playground ? [playground.stop(budget.left())] : [])]);
      await front.close();
      if (!givenDb) await db.close();
      const failed = stopped.find((outcome): outcome is PromiseRejectedResult => outcome.status === 'rejected');
      if (failed) throw failed.reason;
    })());
  return { config, db, core, server, port, url: `http://127.0.0.1:${port}`, adapters, dispatcher, scheduler, ...(playground ? { playground } : {}), stop };
}

function offRoute(path: string, message: string): HttpMount {
  const router = express.Router();
  router.all('/', (_req, res) => {
    res.status(503).json({ error: 'platform_off', message });
  });
  return { path, router };
}

/** `npm start`: the configuration from the environment, the service until SIGINT or SIGTERM, and
 * a one-line reason and exit code 1 when it cannot start. The fault drills' service processes run
 * this too (test/support/drills/service-child.ts), with the scheduler's cron off and a short
 * dispatcher lease. */
export async function main(overrides: Pick<StartOptions, 'manualScheduler' | 'dispatcher'> = {}): Promise<void> {
  let config: Config;
  try {
    // eslint-disable-next-line no-restricted-syntax -- the one place the environment is read, and handed to loadConfig
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      // The logger is not configured yet; this is the one place that writes to stderr itself.
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger({ level: config.logLevel });
  let running: RunningQuorum | undefined;
  /** A signal that came while the service was starting: it stops as soon as it has started. */
  let stopWhenStarted: string | undefined;
  const shutdown = (signal: string) => {
    if (!running) {
      stopWhenStarted = signal;
      logger.info({ signal }, 'stopping as soon as the start is complete');
      return;
    }
    logger.info({ signal }, 'stopping');
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  // Listened for before anything starts: a signal sent the moment the log says the service is
  // listening (or while it starts) stops it as it should, rather than killing it half way.
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  // Nothing listening any more: stop, and exit 1 for whatever restarts the service.
  const lost = () => {
    void running?.stop().finally(() => process.exit(1));
  };
  try {
    running = await startQuorum({ config, logger, ...overrides, onLost: lost });
  } catch (error) {
    const problem = startupProblem(error, config);
    if (problem) logger.fatal(`Quorum could not start: ${problem}`);
    else logger.fatal({ err: error }, 'Quorum could not start');
    process.exit(1);
  }
  if (stopWhenStarted) shutdown(stopWhenStarted);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  await main();
}
