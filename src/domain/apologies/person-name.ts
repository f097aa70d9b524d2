// People's names as minutes write them: "Cllr David Longstaff", "Ms Abram", "T/Chief Supt Neil
// Seabridge", "Mr Peter Clifton". Splits off the honorific, compares names the way a clerk would
// (case, apostrophes and hyphens aside), and says what a name "looks like" for the parsers.

/** Honorifics and ranks, longest first so "Chief Inspector" wins over "Inspector". */
const HONORIFICS = [
  'Detective Chief Superintendent',
  'Detective Chief Inspector',
  'Detective Superintendent',
  'Detective Inspector',
  'Detective Sergeant',
  'Chief Superintendent',
  'Chief Inspector',
  'Chief Constable',
  'Superintendent',
  'Commander',
  'Councillor',
  'Inspector',
  'Professor',
  'Sergeant',
  'Chief Supt',
  'Ch Supt',
  'Det Supt',
  'Ch Insp',
  'Det Insp',
  'Reverend',
  'Baroness',
  'Rt Hon',
  'Dame',
  'Lady',
  'Lord',
  'Cmdr',
  'Cllr',
  'Supt',
  'Insp',
  'Prof',
  'Revd',
  'Rev',
  'Miss',
  'Mrs',
  'Sir',
  'Sgt',
  'DCI',
  'DCS',
  'Mr',
  'Ms',
  'Mx',
  'Dr',
  'DI',
  'DS',
  'PC',
] as const;

/** "T/" temporary and "A/" acting ranks, or the words. */
const RANK_PREFIX = /^(?:(?:T|A|Acting|Temporary)\s*\/\s*|Acting\s+|Temporary\s+)/i;

const honorificPattern = new RegExp(`^(?:${HONORIFICS.map((h) => h.replace(/ /g, '\\s+')).join('|')})\\.?(?=\\s|$)`, 'i');

export type PersonName = {
  /** As written, tidied of surrounding space. */
  asWritten: string;
  /** "Cllr", "T/Chief Supt", or undefined. */
  honorific?: string;
  /** The name without the honorific: "David Longstaff", "Abram". */
  name: string;
};

export const tidySpace = (text: string): string => text.replace(/\s+/g, ' ').trim();

export const splitHonorific = (written: string): PersonName => {
  const asWritten = tidySpace(written);
  let rest = asWritten;
  let honorific = '';
  const prefix = RANK_PREFIX.exec(rest);
  if (prefix) {
    const after = rest.slice(prefix[0].length);
    const rank = honorificPattern.exec(after);
    if (rank) {
      honorific = prefix[0] + rank[0];
      rest = after.slice(rank[0].length);
    }
  } else {
    const rank = honorificPattern.exec(rest);
    if (rank) {
      honorific = rank[0];
      rest = rest.slice(rank[0].length);
    }
  }
  rest = rest.trim();
  if (!honorific || !rest) return { asWritten, name: asWritten };
  return { asWritten, honorific: tidySpace(honorific), name: rest };
};

/** Comparable form of a name or word: lower case, no accents, apostrophes or dots, hyphens as spaces. */
export const nameKey = (text: string): string =>
  text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’‘`.]/g, '')
    .replace(/[-‐–]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export const nameTokens = (name: string): string[] => nameKey(splitHonorific(name).name).split(' ').filter(Boolean);

/** Words that make a phrase a role or an organisation rather than a person. */
const NOT_A_NAME_WORDS = new Set(
  [
    'manager', 'director', 'officer', 'head', 'chief', 'executive', 'adviser', 'advisor', 'lead', 'member', 'chair',
    'chairman', 'chairwoman', 'vice', 'deputy', 'assistant', 'interim', 'senior', 'principal', 'commander', 'co-ordinator',
    'coordinator', 'council', 'borough', 'london', 'police', 'service', 'services', 'nhs', 'board', 'group', 'team', 'trust',
    'partnership', 'community', 'safety', 'department', 'office', 'mopac', 'lbb', 'crc', 'nps', 'cps', 'ccg', 'probation',
    'homes', 'brigade', 'fire', 'health', 'support', 'safeguarding', 'children', 'childrens', 'adult', 'social', 'care',
    'policy', 'strategic', 'communications', 'programme', 'project', 'engagement', 'company', 'university', 'commissioning',
    'metropolitan', 'national', 'victim', 'jobcentre', 'magistrates', 'court', 'cabinet', 'portfolio', 'ad', 'clerk',
    'governance', 'representative', 'substitute', 'secretary', 'unit', 'agency', 'centre', 'forum',
  ],
);

const NAME_WORD = /^\p{Lu}\p{L}*(?:[-'’]\p{L}+)*\.?$/u;
const PARTICLES = new Set(['de', 'van', 'von', 'der', 'da', 'di', 'le', 'la', 'bin', 'al']);

/**
 * Whether a phrase is shaped like a person's name: an honorific with a name, or two to four
 * capitalised words, none of them a role or organisation word ("Community Safety Manager" is not).
 */
export const looksLikePersonName = (phrase: string): boolean => {
  const { honorific, name } = splitHonorific(phrase);
  const words = name.split(' ').filter(Boolean);
  if (honorific) return words.length >= 1 && words.length <= 4 && words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w));
  if (words.length < 2 || words.length > 4) return false;
  if (words.some((w) => NOT_A_NAME_WORDS.has(nameKey(w)))) return false;
  return words.every((w) => NAME_WORD.test(w) || PARTICLES.has(w));
};

/** How minutes refer to someone in a bracket: "Ms Abram" when an honorific is known, else the full name. */
export const shortReference = (name: string): string => {
  const split = splitHonorific(name);
  if (!split.honorific) return split.name;
  const words = split.name.split(' ');
  return `${split.honorific} ${words[words.length - 1]}`;
};

/** Edit distance, for "Abram" against "Abrams"; small inputs only. */
export const editDistance = (a: string, b: string): number => {
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      current.push(Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1)));
    }
    previous = current;
  }
  return previous[b.length] ?? 0;
};
