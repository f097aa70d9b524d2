// What someone typed after `/quorum` (or to the bot) → the command it names and its arguments.
// The catalogue is the features' own declarations. Nothing is guessed: a word that is not a
// command (or not one of its group's subcommands) is answered with the closest real ones.
import { AppError, ErrorCode } from '../errors.ts';
import { ArgsMismatch, clip } from './args.ts';
import type { CommandSpec } from './feature.ts';

export interface ParsedCommand {
  spec: CommandSpec<unknown, unknown>;
  args: unknown;
  /** The board named with --board, if any. */
  board?: string;
}

/** Parses `text` against the commands. Empty text means help. Throws AppError. */
export function parseCommandLine(text: string, commands: readonly CommandSpec<unknown, unknown>[]): ParsedCommand {
  const { rest: withoutBoard, board } = extractBoard(text.trim());
  const tokens = withoutBoard.split(/\s+/).filter(Boolean);
  const lowered = tokens.map((t) => t.toLowerCase());
  const withBoard = <T extends object>(parsed: T) => ({ ...parsed, ...(board ? { board } : {}) });
  if (lowered.length === 0) {
    const help = commands.find((c) => c.words === 'help');
    if (!help) throw new Error('no help command registered');
    return withBoard({ spec: help, args: help.args.read('') });
  }
  const matched = longestMatch(lowered, commands);
  if (matched) {
    const words = matched.words.split(' ').length;
    const rest = tokens.slice(words).join(' ');
    try {
      return withBoard({ spec: matched, args: matched.args.read(rest) });
    } catch (error) {
      if (!(error instanceof ArgsMismatch)) throw error;
      const siblings = commands.filter((c) => c !== matched && c.words.startsWith(`${matched.words} `));
      if (error.stray !== undefined && error.stray.toLowerCase() === lowered[words] && siblings.length > 0) {
        throw unknownSubcommand(matched.words, error.stray, siblings);
      }
      throw new AppError(ErrorCode.COMMAND_USAGE, `${error.say} Type it as: ${matched.usage}`, { log: `usage of ${matched.words}` });
    }
  }
  const group = commands.filter((c) => c.words.split(' ')[0] === lowered[0]);
  if (group.length > 0) {
    const [first] = lowered as [string];
    if (tokens[1] !== undefined) throw unknownSubcommand(first, tokens[1], group);
    throw new AppError(ErrorCode.COMMAND_USAGE, `Say what to do: ${group.map((c) => `"${c.words}"`).join(', ')}.`, { log: `bare group ${first}` });
  }
  const near = closest(lowered[0] as string, [...new Set(commands.map((c) => c.words.split(' ')[0] as string))]);
  throw new AppError(
    ErrorCode.UNKNOWN_COMMAND,
    `I don't know the command "${clip(withoutBoard, 60)}".${near.length > 0 ? ` Did you mean ${near.map((w) => `"${w}"`).join(' or ')}?` : ''} Try "help" to see what I can do.`,
    { log: 'unknown command' },
  );
}

function longestMatch(lowered: string[], commands: readonly CommandSpec<unknown, unknown>[]): CommandSpec<unknown, unknown> | undefined {
  let best: CommandSpec<unknown, unknown> | undefined;
  for (const spec of commands) {
    const words = spec.words.split(' ');
    if (words.every((w, i) => lowered[i] === w) && (!best || words.length > best.words.split(' ').length)) best = spec;
  }
  return best;
}

function unknownSubcommand(group: string, stray: string, siblings: readonly CommandSpec<unknown, unknown>[]): AppError {
  const subwords = siblings.map((c) => c.words.slice(group.length + 1).split(' ')[0] as string);
  const near = closest(stray.toLowerCase(), [...new Set(subwords)]).map((w) => `${group} ${w}`);
  const all = siblings.map((c) => `"${c.words}"`).join(', ');
  return new AppError(
    ErrorCode.UNKNOWN_SUBCOMMAND,
    `"${clip(stray)}" is not a ${group} command.${near.length > 0 ? ` Did you mean ${near.map((w) => `"${w}"`).join(' or ')}?` : ''} The ${group} commands are ${all}.`,
    { log: `unknown subcommand of ${group}` },
  );
}

/** The candidates nearest to `word` (edit distance at most 2, or one starting with it). */
export function closest(word: string, candidates: readonly string[]): string[] {
  const scored = candidates
    .map((c) => ({ c, d: c.startsWith(word) && word.length >= 2 ? 0.5 : distance(word, c) }))
    .filter((s) => s.d <= Math.min(2, Math.max(1, Math.floor(s.c.length / 3))))
    .sort((a, b) => a.d - b.d);
  const best = scored[0]?.d;
  return scored.filter((s) => s.d === best).map((s) => s.c).slice(0, 3);
}

/** Optimal string alignment distance: insertions, deletions, substitutions, adjacent swaps. */
export function distance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = d[i] as number[];
      row[j] = Math.min((d[i - 1] as number[])[j]! + 1, row[j - 1]! + 1, (d[i - 1] as number[])[j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j]!, (d[i - 2] as number[])[j - 2]! + 1);
    }
  }
  return (d[a.length] as number[])[b.length] as number;
}

function extractBoard(text: string): { rest: string; board?: string } {
  const match = /(?:^|\s)--board[=\s]+([A-Za-z0-9_-]+)/.exec(text);
  if (!match) return { rest: text };
  return { rest: (text.slice(0, match.index) + text.slice(match.index + match[0].length)).trim(), board: match[1] as string };
}
