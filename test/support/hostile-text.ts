// Hostile text, and every card the registry can build filled with it: each result kind (one
// fixture per kind, typed so that a new kind without one does not compile), each outbox template
// (data made from the template's own zod schema, so a new template is covered by itself), and each
// form (its fields read from its definition).
import type { z } from 'zod';
import type { CardKind } from '../../cards/registry-types.ts';
import type { Result } from '../../src/features/index.ts';
import { FEATURES } from '../../src/features/index.ts';

/** What people could type into a board's name, a venue, a title, a reason. */
export const HOSTILE: readonly string[] = [
  'Board <!channel>',
  'Room 1 <!here> <@U123>',
  '<!everyone> <!subteam^S123|team> <!date^1392734382^{date}|x>',
  '<#C123|general> and <@W123|boss>',
  '<https://evil.example|click>',
  '[click here](https://evil.example)',
  '![img](https://evil.example/x.png) [ref][1]\n[1]: https://evil.example',
  '<https://evil.example> www.evil.example https://evil.example/a?b=1&c=2',
  '*bold* **strong** _it_ __under__ ~strike~ ~~gone~~ `code` ```block```',
  '＊wide＊ ＿wide＿ ～wide～ ｀wide｀',
  '# heading',
  '> quote',
  '＞ wide quote',
  '- list',
  '+ plus list',
  '1. list',
  '2) list',
  '    indented code',
  '---',
  'title\n===',
  '| a | b |\n|---|---|',
  '&amp; &lt;b&gt; &#60;!here&#62; &copy;',
  '<b>bold</b> <script>x</script> <!-- c -->',
  'back\\*slash\\_ \\[x\\](y) ends with \\',
  ':rotating_light: :fire: :+1:',
  'zero\u200Bwidth\u200Cjoin\u200D\uFEFF',
  'rtl \u202Eevil\u202C \u2066iso\u2069 \u200Fmark',
  'nul \u0000 bell \u0007 del \u007F c1 \u0085 end',
  'lone \uD800 surrogate \uDC00 pair \uD83D\uDE00',
  'line one\nline two\r\nline three\u2028four',
  'tab\there',
];

export const LONG_HOSTILE: readonly string[] = [
  `${'Borough <!channel> *bold* [x](https://evil.example) '.repeat(120)}end`,
  `${'x'.repeat(4000)}<!here>`,
  '\uD83D\uDE00'.repeat(2000),
];

/** The addresses the fixtures themselves give the cards to link to: the only links allowed. */
export const OUR_URLS = ['https://quorum.example.org/calendar/abcdefgh12345678.ics', 'https://barnet.moderngov.co.uk/documents/s44461/Police%20Update.pdf'];

const [calendarUrl, paperUrl] = OUR_URLS as [string, string];

type ResultOf<K extends CardKind> = Extract<Result, { kind: K }>;

