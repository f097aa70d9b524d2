import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaDraftSchema } from '../../../src/domain/agenda/agenda-item.ts';
import { parseOrderOfBusiness } from '../../../src/domain/agenda/parse-order-of-business.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/agendas/${name}`, import.meta.url), 'utf8');
const only = (text: string) => {
  const result = parseOrderOfBusiness(text);
  expect(result.unread).toEqual([]);
  return result.items;
};

describe('the seed packs', () => {
  it('reads the January 2018 ORDER OF BUSINESS exactly as printed', () => {
    const { items, unread } = parseOrderOfBusiness(fixture('order-of-business-2018-01.txt'));
    expect(unread).toEqual([]);
    expect(agendaDraftSchema.safeParse(items).success).toBe(true);
    expect(items.map((i) => [i.number, i.title, i.pages ? `${i.pages.from}-${i.pages.to}` : '', i.standing ?? ''])).toEqual([
      ['1', 'Welcome and Introductions', '', 'welcome'],
      ['2', 'Minutes of Previous Meeting', '5-12', 'minutes'],
      ['3', 'Apologies for Absence', '', 'apologies'],
      ['4', 'Matters Arising', '', 'matters_arising'],
      ['5', 'Community Safety Strategy', '', ''],
      ['6', 'Police Update Update from Barnet Police on:', '13-18', ''],
      ['7', 'Barnet CCTV and ANPR Update', '19-26', ''],
      ['8', 'Update from Family Services Youth Matters - Update', '27-32', ''],
      ['9', 'Public Spaces Protection Orders Update on:', '33-44', ''],
      ['10', 'Proposed Items for next SCPB: Fri 27 April 2018', '', ''],
      ['11', 'Any Other Business', '', 'aob'],
      ['12', 'Date of Next Meeting', '', 'next_meeting'],
    ]);
    expect(items[4]?.subPoints).toEqual(['2017/18 refresh of the 2015/2020 Community Safety Strategy']);
    expect(items[5]?.subPoints).toEqual([
      'Performance',
      'Crime trends',
      'Impact on the Partnership of implementation of the new policing plan and changes to organisational structure',
    ]);
    // Line 15 of the paste has no number: its bullets continue item 10's list.
    expect(items[9]?.subPoints).toEqual([
      'Progress report on the Partnership response to anti-social behaviour',
      'Financial resources updates on the delivery of the Community Safety Strategy (including Prevent, MOPAC and VAWG funding)',
      'Partnership update on the delivery of the VAWG Strategy',
      'Update on the Partnership approach to delivering an evidence base for the Community Safety Strategy',
      'Youth Justice Board Update',
    ]);
    expect(items.every((i) => !i.exempt && i.links.length === 0)).toBe(true);
  });

  it('reads the October 2012 pack, with its timings and the "All Timings Approximate" note', () => {
    const items = only(fixture('order-of-business-2012-10.txt'));
    expect(items.map((i) => [i.number, i.minutes ?? null, i.pages ? `${i.pages.from}-${i.pages.to}` : ''])).toEqual([
      ['1', null, ''],
      ['2', null, ''],
      ['3', null, '1-4'],
      ['4', null, ''],
      ['5', 70, '5-40'],
      ['6', 10, '41-58'],
      ['7', 10, '59-62'],
      ['8', 10, '63-64'],
      ['9', 10, '65-72'],
      ['10', 10, '73-126'],
      ['11', null, ''],
      ['12', null, ''],
    ]);
    expect(items[4]?.title).toBe('SAFER COMMUNITIES STRATEGY; REVIEW OF PROGRESS AGAINST OBJECTIVES');
    expect(items[6]?.title).toBe('SAFER COMMUNITIES STRATEGY: GOVERNANCE REVIEW (OUTLINE/ SCOPE)');
    expect(items.map((i) => i.standing ?? '')).toEqual(['welcome', 'apologies', 'minutes', 'matters_arising', '', '', '', '', '', '', 'aob', 'next_meeting']);
  });

  it('reads the October 2012 priorities table: lead column → report of, time column → minutes', () => {
    const items = only(fixture('priorities-table-2012-10.txt'));
    expect(items).toHaveLength(8);
    expect(items[0]).toMatchObject({ number: '1', title: 'Property Crime - Focus on Burglary', reportOf: 'Cdr Adrian Usher', minutes: 10 });
    expect(items[5]).toMatchObject({ number: '6', title: 'Focus on places where offences occur', reportOf: 'MPS/LBB', minutes: 5 });
  });

  it('reads the same rows copied from a PDF, with spaces instead of tabs', () => {
    const spaced = fixture('order-of-business-2012-10.txt').replace(/\t/g, '   ');
    const tabbed = only(fixture('order-of-business-2012-10.txt'));
    expect(only(spaced)).toEqual(tabbed);
    const single = only('2. Minutes of Previous Meeting 5 - 12\n6. Police Update 13 – 18\n7. Youth Justice Plan 2024 - 2025');
    expect(single.map((i) => [i.title, i.pages])).toEqual([
      ['Minutes of Previous Meeting', { from: 5, to: 12 }],
      ['Police Update', { from: 13, to: 18 }],
      ['Youth Justice Plan 2024 - 2025', undefined],
    ]);
  });
});

