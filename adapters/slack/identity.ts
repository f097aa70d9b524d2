// Who the bot is in its workspace, from auth.test: asked once at start, remembered once known.
// Bolt's own single-token authorisation calls auth.test in its constructor and keeps a rejected
// promise for ever when it fails (and leaves it unhandled), so a bad token would crash the service
// or break it until a restart. This asks again (at most every `retryAfterMs`) until it succeeds.
import type { WebClient } from '@slack/web-api';

export interface BotIdentity {
  userId: string;
  botId: string;
  teamId: string;
}

export type IdentityState = { known: true; identity: BotIdentity } | { known: false; error?: string };

export class SlackIdentity {
  private identity: BotIdentity | undefined;
  private lastError: string | undefined;
  private lastFailureAt = 0;
  private pending: Promise<BotIdentity> | undefined;

  constructor(
    private readonly client: WebClient,
    private readonly retryAfterMs = 30_000,
    private readonly now: () => number = Date.now,
  ) {}

  state(): IdentityState {
    if (this.identity) return { known: true, identity: this.identity };
    return this.lastError ? { known: false, error: this.lastError } : { known: false };
  }

  /** Calls auth.test now (unless already known). Throws with Slack's error code on failure. */
  async check(): Promise<BotIdentity> {
    if (this.identity) return this.identity;
    this.pending ??= this.client.auth
      .test()
      .then((result) => {
        if (!result.user_id || !result.bot_id || !result.team_id) throw new Error('auth.test did not say who the bot is');
        this.identity = { userId: result.user_id, botId: result.bot_id, teamId: result.team_id };
        this.lastError = undefined;
        return this.identity;
      })
      .catch((error: unknown) => {
        this.lastError = slackErrorCode(error);
        this.lastFailureAt = this.now();
        throw error;
      })
      .finally(() => {
        this.pending = undefined;
      });
    return this.pending;
  }

  /** The identity if known; asks Slack again when the last failure is old enough. Never throws. */
  async get(): Promise<BotIdentity | undefined> {
    if (this.identity) return this.identity;
    if (this.lastError && this.now() - this.lastFailureAt < this.retryAfterMs) return undefined;
    try {
      return await this.check();
    } catch {
      return undefined;
    }
  }
}

/** Slack's own error code (invalid_auth, ratelimited...), an HTTP status, or a short reason. */
export function slackErrorCode(error: unknown): string {
  const e = error as { code?: string; data?: { error?: string }; statusCode?: number; original?: { message?: string }; message?: string };
  if (e.data?.error) return e.data.error;
  if (e.statusCode) return `HTTP ${e.statusCode}`;
  if (e.code === 'slack_webapi_request_error') return `unreachable (${e.original?.message ?? 'network error'})`;
  return e.message ?? String(error);
}

/** Slack could not be reached at all (no answer: the network, a proxy, a firewall): nothing was
 * said about the tokens. */
export function isSlackUnreachable(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'slack_webapi_request_error';
}

/** An error from a Web API call (Slack answered with an error, a status, or could not be reached). */
export function isSlackApiError(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && code.startsWith('slack_webapi_');
}
