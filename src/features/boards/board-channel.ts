// A board's channel on each platform, as the database stores it.
import type { Actor } from '../../domain/platform.ts';

/** The columns that make `conversationId` the board's channel on the actor's platform. */
export function channelFields(actor: Actor, conversationId: string | undefined) {
  if (!conversationId) return undefined;
  return actor.platform === 'slack'
    ? { slackChannelId: conversationId, ...(actor.tenantId ? { slackTeamId: actor.tenantId } : {}) }
    : { teamsChannelId: conversationId, ...(actor.tenantId ? { teamsTenantId: actor.tenantId } : {}) };
}
