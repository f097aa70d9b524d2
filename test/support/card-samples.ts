// Sample data from the seed board's papers (the Safer Communities Partnership Board's January
// 2018 agenda pack and its performance dashboard), used by the card tests: every kind of card
// the coming features need, rendered and validated on both platforms before the features exist.
import { redactedItem, type AgendaView } from '../../src/features/agendas/agenda-view.ts';
import { agendaCard } from '../../cards/agendas/agenda-card.ts';
import { helpCard } from '../../cards/help/help-card.ts';
import type { Card, FieldErrors, Form, FormValues } from '../../cards/model.ts';

export const sampleAgenda: AgendaView = {
  meeting: {
    id: '6f1c1b7e-4d43-4a4e-9d54-2b1b1e0f0a01',
    boardName: 'Safer Communities Partnership Board',
    title: 'Safer Communities Partnership Board',
    status: 'agenda_published',
    version: 0,
    startsAt: '2018-01-26T10:00:00.000Z',
    timezone: 'Europe/London',
    date: 'Friday 26 January 2018',
    time: '10:00',
    short: 'Fri 26 Jan 2018, 10:00',
    durationMinutes: 120,
    venue: 'Hendon Town Hall, The Burroughs, London NW4 4BQ',
  },
  items: [
    { number: '1', title: 'Welcome and Introductions', subPoints: [], links: [], exempt: false, standing: 'welcome' },
    { number: '2', title: 'Minutes of Previous Meeting', subPoints: [], pages: '5 - 12', links: [], exempt: false, standing: 'minutes' },
    { number: '3', title: 'Apologies for Absence', subPoints: [], links: [], exempt: false, standing: 'apologies' },
    { number: '4', title: 'Matters Arising', subPoints: [], links: [], exempt: false, standing: 'matters_arising' },
    { number: '5', title: 'Community Safety Strategy', subPoints: ['2017/18 refresh of the 2015/2020 Community Safety Strategy'], minutes: 15, links: [], exempt: false },
    {
      number: '6',
      title: 'Police Update',
      subPoints: ['Performance', 'Crime trends', 'Impact on the Partnership of implementation of the new policing plan and changes to organisational structure'],
      reportOf: 'Borough Commander',
      pages: '13 - 18',
      minutes: 10,
      links: [{ title: 'Police update & dashboard', url: 'https://barnet.moderngov.co.uk/documents/s44461/Police%20Update.pdf' }],
      exempt: false,
    },
    { number: '7', title: 'Barnet CCTV and ANPR Update', subPoints: ['Public Space Community Safety CCTV', 'Community Safety Automatic Number Plate Recognition (ANPR) Cameras'], pages: '19 - 26', minutes: 10, links: [], exempt: false },
    { number: '8', title: 'Update from Family Services', subPoints: ['Youth Matters - Update'], pages: '27 - 32', minutes: 10, links: [], exempt: false },
    {
      number: '9',
      title: 'Domestic Homicide Review: progress on the action plan',
      subPoints: ['Information relating to an individual (Schedule 12A, paragraph 1)'],
      reportOf: 'Community Safety Manager',
      pages: '33 - 38',
      minutes: 70,
      links: [{ title: 'DHR action plan (restricted)', url: 'https://barnet.moderngov.co.uk/documents/s44470/DHR.pdf' }],
      exempt: true,
    },
    { number: '10', title: 'Any Other Business', subPoints: [], links: [], exempt: false, standing: 'aob' },
    { number: '11', title: 'Date of Next Meeting', subPoints: [], links: [], exempt: false, standing: 'next_meeting' },
  ],
  // Posted to the board's public channel: the exempt item must not show.
  showsExempt: false,
  calendarUrl: 'https://quorum.example.org/calendar/abcdefgh12345678.ics',
};

export const samplePapersUrl = 'https://barnet.moderngov.co.uk/ieListDocuments.aspx?CId=702&MId=9360';

/** The agenda as the core builds it for a public channel: exempt items withheld. */
const redacted = (view: AgendaView): AgendaView => ({ ...view, showsExempt: false, items: view.items.map((i) => (i.exempt ? redactedItem(i.number) : i)) });

/** The agenda card for a public channel or a board-only one, with the members' "Send apologies"
 * and "I'll attend" buttons and the count of replies so far. */
