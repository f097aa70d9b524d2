// The bot's commands: one catalogue, read by the parser, the help card and the manifests'
// tests. `/quorum <text>` on Slack and a message to the bot on Teams both come through here.
import { AppError, ErrorCode } from './errors.ts';

export interface CommandSpec {
  /** Words that select the command, e.g. ['agenda', 'post']. */
  words: string[];
  usage: string;
  description: string;
  /** Who may run it: shown on the help card; enforced in the use case. */
  audience: 'everyone' | 'clerks';
}

/** The commands of this build. A command is listed here only once it works end to end. */
export const COMMANDS: readonly CommandSpec[] = [
  { words: ['help'], usage: 'help', description: 'Show what Quorum can do and the commands you can use.', audience: 'everyone' },
  { words: ['meetings'], usage: 'meetings', description: 'Your upcoming meetings, on every board you sit on.', audience: 'everyone' },
  { words: ['agenda'], usage: 'agenda [YYYY-MM-DD]', description: 'See the published agenda of the next meeting (or the one on that date).', audience: 'everyone' },
  { words: ['plan'], usage: 'plan', description: 'See the forward work plan: items proposed for future meetings.', audience: 'everyone' },
  { words: ['plan', 'propose'], usage: 'plan propose', description: 'Propose an item for a future meeting.', audience: 'everyone' },
  { words: ['board', 'setup'], usage: 'board setup', description: 'Set up a board in this channel; you become its clerk.', audience: 'everyone' },
  { words: ['board', 'channel'], usage: 'board channel [private|public]', description: 'Make this channel the board\u2019s channel; "private" shows exempt items in full here.', audience: 'clerks' },
  { words: ['board', 'reminders'], usage: 'board reminders [7d 1d | 2h | none]', description: 'When agenda reminders go out before each meeting (7 days and 1 day by default).', audience: 'clerks' },
  { words: ['meeting', 'new'], usage: 'meeting new', description: 'Create a meeting: date, time, venue. The standing items are added.', audience: 'clerks' },
  { words: ['meeting', 'edit'], usage: 'meeting edit [YYYY-MM-DD]', description: 'Change the next meeting (or the one on that date); members are told.', audience: 'clerks' },
  { words: ['meeting', 'cancel'], usage: 'meeting cancel [YYYY-MM-DD] [reason]', description: 'Cancel a meeting; the posted agenda says so and reminders stop.', audience: 'clerks' },
  { words: ['agenda', 'add'], usage: 'agenda add [YYYY-MM-DD]', description: 'Add an item: title, sub-points, report of, pages, time, links, exempt.', audience: 'clerks' },
  { words: ['agenda', 'edit'], usage: 'agenda edit <item> [YYYY-MM-DD]', description: 'Change an item.', audience: 'clerks' },
  { words: ['agenda', 'move'], usage: 'agenda move <item> to <place>', description: 'Reorder the agenda; items are renumbered.', audience: 'clerks' },
  { words: ['agenda', 'remove'], usage: 'agenda remove <item>', description: 'Withdraw an item; items are renumbered.', audience: 'clerks' },
  { words: ['agenda', 'paste'], usage: 'agenda paste [YYYY-MM-DD]', description: 'Paste the ORDER OF BUSINESS from an agenda pack; check the items, then save.', audience: 'clerks' },
  { words: ['agenda', 'import'], usage: 'agenda import <meeting id> <ModernGov address>', description: 'Import a meeting and its items from the council\u2019s ModernGov site.', audience: 'clerks' },
  { words: ['agenda', 'preview'], usage: 'agenda preview [YYYY-MM-DD]', description: 'See the agenda card as members will, before posting.', audience: 'clerks' },
  { words: ['agenda', 'post'], usage: 'agenda post [YYYY-MM-DD]', description: 'Post the agenda to the board channel; later changes update it in place.', audience: 'clerks' },
  { words: ['agenda', 'remind'], usage: 'agenda remind [YYYY-MM-DD]', description: 'Send a reminder now (7 days and 1 day before go out by themselves).', audience: 'clerks' },
  { words: ['outbox'], usage: 'outbox [--board <board>]', description: 'See what Quorum has queued, sent and failed to send for your board, and retry a failed message.', audience: 'clerks' },
];

export interface ParsedCommand {
  spec: CommandSpec;
  /** What follows the command's words, trimmed, without the --board option. */
  rest: string;
  /** The board named with --board, if any. */
  board?: string;
}

/** Parses what someone typed after `/quorum` (or to the bot). Empty text means help. */
export function parseCommand(text: string): ParsedCommand {
  const words = text.trim().split(/\s+/).filter(Boolean);
  const lowered = words.map((w) => w.toLowerCase());
  if (lowered.length === 0) return { spec: commandFor('help'), rest: '' };
  const candidates = [...COMMANDS].sort((a, b) => b.words.length - a.words.length);
  for (const spec of candidates) {
    if (spec.words.every((w, i) => lowered[i] === w)) {
      return { spec, ...extractBoard(words.slice(spec.words.length).join(' ')) };
    }
  }
  throw new AppError(
    ErrorCode.UNKNOWN_COMMAND,
    `I don't know the command "${truncate(text.trim(), 60)}". Try "help" to see what I can do.`,
  );
}

function extractBoard(rest: string): { rest: string; board?: string } {
  const match = /(?:^|\s)--board[=\s]+([A-Za-z0-9_-]+)/.exec(rest);
  if (!match) return { rest: rest.trim() };
  return { rest: (rest.slice(0, match.index) + rest.slice(match.index + match[0].length)).trim(), board: match[1] as string };
}

function commandFor(word: string): CommandSpec {
  const spec = COMMANDS.find((c) => c.words.join(' ') === word);
  if (!spec) throw new Error(`command ${word} missing from COMMANDS`);
  return spec;
}

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
