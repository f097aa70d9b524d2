// The playground: a chat in the browser that drives the real bot, with no Slack or Teams account.
// The page is the Teams channel. It posts Bot Framework activities (messages, Universal Action
// invokes) to a Teams adapter of its own at /playground/api/messages, through the same receive
// path as Teams (unauthenticated, loopback serviceUrl only); the adapter's replies, card updates,
// new 1:1 chats and the outbox's proactive posts come back to the Bot Connector stand-in the
// playground serves (connector.ts), and from there to the page over server-sent events. Cards are
// rendered on the page by Microsoft's adaptivecards package; a toggle shows the Slack Block Kit
// of the same message (slack-view.ts). A clock control moves the service's time forward so that
// scheduled reminders arrive (clock.ts). It answers only browsers on this machine unless
// PLAYGROUND_ALLOW_REMOTE=true.
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type NextFunction, type Request, type Response } from 'express';
import type { PlaygroundConfig } from '../../src/config.ts';
import type { Core } from '../../src/core.ts';
import { DeliveryFailure, type Messenger } from '../../src/delivery/port.ts';
import type { HttpMount } from '../../src/http/server.ts';
import type { Logger } from '../../src/logger.ts';
import type { PrismaClient } from '../../src/persistence/database.ts';
import { isLoopbackServiceUrl, readActivity } from '../teams/activity.ts';
import { createTeamsAdapter, type TeamsAdapter } from '../teams/index.ts';
import { holdConsoleCapture } from '../teams/sdk-console.ts';
import { PlaygroundClock } from './clock.ts';
import { connectorRouter } from './connector.ts';
import { DEMO_BOARD_NAME, hasDemoBoard, resetDemo, seedDemoIfEmpty } from './demo.ts';
import { baseConversationId, isPlaygroundConversation, isPlaygroundReference, PLAYGROUND_BOT, PLAYGROUND_CHANNEL, PLAYGROUND_PATHS, PLAYGROUND_TEAM, PLAYGROUND_TENANT_ID } from './ids.ts';
import { isLoopbackAddress } from './loopback.ts';
import { playgroundPeople } from './people.ts';
import { SlackViews } from './slack-view.ts';
import { Transcript, type TranscriptEvent } from './transcript.ts';
import { peerAddress } from '../../src/http/front-door.ts';

export { PlaygroundClock } from './clock.ts';

const PAGE_DIR = fileURLToPath(new URL('./page/', import.meta.url));
const require = createRequire(import.meta.url);

/** What the playground's clock control needs of the service: run what is due now, and send it. */
export interface ScheduledWork {
  scheduler: { tick(): Promise<unknown> };
  dispatcher: { poke(): void };
}

export interface PlaygroundOptions {
  config: PlaygroundConfig;
  logger: Logger;
}

/** The limits on the clock control: from a minute to a year in one step. */
const MAX_ADVANCE_MINUTES = 366 * 24 * 60;

export class Playground {
  /** The clock the core, the scheduler and the dispatcher read while the playground is on. */
  readonly clock = new PlaygroundClock();
  readonly transcript = new Transcript();
  private readonly slackViews = new SlackViews();
  private teams: TeamsAdapter | undefined;
  private prisma: PrismaClient | undefined;
  private work: ScheduledWork | undefined;
  private serviceUrl: string | undefined;
  private releaseConsole: (() => void) | undefined;
  /** The address to open, once the server listens. */
  url: string | undefined;

  constructor(private readonly options: PlaygroundOptions) {}

  /** Builds the playground's Teams adapter around the core. Call once, before `mounts`. */
  attach(deps: { core: Core; prisma: PrismaClient; invokeBudgetMs?: number }): void {
    this.prisma = deps.prisma;
    this.teams = createTeamsAdapter({
      config: { mode: 'unauthenticated' },
      core: deps.core,
      logger: this.options.logger.child({ platform: 'teams', playground: true }),
      ...(deps.invokeBudgetMs !== undefined ? { invokeBudgetMs: deps.invokeBudgetMs } : {}),
    });
  }

  /** Waits for the card actions that outran their invoke: their answers go to the service's own
   * port, so its stop calls this before it closes its door. At most `waitMs` (STOP_WAIT_MS). */
  async finishWork(waitMs?: number): Promise<void> {
    await this.teams?.finishWork(waitMs);
  }

  /** The scheduler and dispatcher the clock control runs after moving time. */
  drive(work: ScheduledWork): void {
    this.work = work;
  }

