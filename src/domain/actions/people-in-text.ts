// How minutes name people: "Ms Gardiner", "Ms Lynne Abrams", "The Chairman", "Superintendent
// Leach", "Chris Kelly would…", "She would…". Used to find an action's owner in the sentence it
// closes, and to match owner names to the roster. No I/O.

/** Courtesy titles and ranks written before a name, longest first so "Chief Superintendent" wins
 * over "Superintendent". Compared case-insensitively, with or without a full stop. */
export const HONORIFICS = [
  'T/Chief Superintendent',
  'T/Chief Supt',
  'Chief Superintendent',
  'Chief Supt',
  'Ch Supt',
  'Detective Chief Inspector',
  'Detective Inspector',
  'Chief Inspector',
  'Superintendent',
  'Supt',
  'Inspector',
  'Sergeant',
  'Commander',
  'Councillor',
  'Professor',
  'Cllr',
  'Prof',
  'DCI',
  'DI',
  'DS',
  'PC',
  'Mrs',
  'Miss',
  'Ms',
  'Mr',
  'Mx',
  'Dr',
  'Sir',
  'Dame',
  'Lord',
  'Lady',
] as const;

const FEMININE = new Set(['mrs', 'miss', 'ms', 'dame', 'lady']);
const MASCULINE = new Set(['mr', 'sir', 'lord']);

export type BoardRoleWord = 'chair' | 'vice_chair' | 'clerk';

/** "the Chairman", "Chair", "Vice-Chair", "the Clerk" → the board role it names. */
export function roleWord(text: string): BoardRoleWord | undefined {
  const t = text.trim().toLowerCase().replace(/^the\s+/, '').replace(/[.]$/, '');
  if (/^vice[\s-]?chair(man|woman|person)?$/.test(t)) return 'vice_chair';
  if (/^chair(man|woman|person)?$/.test(t)) return 'chair';
  if (/^(clerk|governance officer)$/.test(t)) return 'clerk';
  return undefined;
}

const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
const HONORIFIC_RE = `(?:${HONORIFICS.map(escapeRe).join('|')})\\.?`;
const NAME_WORD = `[A-Z][\\p{L}'’-]*[\\p{L}]`;
const ROLE_RE = '(?:[Tt]he\\s+)?(?:Vice[- ]?Chair(?:man|woman|person)?|Chair(?:man|woman|person)?|Clerk)\\b';

/** A name after a courtesy title: "Ms Lynne Abrams", "Superintendent Leach". */
const TITLED_NAME = new RegExp(`${HONORIFIC_RE}(?:\\s+${NAME_WORD}){1,3}`, 'u');
const TITLED_NAME_G = new RegExp(`(?<![\\p{L}])(?:${TITLED_NAME.source}|${ROLE_RE})`, 'gu');
/** Words that start a sentence with capitals and are not a person. */
const NOT_A_NAME = new Set(['The', 'A', 'An', 'This', 'That', 'These', 'Those', 'It', 'Its', 'There', 'Despite', 'Following', 'All', 'Each', 'Every', 'Some', 'Any', 'No', 'Our', 'Their', 'His', 'Her']);
/** An untitled full name is only taken as a subject when a verb follows it. */
const SUBJECT_VERBS =
  'would|will|agreed|agrees|offered|undertook|undertakes|to|has|had|is|was|said|advised|reported|confirmed|asked|noted|proposed|presented|updated|circulated|sought|should|must|can|could|shall|may|might|explained|stated|suggested|volunteered|promised';
const UNTITLED_SUBJECT = new RegExp(`^(${NAME_WORD}(?:\\s+${NAME_WORD}){1,2})\\s+(?:${SUBJECT_VERBS})\\b`, 'u');

export type Gender = 'feminine' | 'masculine' | 'unknown';

export interface PersonMention {
  /** As written: "Ms Gardiner", "The Chairman", "Chris Kelly". */
  text: string;
  gender: Gender;
}

