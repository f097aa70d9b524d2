// An agenda item as a clerk writes it in an agenda pack's ORDER OF BUSINESS, before it is saved:
// the neutral shape that pasting a table, importing from ModernGov and the item form all produce.
import { z } from 'zod';

/** The items every meeting has, whatever the business. */
export type StandingItemKind = 'welcome' | 'apologies' | 'minutes' | 'matters_arising' | 'aob' | 'next_meeting';

export type AgendaItemDraft = {
  /** As printed: "5", "5a", "5.1". */
  number: string;
  title: string;
  subPoints: string[];
  /** The officer or partner presenting: "Director of Children's Services", "Cdr Adrian Usher". */
  reportOf?: string;
  /** Pages in the agenda pack; a single page has from === to. */
  pages?: { from: number; to: number } | undefined;
  /** Time allocated, in minutes ("(10 MINS)" → 10). */
  minutes?: number;
  links: { title: string; url: string }[];
  /** Business not open to the public: never posted to a public channel. */
  exempt: boolean;
  standing?: StandingItemKind;
};

export const AGENDA_TITLE_MAX = 200;
export const AGENDA_SUB_POINT_MAX = 300;
export const AGENDA_REPORT_OF_MAX = 150;
export const AGENDA_ITEMS_MAX = 40;
export const AGENDA_LINK_TITLE_MAX = 200;
export const AGENDA_LINK_URL_MAX = 2000;

/**
 * The seed board's usual order. Both packs (October 2012 and January 2018) open with Welcome and
 * Introductions and close with Any Other Business then Date of Next Meeting. They disagree on the
 * middle: October 2012 has Apologies, Minutes, Matters Arising; January 2018 has Minutes before
 * Apologies. We take the 2012 order, which is also the order most committees use (apologies
 * first, so the meeting knows it is quorate before it approves anything). Business items go
 * between Matters Arising and Any Other Business.
 */
export const DEFAULT_STANDING_ITEMS: readonly { standing: StandingItemKind; title: string; closing: boolean }[] = [
  { standing: 'welcome', title: 'Welcome and Introductions', closing: false },
  { standing: 'apologies', title: 'Apologies for Absence', closing: false },
  { standing: 'minutes', title: 'Minutes of the Previous Meeting', closing: false },
  { standing: 'matters_arising', title: 'Matters Arising', closing: false },
  { standing: 'aob', title: 'Any Other Business', closing: true },
  { standing: 'next_meeting', title: 'Date of Next Meeting', closing: true },
];

// Each pattern is tried on the whole title, lower-cased, with punctuation turned to spaces, so
// "MINUTES OF PREVIOUS MEETING", "Minutes of the last meeting." and "Minutes – previous meeting"
// all read alike. Anchored at both ends: "Minutes of the Health and Wellbeing Board" is business.
const STANDING_PATTERNS: readonly [StandingItemKind, RegExp][] = [
  ['welcome', /^(chair s )?(welcome|welcomes)( and| &)?( introductions?)?( and apologies( for absence)?)?$|^introductions?$/],
  ['apologies', /^(apologies|apologies for absence|apologies and substitutions?|apologies for absence and substitutions?|apologies substitutions?)( and declarations? of interests?)?$/],
  ['minutes', /^(approval of )?(the )?minutes( of| from)?( the)? (previous|last|preceding)( meeting)?( and matters arising)?$|^minutes( of the)?( previous| last)? meeting( held on .*)?$|^minutes$/],
  ['matters_arising', /^matters arising( from the (previous |last )?(meeting|minutes))?$|^action log( and matters arising)?$/],
  ['aob', /^(aob|a o b|any other business|any other urgent business|urgent business|any other items?)$/],
  ['next_meeting', /^(date|dates)( and time)?( and venue)? of (the )?(next|future) meetings?$|^next meeting( date)?$|^dates? of future meetings$/],
];

const normaliseTitle = (title: string): string =>
  title
    .toLowerCase()
    .replace(/[’']/g, ' ')
    .replace(/[^a-z0-9&]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/** Recognises the usual wordings of the standing items; undefined for business. */
export function detectStandingItem(title: string): StandingItemKind | undefined {
  const normal = normaliseTitle(title);
  if (!normal) return undefined;
  // "Minutes of the Previous Meeting and Matters Arising" counts as minutes (matters arising
  // are taken under it), which the 2012 minutes do.
  for (const [kind, pattern] of STANDING_PATTERNS) if (pattern.test(normal)) return kind;
  return undefined;
}

/** "5 - 12", or "p. 13" for a single page; empty when there are no pages. */
export function formatPages(pages: { from: number; to: number } | undefined): string {
  if (!pages) return '';
  return pages.from === pages.to ? `p. ${pages.from}` : `${pages.from} - ${pages.to}`;
}

const text = (label: string, max: number) =>
  z
    .string({ error: `${label} must be text.` })
    .trim()
    .min(1, { error: `${label} cannot be empty.` })
    .max(max, { error: `${label} must be ${max} characters or fewer.` });

const page = z
  .number({ error: 'Page numbers must be numbers.' })
  .int({ error: 'Page numbers must be whole numbers.' })
  .positive({ error: 'Page numbers start at 1.' })
  .max(9999, { error: 'Page numbers stop at 9999.' });

export const agendaItemDraftSchema = z.object({
  number: z
    .string({ error: 'The item number must be text, e.g. "5" or "5a".' })
    .trim()
    .min(1, { error: 'Give the item a number, e.g. "5" or "5a".' })
    .max(10, { error: 'An item number is at most 10 characters, e.g. "5", "5a" or "5.1".' })
    .regex(/^(?:[0-9A-Za-z][0-9A-Za-z.()-]*)?$/, { error: 'An item number is digits and letters, e.g. "5", "5a" or "5.1".' }),
  title: text('The title', AGENDA_TITLE_MAX),
  subPoints: z
    .array(text('A sub-point', AGENDA_SUB_POINT_MAX), { error: 'Sub-points must be a list.' })
    .max(30, { error: 'An item has at most 30 sub-points.' }),
  reportOf: text('"Report of"', AGENDA_REPORT_OF_MAX).optional(),
  pages: z
    .object({ from: page, to: page })
    .refine((p) => p.from <= p.to, { error: 'The first page must not come after the last page.' })
    .optional(),
  minutes: z
    .number({ error: 'The time allocated must be a number of minutes.' })
    .int({ error: 'The time allocated must be whole minutes.' })
    .positive({ error: 'The time allocated must be at least 1 minute.' })
    .max(600, { error: 'The time allocated must be 600 minutes (10 hours) or less.' })
    .optional(),
  links: z
    .array(
      z.object({
        title: text('A link title', AGENDA_LINK_TITLE_MAX),
        url: z.url({ protocol: /^https?$/, error: 'A link must be a web address starting with https:// or http://.' }).max(AGENDA_LINK_URL_MAX, { error: `A link must be ${AGENDA_LINK_URL_MAX} characters or fewer.` }),
      }),
    )
    .max(20, { error: 'An item has at most 20 links.' }),
  exempt: z.boolean({ error: 'Say whether the item is exempt (true or false).' }),
  standing: z.enum(['welcome', 'apologies', 'minutes', 'matters_arising', 'aob', 'next_meeting'], { error: 'That is not a standing item.' }).optional(),
});

export const agendaDraftSchema = z
  .array(agendaItemDraftSchema)
  .max(AGENDA_ITEMS_MAX, { error: `An agenda holds ${AGENDA_ITEMS_MAX} items at most.` });
