// Paste to record: the clerk pastes an apologies passage from existing minutes and gets back who
// sent apologies, matched to the roster. It reads the forms the seeds use:
// - the sentence "Apologies were received from Mr Peter Clifton, Community Safety Manager, London
//   Borough of Barnet and Jamie Keddy of MOPAC (Ms Abram was substituting)." (minutes, 2017);
// - the list under "Apologies:", one person a line with role and organisation after a tab or a
//   comma: "T/Chief Supt Neil Seabridge<TAB>Metropolitan Police" (minutes, 2012); bullets too;
// - "None." / "There were no apologies.";
// and finds the passage inside a longer paste (a heading "2 APOLOGIES FOR ABSENCE" or "Apologies:").
// Substitutes are read from "(Ms Abram was substituting)", "(X substituting)", "(substituted by X)".
// Every name is kept: a name that matches no member, or several, is returned unmatched (with the
// candidates) for the clerk to resolve.
import { matchMember, type MemberMatch, type RosterPerson } from './match-member.ts';
import { looksLikePersonName, tidySpace } from './person-name.ts';

export type ParsedPerson = {
  /** The name as written: "Mr Peter Clifton", "Ms Abram". */
  name: string;
  match: MemberMatch;
};

export type ParsedApology = ParsedPerson & {
  /** Role and organisation as written: "Community Safety Manager, London Borough of Barnet". */
  details?: string;
  substitute?: ParsedPerson;
};

export type ApologiesPassage =
  | { kind: 'none' }
  | { kind: 'apologies'; apologies: ParsedApology[] }
  /** Nothing that reads as an apologies passage. */
  | { kind: 'not_found' };

const SENTENCE = /apologies(?:\s+for\s+absence)?\s+(?:were|was|had\s+been|have\s+been)\s+(?:received|given|sent|submitted|noted|tendered)\s+(?:from|by|on\s+behalf\s+of)\s+/i;
const HEADING = /^\s*(?:#+\s*)?(?:(?:item\s+)?\d+[.)]?\s+)?apologies(?:\s+for\s+absence)?\s*:?\s*(.*)$/i;
const NONE = /^(?:none|nil|no apologies(?: were received| had been received)?|there were no apologies(?: for absence)?)\.?$/i;
const BULLET = /^\s*(?:[-•*◦–]|\d+[.)])\s+/;
const SUBSTITUTE_PATTERNS = [
  /^(.+?)\s+(?:was\s+|is\s+|will\s+be\s+)?(?:substituting|deputising|attending\s+as\s+(?:a\s+)?substitute)(?:\s+for\s+.+)?$/i,
  /^(?:substituted|represented|deputised)\s+by\s+(.+)$/i,
  /^(?:substitute|sub|deputy)\s*:?\s+(.+)$/i,
];

const substituteIn = (bracket: string): string | undefined => {
  for (const pattern of SUBSTITUTE_PATTERNS) {
    const found = pattern.exec(tidySpace(bracket));
    if (found?.[1]) return found[1].trim();
  }
  return undefined;
};

type Entry = { name: string; details: string[]; substitute?: string };

/** Brackets are set aside before splitting on commas and "and", so "(Chair, LBB)" stays whole. */
const protectBrackets = (text: string): { text: string; brackets: string[] } => {
  const brackets: string[] = [];
  const protectedText = text.replace(/\(([^()]*)\)/g, (_, inner: string) => {
    brackets.push(inner);
    return `\uE000${brackets.length - 1}\uE000`;
  });
  return { text: protectedText, brackets };
};

const BRACKET_MARK = /\s*\uE000(\d+)\uE000\s*/g;

/** Takes the bracket marks out of a segment: returns the bare text and what the brackets said. */
const readBrackets = (segment: string, brackets: string[]): { bare: string; roles: string[]; substitute?: string } => {
  const roles: string[] = [];
  let substitute: string | undefined;
  const bare = segment.replace(BRACKET_MARK, (_, index: string) => {
    const inner = brackets[Number(index)] ?? '';
    const sub = substituteIn(inner);
    if (sub) substitute = sub;
    else if (inner.trim()) roles.push(tidySpace(inner));
    return ' ';
  });
  return { bare: tidySpace(bare), roles, substitute };
};

