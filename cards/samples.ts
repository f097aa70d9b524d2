// Sample data from the seed board's papers (January 2018 agenda pack, performance dashboard),
// used by the card tests: every kind of card the coming features need, rendered and validated
// on both platforms before the features exist.
import type { AgendaView } from '../src/use-cases/meetings/agenda-view.ts';
import type { Card, Form } from './model.ts';

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
      subPoints: ['Performance', 'Crime trends', 'Impact on the Partnership of implementation of the new policing plan'],
      reportOf: 'Borough Commander',
      pages: '13 - 18',
      minutes: 10,
      links: [{ title: 'Police update', url: 'https://barnet.moderngov.co.uk/documents/s44461/Police%20Update.pdf' }],
      exempt: false,
    },
    { number: '7', title: 'Barnet CCTV and ANPR Update', subPoints: ['Public Space Community Safety CCTV'], pages: '19 - 26', links: [], exempt: false },
    { number: '8', title: 'Exempt item', subPoints: [], links: [], exempt: true },
    { number: '9', title: 'Any Other Business', subPoints: [], links: [], exempt: false, standing: 'aob' },
    { number: '10', title: 'Date of Next Meeting', subPoints: [], links: [], exempt: false, standing: 'next_meeting' },
  ],
  showsExempt: false,
  calendarUrl: 'https://quorum.example.org/calendar/abcdefgh12345678.ics',
};

/** An action card, before and after "Mark done": the same card updated in place. */
export function sampleActionCard(done: boolean): Card {
  return {
    fallback: 'Action: Progress report on the Partnership response to anti-social behaviour',
    title: 'Action for Richard Norfolk',
    body: [
      { type: 'text', text: '**Progress report on the Partnership response to anti-social behaviour**' },
      { type: 'facts', facts: [
        { label: 'From', value: 'Safer Communities Partnership Board, 27 October 2017, item 6' },
        { label: 'Due', value: 'Friday 26 January 2018' },
        { label: 'Status', value: done ? 'Done' : 'Open' },
      ] },
      done
        ? { type: 'context', text: 'Marked done by Richard Norfolk on 24 Nov 2026' }
        : { type: 'actions', actions: [
            { kind: 'button', id: 'action.done', label: 'Mark done', style: 'primary', payload: { actionId: 'a1' } },
            { kind: 'button', id: 'action.update', label: 'Add an update', payload: { actionId: 'a1' } },
            { kind: 'button', id: 'action.extend', label: 'Ask for more time', payload: { actionId: 'a1' } },
          ] },
    ],
  };
}

/** A form with typed inputs: quarterly figures, as the figures feature will ask for them. */
export const sampleFiguresForm: Form = {
  id: 'figures.submit',
  title: 'Q3 2017/18 figures',
  submitLabel: 'Submit',
  intro: 'Metropolitan Police: October to December 2017. Figures are counts for the quarter.',
  metadata: { round: 'r1', organisation: 'police' },
  fields: [
    { id: 'burglary', label: 'Burglary', kind: 'number', required: true, min: 0, max: 100000 },
    { id: 'robbery', label: 'Robbery', kind: 'number', required: true, min: 0, max: 100000 },
    { id: 'violence', label: 'Violence with injury', kind: 'number', required: true, min: 0, max: 100000 },
    { id: 'factors', label: 'Positive and negative factors', kind: 'textarea', maxLength: 2000 },
    { id: 'period', label: 'Quarter', kind: 'select', options: [{ value: 'q3', label: 'Q3 2017/18' }, { value: 'q4', label: 'Q4 2017/18' }], value: 'q3' },
    { id: 'confirmed', label: 'Confirmed', kind: 'checkbox', hint: 'These figures are signed off by my organisation', value: false },
  ],
};

/** A table of figures with RAG ratings, as in the seed performance dashboard. */
export const sampleDashboard: Card = {
  fallback: 'Performance dashboard, Q3 2017/18',
  title: 'Performance dashboard: Q3 2017/18',
  body: [
    { type: 'table', caption: 'Rolling 12 months to December 2017 against the same period a year earlier.', columns: [
      { title: 'Indicator' },
      { title: '12 months', align: 'right' },
      { title: 'Change', align: 'right' },
      { title: 'Peer rank', align: 'right' },
      { title: 'RAG' },
    ], rows: [
      ['Burglary', '2,745', '+8.3%', '15/15', { text: 'Red', rag: 'red' }],
      ['Robbery', '847', '+21.5%', '12/15', { text: 'Red', rag: 'red' }],
      ['Violence with injury', '2,094', '-2.1%', '6/15', { text: 'Amber', rag: 'amber' }],
      ['First-time entrants', '92', '-12.4%', '23/33', { text: 'Green', rag: 'green' }],
    ] },
    { type: 'context', text: 'RAG: Green when all indicators are positive, Amber when mixed, Red when all or nearly all are negative.' },
  ],
};
