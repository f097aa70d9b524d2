// A compiled dashboard as several messages when one would be too big: Teams refuses an activity
// over about 28 KB (60 metrics make about 66 KB as one Adaptive Card), and Slack shows 50 blocks and
// one table of 100 rows a message. Each part holds whole metric rows with their factors, in
// catalogue order, then the delivery plan's milestones; each says "part 2 of 3".
//
// The core cannot render a card, so a part is kept within a budget counted conservatively: every
// row and milestone costs what its structure takes in the larger rendering (a Teams table row of
// seven cells is about 900 bytes of JSON), and every character of its text what it can become once
// escaped and encoded for either platform: a letter, digit, space or common punctuation one, anything
// else up to six
// (Slack's "&amp;", a look-alike or a zero-width space in UTF-8, an indent after a line break).
// test/unit/cards/dashboard-parts.test.ts proves that a 60-metric dashboard, and one of
// hostile text at every field's longest, renders within both platforms' limits, part by part.
import type { DashboardRow, DashboardView } from './dashboard-view.ts';

/** What one message may cost at most, in the units below (Teams allows about 28,000 bytes, less
 * the activity's envelope and the Adaptive Card's own frame). */
export const PART_BUDGET = 24_000;
/** The frame every part has: title, the quarter's months, the table's header row, headings, the
 * missing organisations' line, the buttons and links. */
const FRAME_COST = 2_500;
/** A table row of seven cells, and the container of its factors. */
const ROW_COST = 950;
/** A milestone's container and its lines. */
const MILESTONE_COST = 400;
/** Slack shows one table block of at most 100 rows (the header is one). */
export const ROWS_PER_PART = 60;

/** Characters no platform escapes (at the start of a line a guard may go before one: counted per text). */
const PLAIN = /[A-Za-z0-9 ,.;'()%/+?!-]/;

/** The most `text` can cost once escaped and encoded for either platform. */
export function textCost(text: string | undefined): number {
  if (!text) return 0;
  let cost = 3; // a guard a platform may put at the start of a line (a zero-width space in UTF-8)
  for (const c of text) cost += PLAIN.test(c) ? 1 : 6;
  return cost;
}

export const rowCost = (r: DashboardRow): number =>
  ROW_COST +
  2 * textCost(r.name) + // in the table, and above its factors
  [r.organisation, r.unit, r.value, r.yearEarlier, r.change, r.rolling, r.rollingChange, r.override, r.positive, r.negative, ...r.ranks].reduce((n, t) => n + textCost(t), 0);

type Milestone = DashboardView['milestones'][number];
export const milestoneCost = (m: Milestone): number => MILESTONE_COST + [m.title, m.organisation, m.lead, m.progress].reduce((n, t) => n + textCost(t), 0);

const frameCost = (view: DashboardView): number => FRAME_COST + 2 * textCost(view.boardName) + view.missing.reduce((n, t) => n + textCost(t), 0);

/**
 * The dashboard as the messages that carry it, in order: one view per part, each with `part` set
 * when there is more than one. Every row and milestone is in exactly one part; a row or milestone
 * too big for a part of its own still gets one (its fields' own limits keep it well within).
 */
export function dashboardParts(view: DashboardView): DashboardView[] {
  const frame = frameCost(view);
  const parts: { rows: DashboardRow[]; milestones: Milestone[] }[] = [];
  let current: (typeof parts)[number] = { rows: [], milestones: [] };
  let cost = frame;
  const place = (size: number, isRow: boolean, add: () => void) => {
    const empty = current.rows.length + current.milestones.length === 0;
    if (!empty && (cost + size > PART_BUDGET || (isRow && current.rows.length >= ROWS_PER_PART))) {
      parts.push(current);
      current = { rows: [], milestones: [] };
      cost = frame;
    }
    add();
    cost += size;
  };
  for (const row of view.rows) place(rowCost(row), true, () => current.rows.push(row));
  for (const m of view.milestones) place(milestoneCost(m), false, () => current.milestones.push(m));
  parts.push(current);
  if (parts.length === 1) return [view];
  // Who has not submitted closes the dashboard: the last part says it.
  return parts.map((p, i) => ({ ...view, rows: p.rows, milestones: p.milestones, missing: i === parts.length - 1 ? view.missing : [], part: { number: i + 1, of: parts.length } }));
}

/** Part `number` (1-based) of the dashboard, or its last part when there are fewer. */
export function dashboardPart(view: DashboardView, number: number): DashboardView {
  const parts = dashboardParts(view);
  return parts[Math.min(Math.max(number, 1), parts.length) - 1] as DashboardView;
}
