// The Slack adapter: a Bolt app whose receiver only moves bytes (HTTP at POST /slack/events on the
// service's own express app, or Socket Mode), and listeners that translate Slack's payloads into
// core calls and the results into Block Kit through the cards. No business rules here.
import './lazy-undici.ts';
import {
  App,
  defaultProcessEventErrorHandler as defaultSocketModeErrorHandler,
  ExpressReceiver,
  HTTPModuleFunctions,
  SocketModeReceiver,
  type ReceiverEvent,
  type ReceiverProcessEventErrorHandlerArgs,
  type SocketModeReceiverProcessEventErrorHandlerArgs,
} from '@slack/bolt';
import { WebClient, type FetchFunction, type WebClientOptions } from '@slack/web-api';
import express from 'express';
import type { SlackConfig } from '../../src/config.ts';
import type { Core } from '../../src/core.ts';
import type { ComponentState } from '../../src/http/server.ts';
import type { Logger } from '../../src/logger.ts';
import { STOP_WAIT_MS, finishWithin, type PlatformAdapter } from '../../src/platform.ts';
import { ackFirst } from './ack-first.ts';
import { createWorkQueue, type WorkQueue } from './work-queue.ts';
import { within } from '../../src/kernel/within.ts';
import { deadlineIn } from '../../src/kernel/deadline.ts';
import { createInFlight, type InFlight } from '../../src/kernel/in-flight.ts';
import type { HandedOver } from '../../src/http/front-door.ts';
import type { IncomingMessage } from 'node:http';
import { createBoltLogger } from './bolt-logger.ts';
import { isSlackUnreachable, SlackIdentity, slackErrorCode } from './identity.ts';
import { registerListeners } from './listeners/index.ts';
import { createSlackMessenger } from './messenger.ts';
import { createSlackDirectory } from './directory.ts';
import { onceOnly, OnceOnlyReceiver, SlackRequestRefused } from './once.ts';
import { refuseOutOfTimeRequests } from './request-time.ts';
import { renderOutbound } from './render.ts';

export const SLACK_EVENTS_PATH = '/slack/events';

/** How long start() waits for Socket Mode to connect before carrying on (it keeps trying). */
const SOCKET_CONNECT_WAIT_MS = 10_000;
/** The work after the ack: two requests at a time (`npm run bench -- ack` compared 1, 2, 4 and 8:
 * two keeps the ack at bare Bolt's and answers a burst of slash commands within a second), none
 * waiting more than a second and a half for its turn (a form's trigger_id lasts 3 s). */
const AFTER_ACK_WORK = { concurrency: 2, maxWaitMs: 1_500 };
/** How long an answer through a response_url may take. Bolt's respond() sets no limit of its own,
 * and a response_url that never answers would hold the work (and a stop) for good. */
export const RESPOND_TIMEOUT_MS = 10_000;

/** The fetch the Bolt app and its Web API clients use: a call that brings its own limit (the
 * WebClient's `timeout`) keeps it; one that brings none (respond()) is given `ms`. */
export function fetchWithin(ms: number): FetchFunction {
  return (url, init) => fetch(url, init?.signal ? init : { ...init, signal: AbortSignal.timeout(ms) });
}

export interface SlackAdapterOptions {
  config: Exclude<SlackConfig, { mode: 'off' }>;
  core: Core;
  logger: Logger;
  /** Tests only: the limit for an answer through a response_url (RESPOND_TIMEOUT_MS otherwise). */
  respondTimeoutMs?: number;
}