/** "Jamie Keddy of MOPAC" → name and organisation; "London Borough of Barnet" stays whole. */
const splitOf = (text: string, isPerson: (s: string) => boolean): { name: string; of?: string } => {
  const at = text.search(/\s+of\s+/i);
  if (at > 0) {
    const left = text.slice(0, at);
    if (isPerson(left)) return { name: left, of: text.slice(at).replace(/^\s+of\s+/i, '') };
  }
  return { name: text };
};

/** Splits the sentence's list of people: "A, Role, Org and B of Org (C was substituting)". */
const readSentenceBody = (body: string, roster: readonly RosterPerson[]): Entry[] => {
  const { text, brackets } = protectBrackets(body);
  const isPerson = (s: string) => {
    const bare = readBrackets(s, brackets).bare;
    const name = splitOf(bare, looksLikePersonName).name;
    return looksLikePersonName(name) || matchMember(name, roster).kind !== 'none';
  };
  const chunks = text.includes(';') ? text.split(/\s*;\s*(?:and\s+)?/i) : text.split(/,?\s+and\s+/i);
  const entries: Entry[] = [];
  chunks.forEach((chunk) => {
    const segments = chunk.split(/\s*,\s*/).filter((s) => s.trim());
    segments.forEach((segment, index) => {
      const read = readBrackets(segment, brackets);
      const current = entries[entries.length - 1];
      const startsPerson = !current || isPerson(segment);
      if (!startsPerson) {
        // "Department for Work and Pensions": a chunk split off at "and" that is no person.
        if (index === 0 && current.details.length > 0) current.details[current.details.length - 1] += ` and ${read.bare}`;
        else if (read.bare) current.details.push(read.bare);
        current.details.push(...read.roles);
        if (read.substitute) current.substitute = read.substitute;
        return;
      }
      const { name, of } = splitOf(read.bare, (s) => looksLikePersonName(s) || matchMember(s, roster).kind !== 'none');
      entries.push({ name, details: [...read.roles, ...(of ? [of] : [])], substitute: read.substitute });
    });
  });
  return entries;
};

/** One line of a list: "Julie Taylor<TAB>Assistant Chief Executive, LBB", "- Jay Mercer, LBB". */
const readListLine = (line: string, roster: readonly RosterPerson[]): Entry => {
  const stripped = line.replace(BULLET, '');
  const { text, brackets } = protectBrackets(stripped);
  const columns = text.split(/\t+|\s{3,}/).map((c) => c.trim()).filter(Boolean);
  let head = columns[0] ?? '';
  const rest = columns.slice(1);
  if (rest.length === 0) {
    const dash = /\s+[-–—]\s+/.exec(head);
    const comma = head.indexOf(',');
    if (dash) {
      rest.push(head.slice(dash.index + dash[0].length));
      head = head.slice(0, dash.index);
    } else if (comma > 0) {
      rest.push(head.slice(comma + 1));
      head = head.slice(0, comma);
    }
  }
  const headRead = readBrackets(head, brackets);
  const restRead = rest.map((r) => readBrackets(r, brackets));
  const { name, of } = splitOf(headRead.bare, (s) => looksLikePersonName(s) || matchMember(s, roster).kind !== 'none');
  return {
    name,
    details: [...headRead.roles, ...(of ? [of] : []), ...restRead.flatMap((r) => [r.bare, ...r.roles]).filter(Boolean)],
    substitute: headRead.substitute ?? restRead.find((r) => r.substitute)?.substitute,
  };
};

const toParsed = (entry: Entry, roster: readonly RosterPerson[]): ParsedApology => {
  const details = entry.details.map(tidySpace).filter(Boolean).join(', ');
  return {
    name: entry.name,
    match: matchMember(entry.name, roster, details),
    ...(details ? { details } : {}),
    ...(entry.substitute ? { substitute: { name: entry.substitute, match: matchMember(entry.substitute, roster) } } : {}),
  };
};