describe('rows and numbers', () => {
  it('takes numbers with or without a dot or bracket, sub-numbers and "Item 5"', () => {
    const items = only('1 Welcome\n2) Apologies for absence\n3. Minutes\n5a. Budget\n5(b) Capital plan\n5.1 Revenue\n5.2. Reserves\nItem 6: Police Update');
    expect(items.map((i) => i.number)).toEqual(['1', '2', '3', '5a', '5b', '5.1', '5.2', '6']);
    expect(items.map((i) => i.title)).toEqual(['Welcome', 'Apologies for absence', 'Minutes', 'Budget', 'Capital plan', 'Revenue', 'Reserves', 'Police Update']);
  });

  it('skips headers and blank lines without reporting them', () => {
    const { items, unread } = parseOrderOfBusiness('ORDER OF BUSINESS\n\nItem No\tTitle of Report\tPages\n  \n## Agenda\n1.\tWelcome\t\n| Item | Title | Pages |\n|---|---|---|\n| 2. | Apologies | |');
    expect(unread).toEqual([]);
    expect(items.map((i) => i.title)).toEqual(['Welcome', 'Apologies']);
  });

  it('reads a number alone on a line with its title on the next line', () => {
    expect(only('12.\nDate of Next Meeting').map((i) => [i.number, i.title, i.standing])).toEqual([['12', 'Date of Next Meeting', 'next_meeting']]);
  });
});

