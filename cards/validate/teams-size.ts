// How big a Teams message may be. Teams refuses a bot's activity that is too big (413,
// MessageSizeTooBig). Microsoft's figure has moved: about 28 KB is the long-standing one (still
// documented for its Teams connectors); "Format your bot messages" now says 100 KB of the message
// encoded as UTF-16 and recommends staying within 80 KB. A message is held to both: at most 28,000
// bytes of UTF-8 JSON and 80,000 bytes as UTF-16, each with an allowance for the envelope the Bot
// Framework adds (the conversation, the sender and recipient, the service URL).
import { Buffer } from 'node:buffer';

export const TEAMS_LIMITS = { utf8Bytes: 28_000, utf16Bytes: 80_000, envelopeChars: 1_500 } as const;

export interface TeamsSize {
  utf8Bytes: number;
  utf16Bytes: number;
}

/** The size of an activity (or its attachment) as sent, with the envelope's allowance. */
export function teamsMessageSize(activity: unknown): TeamsSize {
  const json = JSON.stringify(activity);
  return { utf8Bytes: Buffer.byteLength(json, 'utf8') + TEAMS_LIMITS.envelopeChars, utf16Bytes: 2 * (json.length + TEAMS_LIMITS.envelopeChars) };
}

/** What makes the activity too big for Teams, if anything. */
export function teamsSizeIssues(activity: unknown): string[] {
  const size = teamsMessageSize(activity);
  return [
    ...(size.utf8Bytes > TEAMS_LIMITS.utf8Bytes ? [`${size.utf8Bytes} bytes of UTF-8 with the envelope; Teams allows about ${TEAMS_LIMITS.utf8Bytes}`] : []),
    ...(size.utf16Bytes > TEAMS_LIMITS.utf16Bytes ? [`${size.utf16Bytes} bytes as UTF-16 with the envelope; Teams allows ${TEAMS_LIMITS.utf16Bytes}`] : []),
  ];
}
