import { describe, expect, it } from 'vitest';
import {
  AGENDA_ITEMS_MAX,
  DEFAULT_STANDING_ITEMS,
  agendaDraftSchema,
  agendaItemDraftSchema,
  detectStandingItem,
  formatPages,
  type AgendaItemDraft,
} from '../../../src/domain/agenda/agenda-item.ts';

const item = (overrides: Partial<AgendaItemDraft> = {}): AgendaItemDraft => ({ number: '5', title: 'Police Update', subPoints: [], links: [], exempt: false, ...overrides });

describe('detectStandingItem', () => {
  it.each([
    ['Welcome and Introductions', 'welcome'],
    ['WELCOME AND INTRODUCTIONS', 'welcome'],
    ['Welcome', 'welcome'],
    ["Chair's welcome", 'welcome'],
    ['Apologies for absence', 'apologies'],
    ['APOLOGIES FOR ABSENCE', 'apologies'],
    ['Apologies', 'apologies'],
    ['Apologies and substitutions', 'apologies'],
    ['Minutes of Previous Meeting', 'minutes'],
    ['Minutes of the last meeting', 'minutes'],
    ['Minutes of the Previous Meeting', 'minutes'],
    ['Minutes of 20 April 2012 meeting and matters arising', undefined],
    ['Minutes', 'minutes'],
    ['Approval of the minutes of the previous meeting', 'minutes'],
    ['Matters arising', 'matters_arising'],
    ['Matters Arising from the Minutes', 'matters_arising'],
    ['AOB', 'aob'],
    ['A.O.B.', 'aob'],
    ['Any other business', 'aob'],
    ['ANY OTHER BUSINESS', 'aob'],
    ['Date of next meeting', 'next_meeting'],
    ['DATE OF NEXT MEETING', 'next_meeting'],
    ['Dates of future meetings', 'next_meeting'],
    ['Police Update', undefined],
    ['Minutes of the Health and Wellbeing Board', undefined],
    ['Community Safety Strategy', undefined],
  ])('%s → %s', (title, kind) => {
    expect(detectStandingItem(title)).toBe(kind);
  });

  it('recognises every default standing title as its own kind', () => {
    for (const standing of DEFAULT_STANDING_ITEMS) expect(detectStandingItem(standing.title)).toBe(standing.standing);
  });
});

describe('DEFAULT_STANDING_ITEMS', () => {
  it('opens with welcome, apologies, minutes, matters arising and closes with AOB and next meeting', () => {
    expect(DEFAULT_STANDING_ITEMS.map((s) => s.standing)).toEqual(['welcome', 'apologies', 'minutes', 'matters_arising', 'aob', 'next_meeting']);
    expect(DEFAULT_STANDING_ITEMS.filter((s) => s.closing).map((s) => s.standing)).toEqual(['aob', 'next_meeting']);
  });
});

describe('formatPages', () => {
  it('writes a range, a single page, or nothing', () => {
    expect(formatPages({ from: 5, to: 12 })).toBe('5 - 12');
    expect(formatPages({ from: 13, to: 13 })).toBe('p. 13');
    expect(formatPages(undefined)).toBe('');
  });
});

describe('agendaItemDraftSchema', () => {
  const messages = (value: unknown): string[] => {
    const result = agendaItemDraftSchema.safeParse(value);
    return result.success ? [] : result.error.issues.map((i) => i.message);
  };

  it('accepts a full item', () => {
    expect(
      agendaItemDraftSchema.parse(
        item({ subPoints: ['Performance'], reportOf: 'Borough Commander', pages: { from: 13, to: 18 }, minutes: 10, links: [{ title: 'Report', url: 'https://example.org/r.pdf' }], standing: undefined }),
      ),
    ).toMatchObject({ title: 'Police Update', pages: { from: 13, to: 18 } });
  });

  it('explains each limit in words', () => {
    expect(messages(item({ title: 'x'.repeat(201) }))).toEqual(['The title must be 200 characters or fewer.']);
    expect(messages(item({ title: '  ' }))).toEqual(['The title cannot be empty.']);
    expect(messages(item({ subPoints: ['y'.repeat(301)] }))).toEqual(['A sub-point must be 300 characters or fewer.']);
    expect(messages(item({ reportOf: 'z'.repeat(151) }))).toEqual(['"Report of" must be 150 characters or fewer.']);
    expect(messages(item({ pages: { from: 12, to: 5 } }))).toEqual(['The first page must not come after the last page.']);
    expect(messages(item({ minutes: 0 }))).toEqual(['The time allocated must be at least 1 minute.']);
    expect(messages(item({ number: '' }))).toEqual(['Give the item a number, e.g. "5" or "5a".']);
    expect(messages(item({ links: [{ title: 'Report', url: 'javascript:alert(1)' }] }))).toEqual(['A link must be a web address starting with https:// or http://.']);
  });

  it('holds 40 items at most', () => {
    expect(agendaDraftSchema.safeParse(Array.from({ length: AGENDA_ITEMS_MAX }, (_, i) => item({ number: String(i + 1) }))).success).toBe(true);
    const tooMany = agendaDraftSchema.safeParse(Array.from({ length: AGENDA_ITEMS_MAX + 1 }, (_, i) => item({ number: String(i + 1) })));
    expect(tooMany.success ? [] : tooMany.error.issues.map((i) => i.message)).toEqual(['An agenda holds 40 items at most.']);
  });
});
