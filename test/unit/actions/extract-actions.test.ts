import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractActions, readHeading, readOwnerList } from '../../../src/domain/actions/extract-actions.ts';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/actions/${name}`, import.meta.url), 'utf8');

type Expected = [line: number, item: string, heading: string, owners: string[], description: string, doubtful: boolean];
/** The first 40 characters of a description, enough to tell which text an action closes. */
const p = (s: string): string => s.slice(0, 40);

function summary(text: string): Expected[] {
  return extractActions(text).actions.map((a) => [a.line, a.item?.number ?? '', a.item?.heading ?? '', a.owners, a.description.slice(0, 40), a.doubts.length > 0]);
}

describe('extractActions on the minutes of 24 July 2012 ("ACTION: name" lines)', () => {
  const text = fixture('minutes-2012-07-24.txt');

  it('finds every action with its item, owners and the text it closes', () => {
    expect(summary(text)).toEqual<Expected[]>([
      [67, '2.2', 'AntiSocial Behaviour (ASB)', ['Paul Lamb'], p('The methodology for measuring ASB continues to be a challenge'), false],
      [75, '2.3', 'Violent Crime with Special Focus on Domestic Violence (DV)', ['Manju Likhman'], p('Invite DVIP to the next board meeting.'), false],
      [81, '2.4', 'Improving Integrated Offender Management (IOM)', ['Terry Cameron', 'Michael Kelly'], p('A paper was circulated by Michael Kelly, IOM updating the boar'), false],
      [95, '2.5', 'Broader, Cost Effective Early Intervention (Troubled Families Programme)', ['Jay Mercer'], p('Action for Children has been commissioned to deliver a Qualit'), false],
      [111, '2.8', 'Building Reassurance and Confidence', ['Chris Palmer'], p('The media and community engagement strategy will be presented'), false],
      [119, '3.1', 'Substance Misuse Strategy', ['Ceri Jacob'], p('The paper will be re-presented at a later date.'), false],
      [131, '3.3', "Safeguarding Annual Children's Report", ['Tim Beach'], p("Tim Beach sought the board's permission and agreement to disc"), false],
    ]);
  });

  it('keeps the whole paragraph an action closes, and lists no doubtful lines', () => {
    const { actions, doubtful } = extractActions(text);
    expect(actions[0]?.description).toBe(
      'The methodology for measuring ASB continues to be a challenge and would benefit from a wider discussion by the board at a future meeting.',
    );
    expect(actions.map((a) => a.marker)).toEqual([
      'ACTION: Paul Lamb',
      'Action: Manju Likhman to invite DVIP to the next board meeting.',
      'ACTION: Terry Cameron/Michael Kelly',
      'ACTION: Jay Mercer',
      'ACTION; Chris Palmer',
      'ACTION; Ceri Jacob',
      'ACTION: Tim Beach',
    ]);
    expect(doubtful).toEqual([]);
  });
});

describe('extractActions on the minutes of 27 October 2017 (bare "[ACTION]" after the owner\'s sentence)', () => {
  const text = fixture('minutes-2017-10-27.txt');
  const offenders = '5 FOCUS ON OFFENDERS - NPS AND CRC'.slice(2);

  it('finds every action, its owner the subject of the sentence it closes', () => {
    expect(summary(text)).toEqual<Expected[]>([
      [74, '5', offenders, ['Ms Gardiner'], p('Ms Gardiner agreed to provide figures on community payback as'), false],
      [75, '5', offenders, ['Ms Gardiner'], p('560 offenders were currently on licence in Barnet. Enforcemen'), false],
      [79, '5', offenders, ['Ms Ansdell'], p('The Chairman asked when an outline of the inspection could be'), true],
      [95, '6', 'COMMUNITY SAFETY STRATEGIC ASSESSMENT', [], p('Despite falling crime rates, crime had been the second highes'), true],
      [115, '6', 'COMMUNITY SAFETY STRATEGIC ASSESSMENT', ['Ms Vagarwal'], p('Ms Vagarwal proposed draft strategic priorities which were ag'), true],
      [119, '7', 'UPDATE FROM MOPAC', ['Ms Lynne Abrams'], p('Ms Lynne Abrams, Senior Programme Manager at MOPAC updated th'), true],
      [130, '7', 'UPDATE FROM MOPAC', ['Ms Birkett'], p('Ms Pall of CommUNITY Barnet enquired about the MOPAC Hate Cri'), false],
      [147, '9', 'UPDATE FROM FAMILY SERVICES', ['Ms McElligott'], p("Barnet's First Time Entrants (FTE) and re-offending rates wer"), false],
      [150, '9', 'UPDATE FROM FAMILY SERVICES', ['Ms McElligott'], p('A new risk assessment tool, Vulnerable Adults Sexual Exploita'), true],
      [179, '12', 'ANY OTHER BUSINESS', [], p('A new representative from the University of Middlesex would b'), true],
    ]);
  });

  it('says why each doubtful one needs a look', () => {
    const doubts = Object.fromEntries(extractActions(text).actions.map((a) => [a.line, a.doubts]));
    expect(doubts[79]).toEqual(['The owner is taken from "She" in "She would report to the Board after this.": check it is Ms Ansdell.']);
    expect(doubts[115]).toEqual(['The owner is taken from "She" in "She would forward a final draft to the Board by email for comment.": check it is Ms Vagarwal.']);
    expect(doubts[95]?.[0]).toMatch(/^No owner is named in "Developing a plan to engage more/);
    expect(doubts[119]?.[0]).toMatch(/^No one is named in "A presentation would be circulated following the meeting\."/);
    expect(doubts[150]?.[0]).toMatch(/Ms McElligott is named in it; check the owner\.$/);
    expect(doubts[179]?.[0]).toMatch(/^No owner is named in "A new representative/);
  });

  it('drops the marker and the bullet from the description, and takes the clause after a dash', () => {
    const byLine = new Map(extractActions(text).actions.map((a) => [a.line, a]));
    expect(byLine.get(74)?.description).toBe('Ms Gardiner agreed to provide figures on community payback as well as a breakdown of the boroughs at the next meeting.');
    expect(byLine.get(147)?.description).toMatch(/– Ms McElligott would bring details to the next meeting\.$/);
    expect(byLine.get(179)?.marker).toBe('**[ACTION]**');
  });
});

describe('the other marker styles', () => {
  it('reads several owners separated by a slash, commas or "and", with titles and roles', () => {
    const text = ['5 Police update', '', 'The board asked for the ward figures.', 'Action: Ms Hirani/Mr Clifton', '', 'The Chairman asked for a briefing. Action: Chairman, Ms Vagarwal, Mr Clifton'].join('\n');
    const { actions } = extractActions(text);
    expect(actions.map((a) => [a.owners, a.description, a.item?.number])).toEqual([
      [['Ms Hirani', 'Mr Clifton'], 'The board asked for the ward figures.', '5'],
      [['Chairman', 'Ms Vagarwal', 'Mr Clifton'], 'The Chairman asked for a briefing.', '5'],
    ]);
  });

  it.each([
    ['Terry Cameron/Michael Kelly', ['Terry Cameron', 'Michael Kelly'], undefined],
    ['Chairman, Ms Vagarwal, Mr Clifton', ['Chairman', 'Ms Vagarwal', 'Mr Clifton'], undefined],
    ['Manju Likhman to invite DVIP to the next board meeting.', ['Manju Likhman'], 'Invite DVIP to the next board meeting.'],
    ['Ms Hirani and Superintendent Leach to report back', ['Ms Hirani', 'Superintendent Leach'], 'Report back.'],
    ['the Chairman & the Clerk', ['the Chairman', 'the Clerk'], undefined],
  ])('readOwnerList(%j)', (text, owners, task) => {
    expect(readOwnerList(text)).toEqual(task ? { owners, task } : { owners });
  });

  it('lists a marker with no owner as doubtful and still returns the action', () => {
    const { actions, doubtful } = extractActions('3 Minutes\n\nThe minutes were agreed.\nACTION:\n');
    expect(doubtful).toEqual([{ line: 4, text: 'ACTION:', reason: 'An action marker with no owner after it.' }]);
    expect(actions).toHaveLength(1);
    expect(actions[0]?.doubts).toEqual(['No owner is named after the marker: choose the owner.']);
  });

  it('lists lines that look like markers but cannot be read, and ignores prose about actions', () => {
    const text = ['4 Matters arising', '', 'Actions, all complete', 'Action for Children has been commissioned.', 'The Prevent action plan was delivered.'].join('\n');
    const { actions, doubtful } = extractActions(text);
    expect(actions).toEqual([]);
    expect(doubtful.map((d) => d.line)).toEqual([3]);
  });

  it('flags an action with no agenda item above it', () => {
    const { actions } = extractActions('Mr Clifton would circulate the plan. [ACTION]');
    expect(actions[0]?.owners).toEqual(['Mr Clifton']);
    expect(actions[0]?.doubts).toEqual(['No agenda item heading comes before it: choose the item.']);
  });
});

describe('readHeading', () => {
  it.each([
    ['2.2 AntiSocial Behaviour (ASB)', { number: '2.2', heading: 'AntiSocial Behaviour (ASB)' }],
    ['## 11 **PROPOSED ITEMS FOR NEXT SCPB: JANUARY 2018**', { number: '11', heading: 'PROPOSED ITEMS FOR NEXT SCPB: JANUARY 2018' }],
    ['Section 2 - Safer Communities Strategy- update on priorities', { number: '2', heading: 'Safer Communities Strategy- update on priorities' }],
    ['Item 8; Barnet Anti-Social Behaviour Action Group (BASBAG)', { number: '8', heading: 'Barnet Anti-Social Behaviour Action Group (BASBAG)' }],
    ['8.\tBARNET ANTI-SOCIAL BEHAVIOUR ACTION GROUP (BASBAG) (10 MINS)\t63 - 64', { number: '8', heading: 'BARNET ANTI-SOCIAL BEHAVIOUR ACTION GROUP (BASBAG) (10 MINS)' }],
  ])('%j is a heading', (line, expected) => {
    expect(readHeading(line)).toEqual(expected);
  });

  it.each(['16 OCTOBER 2012', '560 offenders were currently on licence in Barnet.', '2\tResidents and businesses are engaged and informed.', 'AGENDA ITEM 3', 'The minutes were agreed.'])('%j is not', (line) => {
    expect(readHeading(line)).toBeUndefined();
  });
});
