// Property: nothing the clerk pastes disappears. Random agendas are built from the shapes clerks
// paste (rows in several styles, fields, bullets, HTML lists, plain lines, stray text, headers,
// blank lines). Every content line carries a word of its own; that word must come back in an
// item (title, sub-points, report of, links) or the line must be listed in `unread`. Headers and
// blank lines must never be listed.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { agendaDraftSchema, type AgendaItemDraft } from '../../../src/domain/agenda/agenda-item.ts';
import { parseOrderOfBusiness } from '../../../src/domain/agenda/parse-order-of-business.ts';

// A small seeded generator (mulberry32), so a failure can be replayed from its seed.
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(list: readonly T[]): T => list[int(list.length)] as T;
  return { next, int, pick, chance: (p: number) => next() < p };
}

const WORDS = ['Community', 'Safety', 'Strategy', 'Police', 'Update', 'Youth', 'Justice', 'Budget', 'Housing', 'Partnership', 'Review', 'Plan', 'Report', 'Performance', 'Crime', 'Victims'];
const HEADERS = ['ORDER OF BUSINESS', '## ORDER OF BUSINESS', 'Item No\tTitle of Report\tPages', 'NO\tPRIORITY\tLED BY\tAPPROX TIME ALLOCATED', '\tAll Timings Approximate\t', 'AGENDA'];
const BULLETS = ['• ', '- ', '* ', '◦ ', 'a) ', '(i) ', 'ii) ', '\uF0B7 ', '(b) '];

// Marker words: letters only, capitalised, unique per line ("Qab", "Qac", …).
const marker = (n: number) => {
  let out = '';
  let m = n + 26;
  while (m > 0) {
    out = String.fromCharCode(97 + (m % 26)) + out;
    m = Math.floor(m / 26);
  }
  return `Q${out}`;
};

interface Generated {
  text: string;
  /** For each 1-based line: its marker word, or null for a line that carries no content. */
  markers: (string | null)[];
  /** Words of the items of embedded HTML lists. */
  listMarkers: string[];
}

function generate(seed: number): Generated {
  const r = random(seed);
  const lines: string[] = [];
  const markers: (string | null)[] = [];
  const listMarkers: string[] = [];
  let counter = 0;
  const words = (n: number) => Array.from({ length: n }, () => r.pick(WORDS)).join(' ');
  const content = (line: string, word: string) => {
    lines.push(line);
    markers.push(word);
  };
  const ignorable = (line: string) => {
    lines.push(line);
    markers.push(null);
  };
  if (r.chance(0.3)) content(`${marker(counter++)} ${words(3)}`, marker(counter - 1)); // stray text before the table
  if (r.chance(0.7)) ignorable(r.pick(HEADERS));
  const items = 1 + r.int(14);
  for (let n = 1; n <= items; n += 1) {
    if (r.chance(0.1)) ignorable(r.pick(['Business not open to the public', 'PART 2', 'Part 1', 'EXEMPT']));
    if (r.chance(0.15)) ignorable('');
    const word = marker(counter++);
    const number = r.pick([`${n}.`, `${n}`, `${n})`, `${n}a`, `${n}.1`, `Item ${n}:`]);
    const title = `${word} ${words(1 + r.int(4))}`;
    const sep = r.chance(0.5) ? '\t' : '   ';
    const fields: string[] = [];
    let titleText = title;
    if (r.chance(0.3)) titleText += ` (${r.pick(['10 MINS', '1 HR 10 MINS', '15 minutes'])})`;
    if (r.chance(0.1)) titleText += ' (exempt)';
    if (r.chance(0.2)) fields.push(r.pick(['Cdr Adrian Usher', 'LBB- Steve Murrant', 'MPS/LBB']));
    if (r.chance(0.5)) fields.push(r.pick(['5 - 12', '13 – 18', '7', 'Pages 27 - 32', '5-10']));
    if (r.chance(0.2)) fields.push('10 mins');
    let row = `${number}${sep}${titleText}${fields.length ? sep + fields.join(sep) : ''}`;
    if (r.chance(0.25)) {
      // An embedded HTML list, as in the January 2018 pack; each list item has its own word.
      const subs = Array.from({ length: 1 + r.int(3) }, () => marker(counter++));
      listMarkers.push(...subs);
      row = `${number}\t${titleText} <ul style="list-style-type: none"> ${subs.map((w) => `<li>• ${w} ${words(2)}</li>`).join(' ')} </ul>\t${fields.join('\t')}`;
    }
    content(row, word);
    const bullets = r.int(4);
    for (let b = 0; b < bullets; b += 1) {
      const w = marker(counter++);
      content(`${r.pick(BULLETS)}${w} ${words(1 + r.int(5))}`, w);
    }
    if (r.chance(0.2)) {
      const w = marker(counter++);
      content(`${w} ${words(4)}`, w); // a plain line under the item
    }
    if (r.chance(0.1)) {
      const w = marker(counter++);
      content(`\t<ul style="list-style-type: none"> <li>• ${w} ${words(3)}</li> </ul>\t`, w);
    }
    if (r.chance(0.1)) {
      const w = marker(counter++);
      content(`Report of the ${w} Director`, w);
    }
    if (r.chance(0.1)) {
      const w = marker(counter++);
      content(`${r.pick(BULLETS)}${w}: https://example.org/${w}.pdf`, w);
    }
  }
  if (r.chance(0.2)) {
    ignorable('FACILITIES FOR PEOPLE WITH DISABILITIES');
    const w = marker(counter++);
    content(`${w} Hendon Town Hall has access for wheelchair users.`, w);
  }
  return { text: lines.join(r.chance(0.3) ? '\r\n' : '\n'), markers, listMarkers };
}

