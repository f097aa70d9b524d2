// Actions found in pasted minutes, in every style the seed minutes use:
//   "ACTION: Paul Lamb", "ACTION; Chris Palmer", "ACTION: Terry Cameron/Michael Kelly",
//   "Action: Ms Hirani/Mr Clifton", "Action: Chairman, Ms Vagarwal, Mr Clifton",
//   "Action: Manju Likhman to invite DVIP to the next board meeting.",
//   and a bare "[ACTION]" closing a sentence whose subject is the owner.
// Each belongs to the agenda item heading above it and to the paragraph it closes. Nothing is
// dropped: an action whose owner cannot be read is returned with its doubts, and a line that
// looks like a marker but cannot be read is listed as doubtful. No I/O.
import { clauses, peopleMentioned, sentences, subjectOf, type PersonMention } from './people-in-text.ts';

export interface ItemRef {
  /** "2.2", "5" */
  number: string;
  /** "AntiSocial Behaviour (ASB)", "FOCUS ON OFFENDERS - NPS AND CRC" */
  heading: string;
}

export interface ExtractedAction {
  /** 1-based line of the marker in the pasted text. */
  line: number;
  /** The marker as written: "ACTION: Paul Lamb", "**[ACTION]**". */
  marker: string;
  /** The agenda item heading above it, when there is one. */
  item: ItemRef | null;
  /** What is to be done: the task the marker states ("Invite DVIP to the next board meeting."),
   * else the text the marker closes. */
  description: string;
  /** The owners as the minutes name them ("Ms Hirani", "the Chairman"), a pronoun resolved to
   * the person it stands for. Empty when no one is named. */
  owners: string[];
  /** Why a person should look at this one before it is saved (empty when it reads clearly). */
  doubts: string[];
}

export interface DoubtfulLine {
  line: number;
  text: string;
  reason: string;
}

export interface Extraction {
  actions: ExtractedAction[];
  doubtful: DoubtfulLine[];
}

const MONTHS = /^(january|february|march|april|may|june|july|august|september|october|november|december)\b/i;

/** Markdown and HTML the seeds carry: "## 5 **FOCUS**", "8<sup>th</sup>", trailing hard breaks. */
function plain(line: string): string {
  return line
    .replace(/<\/?(sup|sub|b|i|strong|em|p|br)\s*\/?>/gi, '')
    .replace(/\*\*|__/g, '')
    .replace(/\s+$/, '');
}

/** "2.2 AntiSocial Behaviour (ASB)", "## 5 FOCUS ON OFFENDERS - NPS AND CRC", "Section 2 - …",
 * "Item 8; …" → the item. Sentences, dates and counts ("560 offenders…") are not headings. */
