import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { RosterPerson } from '../../../src/domain/apologies/match-member.ts';
import { parseApologies, unresolved, type ApologiesPassage } from '../../../src/domain/apologies/parse-apologies.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/apologies/${name}`, import.meta.url), 'utf8');

// The seed board's roster as the 2017 and 2012 minutes name it (ids are the people's initials).
const roster: RosterPerson[] = [
  { id: 'DL', name: 'Cllr David Longstaff', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'PC', name: 'Peter Clifton', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'JK', name: 'Jamie Keddy', organisation: "Mayor's Office for Policing and Crime", organisationShortName: 'MOPAC' },
  { id: 'LA', name: 'Lynne Abrams', organisation: "Mayor's Office for Policing and Crime", organisationShortName: 'MOPAC' },
  { id: 'SP', name: 'Stuart Palmer', organisation: "Mayor's Office for Policing and Crime", organisationShortName: 'MOPAC' },
  { id: 'KV', name: 'Kiran Vagarwal', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'TM', name: 'Tina McElligott', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'JT', name: 'Julie Taylor', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'AN', name: 'Andrew Nathan', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'JM', name: 'Jay Mercer', organisation: 'London Borough of Barnet', organisationShortName: 'LBB' },
  { id: 'NS', name: 'Neil Seabridge', organisation: 'Metropolitan Police' },
  { id: 'SL', name: 'Steve Leader', organisation: 'London Fire Brigade' },
  { id: 'LF', name: 'Laura Featley', organisation: 'Department for Work and Pensions', organisationShortName: 'DWP' },
];

const summary = (passage: ApologiesPassage) => {
  if (passage.kind !== 'apologies') return passage.kind;
  return passage.apologies.map((a) => ({
    name: a.name,
    match: a.match.kind === 'exact' || a.match.kind === 'close' ? `${a.match.kind}:${a.match.memberId}` : a.match.kind,
    details: a.details,
    substitute: a.substitute ? `${a.substitute.name} → ${a.substitute.match.kind === 'exact' || a.substitute.match.kind === 'close' ? `${a.substitute.match.kind}:${a.substitute.match.memberId}` : a.substitute.match.kind}` : undefined,
  }));
};

describe('the seeds’ own apologies passages', () => {
  it('reads the October 2017 sentence, with its substitute, from the whole minutes page', () => {
    const passage = parseApologies(fixture('minutes-2017-10-27.txt'), roster);
    expect(summary(passage)).toEqual([
      { name: 'Mr Peter Clifton', match: 'exact:PC', details: 'Community Safety Manager, London Borough of Barnet', substitute: undefined },
      // "Ms Abram" is one letter off Lynne Abrams of MOPAC: a close match for the clerk to confirm.
      { name: 'Jamie Keddy', match: 'exact:JK', details: 'MOPAC', substitute: 'Ms Abram → close:LA' },
    ]);
  });

  it('reads the sentence pasted on its own', () => {
    const sentence = 'Apologies were received from Mr Peter Clifton, Community Safety Manager, London Borough of Barnet and Jamie Keddy of MOPAC (Ms Abram was substituting).';
    expect(summary(parseApologies(sentence, roster))).toEqual(summary(parseApologies(fixture('minutes-2017-10-27.txt'), roster)));
  });

  it('reads the 2012 list under "Apologies:", stopping at the next item, and keeps the one it cannot match', () => {
    const passage = parseApologies(fixture('minutes-2012.txt'), roster);
    expect(summary(passage)).toEqual([
      { name: 'Julie Taylor', match: 'exact:JT', details: 'Assistant Chief Executive, LBB', substitute: undefined },
      { name: 'Andrew Nathan', match: 'exact:AN', details: 'Strategic Policy Adviser, LBB', substitute: undefined },
      { name: 'Jay Mercer', match: 'exact:JM', details: 'Deputy Director Children’s Services, LBB', substitute: undefined },
      // Stuart Palmer shares the surname; Chris is not Stuart, so nobody is guessed.
      { name: 'Chris Palmer', match: 'none', details: 'AD Communications, LBB', substitute: undefined },
      { name: 'T/Chief Supt Neil Seabridge', match: 'exact:NS', details: 'Metropolitan Police', substitute: undefined },
      { name: 'Ceri Jacob', match: 'none', details: 'NC London NHS', substitute: undefined },
    ]);
    expect(unresolved(passage).map((p) => p.name)).toEqual(['Chris Palmer', 'Ceri Jacob']);
  });
});