const stripFinalStop = (text: string): string => {
  const trimmed = text.trim();
  // Keep the dot of an initial or abbreviation at the very end ("Dr J."), drop a sentence's full stop.
  return /\b\p{L}\.$/u.test(trimmed) && !/\p{L}{2}\.$/u.test(trimmed) ? trimmed : trimmed.replace(/\.$/, '');
};

/** The paragraph after "Apologies were received from", up to its end. */
const sentenceBody = (text: string): string | undefined => {
  const found = SENTENCE.exec(text);
  if (!found) return undefined;
  const after = text.slice(found.index + found[0].length);
  const paragraph = after.split(/\n\s*\n/)[0] ?? '';
  // The sentence ends at a full stop followed by a new sentence, or the paragraph's end.
  const end = /\.\s+(?=(?:The|This|It|There|He|She|They|[A-Z][a-z]+\s+(?:was|were|had|noted|welcomed))\b)/.exec(paragraph);
  return stripFinalStop(tidySpace(end ? paragraph.slice(0, end.index) : paragraph));
};

/** The lines under an "Apologies" heading, up to the blank line that ends them. */
const listUnderHeading = (lines: string[]): { inline?: string; lines: string[] } | undefined => {
  const at = lines.findIndex((line) => HEADING.test(line) && !SENTENCE.test(line));
  if (at < 0) return undefined;
  const inline = HEADING.exec(lines[at] ?? '')?.[1]?.trim();
  const body: string[] = [];
  for (const line of lines.slice(at + 1)) {
    if (!line.trim()) {
      if (body.length > 0) break;
      continue;
    }
    body.push(line);
  }
  return { inline: inline || undefined, lines: body };
};

export const parseApologies = (pasted: string, roster: readonly RosterPerson[]): ApologiesPassage => {
  const text = pasted.replace(/\r\n?/g, '\n');
  const body = sentenceBody(text);
  if (body !== undefined) {
    const entries = readSentenceBody(body, roster);
    return entries.length > 0 ? { kind: 'apologies', apologies: entries.map((e) => toParsed(e, roster)) } : { kind: 'not_found' };
  }
  const lines = text.split('\n');
  const heading = listUnderHeading(lines);
  const listed = heading ? heading.lines : lines.filter((l) => l.trim());
  const inline = heading?.inline;
  if (inline) {
    if (NONE.test(inline)) return { kind: 'none' };
    return { kind: 'apologies', apologies: readSentenceBody(stripFinalStop(inline), roster).map((e) => toParsed(e, roster)) };
  }
  const [first] = listed;
  if (first === undefined) return { kind: 'not_found' };
  if (listed.length === 1 && NONE.test(first.trim())) return { kind: 'none' };
  if (!heading && listed.length === 1 && /,|\s+and\s+/.test(first) && !/\t/.test(first)) {
    // One line pasted on its own, "A, B and C": read it as the sentence's list.
    return { kind: 'apologies', apologies: readSentenceBody(stripFinalStop(first), roster).map((e) => toParsed(e, roster)) };
  }
  const apologies = listed.map((line) => toParsed(readListLine(line, roster), roster));
  // Without a heading, lines of which none names anyone are not an apologies passage at all.
  if (!heading && apologies.every((a) => a.match.kind === 'none' && !looksLikePersonName(a.name))) return { kind: 'not_found' };
  return { kind: 'apologies', apologies };
};

/** For the clerk: the people the passage names who match nobody, or several people. */
export const unresolved = (passage: ApologiesPassage): ParsedPerson[] =>
  passage.kind !== 'apologies'
    ? []
    : passage.apologies.flatMap((a) => [a, ...(a.substitute ? [a.substitute] : [])]).filter((p) => p.match.kind === 'none' || p.match.kind === 'ambiguous');
