// The demo board's business in hand, so that an owner and a submitter find something to do on
// first start: the last meeting (held twelve weeks ago) with its actions, two of them overdue and
// two open, each owner's card already sent to their chat; and an open quarterly figure round for
// the last complete quarter, with a small catalogue for the police, probation and housing (last
// year's figures loaded, so comparisons show), its requests already sent to each organisation's
// submitters, and a deadline a week ahead. The cards go through the outbox as the features send
// them (sendOwnerCards, sendReturnRequest), so what arrives is what Teams members get.
import { randomBytes } from 'node:crypto';
import { DateTime } from 'luxon';
import { addQuarters, previousQuarter, quarterOfDate, type Quarter } from '../../src/domain/returns/quarter.ts';
import { localDate } from '../../src/domain/time.ts';
import { dbDate } from '../../src/features/actions/action-dates.ts';
import { sendOwnerCards } from '../../src/features/actions/action-delivery.ts';
import { buildReturnRequest, sendReturnRequest } from '../../src/features/returns/return-request.ts';
import type { DeliveryContext } from '../../src/kernel/deps.ts';
import type { Prisma } from '../../src/persistence/generated/client.ts';

export interface DemoRoster {
  boardId: string;
  zone: string;
  /** Member id by the person's key in DEMO_PEOPLE. */
  member: (key: string) => string;
  /** Organisation id by its key. */
  organisation: (key: 'police' | 'probation' | 'housing') => string;
  /** The local date ("2026-12-10") of the next meeting: open actions are due then. */
  nextMeetingDate: string;
}

/** The actions of the last meeting: by item title, owners (person keys) and due date. */
export const DEMO_ACTIONS: readonly { item: string; description: string; owners: string[]; due: 'overdue-long' | 'overdue' | 'next-meeting' | 'later' }[] = [
  {
    item: 'Anti-social behaviour: case review protocol',
    description: 'Circulate the refreshed anti-social behaviour case review protocol to all partners.',
    owners: ['housing'],
    due: 'overdue-long',
  },
  {
    item: 'Burglary: summer hotspots',
    description: 'Share the burglary hotspot analysis for the summer with the council\u2019s community safety team.',
    owners: ['police', 'police-analyst'],
    due: 'overdue',
  },
  {
    item: 'Fire safety in high-rise housing',
    description: 'Arrange home fire safety visits for the three high-rise blocks named in the housing report.',
    owners: ['fire'],
    due: 'next-meeting',
  },
  {
    item: 'Reducing re-offending',
    description: 'Report back on accommodation on release for people leaving prison into the borough.',
    owners: ['probation'],
    due: 'later',
  },
];

/** The figure round's catalogue: per organisation, its metrics and five quarters of history
 * (oldest first, ending with the quarter before the round's). */
export const DEMO_METRICS: readonly {
  organisation: 'police' | 'probation' | 'housing';
  name: string;
  unit: 'count' | 'percentage';
  polarity: 'lower' | 'higher';
  rolling?: boolean;
  peerRanks?: { name: string; outOf: number }[];
  history: [number, number, number, number, number];
}[] = [
  { organisation: 'police', name: 'Burglary', unit: 'count', polarity: 'lower', rolling: true, peerRanks: [{ name: 'Most similar group', outOf: 15 }], history: [212, 198, 231, 204, 189] },
  { organisation: 'police', name: 'Robbery', unit: 'count', polarity: 'lower', history: [64, 71, 58, 66, 60] },
  { organisation: 'police', name: 'Violence with injury', unit: 'count', polarity: 'lower', rolling: true, history: [301, 322, 287, 295, 310] },
  { organisation: 'probation', name: 'Proven re-offending rate', unit: 'percentage', polarity: 'lower', history: [24.1, 23.8, 23.2, 22.9, 22.6] },
  { organisation: 'probation', name: 'Settled accommodation on release', unit: 'percentage', polarity: 'higher', history: [71.5, 72.0, 73.4, 74.1, 74.8] },
  { organisation: 'housing', name: 'Anti-social behaviour cases opened', unit: 'count', polarity: 'lower', history: [88, 95, 102, 91, 84] },
];

/** How long the round stays open from first start. */
const ROUND_DAYS = 7;

/** The quarter the demo's round asks for: the last one complete on `now`'s date. */
export function demoRoundQuarter(now: Date, zone: string): Quarter {
  return previousQuarter(quarterOfDate(localDate(now, zone)));
}

const TEAMS_ONLY: DeliveryContext['platforms'] = ['teams'];

export async function createDemoBusiness(tx: Prisma.TransactionClient, roster: DemoRoster, now: Date): Promise<void> {
  const ctx: DeliveryContext = { platforms: TEAMS_ONLY, now: () => now };
  await createLastMeeting(tx, roster, now, ctx);
  await createRound(tx, roster, now, ctx);
}