/** Every kind of result, with `s` in every piece of text a person could have typed. */
export const RESULT_FIXTURES: { [K in CardKind]: (s: string) => ResultOf<K> } = {
  notice: (s) => ({ kind: 'notice', text: s, tone: 'attention' }),
  help: (s) => ({
    kind: 'help',
    topic: s,
    commands: [
      { words: s, usage: s, description: s, who: 'everyone' },
      { words: s, usage: s, description: s, who: 'clerks' },
    ],
  }),
  'board-updated': (s) => ({ kind: 'board-updated', notice: s, board: { id: 'b1', name: s, slug: s } }),
  'upcoming-meetings': (s) => ({
    kind: 'upcoming-meetings',
    onNoBoard: false,
    meetings: [
      { meetingId: 'm1', boardName: s, title: s, short: s, venue: s, status: 'draft', itemCount: 3, isClerk: true },
      { meetingId: 'm2', boardName: s, title: s, short: s, status: 'agenda_published', itemCount: 0, isClerk: false, myReply: { state: 'apologies', substitute: s } },
      { meetingId: 'm3', boardName: s, title: s, short: s, status: 'agenda_published', itemCount: 1, isClerk: false },
    ],
  }),
  agenda: (s) => ({ kind: 'agenda', notice: s, forClerk: true, agenda: agendaView(s) }),
  'agenda-import-preview': (s) => ({
    kind: 'agenda-import-preview',
    importId: 'i1',
    source: 'paste',
    heading: s,
    items: agendaView(s).items,
    unread: [{ line: 3, text: s, reason: s }],
    effect: s,
    canPasteMore: true,
    meetingId: 'm1',
  }),
  'forward-plan': (s) => ({
    kind: 'forward-plan',
    board: { name: s },
    notice: s,
    canDecide: true,
    meetings: [{ id: 'm1', short: s }],
    entries: [
      { id: 'p1', title: s, overview: s, reportOf: s, status: 'proposed', proposedBy: s, decisionNote: s },
      { id: 'p2', title: s, status: 'accepted', meeting: { id: 'm1', short: s } },
      { id: 'p3', title: s, status: 'deferred' },
    ],
  }),
  roster: (s) => ({
    kind: 'roster',
    board: { id: 'b1', name: s, quorum: 3 },
    notice: s,
    canManage: true,
    counts: { people: 2, countTowardsQuorum: 1, notLinked: 1 },
    groups: [
      {
        organisation: { id: 'o1', name: s, shortName: s },
        people: [
          { id: 'p1', name: s, title: s, role: 'adviser', boardRoles: ['chair'], deputy: s, deputyFor: [s], countsTowardsQuorum: false, submitsFigures: true, linked: { slack: false, teams: false } },
        ],
      },
      { people: [{ id: 'p2', name: s, role: 'member', boardRoles: [], countsTowardsQuorum: true, submitsFigures: false, linked: { slack: true, teams: false } }] },
    ],
  }),
  'member-removal': (s) => ({ kind: 'member-removal', board: { name: s }, member: { id: 'm1', name: s, title: s } }),
  'member-import-preview': (s) => ({
    kind: 'member-import-preview',
    importId: 'i1',
    board: { id: 'b1', name: s },
    format: 'list',
    rows: [
      { line: 1, name: s, title: s, organisation: s, shortName: s, role: 'member', boardRole: 'chair', email: s, onRoster: false },
      { line: 2, name: s, role: 'adviser', onRoster: true },
    ],
    unread: [{ line: 3, text: s, reason: s }],
    canPasteMore: true,
  }),
  action: (s) => ({ kind: 'action', notice: s, action: actionView(s), rights: { canChange: true, canManage: true } }),
  actions: (s) => ({ kind: 'actions', boardName: s, heading: s, actions: [actionView(s), { ...actionView(s), id: 'a2', state: 'dropped', statusReason: s }], more: 3, mine: false, canManage: true }),
  'matters-arising': (s) => ({ kind: 'matters-arising', notice: s, report: mattersArisingView(s), canPost: true, canAttach: true }),
  'action-export': (s) => ({ kind: 'action-export', boardName: s, scope: s, count: 3, url: calendarUrl, expires: s, exemptLeftOut: true }),
  'my-actions': (s) => ({ kind: 'my-actions', actions: [actionView(s), { ...actionView(s), id: 'a2', state: 'overdue', pendingExtension: { id: 'e1', due: s, dueIso: '2027-01-01', reason: s } }], more: 2, onNoBoard: false }),
  'action-import-preview': (s) => ({
    kind: 'action-import-preview',
    importId: 'i1',
    meetingId: 'm1',
    heading: s,
    actions: [
      { line: 4, itemNumber: s, itemHeading: s, description: s, owners: [{ asWritten: s, memberId: 'p1', name: s }, { asWritten: s, problem: s }], doubts: [s], saves: true },
      { line: 9, description: '', owners: [], doubts: [s], saves: false },
    ],
    doubtful: [{ line: 12, text: s, reason: s }],
    effect: s,
    canPasteMore: true,
  }),
  'outbox-status': (s) => {
    const entry = (id: string, status: 'failed' | 'pending' | 'sent') => ({ id, template: s, platform: 'slack' as const, target: s, status, attempts: 2, at: '2026-11-24T10:00:00.000Z', errorCode: s, reason: s });
    return {
      kind: 'outbox-status',
      notice: s,
      board: { id: 'b1', name: s, timezone: 'Europe/London' },
      counts: { pending: 1, sending: 0, sent: 1, failed: 1, skipped: 0 },
      failed: [entry('o1', 'failed')],
      queued: [entry('o2', 'pending')],
      recent: [entry('o3', 'sent')],
    };
  },
  ...returnsFixtures(),
  'apologies.reply': (s) => ({
    kind: 'apologies.reply',
    notice: s,
    meeting: agendaView(s).meeting,
    memberId: 'p1',
    memberName: s,
    self: false,
    state: 'apologies',
    reason: s,
    substitute: s,
  }),
  'apologies.list': (s) => {
    const person = { memberId: 'p1', name: s, organisation: s, reason: s, substitute: s, recordedVia: 'clerk', countsTowardsQuorum: false };
    return {
      kind: 'apologies.list',
      notice: s,
      meeting: agendaView(s).meeting,
      forecast: { quorum: 3, counting: 5, apologies: 2, substitutes: 1, attending: 1, noReply: 2, expected: 4, status: 'quorate' },
      apologies: [person, { memberId: 'p2', name: s, countsTowardsQuorum: true }],
      attending: [person],
      noReply: [person],
      open: true,
    };
  },
  'apologies.minutes': (s) => ({ kind: 'apologies.minutes', meeting: agendaView(s).meeting, withTitles: true, paragraph: s, bullets: s, source: 'replies' }),
  'apologies.paste': (s) => ({
    kind: 'apologies.paste',
    stage: 'preview',
    pasteId: '00000000-0000-4000-8000-000000000001',
    meeting: agendaView(s).meeting,
    recordedAs: 'replies',
    matched: [{ asWritten: s, memberName: s, substitute: s, close: true }, { asWritten: s, memberName: s }],
    unresolved: [{ asWritten: s, why: s }],
    none: false,
  }),
};