  /**
   * The Teams messenger for the dispatcher: the playground's conversations go to the playground's
   * connector (at the port the server listens on now: a stored reference may name an older one);
   * everything else goes to Teams itself, when Teams is configured.
   */
  messenger(teams: Messenger | undefined): Messenger {
    const own = this.teams?.messenger;
    if (!own) throw new Error('Playground.attach must be called before Playground.messenger');
    const here = (reference: Record<string, unknown> | undefined) => ({ ...reference, serviceUrl: this.serviceUrl });
    const notTeams = () => new DeliveryFailure('permanent', 'teams_off', 'Teams is off: set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD.');
    return {
      platform: 'teams',
      send: (target, messages) => {
        if (isPlaygroundReference(target.reference)) return own.send({ ...target, reference: here(target.reference) }, messages);
        if (teams) return teams.send(target, messages);
        return Promise.reject(notTeams());
      },
      update: (sent, message) => {
        if (isPlaygroundReference(sent.reference) || isPlaygroundConversation(sent.conversationId)) return own.update({ ...sent, reference: here(sent.reference) }, message);
        if (teams) return teams.update(sent, message);
        return Promise.reject(notTeams());
      },
    };
  }

  mounts(): HttpMount[] {
    const teams = this.teams;
    if (!teams) throw new Error('Playground.attach must be called before Playground.mounts');
    const [messages] = teams.mounts;
    if (!messages) throw new Error('the Teams adapter has no messages route');
    const guard = this.loopbackGuard();
    const router = express.Router();
    // Only the playground's own paths are guarded: the other routes on this server are not its.
    router.use(PLAYGROUND_PATHS.assets, guard);
    router.get(PLAYGROUND_PATHS.page, guard, (_req, res) => res.sendFile(path.join(PAGE_DIR, 'index.html')));
    router.get(`${PLAYGROUND_PATHS.assets}/vendor/adaptivecards.js`, (_req, res) => res.sendFile(require.resolve('adaptivecards/dist/adaptivecards.min.js')));
    router.use(PLAYGROUND_PATHS.assets, express.static(PAGE_DIR, { index: false, fallthrough: true }));
    router.use(PLAYGROUND_PATHS.api, this.api());
    // The page's activities: shown in the chat as sent, then handed to the Teams adapter's route.
    router.use(PLAYGROUND_PATHS.messages, express.json({ limit: '1mb' }), (req, res, next) => this.recordInbound(req, res, next), messages.router);
    router.use(PLAYGROUND_PATHS.messages, (error: unknown, _req: Request, res: Response, next: NextFunction) => {
      const status = (error as { status?: unknown }).status;
      if (typeof status !== 'number' || status < 400 || status > 499) return next(error);
      res.status(status).json({ error: 'invalid_activity', message: 'The playground could not read this activity as JSON.' });
    });
    router.use(
      PLAYGROUND_PATHS.connector,
      connectorRouter({ transcript: this.transcript, people: () => this.people(), now: this.clock.now }),
    );
    return [{ path: '/', router }];
  }

  /** Called once the server listens: where the bot finds the connector, and the page's address. */
  listening(port: number, host: string): void {
    this.serviceUrl = `http://127.0.0.1:${port}${PLAYGROUND_PATHS.connector}/`;
    const loopbackOrAll = host === '0.0.0.0' || host === '::' || isLoopbackAddress(host);
    this.url = `http://localhost:${port}/`;
    if (!loopbackOrAll) {
      this.options.logger.warn({ host }, 'Playground: off, because the server listens only on a non-loopback address and the bot reaches the playground through 127.0.0.1');
      this.url = undefined;
    }
  }

  async start(): Promise<void> {
    if (this.options.config.demo && this.prisma && (await seedDemoIfEmpty(this.prisma, this.clock.now()))) {
      this.options.logger.info({ board: DEMO_BOARD_NAME }, 'Playground: the database had no board, so the demo board was made (invented people and data; npm run demo:reset puts it back, PLAYGROUND_DEMO=off skips it)');
    }
    this.slackViews.start();
    // As the Teams adapter's own start does, without its log line about /api/messages (the
    // playground's route is its own): what botbuilder prints goes into the request's log line.
    this.releaseConsole ??= holdConsoleCapture();
    if (this.url) this.options.logger.info({ url: this.url }, `Playground: open ${this.url} in your browser (a chat with Quorum as a board's clerk, chair or members; no Slack or Teams needed)`);
  }

  async stop(waitMs?: number): Promise<void> {
    // Work that came after finishWork() finishes before the database closes (its answer, if any,
    // no longer gets in: the door is closed by now).
    await this.teams?.stop(waitMs);
    this.slackViews.stop();
    this.releaseConsole?.();
    this.releaseConsole = undefined;
  }

  private people() {
    if (!this.prisma) throw new Error('Playground.attach must be called first');
    return playgroundPeople(this.prisma);
  }

  /** Only browsers on this machine: the connection comes from loopback, and not through a proxy
   * (a reverse proxy on this machine connects from loopback too, for browsers anywhere). */
  private loopbackGuard() {
    const allowRemote = this.options.config.allowRemote;
    return (req: Request, res: Response, next: NextFunction) => {
      const proxied = req.headers['x-forwarded-for'] !== undefined || req.headers.forwarded !== undefined;
      if (allowRemote || (!proxied && isLoopbackAddress(peerAddress(req) ?? ''))) return next();
      res.status(403).json({ error: 'playground_local_only', message: 'The playground answers browsers on the machine Quorum runs on, not through a proxy. Set PLAYGROUND_ALLOW_REMOTE=true to allow others.' });
    };
  }