describe('other ways minutes write apologies', () => {
  it('titles and ranks: Cllr, Ms, Superintendent, Chief Inspector, with a substitute named by rank', () => {
    const ranks: RosterPerson[] = [
      ...roster,
      { id: 'SR', name: 'Simon Rose', organisation: 'Metropolitan Police' },
      { id: 'MS', name: 'Mark Strugnell', organisation: 'Metropolitan Police' },
    ];
    const passage = parseApologies(
      'Apologies for absence were received from Cllr Longstaff, Ms Vagarwal and Superintendent Simon Rose (Chief Inspector Mark Strugnell substituting).',
      ranks,
    );
    expect(summary(passage)).toEqual([
      { name: 'Cllr Longstaff', match: 'exact:DL', details: undefined, substitute: undefined },
      { name: 'Ms Vagarwal', match: 'exact:KV', details: undefined, substitute: undefined },
      { name: 'Superintendent Simon Rose', match: 'exact:SR', details: undefined, substitute: 'Chief Inspector Mark Strugnell → exact:MS' },
    ]);
  });

  it('roles in brackets, "substituted by", bullets, and "and" inside an organisation’s name', () => {
    expect(summary(parseApologies('Apologies:\n- Cllr David Longstaff (Chairman)\n• Jamie Keddy, MOPAC (substituted by Lynne Abrams)\n', roster))).toEqual([
      { name: 'Cllr David Longstaff', match: 'exact:DL', details: 'Chairman', substitute: undefined },
      { name: 'Jamie Keddy', match: 'exact:JK', details: 'MOPAC', substitute: 'Lynne Abrams → exact:LA' },
    ]);
    expect(summary(parseApologies('Apologies were received from Laura Featley of the Department for Work and Pensions and Steve Leader, London Fire Brigade.', roster))).toEqual([
      { name: 'Laura Featley', match: 'exact:LF', details: 'the Department for Work and Pensions', substitute: undefined },
      { name: 'Steve Leader', match: 'exact:SL', details: 'London Fire Brigade', substitute: undefined },
    ]);
  });

  it('"A, B and C" with plain names, and three with roles separated by semicolons', () => {
    expect(summary(parseApologies('Julie Taylor, Andrew Nathan and Jay Mercer', roster))).toEqual([
      { name: 'Julie Taylor', match: 'exact:JT', details: undefined, substitute: undefined },
      { name: 'Andrew Nathan', match: 'exact:AN', details: undefined, substitute: undefined },
      { name: 'Jay Mercer', match: 'exact:JM', details: undefined, substitute: undefined },
    ]);
    const semicolons = parseApologies('Apologies were received from Julie Taylor, Assistant Chief Executive, LBB; Andrew Nathan of LBB; and Ceri Jacob.', roster);
    expect(summary(semicolons)).toEqual([
      { name: 'Julie Taylor', match: 'exact:JT', details: 'Assistant Chief Executive, LBB', substitute: undefined },
      { name: 'Andrew Nathan', match: 'exact:AN', details: 'LBB', substitute: undefined },
      { name: 'Ceri Jacob', match: 'none', details: undefined, substitute: undefined },
    ]);
  });

  it('none, and namesakes told apart by organisation or left for the clerk', () => {
    expect(parseApologies('2 APOLOGIES FOR ABSENCE\n\nNone.\n', roster)).toEqual({ kind: 'none' });
    expect(parseApologies('Apologies: none', roster)).toEqual({ kind: 'none' });
    expect(parseApologies('There were no apologies.', roster)).toEqual({ kind: 'none' });
    expect(parseApologies('   \n', roster)).toEqual({ kind: 'not_found' });
    expect(parseApologies('The Chairman welcomed all to the meeting.', roster)).toEqual({ kind: 'not_found' });
    const twins: RosterPerson[] = [
      { id: 'A1', name: 'Sam Green', organisation: 'Victim Support' },
      { id: 'A2', name: 'Sam Green', organisation: 'Barnet Homes' },
    ];
    expect(summary(parseApologies('Apologies:\nSam Green\tBarnet Homes', twins))).toEqual([{ name: 'Sam Green', match: 'exact:A2', details: 'Barnet Homes', substitute: undefined }]);
    expect(summary(parseApologies('Apologies:\nMr Green', twins))).toEqual([{ name: 'Mr Green', match: 'ambiguous', details: undefined, substitute: undefined }]);
  });
});