export const sampleAgendaCard = (showsExempt = false): Card =>
  agendaCard({ ...(showsExempt ? { ...sampleAgenda, showsExempt } : redacted(sampleAgenda)), replies: { apologies: 2, attending: 9, expected: 12, quorum: 3 } }, { papersUrl: samplePapersUrl });

/** An action card, before and after "Mark done": the same card rendered again, updated in place
 * (chat.update on Slack, the invoke's answer on Teams). */
export function sampleActionCard(done: boolean): Card {
  const payload = { actionId: 'a1b2c3' };
  return {
    fallback: 'Action for Jane Smith: progress report on the Partnership response to anti-social behaviour',
    title: 'Action for Jane Smith',
    body: [
      { type: 'text', text: '**Progress report on the Partnership response to anti-social behaviour**' },
      {
        type: 'facts',
        facts: [
          { label: 'From', value: 'Safer Communities Partnership Board, 26 January 2018, item 10' },
          { label: 'Due', value: 'Friday 27 April 2018 (next meeting)' },
          { label: 'Status', value: done ? 'Done' : 'Open' },
        ],
      },
      done
        ? { type: 'context', text: 'Marked done by Jane Smith on 24 Nov 2026' }
        : {
            type: 'actions',
            actions: [
              { kind: 'button', id: 'action.done', label: 'Mark done', style: 'primary', payload },
              { kind: 'button', id: 'action.update', label: 'Add update', payload },
              { kind: 'button', id: 'action.extend', label: 'Ask for more time', payload, confirm: { title: 'Ask for more time?', text: 'The clerk is told and decides on a new date.', confirm: 'Ask', deny: 'Not now' } },
            ],
          },
    ],
  };
}

const organisations = [
  { value: 'mps', label: 'Metropolitan Police' },
  { value: 'nps', label: 'National Probation Service' },
  { value: 'crc', label: 'Community Rehabilitation Company (CRC)' },
  { value: 'lfb', label: 'London Fire Brigade' },
  { value: 'lbb', label: 'LB Barnet' },
];

/** A form with typed inputs: quarterly figures, as the figures feature will ask for them. */
export const sampleFiguresForm: Form = {
  id: 'figures.submit',
  title: 'Submit quarterly figures',
  submitLabel: 'Submit',
  closeLabel: 'Not now',
  intro: 'Metropolitan Police: **Q3 2017/18** (October to December 2017). Counts for the quarter; you can amend them until the round is locked.',
  metadata: { roundId: 'r-2017q3', organisation: 'mps' },
  fields: [
    { id: 'burglary', label: 'Burglary', kind: 'number', required: true, min: 0, hint: 'Offences recorded in the quarter.' },
    { id: 'robbery', label: 'Robbery', kind: 'number', required: true, min: 0 },
    { id: 'violenceWithInjury', label: 'Violence with injury', kind: 'number', required: true, min: 0 },
    { id: 'reoffendingRate', label: 'Proven re-offending rate (%)', kind: 'number', min: 0, max: 100, decimals: true },
    { id: 'similarGroupRank', label: 'Similar group rank', kind: 'text', maxLength: 7, placeholder: 'e.g. 15/15' },
    { id: 'factors', label: 'Positive and negative factors', kind: 'textarea', maxLength: 2000, placeholder: 'e.g. Decrease in rolling 12 months; increase in last quarter vs. one year ago' },
    { id: 'period', label: 'Quarter', kind: 'select', required: true, options: [{ value: '2017q3', label: 'Q3 2017/18' }, { value: '2017q4', label: 'Q4 2017/18' }], value: '2017q3' },
    { id: 'signedOff', label: 'Signed off', kind: 'checkbox', hint: 'These figures are signed off by my organisation', value: false },
  ],
};

/** What a submitter typed, and what the figures use case said about it. */
export const sampleFiguresEntered: FormValues = { burglary: '-4', robbery: '188', violenceWithInjury: '575.5', similarGroupRank: '15/15', period: '2017q3', signedOff: true };
export const sampleFiguresErrors: FieldErrors = {
  burglary: 'Burglary: enter a whole number of 0 or more.',
  violenceWithInjury: 'Violence with injury: enter a whole number of 0 or more.',
};