describe('fields', () => {
  it.each([
    ['5. Police Update (10 MINS)', 10],
    ['5. Police Update 10 mins', 10],
    ['5. Police Update (15 minutes)', 15],
    ['5. Police Update 5 - 10 minutes', 10],
    ['5. Police Update (1 HR 10 MINS)', 70],
    ['5. Police Update (1 hour)', 60],
    ['5.\tPolice Update\t10 mins\t13 - 18', 10],
  ])('timing: %s → %i minutes', (line, minutes) => {
    const [item] = only(line);
    expect(item?.minutes).toBe(minutes);
    expect(item?.title).toBe('Police Update');
  });

  it('leaves "20 minute neighbourhoods" in the title', () => {
    const [item] = only('5. 20 minute neighbourhoods consultation');
    expect(item?.title).toBe('20 minute neighbourhoods consultation');
    expect(item?.minutes).toBeUndefined();
  });

  it.each([
    ['5.\tPolice Update\t5 - 12', { from: 5, to: 12 }],
    ['5.\tPolice Update\t5-12', { from: 5, to: 12 }],
    ['5.\tPolice Update\t13 – 18', { from: 13, to: 18 }],
    ['5.\tPolice Update\tPages 5 - 12', { from: 5, to: 12 }],
    ['5.\tPolice Update\t7', { from: 7, to: 7 }],
    ['5. Police Update p. 7', { from: 7, to: 7 }],
    ['5. Police Update\n5 - 12', { from: 5, to: 12 }],
  ])('pages: %s', (text, pages) => {
    const [item] = only(text);
    expect(item?.pages).toEqual(pages);
    expect(item?.title).toBe('Police Update');
  });

  it('reads who reports, from a line, a column or the title', () => {
    expect(only('5. Budget\nReport of the Director of Finance')[0]?.reportOf).toBe('Director of Finance');
    expect(only('5. Budget\nReport of: Chief Finance Officer')[0]?.reportOf).toBe('Chief Finance Officer');
    expect(only('5. Budget\nLead: Kiran Vagarwal')[0]?.reportOf).toBe('Kiran Vagarwal');
    expect(only('5. Budget Monitoring - Report of the Chief Finance Officer')[0]).toMatchObject({ title: 'Budget Monitoring', reportOf: 'Chief Finance Officer' });
    expect(only('5.\tPolice Update\tBorough Commander\t13 - 18')[0]).toMatchObject({ title: 'Police Update', reportOf: 'Borough Commander', pages: { from: 13, to: 18 } });
    // A title that is itself "the annual report of …" stays a title.
    const [annual] = only('5. Annual Report of the Director of Public Health');
    expect(annual?.title).toBe('Annual Report of the Director of Public Health');
    expect(annual?.reportOf).toBeUndefined();
  });

  it('turns addresses into links, labelled by their line or the item', () => {
    const [item] = only('5. Police Update https://example.org/police.pdf\n• Appendix A: https://example.org/a.pdf\n[Slides](https://example.org/s.pptx)\n• Crime trends');
    expect(item?.title).toBe('Police Update');
    expect(item?.links).toEqual([
      { title: 'Police Update', url: 'https://example.org/police.pdf' },
      { title: 'Appendix A', url: 'https://example.org/a.pdf' },
      { title: 'Slides', url: 'https://example.org/s.pptx' },
    ]);
    expect(item?.subPoints).toEqual(['Crime trends']);
  });
});

describe('sub-points', () => {
  it('takes bullets of every kind and plain lines under an item', () => {
    const [item] = only('6. Police Update\n• Performance\n- Crime trends\n* Policing plan\n◦ Structure\na) Burglary\n(i) Robbery\nii) Violence\nVictims and witnesses');
    expect(item?.subPoints).toEqual(['Performance', 'Crime trends', 'Policing plan', 'Structure', 'Burglary', 'Robbery', 'Violence', 'Victims and witnesses']);
  });

  it('joins a line that continues the one before (lower case start)', () => {
    const [item] = only('6. Police Update\n• Impact on the Partnership of the new policing plan\nand changes to organisational structure');
    expect(item?.subPoints).toEqual(['Impact on the Partnership of the new policing plan and changes to organisational structure']);
    expect(only('5. Safer Communities Strategy; review of\nprogress against objectives')[0]?.title).toBe('Safer Communities Strategy; review of progress against objectives');
  });

  it('joins a row whose title wrapped onto a second line, with its columns', () => {
    const [item] = only('5.\tSAFER COMMUNITIES STRATEGY; REVIEW OF\t\nPROGRESS AGAINST OBJECTIVES (1 HR 10 MINS)\t5 - 40');
    expect(item).toMatchObject({ title: 'SAFER COMMUNITIES STRATEGY; REVIEW OF PROGRESS AGAINST OBJECTIVES', minutes: 70, pages: { from: 5, to: 40 }, subPoints: [] });
  });

  it('reads embedded HTML lists, entities and tags', () => {
    const [item] = only('7.\tCCTV <ul style="list-style-type: none"><li>&bull; Public Space CCTV</li><li>• ANPR &amp; cameras</li></ul>\t19 - 26');
    expect(item).toMatchObject({ title: 'CCTV', subPoints: ['Public Space CCTV', 'ANPR & cameras'], pages: { from: 19, to: 26 } });
  });
});

