// The demo board: what a newcomer finds in the playground on first start with an empty database,
// so that every flow can be tried at once. Everything in it is invented (the borough, the
// organisations, the people) and the board's name says "demo". It is modelled on the partnership
// boards Quorum is for: police, probation, fire, the council, housing and a charity; a clerk and a
// chair; a standing deputy; members who submit their organisation's figures; an adviser who does
// not count towards the quorum; an upcoming meeting with a full agenda (one item exempt) and
// proposals on the forward plan; the last meeting's actions, open and overdue, and an open quarterly
// figure round (demo-business.ts). `npm run demo:reset` (or the page's Reset button) puts it back.
import { randomBytes, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import type { PrismaClient } from '../../src/persistence/database.ts';
import { formatQuarter } from '../../src/domain/returns/quarter.ts';
import { localDate } from '../../src/domain/time.ts';
import type { Prisma } from '../../src/persistence/generated/client.ts';
import { createDemoBusiness, demoRoundQuarter } from './demo-business.ts';
import { PLAYGROUND_BOT, PLAYGROUND_CHANNEL, PLAYGROUND_PATHS, PLAYGROUND_TEAM, PLAYGROUND_TENANT_ID } from './ids.ts';

export const DEMO_SLUG = 'demo';
export const DEMO_BOARD_NAME = 'Riverside Safer Communities Partnership Board (demo)';
const ZONE = 'Europe/London';

/** Organisations, by key. */
const ORGANISATIONS = {
  police: { name: 'Riverside Police (demo)', shortName: 'Police' },
  probation: { name: 'Riverside Probation Delivery Unit (demo)', shortName: 'Probation' },
  fire: { name: 'Riverside Fire and Rescue (demo)', shortName: 'Fire' },
  council: { name: 'Riverside Borough Council (demo)', shortName: 'Council' },
  housing: { name: 'Riverside Homes (demo)', shortName: 'Housing' },
  charity: { name: 'Safe Haven Trust (demo)', shortName: 'Safe Haven' },
} as const;

type OrganisationKey = keyof typeof ORGANISATIONS;

interface DemoPerson {
  key: string;
  name: string;
  title: string;
  organisation: OrganisationKey;
  role: 'member' | 'observer' | 'officer' | 'adviser';
  boardRoles?: ('clerk' | 'chair')[];
  countsTowardsQuorum?: boolean;
  submitsFigures?: boolean;
  /** Key of their standing deputy. */
  deputy?: string;
}

/** The people, in the order the page lists them. Their Teams ids are "demo-<key>". */
export const DEMO_PEOPLE: readonly DemoPerson[] = [
  { key: 'clerk', name: 'Priya Shah', title: 'Governance Officer', organisation: 'council', role: 'officer', boardRoles: ['clerk'], countsTowardsQuorum: false },
  { key: 'chair', name: 'Cllr Tom Adeyemi', title: 'Cabinet Member for Community Safety', organisation: 'council', role: 'member', boardRoles: ['chair'] },
  { key: 'police', name: 'Ch Supt Sarah Whitfield', title: 'Borough Commander', organisation: 'police', role: 'member', deputy: 'police-deputy' },
  { key: 'police-deputy', name: 'Supt Mark Ellis', title: 'Deputy Borough Commander', organisation: 'police', role: 'member', countsTowardsQuorum: false },
  { key: 'police-analyst', name: 'Dan Okafor', title: 'Performance Analyst', organisation: 'police', role: 'officer', countsTowardsQuorum: false, submitsFigures: true },
  { key: 'probation', name: 'Helen Murray', title: 'Head of Probation Delivery Unit', organisation: 'probation', role: 'member', submitsFigures: true },
  { key: 'fire', name: 'Raj Patel', title: 'Borough Commander', organisation: 'fire', role: 'member' },
  { key: 'community-safety', name: 'Alex Morgan', title: 'Head of Community Safety', organisation: 'council', role: 'member' },
  { key: 'housing', name: 'Fiona Clarke', title: 'Director of Housing Management', organisation: 'housing', role: 'member', submitsFigures: true },
  { key: 'charity', name: 'Grace Mensah', title: 'Chief Executive', organisation: 'charity', role: 'member' },
  { key: 'public-health', name: 'Jo Bennett', title: 'Consultant in Public Health', organisation: 'council', role: 'adviser', countsTowardsQuorum: false },
];

export const demoAadId = (key: string): string => `demo-${key}`;

/** The upcoming meeting's business, between the standing items (as an agenda pack lists it); the
 * dashboard is the one for the quarter of the open figure round. */
const business = (dashboardQuarter: string): readonly { title: string; reportOf?: string; minutes?: number; pages?: [number, number]; subPoints?: string[]; exempt?: boolean }[] => [
  {
    title: `Community Safety Performance Dashboard, ${dashboardQuarter}`,
    reportOf: 'Head of Community Safety',
    minutes: 20,
    pages: [9, 24],
    subPoints: ['Burglary, robbery and violence with injury', 'Re-offending and first-time entrants', 'Anti-social behaviour cases'],
  },
  { title: 'Violence Against Women and Girls Strategy: progress report', reportOf: 'Chief Executive, Safe Haven Trust', minutes: 15, pages: [25, 38] },
  { title: 'Youth Justice Plan 2026/27', reportOf: 'Head of Youth Justice', minutes: 15, pages: [39, 60] },
  { title: 'Anti-social behaviour on the Riverside estates', reportOf: 'Director of Housing Management', minutes: 10, pages: [61, 66] },
  { title: 'Domestic Homicide Review: action plan (exempt)', reportOf: 'Head of Community Safety', minutes: 15, exempt: true },
  { title: 'Forward Work Plan', reportOf: 'Governance Officer', minutes: 5, pages: [67, 70] },
];

const STANDING_BEFORE = [
  { standing: 'welcome', title: 'Welcome and Introductions' },
  { standing: 'apologies', title: 'Apologies for Absence' },
  { standing: 'minutes', title: 'Minutes of the Previous Meeting', pages: [1, 8] as [number, number] },
  { standing: 'matters_arising', title: 'Matters Arising' },
];
const STANDING_AFTER = [
  { standing: 'aob', title: 'Any Other Business' },
  { standing: 'next_meeting', title: 'Date of Next Meeting' },
];

/** The next weekday at least `days` days after `now`, at 14:00 in London. */
function meetingStart(now: Date, days: number): Date {
  let day = DateTime.fromJSDate(now, { zone: ZONE }).plus({ days }).set({ hour: 14, minute: 0, second: 0, millisecond: 0 });
  while (day.weekday > 5) day = day.plus({ days: 1 });
  return day.toUTC().toJSDate();
}

/** Whether the database holds the demo board. */
export async function hasDemoBoard(prisma: PrismaClient): Promise<boolean> {
  return (await prisma.board.count({ where: { slug: DEMO_SLUG, teamsTenantId: PLAYGROUND_TENANT_ID } })) > 0;
}

/** Makes the demo board when the database has no board at all; true when it did. */
export async function seedDemoIfEmpty(prisma: PrismaClient, now: Date): Promise<boolean> {
  if ((await prisma.board.count()) > 0) return false;
  await prisma.$transaction((tx) => createDemo(tx, now), TRANSACTION);
  return true;
}

/** Removes every board of the playground (the demo, and any set up there since) with what was
 * queued for them and the playground's conversations, then makes the demo board again. Boards
 * outside the playground are left alone. */
export async function resetDemo(prisma: PrismaClient, now: Date): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const boards = await tx.board.findMany({ where: { OR: [{ teamsTenantId: PLAYGROUND_TENANT_ID }, { slug: DEMO_SLUG }] }, select: { id: true } });
    const ids = boards.map((b) => b.id);
    await tx.outboxMessage.deleteMany({ where: { boardId: { in: ids } } });
    await tx.board.deleteMany({ where: { id: { in: ids } } });
    await tx.conversationReference.deleteMany({ where: { platform: 'teams', tenantId: PLAYGROUND_TENANT_ID } });
    await createDemo(tx, now);
  }, TRANSACTION);
}