function returnsFixtures(): Pick<{ [K in CardKind]: (s: string) => ResultOf<K> }, 'returns.catalogueSaved' | 'returns.roundOpened' | 'returns.submitted' | 'returns.status' | 'returns.dashboard'> {
  return {
    'returns.catalogueSaved': (s) => ({ kind: 'returns.catalogueSaved', boardName: s, metrics: { added: [s, s], updated: [s] }, milestones: { added: 1, updated: 2 }, historyFigures: 9 }),
    'returns.roundOpened': (s) => ({ kind: 'returns.roundOpened', roundId: 'r1', boardName: s, period: s, deadline: s, organisations: [{ name: s, sentTo: [s], unreachable: [s] }, { name: s, sentTo: [], unreachable: [] }] }),
    'returns.submitted': (s) => ({ kind: 'returns.submitted', organisation: s, period: s, version: 2, amended: true, byClerk: false, figures: 3, milestones: 1 }),
    'returns.status': (s) => ({
      kind: 'returns.status',
      roundId: 'r1',
      boardName: s,
      period: s,
      deadline: s,
      status: 'open',
      published: false,
      organisations: [
        { organisationId: 'o1', name: s, submitters: [s], latest: { version: 1, by: s, byClerk: true, at: s } },
        { organisationId: 'o2', name: s, submitters: [] },
      ],
    }),
    'returns.dashboard': (s) => ({
      kind: 'returns.dashboard',
      forClerk: true,
      view: {
        roundId: 'r1',
        boardName: s,
        period: s,
        months: s,
        rollingMonths: s,
        published: false,
        rows: [
          { metricId: 'm1', name: s, organisation: s, unit: s, submitted: true, value: s, yearEarlier: s, change: s, rolling: s, rollingChange: s, ranks: [s, s], rag: 'red', override: s, computedRag: 'amber', positive: s, negative: s },
          { metricId: 'm2', name: s, organisation: s, unit: s, submitted: false, ranks: [] },
        ],
        milestones: [{ title: s, organisation: s, lead: s, progress: s, rag: 'green' }, { title: s, organisation: s, lead: s }],
        missing: [s],
        csvUrl: calendarUrl,
        chartsUrl: calendarUrl,
      },
    }),
  };
}

