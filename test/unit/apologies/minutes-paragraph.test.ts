import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { minutesBullets, minutesParagraph, type MinutesApology } from '../../../src/domain/apologies/minutes-paragraph.ts';
import { parseApologies } from '../../../src/domain/apologies/parse-apologies.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/apologies/${name}`, import.meta.url), 'utf8');

const october2017: MinutesApology[] = [
  { name: 'Mr Peter Clifton', title: 'Community Safety Manager', organisation: 'London Borough of Barnet' },
  { name: 'Jamie Keddy', organisation: 'MOPAC', substitute: 'Ms Lynne Abram' },
];

describe('the minutes paragraph', () => {
  it('writes the October 2017 sentence exactly as the seed minutes print it', () => {
    const printed = /Apologies were received from[^\n]*/.exec(fixture('minutes-2017-10-27.txt'))?.[0];
    expect(minutesParagraph(october2017, { withTitles: true })).toBe(printed);
  });

  it('names only, unless the clerk asks for titles and organisations', () => {
    expect(minutesParagraph(october2017)).toBe('Apologies were received from Mr Peter Clifton and Jamie Keddy (Ms Abram was substituting).');
    expect(minutesParagraph([{ name: 'Julie Taylor' }])).toBe('Apologies were received from Julie Taylor.');
    expect(minutesParagraph([{ name: 'A Person' }, { name: 'B Person', substitute: 'Cee Person' }, { name: 'D Person' }])).toBe(
      'Apologies were received from A Person, B Person (Cee Person was substituting) and D Person.',
    );
  });

  it('keeps three entries with roles apart with semicolons, and reads back to the same people', () => {
    const three: MinutesApology[] = [...october2017, { name: 'Cllr David Longstaff', title: 'Chairman' }];
    const paragraph = minutesParagraph(three, { withTitles: true });
    expect(paragraph).toBe(
      'Apologies were received from Mr Peter Clifton, Community Safety Manager, London Borough of Barnet; Jamie Keddy of MOPAC (Ms Abram was substituting); and Cllr David Longstaff, Chairman.',
    );
    const read = parseApologies(paragraph, []);
    expect(read.kind === 'apologies' && read.apologies.map((a) => [a.name, a.details, a.substitute?.name])).toEqual([
      ['Mr Peter Clifton', 'Community Safety Manager, London Borough of Barnet', undefined],
      ['Jamie Keddy', 'MOPAC', 'Ms Abram'],
      ['Cllr David Longstaff', 'Chairman', undefined],
    ]);
  });

  it('"None." when nobody sent apologies', () => {
    expect(minutesParagraph([])).toBe('None.');
    expect(minutesBullets([])).toBe('Apologies:\n- None.');
  });

  it('the list form of the 2012 minutes, one person a line with their role, reads back as it was', () => {
    const list: MinutesApology[] = [
      { name: 'Julie Taylor', title: 'Assistant Chief Executive', organisation: 'LBB' },
      { name: 'T/Chief Supt Neil Seabridge', organisation: 'Metropolitan Police' },
      { name: 'Jamie Keddy', organisation: 'MOPAC', substitute: 'Lynne Abrams' },
    ];
    const bullets = minutesBullets(list);
    expect(bullets).toBe('Apologies:\n- Julie Taylor, Assistant Chief Executive, LBB\n- T/Chief Supt Neil Seabridge, Metropolitan Police\n- Jamie Keddy, MOPAC (Lynne Abrams substituting)');
    const read = parseApologies(bullets, []);
    expect(read.kind === 'apologies' && read.apologies.map((a) => [a.name, a.details, a.substitute?.name])).toEqual([
      ['Julie Taylor', 'Assistant Chief Executive, LBB', undefined],
      ['T/Chief Supt Neil Seabridge', 'Metropolitan Police', undefined],
      ['Jamie Keddy', 'MOPAC', 'Lynne Abrams'],
    ]);
  });
});