function genderOf(text: string): Gender {
  const first = text.split(/\s+/)[0]?.replace(/\.$/, '').toLowerCase() ?? '';
  if (FEMININE.has(first)) return 'feminine';
  if (MASCULINE.has(first)) return 'masculine';
  return 'unknown';
}

function mention(text: string): PersonMention {
  return { text: text.trim(), gender: genderOf(text.trim()) };
}

export type Subject = { kind: 'person'; person: PersonMention } | { kind: 'pronoun'; pronoun: string; gender: Gender } | { kind: 'none' };

/** Who a sentence (or clause) is about, when it starts by naming a person. */
export function subjectOf(sentence: string): Subject {
  const s = sentence.trim().replace(/^[-•*]\s+/, '');
  const role = new RegExp(`^${ROLE_RE}`, 'u').exec(s);
  if (role) return { kind: 'person', person: mention(role[0]) };
  const titled = new RegExp(`^${TITLED_NAME.source}`, 'u').exec(s);
  if (titled) return { kind: 'person', person: mention(titled[0]) };
  const pronoun = /^(She|He|They)\b/.exec(s);
  if (pronoun) {
    const p = pronoun[1] ?? '';
    return { kind: 'pronoun', pronoun: p, gender: p === 'She' ? 'feminine' : p === 'He' ? 'masculine' : 'unknown' };
  }
  const untitled = UNTITLED_SUBJECT.exec(s);
  if (untitled?.[1] && !NOT_A_NAME.has(untitled[1].split(/\s+/)[0] ?? '')) return { kind: 'person', person: mention(untitled[1]) };
  return { kind: 'none' };
}

/** Every titled name or board role a text mentions, in order. */
export function peopleMentioned(text: string): PersonMention[] {
  return [...text.matchAll(TITLED_NAME_G)].map((m) => mention(m[0]));
}

const ABBREVIATIONS = /(?:\b(?:Mr|Mrs|Ms|Dr|Cllr|Prof|Supt|St|No|Co|Ltd|etc|vs|e\.g|i\.e))$/;

/** Sentences of a paragraph, not split after "Mr." or "e.g.". */
export function sentences(paragraph: string): string[] {
  const out: string[] = [];
  let start = 0;
  const re = /[.!?]+(?=\s+["'‘“(]?[A-Z0-9])/g;
  for (let m = re.exec(paragraph); m; m = re.exec(paragraph)) {
    const end = m.index + m[0].length;
    if (ABBREVIATIONS.test(paragraph.slice(start, m.index))) continue;
    out.push(paragraph.slice(start, end).trim());
    start = end;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) out.push(rest);
  return out;
}

/** The clauses of a sentence split at dashes and semicolons: "… Board – Ms McElligott would…". */
export function clauses(sentence: string): string[] {
  return sentence
    .split(/\s+[–—-]\s+|;\s+/)
    .map((c) => c.trim())
    .filter(Boolean);
}

/** "Ms Lynne Abrams" → "lynne abrams"; "T/Chief Supt Neil Seabridge" → "neil seabridge"; "the
 * Chairman" → "chairman". Lower case, courtesy titles and punctuation gone, spaces single. */
export function bareName(text: string): string {
  let t = text
    .normalize('NFKC')
    .replace(/[’]/g, "'")
    .replace(/\([^)]*\)/g, ' ')
    .trim()
    .replace(/^the\s+/i, '');
  for (;;) {
    const before = t;
    t = t.replace(new RegExp(`^${HONORIFIC_RE}\\s+`, 'i'), '');
    if (t === before) break;
  }
  return t
    .toLowerCase()
    .replace(/[^\p{L}\s'-]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether the text starts with a courtesy title or rank ("Ms Hirani", "Superintendent Leach"). */
export function hasHonorific(text: string): boolean {
  return new RegExp(`^${HONORIFIC_RE}\\s+`, 'i').test(text.trim());
}
