// The neutral card model: every message and form the bot shows, defined once, rendered to Slack
// Block Kit (render/slack.ts) and to Adaptive Cards 1.5 (render/adaptive.ts).
//
// Text uses a small markup both platforms can show: **bold**, _italic_, [label](https://url).
// Anything else is shown as written (and escaped for Slack, so no one's text can ping a channel).

export type Tone = 'default' | 'good' | 'warning' | 'attention';

export type Element =
  | { type: 'heading'; text: string }
  | { type: 'text'; text: string; tone?: Tone; muted?: boolean }
  | { type: 'facts'; facts: { label: string; value: string }[] }
  | { type: 'items'; items: ItemEntry[] }
  | { type: 'table'; columns: Column[]; rows: Cell[][]; caption?: string }
  | { type: 'context'; text: string }
  | { type: 'divider' }
  | { type: 'actions'; actions: Action[] };

/** A numbered entry: an agenda item, an action, a failed message... */
export interface ItemEntry {
  number?: string;
  title: string;
  /** Lines under the title (sub-points, report of, pages). Markup allowed. */
  lines?: string[];
  /** Buttons for the entry: one sits beside it, several go in a row under it. */
  actions?: Action[];
}

export interface Column {
  title: string;
  align?: 'left' | 'right' | 'center';
}

export type Rag = 'red' | 'amber' | 'green';
export type Cell = string | { text: string; rag?: Rag };

export type Action =
  | {
      kind: 'button';
      /** Slack action_id / Teams Action.Execute verb, e.g. "outbox.retry". */
      id: string;
      label: string;
      payload?: Record<string, unknown>;
      style?: 'primary' | 'danger';
      confirm?: { title: string; text: string; confirm: string; deny: string };
    }
  | { kind: 'link'; label: string; url: string };

export interface Card {
  /** Notification and screen-reader text; a plain sentence. */
  fallback: string;
  title?: string;
  body: Element[];
}

export type FieldKind = 'text' | 'textarea' | 'number' | 'date' | 'time' | 'select' | 'checkbox';

export interface Field {
  id: string;
  label: string;
  kind: FieldKind;
  required?: boolean;
  hint?: string;
  placeholder?: string;
  maxLength?: number;
  min?: number;
  max?: number;
  options?: { value: string; label: string }[];
  /** Initial value: string for most kinds, boolean for checkbox. */
  value?: string | boolean;
}

export interface Form {
  /** Callback id / verb of the submission, e.g. "meeting.create". */
  id: string;
  /** Slack shows at most 24 characters. */
  title: string;
  submitLabel: string;
  intro?: string;
  metadata: Record<string, string>;
  fields: Field[];
}

export type FormValues = Record<string, string | string[] | boolean | number | null>;
