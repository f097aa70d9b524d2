// Owners as minutes name them ("the Chairman", "Superintendent Leach", "Ms Hirani", "Paul Lamb",
// "Community Safety Manager") matched to a board's roster. A name that fits several members is
// ambiguous, one that fits none is unmatched (with the closest roster name when one is a typing
// slip away): the clerk chooses; nothing is guessed silently. No I/O.
import { bareName, hasHonorific, roleWord, type BoardRoleWord } from './people-in-text.ts';

export interface RosterPerson {
  id: string;
  name: string;
  title?: string | null;
  /** The board roles this member holds (clerk, chair, vice chair). */
  roles: readonly BoardRoleWord[];
}

export type MatchedBy = 'name' | 'surname' | 'title' | 'role';

export type OwnerMatch =
  | { text: string; kind: 'matched'; memberId: string; by: MatchedBy }
  | { text: string; kind: 'ambiguous'; candidateIds: string[] }
  | { text: string; kind: 'unmatched'; suggestionId?: string };

function words(s: string): string[] {
  return s.split(' ').filter(Boolean);
}

export function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0] ?? 0;
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const above = row[j] ?? 0;
      row[j] = Math.min(above + 1, (row[j - 1] ?? 0) + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
    }
  }
  return row[b.length] ?? 0;
}

function decide(text: string, found: readonly RosterPerson[], by: MatchedBy): OwnerMatch | undefined {
  if (found.length === 1 && found[0]) return { text, kind: 'matched', memberId: found[0].id, by };
  if (found.length > 1) return { text, kind: 'ambiguous', candidateIds: found.map((p) => p.id) };
  return undefined;
}

/** One owner name against the roster. */
export function matchOwner(text: string, roster: readonly RosterPerson[]): OwnerMatch {
  const role = roleWord(text);
  if (role) return decide(text, roster.filter((p) => p.roles.includes(role)), 'role') ?? { text, kind: 'unmatched' };

  const wanted = bareName(text);
  const wantedWords = words(wanted);
  if (wantedWords.length === 0) return { text, kind: 'unmatched' };
  const people = roster.map((p) => ({ person: p, bare: bareName(p.name), title: p.title ? bareName(p.title) : '' }));

  const byName = decide(text, people.filter((p) => p.bare === wanted).map((p) => p.person), 'name');
  if (byName) return byName;
  const byTitle = decide(text, people.filter((p) => p.title !== '' && p.title === wanted).map((p) => p.person), 'title');
  if (byTitle) return byTitle;

  const first = wantedWords[0];
  const last = wantedWords.at(-1);
  if (wantedWords.length === 1 && hasHonorific(text)) {
    // "Ms Hirani", "Superintendent Leach": the surname.
    const bySurname = decide(text, people.filter((p) => words(p.bare).at(-1) === last).map((p) => p.person), 'surname');
    if (bySurname) return bySurname;
  } else if (wantedWords.length >= 2) {
    // "Lynne Abrams" for "Lynne J. Abrams", "Ms Lynne Abrams" for "Lynne Abrams": first and last.
    const byEnds = decide(
      text,
      people.filter((p) => words(p.bare)[0] === first && words(p.bare).at(-1) === last).map((p) => p.person),
      'name',
    );
    if (byEnds) return byEnds;
  }

  // A typing slip ("Manju Likhman" for "Manju Lukhman") is suggested, never taken.
  const close = people
    .map((p) => ({ p, d: editDistance(p.bare, wanted) }))
    .filter(({ d }) => d > 0 && d <= (wanted.length >= 10 ? 2 : 1))
    .sort((a, b) => a.d - b.d);
  const best = close[0];
  const unique = best && close.filter((c) => c.d === best.d).length === 1;
  return unique ? { text, kind: 'unmatched', suggestionId: best.p.person.id } : { text, kind: 'unmatched' };
}

export function matchOwners(texts: readonly string[], roster: readonly RosterPerson[]): OwnerMatch[] {
  return texts.map((t) => matchOwner(t, roster));
}