  private api(): express.Router {
    const api = express.Router();
    api.get('/state', async (_req, res) => {
      res.json({
        tenantId: PLAYGROUND_TENANT_ID,
        bot: PLAYGROUND_BOT,
        team: PLAYGROUND_TEAM,
        channel: PLAYGROUND_CHANNEL,
        serviceUrl: this.serviceUrl,
        people: await this.people(),
        clock: { now: this.clock.now().toISOString(), offsetMs: this.clock.offset },
        demo: this.prisma ? await hasDemoBoard(this.prisma) : false,
      });
    });
    api.post('/demo/reset', async (_req, res) => {
      if (!this.prisma) throw new Error('Playground.attach must be called first');
      await resetDemo(this.prisma, this.clock.now());
      this.transcript.clear();
      // The fresh demo's cards (owners' actions, the round's requests) go to the chats now.
      this.work?.dispatcher.poke();
      this.options.logger.info('Playground: the demo board was reset');
      res.json({ reset: true });
    });
    api.get('/transcript', (_req, res) => {
      res.json({ messages: this.transcript.messages() });
    });
    api.get('/events', (req, res) => {
      res.writeHead(200, { 'Content-Type': 'text/event-stream; charset=utf-8', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
      res.write(': connected\n\n');
      const send = (event: TranscriptEvent) => res.write(`data: ${JSON.stringify(event)}\n\n`);
      const unsubscribe = this.transcript.subscribe(send);
      const heartbeat = setInterval(() => res.write(': still here\n\n'), 20_000);
      req.on('close', () => {
        clearInterval(heartbeat);
        unsubscribe();
      });
    });
    api.post('/slack', express.json({ limit: '2mb' }), (req, res) => {
      const body = (req.body ?? {}) as { card?: unknown; text?: unknown };
      const view = body.card !== undefined ? this.slackViews.forCard(body.card) : typeof body.text === 'string' ? this.slackViews.forText(body.text) : undefined;
      if (!view) {
        res.status(404).json({ error: 'no_slack_view', message: 'This card was sent before the service last started, so its Slack version is not known. Run the command again.' });
        return;
      }
      res.json(view);
    });
    api.post('/clock', express.json(), async (req, res) => {
      const minutes = Number((req.body as { advanceMinutes?: unknown } | undefined)?.advanceMinutes);
      if (!Number.isInteger(minutes) || minutes < 1 || minutes > MAX_ADVANCE_MINUTES) {
        res.status(400).json({ error: 'invalid_advance', message: `advanceMinutes must be a whole number of minutes from 1 to ${MAX_ADVANCE_MINUTES}.` });
        return;
      }
      this.clock.advance(minutes * 60_000);
      this.options.logger.info({ advanceMinutes: minutes, now: this.clock.now().toISOString() }, 'Playground: the clock moved forward');
      // What fell due in the jump goes now, not at the next minute's tick.
      await this.work?.scheduler.tick();
      this.work?.dispatcher.poke();
      res.json({ now: this.clock.now().toISOString(), offsetMs: this.clock.offset });
    });
    return api;
  }

  /** Shows what the person sent in the chat (a message), and keeps a card that an invoke's
   * response replaced in the person's own chat, as Teams does. */
  private recordInbound(req: Request, res: Response, next: NextFunction): void {
    const activity = (req.body ?? {}) as { type?: unknown; id?: unknown; text?: unknown; from?: { id?: unknown; name?: unknown }; conversation?: { id?: unknown; conversationType?: unknown }; replyToId?: unknown };
    const conversationId = typeof activity.conversation?.id === 'string' ? baseConversationId(activity.conversation.id) : undefined;
    // Only what the Teams route will take is shown (it refuses the rest with its own answer).
    if (!conversationId || !isPlaygroundConversation(conversationId) || !readActivity(req.body).ok || !isLoopbackServiceUrl(String((req.body as { serviceUrl?: unknown }).serviceUrl))) return next();
    if (activity.type === 'message' && typeof activity.text === 'string') {
      this.transcript.post({
        id: typeof activity.id === 'string' ? activity.id : this.transcript.newId(),
        conversationId,
        from: { id: String(activity.from?.id ?? ''), name: String(activity.from?.name ?? ''), bot: false },
        text: activity.text.replace(/<at>([^<]*)<\/at>/g, '@$1'),
        textFormat: 'plain',
        at: this.clock.now().toISOString(),
      });
    }
    if (activity.type === 'invoke' && activity.conversation?.conversationType === 'personal' && typeof activity.replyToId === 'string') {
      const replyToId = activity.replyToId;
      const json = res.json.bind(res);
      res.json = (body: unknown) => {
        const answer = body as { type?: unknown; value?: unknown } | undefined;
        if (answer?.type === 'application/vnd.microsoft.card.adaptive') {
          this.transcript.update(conversationId, replyToId, { attachments: [{ contentType: 'application/vnd.microsoft.card.adaptive', content: answer.value }] }, this.clock.now().toISOString());
        }
        return json(body);
      };
    }
    next();
  }
}