export function readHeading(rawLine: string): ItemRef | undefined {
  const line = plain(rawLine).replace(/^#+\s*/, '').replace(/^(\S+)\t/, '$1 ').split('\t')[0]?.trim() ?? '';
  const m = /^(?:(?:section|item|agenda item)\s+)?(\d{1,2}(?:\.\d{1,2})*)\.?(?:\s*[-–:;]\s*|\s+)(\S.*)$/i.exec(line);
  if (!m?.[1] || !m[2]) return undefined;
  const heading = m[2].trim();
  if (heading.length > 120 || /[.,;:]$/.test(heading) || !/^[A-Z'‘"(]/.test(heading) || MONTHS.test(heading)) return undefined;
  return { number: m[1], heading };
}

// "ACTION: …", "Action; …", "ACTION – …" at the start of a line or after a sentence ends.
const EXPLICIT = /(^|(?<=[.!?)]\s{0,3}))\s*\[?\s*action\s*\]?\s*[:;–—-]\s*(.*)$/i;
// "[ACTION]", "**[ACTION]**", "(ACTION)", or "ACTION" alone on its line.
const BARE_INLINE = /\s*[[(]\s*action\s*[\])]\s*\.?$/i;
const BARE_LINE = /^\s*[[(]\s*action\s*[\])]\s*\.?$|^\s*ACTION\s*\.?$/i;
// Anything else that starts like a marker ("Actions:", "ACTION" then text) is doubtful, not prose.
const LOOKS_LIKE_MARKER = /^\s*\[?\s*actions?\b\s*\]?\s*(?:[:;,.–—-]|$)|\[\s*actions?\s*\]/i;

interface Paragraph {
  text: string;
  firstLine: number;
}

/** Owners and task from "Terry Cameron/Michael Kelly", "Chairman, Ms Vagarwal, Mr Clifton",
 * "Manju Likhman to invite DVIP to the next board meeting." */
export function readOwnerList(text: string): { owners: string[]; task?: string } {
  const t = text.trim().replace(/[.;,]+$/, '');
  const withTask = /^(.+?)\s+to\s+([a-z].*)$/.exec(t);
  const ownerPart = withTask?.[1] ?? t;
  const owners = ownerPart
    .split(/\s*(?:\/|,|&|\+|\band\b)\s*/)
    .map((o) => o.replace(/\((?:lead|chair)\)/gi, '').trim())
    .filter((o) => o.length > 0);
  const task = withTask?.[2];
  return task ? { owners, task: `${task.charAt(0).toUpperCase()}${task.slice(1)}.` } : { owners };
}

function resolvePronoun(gender: PersonMention['gender'], earlier: string[]): PersonMention | undefined {
  const mentions = earlier.flatMap((s) => peopleMentioned(s)).reverse();
  return mentions.find((p) => p.gender === gender) ?? mentions.find((p) => p.gender === 'unknown');
}

/** The owner of a bare "[ACTION]": the subject of the sentence it closes (its last clause first). */
function ownerFromSentences(paragraph: string): { owner?: string; doubts: string[] } {
  const all = sentences(paragraph);
  const last = all.at(-1) ?? '';
  const earlier = all.slice(0, -1);
  const candidates = [...clauses(last).reverse(), last];
  for (const c of candidates) {
    const subject = subjectOf(c);
    if (subject.kind === 'person') return { owner: subject.person.text, doubts: [] };
    if (subject.kind === 'pronoun') {
      const person = resolvePronoun(subject.gender, [...earlier, ...clauses(last).slice(0, -1)]);
      return person
        ? { owner: person.text, doubts: [`The owner is taken from "${subject.pronoun}" in "${last}": check it is ${person.text}.`] }
        : { doubts: [`"${subject.pronoun}" in "${last}" names no one in the paragraph: choose the owner.`] };
    }
  }
  const named = peopleMentioned(last);
  if (named.length > 0) return { owner: named[0]?.text, doubts: [`No one is the subject of "${last}": ${named.map((p) => p.text).join(', ')} is named in it; check the owner.`] };
  for (const s of [...earlier].reverse()) {
    const subject = subjectOf(s);
    if (subject.kind === 'person') return { owner: subject.person.text, doubts: [`No one is named in "${last}": the owner is taken from the sentence before; check it.`] };
  }
  return { doubts: [`No owner is named in "${last}": choose the owner.`] };
}

/** Every action in pasted minutes, in order, with the lines that look like markers but could not
 * be read. */
export function extractActions(text: string): Extraction {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const actions: ExtractedAction[] = [];
  const doubtful: DoubtfulLine[] = [];
  let item: ItemRef | null = null;
  let current: Paragraph | null = null;
  let last: Paragraph | null = null;

  const close = (): void => {
    if (current) last = current;
    current = null;
  };
  const add = (line: number, marker: string, description: string, owners: string[], doubts: string[]): void => {
    const desc = description.trim();
    actions.push({
      line,
      marker: marker.trim(),
      item,
      description: desc,
      owners,
      doubts: [...(item ? [] : ['No agenda item heading comes before it: choose the item.']), ...(desc ? [] : ['There is no text before it to describe the action: write the description.']), ...doubts],
    });
  };

  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const line = plain(raw).trim();
    if (!line) return close();
    const heading = raw.trim().startsWith('-') ? undefined : readHeading(raw);
    if (heading) {
      close();
      item = heading;
      last = null;
      return;
    }
    if (/^#+\s/.test(raw.trim())) return close();
    const bullet = /^[-•*]\s+/.test(line);
    const body = line.replace(/^[-•*]\s+/, '');

    if (BARE_LINE.test(body)) {
      const closed: Paragraph | null = current ?? last;
      close();
      const paragraph = (closed as Paragraph | null)?.text ?? '';
      const found = ownerFromSentences(paragraph);
      add(lineNo, raw, paragraph, found.owner ? [found.owner] : [], found.doubts);
      last = null;
      return;
    }
    const explicit = EXPLICIT.exec(body);
    if (explicit) {
      const before = body.slice(0, explicit.index).trim();
      const ownerText = explicit[2] ?? '';
      if (bullet) close();
      const joined = [current?.text, before].filter(Boolean).join(' ');
      const closed = before || current ? joined : ((last as Paragraph | null)?.text ?? '');
      close();
      last = null;
      const { owners, task } = readOwnerList(ownerText);
      if (owners.length === 0) {
        doubtful.push({ line: lineNo, text: raw.trim(), reason: 'An action marker with no owner after it.' });
        add(lineNo, raw, closed, [], ['No owner is named after the marker: choose the owner.']);
        return;
      }
      add(lineNo, raw, task ?? closed, owners, []);
      return;
    }
    if (BARE_INLINE.test(body)) {
      if (bullet) close();
      const sentenceText = [current?.text, body.replace(BARE_INLINE, '').trim()].filter(Boolean).join(' ');
      close();
      last = null;
      const found = ownerFromSentences(sentenceText);
      add(lineNo, raw, sentenceText, found.owner ? [found.owner] : [], found.doubts);
      return;
    }
    if (LOOKS_LIKE_MARKER.test(body)) {
      doubtful.push({ line: lineNo, text: raw.trim(), reason: 'This looks like an action marker but could not be read: record it by hand if it is one.' });
    }
    if (bullet) {
      close();
      current = { text: body, firstLine: lineNo };
      close();
      return;
    }
    current = current ? { ...current, text: `${current.text} ${body}` } : { text: body, firstLine: lineNo };
  });
  return { actions, doubtful };
}