export async function createSlackAdapter(opts: SlackAdapterOptions): Promise<PlatformAdapter> {
  const { config, core, logger } = opts;
  const boltLogger = createBoltLogger(logger, [
    config.botToken,
    config.signingSecret,
    config.mode === 'socket' ? config.appToken : undefined,
  ]);
  // Replies to people (views.publish, chat.postMessage in threads) retry a little, not for
  // half an hour as the WebClient would by default; proactive messages go through the outbox.
  const clientOptions: WebClientOptions = {
    ...(config.apiUrl ? { slackApiUrl: config.apiUrl } : {}),
    retryConfig: { retries: 2, factor: 2, minTimeout: 250, maxTimeout: 2_000 },
    timeout: 10_000,
    fetch: fetchWithin(opts.respondTimeoutMs ?? RESPOND_TIMEOUT_MS),
  };
  const identity = new SlackIdentity(
    new WebClient(config.botToken, { ...clientOptions, logger: boltLogger, retryConfig: { retries: 0 } }),
  );
  // Single workspace: one bot token. Our own authorize (rather than `token`) keeps a failing
  // auth.test from breaking every request until a restart; replies that need no Web API call
  // (slash command acks) still work while Slack refuses the token.
  const authorize = async () => {
    const who = await identity.get();
    return who
      ? { botToken: config.botToken, botId: who.botId, botUserId: who.userId, teamId: who.teamId }
      : { botToken: config.botToken };
  };

  // The directory asks Slack as people wait (a form opening): a short timeout, a retry or two.
  const directory = createSlackDirectory(new WebClient(config.botToken, { ...clientOptions, logger: boltLogger }));
  const messenger = createSlackMessenger({ token: config.botToken, ...(config.apiUrl ? { apiUrl: config.apiUrl } : {}), render: renderOutbound });

  // Bolt's conversation store is off: nothing here keeps state per conversation in memory (it
  // would be lost on a restart and differ between instances), and the default store built an
  // Error for every request it found nothing for.
  const boltApp = (receiver: OnceOnlyReceiver) => new App({ receiver, authorize, logger: boltLogger, clientOptions, convoStore: false });

  if (config.mode === 'http') {
    const router = express.Router();
    router.post(SLACK_EVENTS_PATH, refuseOutOfTimeRequests(logger));
    const receiver = new ExpressReceiver({
      signingSecret: config.signingSecret,
      router,
      endpoints: SLACK_EVENTS_PATH,
      logger: boltLogger,
      // The HTTP answer goes out as soon as ackFirst() acks, before any listener's work.
      processBeforeResponse: false,
      processEventErrorHandler: answerRefusal,
    });
    const once = new OnceOnlyReceiver(receiver, { core, logger });
    const app = boltApp(once);
    const queue = guard(app, { core, logger });
    registerListeners(app, { core, logger });
    // The clicks and commands the front door acknowledged, from the moment they are handed over
    // until their work is done (stopping waits for them as for the queue).
    const handedOver = createInFlight();
    const connection = () => `http ${SLACK_EVENTS_PATH}`;
    return {
      platform: 'slack',
      messenger,
      directory,
      mounts: [{ path: '/', router }],
      // Clicks and commands are acknowledged on the front door's thread, never behind the work of earlier ones.
      earlyAnswers: { path: SLACK_EVENTS_PATH, module: new URL('./front-ack.mjs', import.meta.url).href, options: { signingSecret: config.signingSecret }, byMessage: true },
      // and handed over as messages, read and checked there: to Bolt as its receiver would give them.
      handOver: (request) => handedOver.track(deliverHandedOver(once, request, logger)),
      state: () => stateFrom(identity, connection()),
      start: async () => {
        await checkIdentity(identity, logger);
      },
      finishWork: (waitMs) => finishWork(queue, logger, waitMs, handedOver),
      // The routes belong to the service's HTTP server, which closes them; the work already
      // acknowledged finishes first, before the database closes.
      stop: (waitMs) => finishWork(queue, logger, waitMs, handedOver),
    };
  }

  const receiver = new SocketModeReceiver({
    appToken: config.appToken,
    logger: boltLogger,
    installerOptions: { clientOptions: { ...clientOptions } },
    processEventErrorHandler: acknowledgeRefusal,
  });
  // Not `socketMode: true`: Bolt only uses it to build a receiver, and this one is given (guarded).
  const app = boltApp(new OnceOnlyReceiver(receiver, { core, logger }));
  const queue = guard(app, { core, logger });
  registerListeners(app, { core, logger });
  let socket: ComponentState = { state: 'on', detail: 'socket mode not started' };
  receiver.client.on('connected', () => (socket = { state: 'on', detail: 'socket mode connected' }));
  receiver.client.on('reconnecting', () => (socket = { state: 'on', detail: 'socket mode reconnecting' }));
  let started = false;
  return {
    platform: 'slack',
    messenger,
    directory,
    mounts: [],
    state: () => (socket.state === 'error' ? socket : stateFrom(identity, socket.detail ?? 'socket mode')),
    start: async () => {
      await checkIdentity(identity, logger);
      socket = { state: 'on', detail: 'socket mode connecting' };
      started = true;
      const connecting = app.start().then(
        () => {
          socket = { state: 'on', detail: 'socket mode connected' };
        },
        (error: unknown) => {
          socket = { state: 'error', detail: `socket mode: ${slackErrorCode(error)}` };
          if (isSlackUnreachable(error)) {
            logger.error({ err: error }, 'Slack Socket Mode could not connect: Slack cannot be reached from this machine (check its internet access, proxy or firewall); the tokens were not checked');
          } else logger.error({ err: error, slackError: slackErrorCode(error) }, 'Slack Socket Mode could not connect: Slack refused it (check SLACK_APP_TOKEN, an app-level token with connections:write)');
        },
      );
      await within(connecting, SOCKET_CONNECT_WAIT_MS);
    },
    finishWork: (waitMs) => finishWork(queue, logger, waitMs),
    stop: async (waitMs = STOP_WAIT_MS) => {
      if (!started) return;
      started = false;
      // Disconnecting and the work share the one wait.
      const limit = deadlineIn(waitMs);
      const disconnecting = app.stop().catch((error: unknown) => logger.warn({ err: error }, 'Slack Socket Mode did not disconnect cleanly'));
      await finishWithin(disconnecting, limit.left(), logger, 'Slack Socket Mode was still disconnecting when the time to stop ran out');
      await finishWork(queue, logger, limit.left());
      socket = { state: 'on', detail: 'socket mode disconnected' };
    },
  };
}

