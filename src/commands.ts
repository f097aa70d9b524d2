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
  {
    words: ['help'],
    usage: 'help',
    description: 'Show what Quorum can do and the commands you can use.',
    audience: 'everyone',
  },
  {
    words: ['outbox'],
    usage: 'outbox [--board <board>]',
    description: 'See what Quorum has queued, sent and failed to send for your board, and retry a failed message.',
    audience: 'clerks',
  },
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
