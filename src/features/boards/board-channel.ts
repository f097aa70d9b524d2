// A board's channel on each platform, as the database stores it.
import type { Actor } from '../../domain/platform.ts';

/** The columns that make `conversationId` the board's channel on the actor's platform. */
export function channelFields(actor: Actor, conversationId: string | undefined) {
  if (!conversationId) return undefined;
  return actor.platform === 'slack'
    ? { slackChannelId: conversationId, ...(actor.tenantId ? { slackTeamId: actor.tenantId } : {}) }
    : { teamsChannelId: conversationId, ...(actor.tenantId ? { teamsTenantId: actor.tenantId } : {}) };
}

/** The board whose channel this is on the actor's platform, asked from the actor's own workspace or
 * tenant: the same channel seen from another workspace (a shared channel) is not that board's.
 * (No workspace named, as with the local emulator: the channel alone, see identityOf.) */
export function boardChannelWhere(actor: Actor, conversationId: string) {
  const tenant = actor.tenantId;
  return actor.platform === 'slack'
    ? { slackChannelId: conversationId, ...(tenant ? { slackTeamId: tenant } : {}) }
    : { teamsChannelId: conversationId, ...(tenant ? { teamsTenantId: tenant } : {}) };
}

/** Any board whose channel this is, whichever workspace set it up: one board per channel. */
export function anyBoardChannelWhere(actor: Actor, conversationId: string) {
  return actor.platform === 'slack' ? { slackChannelId: conversationId } : { teamsChannelId: conversationId };
}
