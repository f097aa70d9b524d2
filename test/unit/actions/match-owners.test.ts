import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractActions } from '../../../src/domain/actions/extract-actions.ts';
import { editDistance, matchOwner, matchOwners, type RosterPerson } from '../../../src/domain/actions/match-owners.ts';

// The seed board's people, as the minutes' attendance lists name them, plus two the issue names.
const roster: RosterPerson[] = [
  { id: 'longstaff', name: 'Cllr David Longstaff', title: 'Cabinet Member for Safety and Resident Engagement', roles: ['chair'] },
  { id: 'vagarwal', name: 'Kiran Vagarwal', title: 'Strategic Lead, Safer Communities', roles: [] },
  { id: 'clifton', name: 'Peter Clifton', title: 'Community Safety Manager', roles: ['clerk'] },
  { id: 'hirani', name: 'Asha Hirani', title: 'Head of Community Safety', roles: [] },
  { id: 'leach', name: 'Simon Leach', title: 'Borough Commander', roles: [] },
  { id: 'lamb', name: 'Paul Lamb', title: 'Community Protection Group Manager, LBB', roles: [] },
  { id: 'lukhman', name: 'Manju Lukhman', title: null, roles: [] },
  { id: 'cameron', name: 'Terry Cameron', title: 'JobCentre Plus', roles: [] },
  { id: 'mkelly', name: 'Michael Kelly', title: null, roles: [] },
  { id: 'mercer', name: 'Jay Mercer', title: 'Deputy Director Children’s Services, LBB', roles: [] },
  { id: 'cpalmer', name: 'Chris Palmer', title: 'AD Communications, LBB', roles: [] },
  { id: 'spalmer', name: 'Stuart Palmer', title: null, roles: [] },
  { id: 'jacob', name: 'Ceri Jacob', title: null, roles: [] },
  { id: 'beach', name: 'Tim Beach', title: 'Chair, Children’s Safeguarding Board', roles: [] },
  { id: 'gardiner', name: 'Aveen Gardiner', title: null, roles: [] },
  { id: 'ansdell', name: 'Clare Ansdell', title: null, roles: [] },
  { id: 'abrams', name: 'Lynne Abrams', title: 'Senior Programme Manager', roles: [] },
  { id: 'birkett', name: 'Caroline Birkett', title: null, roles: [] },
  { id: 'mcelligott', name: 'Tina McElligott', title: 'Operational Director for Family Services', roles: [] },
  { id: 'seabridge', name: 'T/Chief Supt Neil Seabridge', title: null, roles: [] },
];

describe('matchOwner', () => {
  it.each([
    ['the Chairman', 'longstaff', 'role'],
    ['Chairman', 'longstaff', 'role'],
    ['Chair', 'longstaff', 'role'],
    ['the Clerk', 'clifton', 'role'],
    ['Superintendent Leach', 'leach', 'surname'],
    ['Ms Hirani', 'hirani', 'surname'],
    ['Mr Clifton', 'clifton', 'surname'],
    ['Ms Vagarwal', 'vagarwal', 'surname'],
    ['Paul Lamb', 'lamb', 'name'],
    ['paul  LAMB', 'lamb', 'name'],
    ['Ms Lynne Abrams', 'abrams', 'name'],
    ['David Longstaff', 'longstaff', 'name'],
    ['Councillor David Longstaff', 'longstaff', 'name'],
    ['Neil Seabridge', 'seabridge', 'name'],
    ['Chief Superintendent Seabridge', 'seabridge', 'surname'],
    ['Community Safety Manager', 'clifton', 'title'],
    ['the Borough Commander', 'leach', 'title'],
  ])('%j is %s (by %s)', (text, memberId, by) => {
    expect(matchOwner(text, roster)).toEqual({ text, kind: 'matched', memberId, by });
  });

  it('calls a surname two members share ambiguous and names both', () => {
    expect(matchOwner('Mr Palmer', roster)).toEqual({ text: 'Mr Palmer', kind: 'ambiguous', candidateIds: ['cpalmer', 'spalmer'] });
  });

  it('suggests the roster name a typing slip away, without taking it', () => {
    expect(matchOwner('Manju Likhman', roster)).toEqual({ text: 'Manju Likhman', kind: 'unmatched', suggestionId: 'lukhman' });
  });

  it('leaves a name on no roster unmatched, and a role no one holds unmatched', () => {
    expect(matchOwner('Dr Simon Harding', roster)).toEqual({ text: 'Dr Simon Harding', kind: 'unmatched' });
    expect(matchOwner('the Vice-Chair', roster)).toEqual({ text: 'the Vice-Chair', kind: 'unmatched' });
    expect(matchOwner('Harding', roster)).toEqual({ text: 'Harding', kind: 'unmatched' });
  });

  it('measures typing slips', () => {
    expect(editDistance('manju likhman', 'manju lukhman')).toBe(1);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});

describe('every owner in the seed minutes against the seed roster', () => {
  const owners = (file: string): string[] =>
    extractActions(readFileSync(new URL(`../../fixtures/actions/${file}`, import.meta.url), 'utf8')).actions.flatMap((a) => a.owners);

  it('matches each owner of 24 July 2012, and suggests the one misspelt', () => {
    const matches = matchOwners(owners('minutes-2012-07-24.txt'), roster);
    expect(matches.map((m) => (m.kind === 'matched' ? m.memberId : `${m.kind}:${m.kind === 'unmatched' ? m.suggestionId : ''}`))).toEqual([
      'lamb',
      'unmatched:lukhman',
      'cameron',
      'mkelly',
      'mercer',
      'cpalmer',
      'jacob',
      'beach',
    ]);
  });

  it('matches each owner of 27 October 2017 by title and surname', () => {
    const matches = matchOwners(owners('minutes-2017-10-27.txt'), roster);
    expect(matches.map((m) => (m.kind === 'matched' ? m.memberId : m.kind))).toEqual([
      'gardiner',
      'gardiner',
      'ansdell',
      'vagarwal',
      'abrams',
      'birkett',
      'mcelligott',
      'mcelligott',
    ]);
  });
});
