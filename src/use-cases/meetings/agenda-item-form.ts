// The agenda item form: title, sub-points (one a line), report of, pages ("5 - 12"), time
// allocation in minutes, links (one a line: "Title https://..." or just the address), exempt.
import { z } from 'zod';
import { AGENDA_ITEMS_MAX, AGENDA_TITLE_MAX } from '../../domain/agenda/agenda-item.ts';
import { readPagesColumn } from '../../domain/agenda/item-fields.ts';
import { AppError, ErrorCode } from '../../errors.ts';

export const ITEM_FIELDS = ['title', 'subPoints', 'reportOf', 'pages', 'minutes', 'links', 'exempt'] as const;
export const ITEM_TITLE_MAX = AGENDA_TITLE_MAX;
export const MAX_ITEMS = AGENDA_ITEMS_MAX;

export interface ItemFields {
  title: string;
  subPoints: string[];
  reportOf: string | null;
  pageFrom: number | null;
  pageTo: number | null;
  minutes: number | null;
  links: { title: string; url: string }[];
  exempt: boolean;
}

const optionalText = (max: number, label: string) =>
  z.string().trim().max(max, { error: `Keep ${label} to ${max} characters or fewer.` }).optional();

const schema = z.object({
  title: z.string({ error: 'Enter the item\u2019s title.' }).trim().min(1, { error: 'Enter the item\u2019s title.' }).max(ITEM_TITLE_MAX, { error: `Keep the title to ${ITEM_TITLE_MAX} characters or fewer.` }),
  subPoints: optionalText(3000, 'the sub-points'),
  reportOf: optionalText(150, '"report of"'),
  pages: optionalText(20, 'the pages'),
  minutes: z.coerce.number({ error: 'Enter the time in minutes, e.g. 10.' }).int({ error: 'Enter a whole number of minutes.' }).min(1, { error: 'Enter at least 1 minute.' }).max(480, { error: 'Enter at most 480 minutes.' }).optional(),
  links: optionalText(3000, 'the links'),
  exempt: z.union([z.boolean(), z.string()]).optional(),
});

export function readItemForm(values: Record<string, unknown>): ItemFields {
  const cleaned = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === '' || v === null ? undefined : v]));
  const parsed = schema.safeParse(cleaned);
  const errors: Record<string, string> = {};
  if (!parsed.success) for (const issue of parsed.error.issues) errors[String(issue.path[0])] ??= issue.message;
  const data = parsed.success ? parsed.data : undefined;

  let pageFrom: number | null = null;
  let pageTo: number | null = null;
  const pages = typeof cleaned.pages === 'string' ? cleaned.pages.trim() : '';
  if (pages && !errors.pages) {
    // The same reading of pages as the paste parser: "5 - 12", "13 \u2013 18", "Pages 5 - 12", "p. 7".
    const read = readPagesColumn(pages);
    if (!read) errors.pages = 'Enter pages as a number or a range, e.g. 5 or 5 - 12.';
    else ({ from: pageFrom, to: pageTo } = read);
  }

  const text = (key: string) => (typeof cleaned[key] === 'string' ? (cleaned[key] as string) : '');
  const subPoints = text('subPoints').split('\n').map((l) => l.replace(/^\s*[\u2022\-*\u25e6]\s*/, '').trim()).filter(Boolean);
  if (subPoints.some((s) => s.length > 300)) errors.subPoints = 'Keep each sub-point to 300 characters or fewer.';
  if (subPoints.length > 20) errors.subPoints = 'Twenty sub-points at most.';

  const links: { title: string; url: string }[] = [];
  for (const line of (errors.links ? '' : text('links')).split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
    const url = m?.[2];
    if (!m || !url || !URL.canParse(url)) {
      errors.links ??= `"${line.slice(0, 60)}" is not a link. Put one per line: a title, then the address starting https://`;
      continue;
    }
    links.push({ title: (m[1] ?? '').replace(/[:\-\u2013|]\s*$/, '').trim() || new URL(url).hostname, url });
  }
  if (links.length > 10) errors.links = 'Ten links at most.';

  if (!data || Object.keys(errors).length > 0) {
    throw new AppError(ErrorCode.INVALID_INPUT, 'Some details need correcting.', errors);
  }
  const exempt = data.exempt === true || data.exempt === 'true' || data.exempt === 'exempt';
  return {
    title: data.title,
    subPoints,
    reportOf: data.reportOf ?? null,
    pageFrom,
    pageTo,
    minutes: data.minutes ?? null,
    links,
    exempt,
  };
}