function actionView(s: string): ResultOf<'action'>['action'] {
  return {
    id: 'a1',
    boardName: s,
    description: s,
    meeting: { id: 'm1', short: s },
    item: s,
    exempt: false,
    dueIso: '2026-12-03',
    due: s,
    state: 'overdue',
    owners: [{ memberId: 'p1', name: s }, { memberId: 'p2', name: s }],
    history: [{ kind: 'update', text: s, by: s, when: s }, { kind: s, when: s }],
    pendingExtension: { id: 'e1', due: s, dueIso: '2027-01-10', reason: s, by: s },
  };
}

function mattersArisingView(s: string): ResultOf<'matters-arising'>['report'] {
  const entry = (state: 'open' | 'overdue' | 'done' | 'dropped') => ({
    id: `a-${state}`,
    description: s,
    state,
    ...(state === 'done' || state === 'dropped' ? { closedOn: s } : {}),
    ...(state === 'dropped' ? { statusReason: s } : {}),
    due: s,
    dueIso: '2026-12-03',
    owners: [s, s],
    recordedAt: s,
    item: s,
    latestUpdate: { text: s, by: s, when: s },
  });
  return { boardName: s, meeting: { id: 'm1', title: s, short: s }, previous: s, carried: [entry('overdue'), entry('open')], done: [entry('done')], dropped: [entry('dropped')], withheld: 2, item: s };
}

function agendaView(s: string): ResultOf<'agenda'>['agenda'] {
  const meeting = { id: 'm1', boardName: s, title: `${s} (special)`, status: 'cancelled' as const, version: 2, startsAt: '2026-12-04T10:00:00.000Z', timezone: s, date: s, time: s, short: s, durationMinutes: 120, venue: s, cancelReason: s };
  return {
    meeting,
    showsExempt: true,
    calendarUrl,
    items: [
      { number: s, title: s, subPoints: [s, s], reportOf: s, pages: s, minutes: 70, links: [{ title: s, url: paperUrl }, { title: s, url: s }], exempt: true },
      { number: '2', title: s, subPoints: [], links: [], exempt: false, standing: 'aob' },
      { number: '3', title: 'Exempt item', subPoints: [], links: [], exempt: true, redacted: true },
    ],
  };
}

// --- Outbox templates, from their schemas ---------------------------------------------------------

type Def = { type: string; shape?: Record<string, z.ZodType>; entries?: Record<string, string>; values?: unknown[]; element?: z.ZodType; innerType?: z.ZodType; options?: z.ZodType[]; in?: z.ZodType };
const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

/** Data for a schema with `s` in every string: optional fields present (`full`) or left out;
 * each array holds one full and one minimal element; enums take their first value. */
export function dataFor(schema: z.ZodType, s: string, full = true, key = ''): unknown {
  const def = defOf(schema);
  switch (def.type) {
    case 'string':
      // Ids are the bot's own, never typed by a person.
      return key === 'id' || key.endsWith('Id') ? `${key || 'id'}-1` : s;
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(def.entries ?? {})[0];
    case 'literal':
      return def.values?.[0];
    case 'array':
      return [dataFor(def.element as z.ZodType, s, true), dataFor(def.element as z.ZodType, s, false)];
    case 'optional':
    case 'nullable':
    case 'default':
      return full ? dataFor(def.innerType as z.ZodType, s, full, key) : undefined;
    case 'union':
      return dataFor((def.options ?? [])[0] as z.ZodType, s, full, key);
    case 'pipe':
      return dataFor(def.in as z.ZodType, s, full, key);
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [name, value] of Object.entries(def.shape ?? {})) {
        const v = dataFor(value, s, full, name);
        if (v !== undefined) out[name] = v;
      }
      return out;
    }
    default:
      throw new Error(`dataFor: no data for a zod ${def.type}; add it here`);
  }
}

/** Every template the features declare, with data made from its schema and checked by it. */
export function templateMessages(s: string): { template: string; data: unknown }[] {
  return FEATURES.flatMap((f) => ('templates' in f ? [...f.templates] : [])).flatMap((spec) =>
    [true, false].map((full) => ({ template: spec.id, data: spec.data.parse(dataFor(spec.data, s, full)) })),
  );
}