/** A form with the other input kinds: date, time, multiselect. */
export const sampleMeetingForm: Form = {
  id: 'meeting.create',
  title: 'New meeting',
  submitLabel: 'Create',
  intro: 'The standing items (welcome, apologies, minutes, matters arising, any other business, date of next meeting) are added for you.',
  metadata: { boardId: 'scpb' },
  fields: [
    { id: 'date', label: 'Date', kind: 'date', required: true, value: '2018-04-27' },
    { id: 'time', label: 'Start time', kind: 'time', required: true, value: '10:00', hint: 'In the board\u2019s timezone (Europe/London).' },
    { id: 'venue', label: 'Venue', kind: 'text', maxLength: 200, value: 'Hendon Town Hall, The Burroughs, London NW4 4BQ' },
    { id: 'partners', label: 'Partners asked for figures', kind: 'multiselect', options: organisations, value: ['mps', 'nps'] },
    { id: 'publishNow', label: 'Publish', kind: 'checkbox', hint: 'Post the agenda to the board channel now' },
  ],
};

/** The seed performance dashboard (overview, Sep to Nov 2017): too wide for a monospace block on
 * Slack, so it reads one line per indicator there. */
export const sampleDashboard: Card = {
  fallback: 'Performance dashboard: recent quarter and rolling 12 months to November 2017',
  title: 'Performance dashboard',
  body: [
    {
      type: 'table',
      caption: 'Recent quarter (Sep 2017 - Nov 2017) and rolling 12 months, against the same period a year earlier. Ranks: 1 is best.',
      columns: [
        { title: 'Indicator' },
        { title: 'Quarter', align: 'right' },
        { title: 'Quarter vs last year', align: 'right' },
        { title: '12 months', align: 'right' },
        { title: '12 months vs last year', align: 'right' },
        { title: 'Similar group', align: 'center' },
        { title: 'London', align: 'center' },
        { title: 'RAG' },
      ],
      rows: [
        ['Burglary', '952', '+18%', '3,446', '-1%', '15/15', '22/33', { text: 'Amber', rag: 'amber' }],
        ['Robbery', '188', '+50%', '611', '+30%', '8/15', '6/32', { text: 'Red', rag: 'red' }],
        ['Violence with injury', '575', '+5%', '2,292', '+4%', '2/15', '3/32', { text: 'Amber', rag: 'amber' }],
        ['Repeat ASB calls', '', '', '202', '-7.3%', '', '', { text: 'Green', rag: 'green' }],
      ],
    },
    { type: 'context', text: 'RAG: Green when all indicators are positive, Amber when mixed, Red when all or nearly all are negative. Crime figures are provisional.' },
  ],
};

/** A narrow table of figures: a monospace block on Slack. */
export const sampleRagSummary: Card = {
  title: 'Q3 2017/18 at a glance',
  body: [
    {
      type: 'table',
      columns: [{ title: 'Indicator' }, { title: '12 months', align: 'right' }, { title: 'Change', align: 'right' }, { title: 'Rank', align: 'right' }, { title: 'RAG' }],
      rows: [
        ['Burglary', '3,446', '-1%', '15/15', { text: '', rag: 'amber' }],
        ['Robbery', '611', '+30%', '8/15', { text: '', rag: 'red' }],
        ['Violence with injury', '2,292', '+4%', '2/15', { text: '', rag: 'amber' }],
        ['Re-offending rate', '20.2%', '-2.4 pts', '', { text: '', rag: 'green' }],
      ],
    },
  ],
};

/** The help card, as "/quorum help" shows it. */
export const sampleHelpCommands = [
  { words: 'help', usage: 'help', description: 'Show what Quorum can do and the commands you can use.', who: 'everyone' as const },
  { words: 'agenda', usage: 'agenda [--board <board>]', description: 'Show the agenda of the next meeting, with its papers.', who: 'everyone' as const },
  { words: 'apologies', usage: 'apologies [reason]', description: 'Send your apologies for the next meeting, and name a substitute.', who: 'everyone' as const },
  { words: 'actions', usage: 'actions', description: 'List your open actions, with buttons to mark them done or add an update.', who: 'everyone' as const },
  { words: 'figures', usage: 'figures', description: 'Submit or amend your organisation\u2019s quarterly figures while the round is open.', who: 'everyone' as const },
  { words: 'outbox', usage: 'outbox [--board <board>]', description: 'See what Quorum has queued, sent and failed to send, and retry a failed message.', who: 'clerks' as const },
];

export const sampleHelpCard = (platform: 'slack' | 'teams' = 'slack'): Card => helpCard({ kind: 'help', commands: sampleHelpCommands }, { platform });
