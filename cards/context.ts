// What a card may need to know about where it is shown.
export interface CardContext {
  platform: 'slack' | 'teams';
}

/** How a command is typed: "/quorum help" on Slack; on Teams as it is ("@Quorum" first in a channel). */
export const commandPrefix = (ctx: CardContext): string => (ctx.platform === 'slack' ? '/quorum ' : '');
