// POST /api/messages: one Bot Framework activity in, botbuilder's turn, one answer out.
// CloudAdapter.process would do this too, but it prints every failure to the console and sends
// its message to the caller (a refused token came back as HTTP 500 with "request to
// https://login.botframework.com/... failed"). Here: a body that is not an activity is a 400 that
// says what is wrong; a caller that does not prove it is the Bot Framework gets 401 with a fixed
// body; anything else that fails is a 500 with a fixed body. Each is one JSON log line, with
// whatever botbuilder wrote to the console during the request folded into it.
import { CloudAdapter, type Activity, type InvokeResponse, type TurnContext } from 'botbuilder';
import type { RequestHandler } from 'express';
import type { Logger } from '../../src/logger.ts';
import { isLoopbackServiceUrl, readActivity } from './activity.ts';
import { TeamsAuthenticationRefused } from './auth.ts';
import { safeError } from './errors.ts';
import { captureConsole, type ConsoleLine } from './sdk-console.ts';

export const UNAUTHORIZED_BODY = { error: 'unauthorized', message: 'This request did not prove it comes from the Bot Framework.' } as const;
export const INTERNAL_ERROR_BODY = { error: 'internal_error', message: 'Quorum could not handle this activity.' } as const;
export const SERVICE_URL_REFUSED_BODY = {
  error: 'service_url_not_allowed',
  message: 'Without authentication, Quorum only answers activities whose serviceUrl is a loopback address (a local emulator).',
} as const;

/** botbuilder's CloudAdapter, with its turn reachable without its HTTP handling. */
export class QuorumCloudAdapter extends CloudAdapter {
  /** Authenticates the activity and runs its turn; rejects with TeamsAuthenticationRefused when
   * the caller did not prove who it is. The invoke response, if any, is the HTTP answer. */
  receive(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

export interface MessagesRouteOptions {
  adapter: QuorumCloudAdapter;
  logic: (context: TurnContext) => Promise<void>;
  logger: Logger;
  /** TEAMS_ALLOW_UNAUTHENTICATED: nobody vouches for the activity, so its serviceUrl must be loopback. */
  unauthenticated: boolean;
}

/** At most this many console lines are kept per request (botbuilder writes one or two). */
const MAX_CONSOLE_LINES = 10;

export function messagesRoute(options: MessagesRouteOptions): RequestHandler {
  const { adapter, logic, logger, unauthenticated } = options;
  return async (req, res) => {
    const reading = readActivity(req.body);
    if (!reading.ok) {
      res.status(400).json({ error: 'invalid_activity', message: reading.message });
      return;
    }
    const activity = reading.activity;
    const what = { activityId: activity.id, activityType: activity.type, channelId: activity.channelId };
    if (unauthenticated && !isLoopbackServiceUrl(activity.serviceUrl)) {
      logger.warn(what, 'Teams activity refused: its serviceUrl is not a loopback address, and nothing is authenticated');
      res.status(403).json(SERVICE_URL_REFUSED_BODY);
      return;
    }

    const said: ConsoleLine[] = [];
    const printed = (): { sdk?: ConsoleLine[] } => (said.length > 0 ? { sdk: said.slice(0, MAX_CONSOLE_LINES) } : {});
    let answer: InvokeResponse | undefined;
    try {
      answer = await captureConsole(
        (line) => said.push(line),
        () => adapter.receive(req.headers.authorization ?? '', activity, logic),
      );
    } catch (error) {
      if (error instanceof TeamsAuthenticationRefused) {
        if (error.keysUnavailable) {
          logger.error({ ...what, reason: error.reason, ...printed() }, 'Teams activity refused: its token could not be checked (signing keys unavailable)');
        } else {
          logger.warn({ ...what, reason: error.reason, ...printed() }, 'Teams activity refused: it did not prove it comes from the Bot Framework');
        }
        res.status(401).set('WWW-Authenticate', 'Bearer').json(UNAUTHORIZED_BODY);
        return;
      }
      logger.error({ ...what, err: safeError(error), ...printed() }, 'Teams activity failed');
      res.status(500).json(INTERNAL_ERROR_BODY);
      return;
    }
    if (said.length > 0) logger.warn({ ...what, ...printed() }, 'botbuilder wrote to the console');
    res.status(answer?.status ?? 200);
    if (answer?.body === undefined) res.end();
    else res.json(answer.body);
  };
}
