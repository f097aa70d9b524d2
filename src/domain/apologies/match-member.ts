// Which roster member a name in the minutes means. "Mr Peter Clifton" is Peter Clifton; "Ms
// Abram" is the only member whose surname is Abram (or, one letter off, Abrams: a close match the
// clerk confirms); "Stuart" alone, or a surname two members share, is not matched but kept with
// the candidates, so the clerk resolves it and nothing is dropped.
import { editDistance, nameKey, nameTokens, splitHonorific } from './person-name.ts';

export type RosterPerson = {
  id: string;
  name: string;
  /** The organisation's name and short name, to tell two namesakes apart. */
  organisation?: string;
  organisationShortName?: string;
};

export type MemberMatch =
  | { kind: 'exact'; memberId: string }
  /** A spelling one letter off ("Abram" for "Abrams"): shown to the clerk to confirm. */
  | { kind: 'close'; memberId: string }
  | { kind: 'ambiguous'; candidateIds: string[] }
  | { kind: 'none' };

const sameFirstName = (written: string, member: string): boolean => {
  const w = written.replace(/\.$/, '');
  return w.length === 1 ? member.startsWith(w) : w === member;
};

const mentionsOrganisation = (details: string, person: RosterPerson): boolean => {
  const text = nameKey(details);
  return [person.organisation, person.organisationShortName].some((org) => org && text.includes(nameKey(org)));
};

/**
 * Matches a written name against the roster. `details` (role and organisation as written) only
 * tells namesakes apart; it never makes a match on its own.
 */
export const matchMember = (written: string, roster: readonly RosterPerson[], details = ''): MemberMatch => {
  const words = nameTokens(written);
  if (words.length === 0) return { kind: 'none' };
  const surname = words[words.length - 1] ?? '';
  const firstNames = words.slice(0, -1);
  const firstNamesFit = (theirs: string[]) =>
    firstNames.length === 0 || (firstNames.length <= theirs.length - 1 && firstNames.every((f, i) => sameFirstName(f, theirs[i] ?? '')));
  const keyed = roster.map((person) => ({ person, words: nameTokens(person.name) }));

  const pick = (found: typeof keyed, kind: 'exact' | 'close'): MemberMatch | undefined => {
    const [only] = found;
    if (found.length === 1 && only) return { kind, memberId: only.person.id };
    if (found.length > 1) {
      const narrowed = details ? found.filter((f) => mentionsOrganisation(details, f.person)) : [];
      const [one] = narrowed;
      if (narrowed.length === 1 && one) return { kind, memberId: one.person.id };
      return { kind: 'ambiguous', candidateIds: found.map((f) => f.person.id) };
    }
    return undefined;
  };

  const full = keyed.filter((k) => k.words.join(' ') === words.join(' '));
  const exact =
    pick(full, 'exact') ??
    pick(
      keyed.filter((k) => k.words[k.words.length - 1] === surname && firstNamesFit(k.words)),
      'exact',
    );
  if (exact) return exact;
  // A single-word name without an honorific ("Stuart") is too thin to guess from.
  if (words.length === 1 && !splitHonorific(written).honorific) return { kind: 'none' };
  const close = keyed.filter((k) => {
    const theirSurname = k.words[k.words.length - 1] ?? '';
    if (surname.length < 4 || editDistance(theirSurname, surname) !== 1) return false;
    return firstNamesFit(k.words);
  });
  return pick(close, 'close') ?? { kind: 'none' };
};
