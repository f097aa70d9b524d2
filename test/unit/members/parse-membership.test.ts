// Reading a membership list as the seed papers print it (the agenda pack's Appendix 3b bullets,
// the minutes' attendance tables) and as CSV; a malformed CSV, an unknown role or a repeated email
// refuses the paste, naming the line and the field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseMembership, type MembershipReading, type MembershipRow } from '../../../src/domain/members/parse-membership.ts';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/members/${name}`, import.meta.url), 'utf8');

function rowsOf(reading: MembershipReading): MembershipRow[] {
  if (!reading.ok) throw new Error(reading.problem);
  return reading.rows;
}

/** The organisation as the paper prints it: "Community Rehabilitation Company (CRC)". */
const printed = (r: MembershipRow) => (r.organisation ? `${r.organisation}${r.shortName ? ` (${r.shortName})` : ''}` : undefined);

describe('the seed\u2019s Appendix 3b membership list (002)', () => {
  const text = fixture('membership-2018-06.txt');
  const reading = parseMembership(text);
  const rows = rowsOf(reading);

  it('reads every bullet: each name, and the title and organisation after it, as the paper prints them', () => {
    const bullets = text.split('\n').filter((l) => l.startsWith('- **'));
    expect(bullets).toHaveLength(15);
    expect(rows).toHaveLength(15);
    for (const [i, bullet] of bullets.entries()) {
      const row = rows[i] as MembershipRow;
      const [, name, rest] = /^- \*\*(.+?)\*\*(?:, (.*))?$/.exec(bullet) ?? [];
      expect(row.name).toBe(name);
      // Title and organisation together are exactly what follows the name, nothing lost.
      expect([row.title, printed(row)].filter(Boolean).join(', ')).toBe(rest ?? '');
      expect(row.role).toBe('member');
    }
  });

  it('splits title from organisation at the last comma, and keeps a short name in brackets', () => {
    const by = (name: string) => rows.find((r) => r.name === name);
    expect(by('Simon Rose')).toMatchObject({ title: 'Detective Chief Superintendent (Borough Commander)', organisation: 'Metropolitan Police' });
    expect(by('Clare Ansdell')).toMatchObject({ title: 'Head of Service for Barnet, Brent and Enfield', organisation: 'National Probation Service' });
    expect(by('Katie Morgan')).toMatchObject({ organisation: 'Community Rehabilitation Company', shortName: 'CRC' });
    expect(by('Tim Harris')).toEqual({ line: 13, name: 'Tim Harris', organisation: 'North West London Magistrates', role: 'member' });
    expect(by('Cllr Reuben Thompstone')).toEqual({ line: 3, name: 'Cllr Reuben Thompstone', role: 'member' });
    expect(by('James Armitage')).toMatchObject({ title: 'Director', organisation: 'Re' });
  });

  it('lists the heading as a line not read, with its number', () => {
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.unread.map((u) => [u.line, u.text])).toEqual([[1, 'Appendix 3b: Membership of the Safer Communities Partnership (June 2018)']]);
  });
});

describe('the seed\u2019s attendance tables (004, minutes of 24 July 2012)', () => {
  const text = fixture('attendance-2012-07-24.txt');
  const reading = parseMembership(text);
  const rows = rowsOf(reading);
  const lines = text.split('\n');

  it('reads every row of "Board Members Present", "Also present" and "Apologies": name, title and organisation', () => {
    const tableRows = lines.flatMap((l, i) => (l.includes('\t') ? [{ line: i + 1, cells: l.split('\t') }] : []));
    expect(tableRows).toHaveLength(24);
    expect(rows.map((r) => r.line)).toEqual(tableRows.map((t) => t.line));
    for (const { line, cells } of tableRows) {
      const row = rows.find((r) => r.line === line) as MembershipRow;
      expect(row.name).toBe(cells[0]);
      const rest = (cells[1] as string).replace(' (Chairman)', '');
      expect([row.title, printed(row)].filter(Boolean).join(', ')).toBe(rest);
    }
  });

  it('gives each table its role: members present, also present (advisers), apologies; "(Chairman)" is the chair', () => {
    const by = (name: string) => rows.find((r) => r.name === name);
    expect(by('Cllr David Longstaff')).toEqual({ line: 12, name: 'Cllr David Longstaff', title: 'Cabinet Member for Safety and Resident Engagement', role: 'member', boardRole: 'chair' });
    expect(by('Mark Strugnell')).toMatchObject({ title: 'Deputy Borough Commander', organisation: 'Met Police', role: 'member' });
    expect(by('Steve Leader')).toMatchObject({ organisation: 'London Fire Brigade', role: 'member' });
    expect(by('Pam Wharfe')).toMatchObject({ title: 'Interim Director for Environment, Planning & Regeneration', organisation: 'LBB', role: 'adviser' });
    expect(by('Julia Mlambo')).toMatchObject({ title: 'Community Safety Engagement Group Co-Ordinator', role: 'adviser' });
    expect(by('Julia Mlambo')?.organisation).toBeUndefined();
    expect(by('Dov Gerber')).toMatchObject({ organisation: 'CSEG', role: 'adviser' });
    expect(by('Ceri Jacob')).toMatchObject({ organisation: 'NC London NHS', role: 'member' });
    expect(rows.filter((r) => r.role === 'adviser')).toHaveLength(11);
  });

  it('lists the lines above the tables as not read, each with its line number', () => {
    if (!reading.ok) throw new Error(reading.problem);
    expect(reading.unread.map((u) => [u.line, u.text])).toEqual([
      [2, 'Safer Communities Partnership Board'],
      [3, 'Minutes of meeting held on 24 July 2012'],
      [4, 'Committee Room 2, Hendon Town Hall'],
      [6, 'AGENDA ITEM 3'],
      [8, 'MINUTES'],
    ]);
  });

  it('reads a name listed twice once, and says which line had it', () => {
    const twice = parseMembership('Board Members Present:\nSteve Leader\tLondon Fire Brigade\nJulie Pal\tCommunity Barnet\nSteve Leader\tLondon Fire Brigade');
    expect(rowsOf(twice).map((r) => r.name)).toEqual(['Steve Leader', 'Julie Pal']);
    expect(twice.ok && twice.unread).toEqual([{ line: 4, text: 'Steve Leader, London Fire Brigade', reason: 'Steve Leader is on line 2 already.' }]);
  });
});

