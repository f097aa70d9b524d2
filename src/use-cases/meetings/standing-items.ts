// The items every meeting of the seed board has, in its usual order (the January 2018 and
// October 2012 packs): business items go between Matters Arising and Any Other Business.
export const STANDING_ITEMS = [
  { title: 'Welcome and Introductions', standing: 'welcome' },
  { title: 'Apologies for Absence', standing: 'apologies' },
  { title: 'Minutes of the Previous Meeting', standing: 'minutes' },
  { title: 'Matters Arising', standing: 'matters_arising' },
  { title: 'Any Other Business', standing: 'aob' },
  { title: 'Date of Next Meeting', standing: 'next_meeting' },
] as const;

/** Standing items that close the agenda: new business goes before the first of these. */
export const CLOSING_STANDING = new Set<string>(['aob', 'next_meeting']);