const haystack = (items: AgendaItemDraft[]): string =>
  items.flatMap((i) => [i.number, i.title, ...i.subPoints, i.reportOf ?? '', ...i.links.flatMap((l) => [l.title, l.url])]).join('\n');

describe('no pasted line is lost', () => {
  it('holds for the seed fixtures', () => {
    for (const name of ['order-of-business-2018-01.txt', 'order-of-business-2012-10.txt', 'priorities-table-2012-10.txt']) {
      const text = readFileSync(new URL(`../../fixtures/agendas/${name}`, import.meta.url), 'utf8');
      const { items, unread } = parseOrderOfBusiness(text);
      const out = haystack(items).toLowerCase();
      const lines = text.split('\n');
      lines.forEach((line, index) => {
        const plain = line.replace(/<[^>]+>/g, ' ');
        const words = plain.match(/\p{L}{4,}/gu) ?? [];
        const header = /^(## )?ORDER OF BUSINESS$|^Item No\tTitle|^NO\tPRIORITY|All Timings Approximate/.test(line);
        if (header || words.length === 0) return;
        if (unread.some((u) => u.line === index + 1)) return;
        for (const word of words.filter((w) => !/^(mins|pages?)$/i.test(w))) expect(out, `${name}:${index + 1} "${word}"`).toContain(word.toLowerCase());
      });
    }
  });

  it.each(Array.from({ length: 300 }, (_, i) => i + 1))('holds for random agenda %i', (seed) => {
    const { text, markers, listMarkers } = generate(seed);
    const { items, unread } = parseOrderOfBusiness(text);
    const out = haystack(items);
    const unreadLines = new Set(unread.map((u) => u.line));
    markers.forEach((word, index) => {
      const line = index + 1;
      if (word === null) {
        expect(unreadLines.has(line) && !/FACILITIES/.test(text.split(/\r?\n/)[index] ?? ''), `seed ${seed}: line ${line} is a header or blank, not unread`).toBe(false);
        return;
      }
      if (unreadLines.has(line)) return;
      expect(out, `seed ${seed}: line ${line} (${word}) lost`).toContain(word);
    });
    for (const word of listMarkers) expect(out + unread.map((u) => u.text).join('\n'), `seed ${seed}: list item ${word} lost`).toContain(word);
    expect(agendaDraftSchema.safeParse(items).error?.issues ?? []).toEqual([]);
  });
});