describe('CSV', () => {
  it('reads name, title, organisation, short name, role and email, with quoted commas', () => {
    const reading = parseMembership('Name,Title,Organisation,Short name,Role,Email\n"Rose, Simon",DCS,Metropolitan Police,Met Police,chair,Simon.Rose@met.example\nKiran Vagarwal,Strategic Lead,LB Barnet,,also attends,\n\nTracy Scollin,Governance Officer,LB Barnet,,clerk,tracy@barnet.example\n');
    expect(reading.ok && reading.format).toBe('csv');
    expect(rowsOf(reading)).toEqual([
      { line: 2, name: 'Rose, Simon', title: 'DCS', organisation: 'Metropolitan Police', shortName: 'Met Police', role: 'member', boardRole: 'chair', email: 'simon.rose@met.example' },
      { line: 3, name: 'Kiran Vagarwal', title: 'Strategic Lead', organisation: 'LB Barnet', role: 'adviser' },
      { line: 5, name: 'Tracy Scollin', title: 'Governance Officer', organisation: 'LB Barnet', role: 'officer', boardRole: 'clerk', email: 'tracy@barnet.example' },
    ]);
  });

  const refused = (text: string) => {
    const reading = parseMembership(text);
    expect(reading.ok).toBe(false);
    return reading.ok ? '' : reading.problem;
  };

  it('refuses an unclosed quote, naming the line the row began on', () => {
    expect(refused('name,email\nSam Patel,sam@x.example\nJo King,"jo@x.example\nPat Lee,pat@x.example')).toBe('Line 3: a quote (") is opened and never closed, so the rest of the text is one value. Close the quote, or take it out.');
  });

  it('refuses a row with a different number of columns than the header', () => {
    expect(refused('name,title,email\nSam Patel,Inspector,sam@x.example\nJo King,Head of Housing, Barnet Homes,jo@x.example')).toBe('Line 3: 4 columns where the header has 3 (name, title, email). Put a value that has a comma in quotes.');
  });

  it('refuses an unknown role, an unknown column and a bad email, naming the line and the field', () => {
    expect(refused('name,role\nSam Patel,boss')).toBe('Line 2, role: "boss" is not a role. Use member, observer, officer, adviser, chair, vice-chair or clerk.');
    expect(refused('name,email,phone\nSam Patel,sam@x.example,0123')).toBe('Line 1, column "phone": not a column I know. Use name, title, organisation, short name, role and email.');
    expect(refused('name,email\nSam Patel,sam at x')).toBe('Line 2, email: "sam at x" is not an email address.');
  });

  it('refuses the same email twice in the paste, naming both lines', () => {
    expect(refused('name,email\nSam Patel,sam@x.example\nPat Lee,pat@x.example\nSam P,SAM@x.example')).toBe('Line 4, email: sam@x.example is also on line 2. Each person has their own email.');
    expect(refused('- **Sam Patel**, Inspector, Met Police, sam@x.example\n- **Sam P**, Met Police, sam@x.example')).toBe('Line 2, email: sam@x.example is also on line 1. Each person has their own email.');
  });

  it('lists a row without a name as not read, and refuses more than 100 people', () => {
    const reading = parseMembership('name,title\n,Inspector\nSam Patel,Inspector');
    expect(rowsOf(reading).map((r) => r.name)).toEqual(['Sam Patel']);
    expect(reading.ok && reading.unread).toEqual([{ line: 2, text: ', Inspector', reason: 'No name in this row.' }]);
    const many = ['name,title', ...Array.from({ length: 101 }, (_, i) => `Person ${i},Officer`)].join('\n');
    expect(refused(many)).toBe('A paste holds 100 people at most; this has 101. Paste it in parts.');
  });
});