describe('exempt business', () => {
  it.each(['Business not open to the public', 'Section 6- Business not Open to the Public', 'EXEMPT', 'Exempt items', 'PART 2', 'Part B', 'Part II – Private business'])(
    'items after "%s" are exempt, until the public part returns',
    (heading) => {
      const items = only(`11. Any Other Business\n${heading}\n13. Domestic Violence review\n14. Contract award\nPart 1\n15. Date of Next Meeting`);
      expect(items.map((i) => [i.number, i.exempt])).toEqual([
        ['11', false],
        ['13', true],
        ['14', true],
        ['15', false],
      ]);
    },
  );

  it('marks items that say they are exempt or restricted', () => {
    const items = only('5. Contract award (exempt)\n6. MARAC review [RESTRICTED]\n7. Staffing - Not for publication\n8. Property\nExempt information – paragraph 3 of Schedule 12A\n9. Budget\n10.\tCase review\tRestricted\t5 - 12');
    expect(items.map((i) => [i.title, i.exempt])).toEqual([
      ['Contract award', true],
      ['MARAC review', true],
      ['Staffing', true],
      ['Property', true],
      ['Budget', false],
      ['Case review', true],
    ]);
  });

  it('keeps the motion to exclude the press and public public, and what follows it exempt', () => {
    const items = only('12. Exclusion of the press and public\n13. Domestic homicide review');
    expect(items.map((i) => i.exempt)).toEqual([false, true]);
  });
});

describe('what it cannot read', () => {
  it('shows text before the first item, with its line number and why', () => {
    const { items, unread } = parseOrderOfBusiness('Safer Communities Partnership Board\n• stray bullet\n\n1. Welcome');
    expect(items.map((i) => i.title)).toEqual(['Welcome']);
    expect(unread).toEqual([
      { line: 1, text: 'Safer Communities Partnership Board', reason: expect.stringContaining('before the first numbered item') },
      { line: 2, text: '• stray bullet', reason: expect.stringContaining('bullet point comes before the first numbered item') },
    ]);
  });

  it('shows what was pasted after the end of the order of business', () => {
    const { items, unread } = parseOrderOfBusiness('12. Date of Next Meeting\n\nFACILITIES FOR PEOPLE WITH DISABILITIES\n\nHendon Town Hall has access for wheelchair users.');
    expect(items).toHaveLength(1);
    expect(items[0]?.subPoints).toEqual([]);
    expect(unread.map((u) => u.line)).toEqual([3, 5]);
    expect(unread[1]?.reason).toContain('after the end of the order of business');
  });

  it('shows a line too long to be a sub-point, and a second set of pages', () => {
    const long = 'Long '.repeat(70).trim();
    const { items, unread } = parseOrderOfBusiness(`5. Budget\t5 - 12\n${long}\n13 - 18`);
    expect(items[0]?.subPoints).toEqual([]);
    expect(unread.map((u) => [u.line, u.reason])).toEqual([
      [2, expect.stringContaining('longer than 300 characters')],
      [3, 'Item 5 already has pages 5 - 12; these were not used.'],
    ]);
  });

  it('shortens an over-long title and says so', () => {
    const { items, unread } = parseOrderOfBusiness(`5. ${'Title '.repeat(50)}`);
    expect(items[0]?.title.length).toBeLessThanOrEqual(200);
    expect(items[0]?.title.endsWith('…')).toBe(true);
    expect(unread[0]?.reason).toContain('longer than 200 characters');
  });

  it('stops at 40 items and lists the rest', () => {
    const text = Array.from({ length: 42 }, (_, i) => `${i + 1}. Item ${i + 1}`).join('\n');
    const { items, unread } = parseOrderOfBusiness(text);
    expect(items).toHaveLength(40);
    expect(unread.map((u) => u.line)).toEqual([41, 42]);
  });

  it('reports a number with no title', () => {
    const { items, unread } = parseOrderOfBusiness('1. Welcome\n2.');
    expect(items).toHaveLength(1);
    expect(unread).toEqual([{ line: 2, text: '2.', reason: 'Item 2 has a number but no title, so it was left out.' }]);
  });

  it('produces items the schema accepts, whatever the input', () => {
    const { items } = parseOrderOfBusiness(`1. ${'x'.repeat(400)}\n• ${'y'.repeat(299)}\nReport of ${'z'.repeat(300)}\n2. Budget (exempt) https://example.org/a.pdf`);
    expect(agendaDraftSchema.safeParse(items).error?.issues ?? []).toEqual([]);
  });
});
