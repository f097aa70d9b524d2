export type Platform = 'slack' | 'teams';

/** Who is acting: the person behind a click or a command, as the platform names them. */
export interface Actor {
  platform: Platform;
  /** Slack user id (U…) or Teams AAD object id. */
  userId: string;
  /** Slack team id or Teams tenant id. */
  tenantId?: string;
  displayName?: string;
}