async function createLastMeeting(tx: Prisma.TransactionClient, roster: DemoRoster, now: Date, ctx: DeliveryContext): Promise<void> {
  const held = DateTime.fromJSDate(now, { zone: roster.zone }).minus({ weeks: 12 }).set({ weekday: 3, hour: 14, minute: 0, second: 0, millisecond: 0 });
  const standing = [
    { standing: 'welcome', title: 'Welcome and Introductions' },
    { standing: 'apologies', title: 'Apologies for Absence' },
    { standing: 'minutes', title: 'Minutes of the Previous Meeting' },
    { standing: 'matters_arising', title: 'Matters Arising' },
  ] as const;
  const business = [...new Set(DEMO_ACTIONS.map((a) => a.item))];
  const meeting = await tx.meeting.create({
    data: {
      boardId: roster.boardId,
      title: 'Riverside Safer Communities Partnership Board (demo)',
      startsAt: held.toUTC().toJSDate(),
      durationMinutes: 150,
      venue: 'Riverside Civic Centre, Committee Room 2',
      status: 'held',
      calendarToken: randomBytes(18).toString('base64url'),
      items: {
        create: [
          ...standing.map((item, index) => ({ position: index + 1, number: String(index + 1), title: item.title, standing: item.standing })),
          ...business.map((title, index) => ({ position: standing.length + index + 1, number: String(standing.length + index + 1), title })),
          { position: standing.length + business.length + 1, number: String(standing.length + business.length + 1), title: 'Any Other Business', standing: 'aob' },
        ],
      },
    },
    include: { items: true },
  });
  const itemId = (title: string) => meeting.items.find((i) => i.title === title)?.id ?? null;
  const today = DateTime.fromISO(localDate(now, roster.zone), { zone: 'utc' });
  const dueOn = { 'overdue-long': today.minus({ days: 19 }), overdue: today.minus({ days: 5 }), 'next-meeting': DateTime.fromISO(roster.nextMeetingDate, { zone: 'utc' }), later: today.plus({ weeks: 6 }) };
  const notified = dbDate(held.plus({ days: 1 }).toISODate() as string);
  for (const [index, spec] of DEMO_ACTIONS.entries()) {
    const action = await tx.action.create({
      data: {
        boardId: roster.boardId,
        meetingId: meeting.id,
        agendaItemId: itemId(spec.item),
        description: spec.description,
        dueDate: dbDate(dueOn[spec.due].toISODate() as string),
        createdById: roster.member('clerk'),
        requestKey: `demo-action-${index + 1}:${meeting.id}`,
        owners: { create: spec.owners.map((key) => ({ memberId: roster.member(key), notifiedOn: notified })) },
        updates: { create: { kind: 'created', memberId: roster.member('clerk'), createdAt: held.plus({ hours: 3 }).toJSDate() } },
      },
    });
    await sendOwnerCards(tx, action.id, ctx);
  }
}

async function createRound(tx: Prisma.TransactionClient, roster: DemoRoster, now: Date, ctx: DeliveryContext): Promise<void> {
  const quarter = demoRoundQuarter(now, roster.zone);
  for (const [position, spec] of DEMO_METRICS.entries()) {
    const metric = await tx.metric.create({
      data: {
        boardId: roster.boardId,
        organisationId: roster.organisation(spec.organisation),
        name: spec.name,
        unit: spec.unit,
        polarity: spec.polarity,
        rolling: spec.rolling ?? false,
        peerRanks: spec.peerRanks ?? [],
        position: position + 1,
      },
    });
    await tx.metricValue.createMany({
      data: spec.history.map((value, index) => {
        const q = addQuarters(quarter, index - spec.history.length);
        return { metricId: metric.id, fyStart: q.fyStart, quarter: q.quarter, value, source: 'imported' };
      }),
    });
  }
  const deadline = DateTime.fromJSDate(now, { zone: roster.zone }).plus({ days: ROUND_DAYS }).endOf('day');
  const round = await tx.returnRound.create({
    data: {
      boardId: roster.boardId,
      fyStart: quarter.fyStart,
      quarter: quarter.quarter,
      deadline: deadline.toJSDate(),
      openedById: roster.member('clerk'),
      createdAt: now,
      dashboardToken: randomBytes(24).toString('base64url'),
    },
    include: { board: true },
  });
  const organisations = await tx.organisation.findMany({ where: { id: { in: [...new Set(DEMO_METRICS.map((m) => roster.organisation(m.organisation)))] } }, orderBy: { name: 'asc' } });
  for (const organisation of organisations) {
    const request = await buildReturnRequest(tx, round, organisation);
    await sendReturnRequest(tx, round, organisation, request, ctx, `returns-request:${round.id}:opened`);
  }
}