/** A request refused before Bolt (once.ts) gets its own status and reason; anything else is Bolt's. */
async function answerRefusal(args: ReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  const { error, response } = args;
  if (!(error instanceof SlackRequestRefused) || response.headersSent) return HTTPModuleFunctions.defaultProcessEventErrorHandler(args);
  response.writeHead(error.status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(error.body));
  return true;
}

/** Socket Mode has no status to answer with: a refused request is acknowledged (and was logged). */
async function acknowledgeRefusal(args: SocketModeReceiverProcessEventErrorHandlerArgs): Promise<boolean> {
  return args.error instanceof SlackRequestRefused ? true : defaultSocketModeErrorHandler(args);
}

/** auth.test at start: a refused token is reported on /healthz, and does not stop the service. */
async function checkIdentity(identity: SlackIdentity, logger: Logger): Promise<void> {
  try {
    const who = await identity.check();
    logger.info({ botUserId: who.userId, teamId: who.teamId }, 'Slack: connected as the bot user');
  } catch (error) {
    if (isSlackUnreachable(error)) {
      logger.error({ err: error, slackError: slackErrorCode(error) }, 'Slack: could not reach Slack to check the bot token (check this machine\u2019s internet access, proxy or firewall); asking again later');
    } else logger.error({ err: error, slackError: slackErrorCode(error) }, 'Slack: auth.test failed; Slack features will not work until the token is fixed');
  }
}

function stateFrom(identity: SlackIdentity, connection: string): ComponentState {
  const known = identity.state();
  if (known.known) return { state: 'on', detail: connection };
  if (known.error) return { state: 'error', detail: `auth.test failed: ${known.error}` };
  return { state: 'on', detail: `${connection} (bot identity not checked yet)` };
}

/** At stop: waits for the acknowledged requests' work (and those handed over by the front door), at most `waitMs`. */
function finishWork(queue: WorkQueue, logger: Logger, waitMs = STOP_WAIT_MS, handedOver?: InFlight): Promise<void> {
  return finishWithin(Promise.all([queue.idle(), handedOver?.settled()]), waitMs, logger, 'Slack: stopping with acknowledged requests still at work', () => ({ ...queue.size(), ...(handedOver ? { handedOver: handedOver.size() } : {}) }));
}

/** Before any listener, in this order: acknowledge (no database work before the ack), then claim
 * the request's key so that a retry or a replay does nothing again. */
function guard(app: App, deps: { core: Core; logger: Logger }): WorkQueue {
  const queue = createWorkQueue(AFTER_ACK_WORK);
  app.use(ackFirst(deps));
  app.use(onceOnly({ ...deps, queue }));
  return queue;
}

/** A click, slash command, shortcut or event the front door read, checked (signature, time, shape)
 * and acknowledged (front-ack.mjs): to Bolt as the HTTP receiver gives a request (its retry headers
 * read by Bolt's own functions), through the once-only guard, with an ack that does nothing. */
async function deliverHandedOver(once: OnceOnlyReceiver, request: HandedOver, logger: Logger): Promise<void> {
  const headers = { headers: request.headers } as IncomingMessage;
  try {
    await once.deliver({
      body: request.body as ReceiverEvent['body'],
      ack: async () => undefined,
      retryNum: HTTPModuleFunctions.extractRetryNumFromHTTPRequest(headers),
      retryReason: HTTPModuleFunctions.extractRetryReasonFromHTTPRequest(headers),
      customProperties: {},
    });
  } catch (error) {
    // The person had their ack; the refusal or failure is the log's (as the receiver's error handler would).
    if (error instanceof SlackRequestRefused) logger.warn({ reason: error.body.message }, 'Slack: a request the front door acknowledged was refused here');
    else logger.error({ err: error }, 'Slack: a request handed over by the front door failed');
  }
}