/** A busy machine can take more than Prisma's default 5 seconds for these few statements. */
const TRANSACTION = { maxWait: 30_000, timeout: 60_000 };

async function createDemo(tx: Prisma.TransactionClient, now: Date): Promise<void> {
  const board = await tx.board.create({
    data: {
      name: DEMO_BOARD_NAME,
      slug: DEMO_SLUG,
      timezone: ZONE,
      quorum: 3,
      teamsChannelId: PLAYGROUND_CHANNEL.id,
      teamsTenantId: PLAYGROUND_TENANT_ID,
    },
  });
  // Ids made here, so that the roster goes in with a few statements.
  const organisations = new Map<OrganisationKey, string>(Object.keys(ORGANISATIONS).map((key) => [key as OrganisationKey, randomUUID()]));
  await tx.organisation.createMany({
    data: [...organisations].map(([key, id]) => ({ id, boardId: board.id, ...ORGANISATIONS[key] })),
  });
  const members = new Map<string, string>(DEMO_PEOPLE.map((person) => [person.key, randomUUID()]));
  const idOf = (key: string) => members.get(key) as string;
  await tx.member.createMany({
    data: DEMO_PEOPLE.filter((p) => !p.deputy).concat(DEMO_PEOPLE.filter((p) => p.deputy)).map((person) => ({
      id: idOf(person.key),
      boardId: board.id,
      organisationId: organisations.get(person.organisation) ?? null,
      name: person.name,
      title: person.title,
      role: person.role,
      email: `${person.key}@riverside.example`,
      teamsAadId: demoAadId(person.key),
      countsTowardsQuorum: person.countsTowardsQuorum ?? true,
      submitsFigures: person.submitsFigures ?? false,
      standingDeputyId: person.deputy ? idOf(person.deputy) : null,
    })),
  });
  await tx.boardRole.createMany({
    data: DEMO_PEOPLE.flatMap((person) => (person.boardRoles ?? []).map((role) => ({ boardId: board.id, memberId: idOf(person.key), role }))),
  });

  // Where the bot posts: the board's channel (the serviceUrl is the playground's, whatever its port).
  const serviceUrl = `http://127.0.0.1${PLAYGROUND_PATHS.connector}/`;
  const conversation = { id: PLAYGROUND_CHANNEL.id, conversationType: 'channel', isGroup: true, tenantId: PLAYGROUND_TENANT_ID, name: PLAYGROUND_CHANNEL.name };
  await tx.conversationReference.upsert({
    where: { platform_conversationId: { platform: 'teams', conversationId: PLAYGROUND_CHANNEL.id } },
    create: {
      platform: 'teams',
      conversationId: PLAYGROUND_CHANNEL.id,
      kind: 'channel',
      tenantId: PLAYGROUND_TENANT_ID,
      serviceUrl,
      reference: { bot: PLAYGROUND_BOT, channelId: 'msteams', serviceUrl, conversation, team: PLAYGROUND_TEAM },
    },
    update: { tenantId: PLAYGROUND_TENANT_ID, serviceUrl, reference: { bot: PLAYGROUND_BOT, channelId: 'msteams', serviceUrl, conversation, team: PLAYGROUND_TEAM } },
  });

  // The upcoming meeting, its agenda ready for the clerk to post; and the one after it.
  const items = [
    ...STANDING_BEFORE.map((item) => ({ ...item, business: undefined })),
    ...business(formatQuarter(demoRoundQuarter(now, ZONE))).map((b) => ({ standing: undefined, title: b.title, pages: b.pages, business: b })),
    ...STANDING_AFTER.map((item) => ({ ...item, pages: undefined, business: undefined })),
  ];
  const next = await tx.meeting.create({
    data: {
      boardId: board.id,
      title: DEMO_BOARD_NAME,
      startsAt: meetingStart(now, 10),
      durationMinutes: 150,
      venue: 'Riverside Civic Centre, Committee Room 2',
      calendarToken: randomBytes(18).toString('base64url'),
      items: {
        create: items.map((item, index) => ({
          position: index + 1,
          number: String(index + 1),
          title: item.title,
          ...(item.standing ? { standing: item.standing } : {}),
          ...(item.pages ? { pageFrom: item.pages[0], pageTo: item.pages[1] } : {}),
          ...(item.business?.reportOf ? { reportOf: item.business.reportOf } : {}),
          ...(item.business?.minutes ? { minutes: item.business.minutes } : {}),
          ...(item.business?.subPoints ? { subPoints: item.business.subPoints } : {}),
          exempt: item.business?.exempt ?? false,
        })),
      },
    },
  });
  await tx.meeting.create({
    data: {
      boardId: board.id,
      title: DEMO_BOARD_NAME,
      startsAt: meetingStart(now, 101),
      venue: 'Riverside Civic Centre, Committee Room 2',
      calendarToken: randomBytes(18).toString('base64url'),
      items: { create: [...STANDING_BEFORE, ...STANDING_AFTER].map((item, index) => ({ position: index + 1, number: String(index + 1), title: item.title, standing: item.standing })) },
    },
  });
  const proposer = (key: string) => members.get(key) ?? null;
  await tx.forwardPlanItem.createMany({
    data: [
      { boardId: board.id, title: 'Serious Violence Duty: strategic needs assessment', reportOf: 'Head of Community Safety', proposedById: proposer('community-safety') },
      { boardId: board.id, title: 'Fire safety in high-rise housing', reportOf: 'Borough Commander, Fire', overview: 'Home fire safety visits and the new building safety regime.', proposedById: proposer('fire') },
      { boardId: board.id, title: 'Reducing re-offending: accommodation on release', reportOf: 'Head of Probation Delivery Unit', proposedById: proposer('probation') },
    ],
  });
  await createDemoBusiness(
    tx,
    {
      boardId: board.id,
      zone: ZONE,
      member: idOf,
      organisation: (key) => organisations.get(key) as string,
      nextMeetingDate: localDate(next.startsAt, ZONE),
    },
    now,
  );
}
