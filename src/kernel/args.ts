// What follows a command's words, read into typed arguments. Each reader says what it expects, so
// "agenda pots" is refused as not an agenda command instead of being read as "agenda", and a
// meeting named by its date is found by the command (to an id) before any use case runs.

/** Thrown by a reader when the text does not fit; the router turns it into the person's answer. */
export class ArgsMismatch extends Error {
  constructor(
    /** What was wrong, for the person, e.g. 'Say which item: "agenda edit 5".' */
    readonly say: string,
    /** The first word that did not fit, when one did not: a candidate misspelt subcommand. */
    readonly stray?: string,
  ) {
    super(say);
    this.name = 'ArgsMismatch';
  }
}

export interface ArgReader<A> {
  read(rest: string): A;
}

export const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

const words = (rest: string) => rest.split(/\s+/).filter(Boolean);

/** Nothing may follow. */
export const noArgs: ArgReader<Record<string, never>> = {
  read(rest) {
    const [first] = words(rest);
    if (first) throw new ArgsMismatch(`Nothing follows this command (I did not understand "${clip(first)}").`, first);
    return {};
  },
};

/** An optional meeting date, YYYY-MM-DD. */
export const optionalDate: ArgReader<{ date?: string }> = {
  read(rest) {
    const all = words(rest);
    if (all.length === 0) return {};
    const [first] = all as [string];
    if (all.length > 1 || !ISO_DATE.test(first)) {
      throw new ArgsMismatch(ISO_DATE.test(first) ? 'Give one date at most.' : `"${clip(first)}" is not a date: write it as YYYY-MM-DD, e.g. 2026-12-04.`, ISO_DATE.test(first) ? undefined : first);
    }
    return { date: first };
  },
};

/** A trailing optional date after other words: "5 2026-12-04" → words ["5"], date. */
export function splitTrailingDate(rest: string): { date?: string; words: string[] } {
  const all = words(rest);
  const last = all.at(-1);
  if (last && ISO_DATE.test(last)) return { date: last, words: all.slice(0, -1) };
  return { words: all };
}

/** Free text (a reason, an address), kept as typed. */
export const freeText: ArgReader<{ text: string }> = { read: (rest) => ({ text: rest.trim() }) };

/** One of the given words, or nothing. */
export function optionalChoice<const W extends string>(choices: readonly W[], say: string): ArgReader<{ choice?: W }> {
  return {
    read(rest) {
      const all = words(rest.toLowerCase());
      if (all.length === 0) return {};
      const [first] = all as [string];
      if (all.length > 1 || !(choices as readonly string[]).includes(first)) throw new ArgsMismatch(say, first);
      return { choice: first as W };
    },
  };
}

export function clip(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}\u2026` : text;
}

