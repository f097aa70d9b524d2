// The agenda item form: title, sub-points (one a line), report of, pages ("5 - 12"), time
// allocation in minutes, links (one a line: "Title https://..." or just the address), exempt.
// One zod schema reads it all, each problem reported against its own field.
import { z } from 'zod';
import { AGENDA_REPORT_OF_MAX, AGENDA_SUB_POINT_MAX, AGENDA_TITLE_MAX } from '../../domain/agenda/agenda-item.ts';
import { readPagesColumn } from '../../domain/agenda/item-fields.ts';

/** The longest text a Slack input takes; the item form's boxes are held to it on both platforms. */
export const ITEM_TEXTAREA_MAX = 3000;
export const SUB_POINTS_MAX = 20;
export const LINKS_MAX = 10;

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

const optionalText = (max: number, label: string) => z.string().trim().max(max, { error: `Keep ${label} to ${max} characters or fewer.` }).optional();

const subPoints = optionalText(ITEM_TEXTAREA_MAX, 'the sub-points').transform((text, ctx) => {
  const lines = (text ?? '').split('\n').map((l) => l.replace(/^\s*[\u2022\-*\u25e6]\s*/, '').trim()).filter(Boolean);
  if (lines.some((s) => s.length > AGENDA_SUB_POINT_MAX)) ctx.addIssue({ code: 'custom', message: `Keep each sub-point to ${AGENDA_SUB_POINT_MAX} characters or fewer.` });
  if (lines.length > SUB_POINTS_MAX) ctx.addIssue({ code: 'custom', message: 'Twenty sub-points at most.' });
  return lines;
});

const pages = optionalText(20, 'the pages').transform((text, ctx) => {
  if (!text) return { pageFrom: null, pageTo: null };
  // The same reading of pages as the paste parser: "5 - 12", "13 \u2013 18", "Pages 5 - 12", "p. 7".
  const read = readPagesColumn(text);
  if (!read) {
    ctx.addIssue({ code: 'custom', message: 'Enter pages as a number or a range, e.g. 5 or 5 - 12.' });
    return z.NEVER;
  }
  return { pageFrom: read.from, pageTo: read.to };
});

const links = optionalText(ITEM_TEXTAREA_MAX, 'the links').transform((text, ctx) => {
  const found: { title: string; url: string }[] = [];
  for (const line of (text ?? '').split('\n').map((l) => l.trim()).filter(Boolean)) {
    const m = /^(.*?)\s*(https?:\/\/\S+)$/.exec(line);
    const url = m?.[2];
    if (!m || !url || !URL.canParse(url)) {
      ctx.addIssue({ code: 'custom', message: `"${line.slice(0, 60)}" is not a link. Put one per line: a title, then the address starting https://` });
      return z.NEVER;
    }
    found.push({ title: (m[1] ?? '').replace(/[:\-\u2013|]\s*$/, '').trim() || new URL(url).hostname, url });
  }
  if (found.length > LINKS_MAX) ctx.addIssue({ code: 'custom', message: 'Ten links at most.' });
  return found;
});

export const itemFormValues = z
  .object({
    title: z.string({ error: 'Enter the item\u2019s title.' }).trim().min(1, { error: 'Enter the item\u2019s title.' }).max(AGENDA_TITLE_MAX, { error: `Keep the title to ${AGENDA_TITLE_MAX} characters or fewer.` }),
    subPoints,
    reportOf: optionalText(AGENDA_REPORT_OF_MAX, '"report of"'),
    pages,
    minutes: z.coerce.number({ error: 'Enter the time in minutes, e.g. 10.' }).int({ error: 'Enter a whole number of minutes.' }).min(1, { error: 'Enter at least 1 minute.' }).max(480, { error: 'Enter at most 480 minutes.' }).optional(),
    links,
    exempt: z.union([z.boolean(), z.string()]).optional(),
  })
  .transform(
    (v): ItemFields => ({
      title: v.title,
      subPoints: v.subPoints,
      reportOf: v.reportOf ?? null,
      ...v.pages,
      minutes: v.minutes ?? null,
      links: v.links,
      exempt: v.exempt === true || v.exempt === 'true' || v.exempt === 'exempt',
    }),
  );
