// The neutral card model: every message and form the bot shows, defined once, rendered to Slack
// Block Kit (render/slack.ts) and to Adaptive Cards 1.5 (render/adaptive.ts). Cards are pure
// functions of data: the same card renders to the same JSON every time, so a card "updated in
// place after a click" is simply the new card rendered again (chat.update on Slack, the invoke
// response on Teams).
//
// Text is `Text` (text.ts): a plain string is literal text, shown exactly as written on both
// platforms whatever it holds; our own bold, italics, links and lists are rich text built with
// md`...` and its helpers. Fields typed `string` are plain: headings, labels, buttons, cells.
// The renderers escape every piece of it for their platform (escape.ts), so no one's text can
// ping a channel, make a link or change the formatting.
import type { Text } from './text.ts';

export type { Text } from './text.ts';

export type Tone = 'default' | 'good' | 'warning' | 'attention';

export type Element =
  /** A heading inside a card (Slack header block, large bold TextBlock). Plain text. */
  | { type: 'heading'; text: string }
  | { type: 'text'; text: Text; tone?: Tone; muted?: boolean }
  /** Label/value pairs: "When", "Where", "Status"... */
  | { type: 'facts'; facts: Fact[] }
  /** Numbered entries: agenda items, actions, failed messages... */
  | { type: 'items'; items: ItemEntry[] }
  /** A table of figures. */
  | { type: 'table'; columns: Column[]; rows: Cell[][]; caption?: string }
  /** A small footnote line. */
  | { type: 'context'; text: Text }
  | { type: 'divider' }
  | { type: 'actions'; actions: Action[] };

export interface Fact {
  label: string;
  value: Text;
}

export interface Link {
  label: string;
  url: string;
}

/** A numbered entry. Agenda items fill the agenda fields; other lists use title and lines. */
export interface ItemEntry {
  number?: string;
  title: Text;
  /** Bullet points under the title, as the ORDER OF BUSINESS prints them. */
  subPoints?: Text[];
  /** "Report of": the officer presenting the item. */
  reportOf?: string;
  /** Pages in the agenda pack, e.g. "5 - 12". */
  pages?: string;
  /** Time allocated, as printed: "10 mins", "1 hr 10 mins". */
  time?: string;
  links?: Link[];
  /** Business not open to the public: shown with the words "Exempt item". The card builder
   * decides whether its title and details may be shown at all (see agenda.ts). */
  exempt?: boolean;
  /** Any other lines under the title. */
  lines?: Text[];
  /** Buttons for the entry: one sits beside it, several go in a row under it. */
  actions?: Action[];
}

export interface Column {
  title: string;
  align?: 'left' | 'right' | 'center';
}

export type Rag = 'red' | 'amber' | 'green';
/** A table cell: text, or a rating shown in colour (and always in words, for colour blindness). */
export type Cell = string | { text: string; rag?: Rag };

/** What a button carries back to the bot. Kept small: Slack allows 2000 characters of JSON. */
export type Payload = Record<string, string | number | boolean | null>;

export interface Confirm {
  title: string;
  text: string;
  confirm: string;
  deny: string;
}

export type Action =
  | {
      kind: 'button';
      /** Slack action_id / Teams Action.Execute verb, e.g. "action.done". */
      id: string;
      label: string;
      payload?: Payload;
      style?: 'primary' | 'danger';
      /** Slack shows a confirmation dialog; Teams has none for Action.Execute (the bot confirms). */
      confirm?: Confirm;
    }
  | { kind: 'link'; label: string; url: string };

export interface Card {
  /** Notification and screen-reader text, a plain sentence. Defaults to the title. */
  fallback?: string;
  title?: string;
  body: Element[];
  /** The button action that gives the card as it is now, for the person looking: Teams asks for
   * it whenever the card is shown (Adaptive Card `refresh`, so every owner's copy is current);
   * Slack has no such thing and ignores it. */
  refresh?: { id: string; payload: Payload };
}

/** `people`: a person picker over the platform's own directory (Slack users_select /
 * multi_users_select; Teams Input.ChoiceSet on graph.microsoft.com/users). Reads back as platform
 * user ids: Slack user ids, or Azure AD object ids. */
/** `file`: a file to upload (Slack file_input, one file; read back as the file ids, string[]).
 * Teams forms take no files (a file comes in the personal chat): the field is left out there. */
export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'time' | 'select' | 'multiselect' | 'checkbox' | 'people' | 'file';

export type FieldValue = string | string[] | number | boolean;

export interface Field {
  /** Also the Slack block_id, so `response_action: errors` can point at it. */
  id: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  placeholder?: string;
  /** text/textarea. */
  maxLength?: number;
  /** number. */
  min?: number;
  max?: number;
  /** number: whether decimals may be entered (whole numbers only unless set). */
  decimals?: boolean;
  /** select/multiselect. */
  options?: { value: string; label: string }[];
  /** file: the file extensions taken (e.g. csv, txt). */
  filetypes?: string[];
  /** people: several may be chosen (read back as string[]; one is a string). */
  multiple?: boolean;
  /** Initial value: a date is YYYY-MM-DD, a time HH:mm, a multiselect string[], a checkbox boolean. */
  value?: FieldValue;
  /** A problem with what was entered, shown next to the field. */
  error?: string;
}

/** JSON the form carries through and back on submission (meeting id, round id...). */
export type FormMetadata = Record<string, string | number | boolean | null>;

export interface Form {
  /** Callback id / verb of the submission, e.g. "meeting.create". */
  id: string;
  /** Slack shows at most 24 characters. */
  title: string;
  submitLabel: string;
  /** Defaults to "Cancel". */
  closeLabel?: string;
  intro?: Text;
  metadata: FormMetadata;
  fields: Field[];
}

/** Errors by field id. */
export type FieldErrors = Record<string, string>;

/** What was entered, by field id, raw: numbers as typed (strings), a checkbox boolean, a
 * multiselect string[], null when left empty. The use cases validate it (zod). */
export type FormValues = Record<string, string | string[] | boolean | number | null>;
