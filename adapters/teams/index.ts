// The Teams adapter: botbuilder's CloudAdapter at POST /api/messages on the service's own express
// app (receive.ts), with Bot Framework authentication from the configuration (auth.ts), and a thin
// bot (bot.ts) that turns activities into core calls and results into Adaptive Cards.
import type { Activity, ConversationReference, TurnContext } from 'botbuilder';
import express from 'express';
import type { Core } from '../../src/core.ts';
import type { ComponentState } from '../../src/http/server.ts';
import { createInFlight } from '../../src/kernel/in-flight.ts';
import type { Logger } from '../../src/logger.ts';
import { STOP_WAIT_MS, finishWithin, type PlatformAdapter } from '../../src/platform.ts';
import { NOT_AN_ACTIVITY } from './activity.ts';
import { appIdOf, createTeamsAuthentication, type EnabledTeamsConfig, type TeamsEndpointOverrides } from './auth.ts';
import { QuorumTeamsBot } from './bot.ts';
import { conversationIdOf } from './conversation.ts';
import { safeError } from './errors.ts';
import { createTeamsMessenger } from './messenger.ts';
import { createTeamsDirectory } from './directory.ts';
import { onceOnly } from './once.ts';
import { createPersonalChat } from './personal-chat.ts';
import { messagesRoute, QuorumCloudAdapter } from './receive.ts';
import { renderOutbound, textMessage } from './render.ts';
import { holdConsoleCapture } from './sdk-console.ts';

export type { TeamsEndpointOverrides } from './auth.ts';

export const TEAMS_MESSAGES_PATH = '/api/messages';

export const TURN_ERROR_TEXT = 'Sorry, something went wrong on our side and I could not finish that. Please try again in a moment.';

export interface TeamsAdapterOptions {
  config: EnabledTeamsConfig;
  core: Core;
  logger: Logger;
  /** Tests only: local stand-ins for Microsoft's identity endpoints (see auth.ts). */
  endpoints?: TeamsEndpointOverrides;
  /** Tests only: how long a card action's invoke waits for the core (card-actions.ts). */
  invokeBudgetMs?: number;
}

export interface TeamsAdapter extends PlatformAdapter {
  readonly platform: 'teams';
  /** The bot's Microsoft App ID; empty without authentication. */
  readonly appId: string;
  readonly cloudAdapter: QuorumCloudAdapter;
  /** Sends an activity into a stored conversation (proactively); returns the new message's id. */
  sendProactive(reference: Partial<ConversationReference>, activity: Partial<Activity>): Promise<string | undefined>;
}

export function createTeamsAdapter(opts: TeamsAdapterOptions): TeamsAdapter {
  const { config, core, logger } = opts;
  const appId = appIdOf(config);
  const adapter = new QuorumCloudAdapter(createTeamsAuthentication(config, logger, opts.endpoints));
  const personalChat = createPersonalChat({ adapter, appId, core, logger });
  const later = createInFlight();
  const bot = new QuorumTeamsBot({
    core,
    logger,
    personalChat,
    continueTurn: (reference, logic) => adapter.continueConversationAsync(appId, reference, logic),
    later,
    ...(opts.invokeBudgetMs !== undefined ? { invokeBudgetMs: opts.invokeBudgetMs } : {}),
  });

  adapter.onTurnError = async (context: TurnContext, error: Error) => {
    const activity = context.activity;
    logger.error(
      { activityId: activity.id, activityType: activity.type, conversationId: conversationIdOf(activity), err: safeError(error) },
      'Teams turn failed',
    );
    // An invoke is answered by its invoke response; a message in the chat would only confuse.
    if (activity.type === 'invoke') return;
    try {
      await context.sendActivity(textMessage(TURN_ERROR_TEXT));
    } catch (sendError) {
      logger.warn({ activityId: activity.id, err: safeError(sendError) }, 'could not tell the person the turn failed');
    }
  };

  const router = express.Router();
  router.post(
    '/',
    express.json({ limit: '1mb' }),
    messagesRoute({ adapter, logic: onceOnly((context) => bot.run(context), { core, logger }), logger, unauthenticated: config.mode === 'unauthenticated' }),
  );
  router.all('/', (_req, res) => {
    res.status(405).set('Allow', 'POST').json({ error: 'method_not_allowed' });
  });
  // A body that cannot be read (not JSON, too large, an unsupported charset or encoding, cut
  // short) is the caller's fault too: the 4xx body-parser chose, not the service's 500.
  router.use((error: unknown, _req: express.Request, res: express.Response, next: express.NextFunction) => {
    const { type, status } = error as { type?: unknown; status?: unknown };
    if (typeof status !== 'number' || status < 400 || status > 499) return next(error);
    const why =
      type === 'entity.too.large' ? 'the body is larger than 1 MB' : type === 'entity.parse.failed' ? 'the body is not a JSON object' : 'the body could not be read';
    res.status(status).json({ error: 'invalid_activity', message: `${NOT_AN_ACTIVITY}: ${why}.` });
  });

  const messenger = createTeamsMessenger({ adapter, appId, render: renderOutbound });
  const directory = createTeamsDirectory({ adapter, appId });
  const detail =
    config.mode === 'authenticated'
      ? `POST ${TEAMS_MESSAGES_PATH} for app ${config.appId} (${config.appType})`
      : `POST ${TEAMS_MESSAGES_PATH} without authentication (emulator only)`;

  let releaseConsole: (() => void) | undefined;
  const finishWork = (waitMs = STOP_WAIT_MS) =>
    finishWithin(later.settled(), waitMs, logger, 'Teams: stopping with card or message actions still at work after their invoke', () => ({ running: later.size() }));

  return {
    platform: 'teams',
    appId,
    cloudAdapter: adapter,
    messenger,
    directory,
    mounts: [{ path: TEAMS_MESSAGES_PATH, router }],
    state: (): ComponentState => ({ state: 'on', detail }),
    start: async () => {
      releaseConsole ??= holdConsoleCapture();
      logger.info({ appId: appId || undefined, mode: config.mode }, 'Teams: receiving activities at POST /api/messages');
    },
    // A card or message action that outran its invoke is still at work: it finishes and its
    // answer is sent before the database closes.
    finishWork,
    stop: async (waitMs) => {
      // The route belongs to the service's HTTP server, which closes it (the requests in progress
      // answered first).
      await finishWork(waitMs);
      releaseConsole?.();
      releaseConsole = undefined;
    },
    sendProactive: async (reference, activity) => {
      let id: string | undefined;
      await adapter.continueConversationAsync(appId, reference, async (context) => {
        id = (await context.sendActivity(activity))?.id;
      });
      return id;
    },
  };
}
