import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import type { FormRequest } from '../../../src/kernel/results.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createSeedBoard, type SeedBoard } from '../../support/fixtures.ts';
import { takeSnapshot, type RowSnapshot } from '../row-snapshots.ts';

let db: TestDatabase;
let seed: SeedBoard;
let now: Date;
let t: TestCore;
let held: { id: string; itemId: string };
let hirani: { id: string; slackUserId: string };

const slack = (userId: string): Actor => ({ platform: 'slack', userId });
const clerk = () => slack(seed.clerk.slackUserId);
const chair = () => slack(seed.chair.slackUserId);
const norfolk = () => slack(seed.member.slackUserId);
const asha = () => slack(hirani.slackUserId);

// One database for the file. The rows every test starts from (the seed board, its held meeting
// and the next one, a fourth member) and the same with the default action recorded are built
// once, and each test starts from a copy of one of them (start below) rather than building it.
type Start = 'roster' | 'recorded';
const fixtures = new Map<Start, { rows: RowSnapshot; reads: number }>();
let recorded: Awaited<ReturnType<typeof record>>;
let started: Start | undefined;
// The clock moves on 10 ms each time it is read, so the history has an order (minutes shown do not
// change). A test starting from a fixture goes on from the reads that built it, as when it built it.
let reads = 0;
const newCore = () => testCore({ prisma: db.prisma, now: () => new Date(now.getTime() + 10 * reads++) });
async function start(fixture: Start): Promise<void> {
  const { rows, reads: readsSoFar } = fixtures.get(fixture) as { rows: RowSnapshot; reads: number };
  await rows.restore();
  reads = readsSoFar;
  started = fixture;
}
/** Starts from the fixture with the default action recorded (record() with no arguments). */
async function startRecorded(): Promise<typeof recorded> {
  await start('recorded');
  return structuredClone(recorded);
}

beforeAll(async () => {
  db = await createTestDatabase();
  seed = await createSeedBoard(db.prisma);
  now = new Date('2026-11-24T09:00:00Z');
  reads = 0;
  t = newCore();
  const meeting = await db.prisma.meeting.create({
    data: {
      boardId: seed.boardId,
      title: 'Safer Communities Partnership Board',
      startsAt: new Date('2026-11-20T10:00:00Z'),
      status: 'held',
      calendarToken: 'held-meeting-token',
      items: { create: [{ position: 1, number: '1', title: 'Welcome' }, { position: 2, number: '5', title: 'Police Update', reportOf: 'Borough Commander' }] },
    },
    include: { items: true },
  });
  held = { id: meeting.id, itemId: meeting.items.find((i) => i.number === '5')?.id as string };
  await db.prisma.meeting.create({ data: { boardId: seed.boardId, title: 'SCPB', startsAt: new Date('2027-01-22T10:00:00Z'), calendarToken: 'next-meeting-token' } });
  const member = await db.prisma.member.create({ data: { boardId: seed.boardId, name: 'Asha Hirani', title: 'Head of Community Safety', slackUserId: 'USCPB9' } });
  hirani = { id: member.id, slackUserId: 'USCPB9' };
  fixtures.set('roster', { rows: await takeSnapshot(db), reads });
  recorded = await record();
  fixtures.set('recorded', { rows: await takeSnapshot(db), reads });
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(() => {
  started = undefined;
  now = new Date('2026-11-24T09:00:00Z');
  reads = 0;
  t = newCore();
});
afterEach(() => {
  if (!started) throw new Error('the test did not start from a fixture: call start()');
});
const openNew = async (text = 'action new') => as('form', await t.command(clerk(), text)) as FormRequest;
const values = (over: Record<string, unknown> = {}) => ({ description: 'Bring the ward burglary figures to the next meeting.', owners: [seed.member.id], item: held.itemId, due: '2027-01-21', ...over });
const record = async (over: Record<string, unknown> = {}, key = randomUUID(), actor = clerk()) => as('action', await t.submit(actor, 'action.create', values(over), { meetingId: held.id, key }));
const click = async (actor: Actor, button: string, payload: unknown) => t.click(actor, button, payload);
const formFor = async (actor: Actor, actionId: string, form: string) => as('form', await click(actor, 'action.form', { actionId, form })) as FormRequest;
const submitOn = async (actor: Actor, form: FormRequest, v: Record<string, unknown>) => as('action', await t.submit(actor, form.form, v, form.metadata));

describe('recording an action', () => {
  it('opens the form for the latest meeting, owners from the roster, due the day before the next meeting', async () => {
    await start('roster');
    const form = await openNew();
    expect(form.form).toBe('action.create');
    expect(form.metadata.meetingId).toBe(held.id);
    expect(form.metadata.key).toMatch(/^[0-9a-f-]{36}$/);
    expect(form.values).toEqual({ due: '2027-01-21' });
    expect(form.options?.owners?.map((o) => o.label)).toEqual(['Alex Dewsnap (Governance Officer)', 'Asha Hirani (Head of Community Safety)', 'Cllr Krishna Suresh (Chair)', 'Richard Norfolk (Borough Commander)']);
    expect(form.options?.item?.map((o) => o.label)).toEqual(['No particular item', '1. Welcome', '5. Police Update']);
    expect(form.context).toContain('Fri 20 Nov 2026, 10:00');
  });

  it('records it with its owners, item and due date, and the history says who recorded it', async () => {
    await start('roster');
    const result = await record({ owners: [seed.member.id, hirani.id] });
    expect(result.notice).toBe('Action recorded, due Thu 21 Jan 2027.');
    expect(result.action).toMatchObject({
      description: 'Bring the ward burglary figures to the next meeting.',
      item: '5. Police Update',
      dueIso: '2027-01-21',
      state: 'open',
      owners: [
        { memberId: seed.member.id, name: 'Richard Norfolk' },
        { memberId: hirani.id, name: 'Asha Hirani' },
      ],
      history: [{ kind: 'created', by: 'Alex Dewsnap' }],
    });
    expect(result.rights).toEqual({ canChange: true, canManage: true });
  });

  it('records once when the same form is submitted twice, even at the same moment', async () => {
    await start('roster');
    const key = randomUUID();
    const [a, b] = await Promise.all([record({}, key), record({}, key)]);
    const third = await record({}, key);
    expect(new Set([a.action.id, b.action.id, third.action.id]).size).toBe(1);
    expect(third.notice).toBe('That action was already recorded.');
    expect(await db.prisma.action.count()).toBe(1);
    expect(await db.prisma.actionUpdate.count()).toBe(1);
  });

  it('refuses an empty description, a past due date and an owner not on the roster, each on its field, and saves nothing', async () => {
    await start('roster');
    const stranger = await createSeedBoard(db.prisma, { slug: 'other' });
    await expect(record({ description: '   ', due: '2026-11-23', owners: [stranger.member.id] })).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: {
        description: 'Describe the action.',
        due: 'Mon 23 Nov 2026 has passed. Choose today or a later date.',
        owners: 'One of the owners is not on the board\u2019s roster (any more). Choose again from the list.',
      },
    });
    await expect(record({ owners: [], due: '2027-02-30' })).rejects.toMatchObject({
      fieldErrors: { owners: 'Choose at least one owner from the roster.', due: '2027-02-30 is not a date in the calendar.' },
    });
    expect(await db.prisma.action.count()).toBe(0);
  });

  it('accepts today as the due date, in the board\u2019s timezone', async () => {
    await start('roster');
    now = new Date('2026-11-24T23:30:00Z'); // still the 24th in London
    expect((await record({ due: '2026-11-24' })).action.dueIso).toBe('2026-11-24');
  });

  it('is for clerks and the chair only', async () => {
    await start('roster');
    await expect(t.command(norfolk(), 'action new')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(record({}, randomUUID(), norfolk())).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(as('form', await t.command(chair(), 'action new 2026-11-20')).form).toBe('action.create');
    await expect(t.command(clerk(), 'action new 2026-11-21')).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
  });
});

describe('owners and clerks change an action', () => {
  it('an owner marks it done; a second click changes nothing', async () => {
    const { action } = await startRecorded();
    const done = as('action', await click(norfolk(), 'action.done', { actionId: action.id }));
    expect(done.notice).toBe('Marked done. Thank you.');
    expect(done.action.state).toBe('done');
    expect(done.action.history[0]).toMatchObject({ kind: 'done', by: 'Richard Norfolk' });
    const again = as('action', await click(norfolk(), 'action.done', { actionId: action.id }));
    expect(again.notice).toBe('This action is already done.');
    expect(await db.prisma.actionUpdate.count({ where: { kind: 'done' } })).toBe(1);
  });

  it('someone who is neither an owner nor a clerk cannot change it', async () => {
    const { action } = await startRecorded();
    await expect(click(asha(), 'action.done', { actionId: action.id })).rejects.toMatchObject({ code: 'NOT_AN_OWNER' });
    await expect(formFor(asha(), action.id, 'update')).rejects.toMatchObject({ code: 'NOT_AN_OWNER' });
    await expect(click(slack('UNKNOWN'), 'action.done', { actionId: action.id })).rejects.toMatchObject({ code: 'NOT_AN_OWNER' });
    expect((await db.prisma.action.findUniqueOrThrow({ where: { id: action.id } })).status).toBe('open');
  });

  it('an unknown action is named as such', async () => {
    await start('roster');
    await expect(click(norfolk(), 'action.done', { actionId: randomUUID() })).rejects.toMatchObject({ code: 'ACTION_NOT_FOUND' });
    await expect(click(norfolk(), 'action.done', { actionId: 'not-an-id' })).rejects.toMatchObject({ code: 'STALE_CARD' });
  });

  it('an owner adds an update, kept with who and when; the same form twice adds it once', async () => {
    const { action } = await startRecorded();
    const form = await formFor(norfolk(), action.id, 'update');
    const updated = await submitOn(norfolk(), form, { text: 'Figures requested from the analyst.' });
    expect(updated.action.history[0]).toEqual({ kind: 'update', text: 'Figures requested from the analyst.', by: 'Richard Norfolk', when: 'Tue 24 Nov 2026, 09:00' });
    const again = await submitOn(norfolk(), form, { text: 'Figures requested from the analyst.' });
    expect(again.notice).toBe('That update was already added.');
    expect(await db.prisma.actionUpdate.count({ where: { kind: 'update' } })).toBe(1);
    await expect(submitOn(norfolk(), await formFor(norfolk(), action.id, 'update'), { text: '  ' })).rejects.toMatchObject({ fieldErrors: { text: 'Write the update.' } });
  });

  it('an owner asks for more time; the clerk accepts, the due date moves and the chasing starts again', async () => {
    const { action } = await startRecorded();
    await db.prisma.actionOwner.updateMany({ data: { chasesSent: 2, lastChasedOn: new Date('2027-01-14T00:00:00Z') } });
    const form = await formFor(norfolk(), action.id, 'more-time');
    await expect(submitOn(norfolk(), form, { due: '2027-01-20', reason: 'x' })).rejects.toMatchObject({ fieldErrors: { due: 'Choose a date after the current due date, Thu 21 Jan 2027.' } });
    await expect(submitOn(norfolk(), form, { due: '2027-02-28' })).rejects.toMatchObject({ fieldErrors: { reason: 'Give a reason for the new date.' } });
    const asked = await submitOn(norfolk(), form, { due: '2027-02-28', reason: 'The analyst is away until February.' });
    expect(asked.action.pendingExtension).toMatchObject({ dueIso: '2027-02-28', reason: 'The analyst is away until February.', by: 'Richard Norfolk' });
    expect(asked.action.dueIso).toBe('2027-01-21');
    const extensionId = asked.action.pendingExtension?.id as string;
    await expect(click(norfolk(), 'action.decide', { extensionId, decision: 'accept' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    const accepted = as('action', await click(clerk(), 'action.decide', { extensionId, decision: 'accept' }));
    expect(accepted.notice).toBe('More time given: now due Sun 28 Feb 2027.');
    expect(accepted.action.dueIso).toBe('2027-02-28');
    expect(accepted.action.pendingExtension).toBeUndefined();
    expect(await db.prisma.actionOwner.findFirstOrThrow()).toMatchObject({ chasesSent: 0, lastChasedOn: null });
    const twice = as('action', await click(chair(), 'action.decide', { extensionId, decision: 'decline' }));
    expect(twice.notice).toBe('That request was already accepted.');
    expect(twice.action.dueIso).toBe('2027-02-28');
  });

  it('the clerk declines a request: the due date stays', async () => {
    const { action } = await startRecorded();
    const asked = await submitOn(norfolk(), await formFor(norfolk(), action.id, 'more-time'), { due: '2027-03-01', reason: 'Busy.' });
    const declined = as('action', await click(chair(), 'action.decide', { extensionId: asked.action.pendingExtension?.id, decision: 'decline' }));
    expect(declined.notice).toBe('Declined: still due Thu 21 Jan 2027.');
    expect(declined.action.history[0]).toMatchObject({ kind: 'extension_declined', by: 'Cllr Krishna Suresh' });
  });
});

describe('the chair and clerks reassign, extend and drop, with a reason', () => {
  it('reassigns to other owners; owners cannot', async () => {
    const { action } = await startRecorded();
    await expect(formFor(norfolk(), action.id, 'reassign')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    const form = await formFor(chair(), action.id, 'reassign');
    expect(form.values).toEqual({ owners: [seed.member.id] });
    await expect(submitOn(chair(), form, { owners: [hirani.id] })).rejects.toMatchObject({ fieldErrors: { reason: 'Give a reason.' } });
    const done = await submitOn(chair(), form, { owners: [hirani.id], reason: 'Community safety leads on this now.' });
    expect(done.action.owners).toEqual([{ memberId: hirani.id, name: 'Asha Hirani' }]);
    expect(done.action.history[0]).toMatchObject({ kind: 'reassigned', text: 'To Asha Hirani: Community safety leads on this now.', by: 'Cllr Krishna Suresh' });
    await expect(click(norfolk(), 'action.done', { actionId: action.id })).rejects.toMatchObject({ code: 'NOT_AN_OWNER' });
    expect(as('action', await click(asha(), 'action.done', { actionId: action.id })).action.state).toBe('done');
  });

  it('gives a new date, never one in the past', async () => {
    const { action } = await startRecorded();
    const form = await formFor(clerk(), action.id, 'extend');
    expect(form.values).toEqual({ due: '2027-01-21' });
    await expect(submitOn(clerk(), form, { due: '2026-11-01', reason: 'x' })).rejects.toMatchObject({ fieldErrors: { due: 'Sun 1 Nov 2026 has passed. Choose today or a later date.' } });
    const moved = await submitOn(clerk(), form, { due: '2027-03-18', reason: 'Moved to the March meeting.' });
    expect(moved.action.dueIso).toBe('2027-03-18');
    expect(moved.action.history[0]?.text).toBe('From Thu 21 Jan 2027 to Thu 18 Mar 2027: Moved to the March meeting.');
  });

  it('drops it with a reason; a dropped action cannot be marked done', async () => {
    const { action } = await startRecorded();
    await expect(formFor(norfolk(), action.id, 'drop')).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    const form = await formFor(clerk(), action.id, 'drop');
    const dropped = await submitOn(clerk(), form, { reason: 'Overtaken by the new strategy.' });
    expect(dropped.action).toMatchObject({ state: 'dropped', statusReason: 'Overtaken by the new strategy.' });
    expect((await submitOn(clerk(), form, { reason: 'Overtaken by the new strategy.' })).notice).toBe('That action was already dropped.');
    await expect(click(norfolk(), 'action.done', { actionId: action.id })).rejects.toMatchObject({ code: 'ACTION_CLOSED' });
    await expect(formFor(norfolk(), action.id, 'more-time')).rejects.toMatchObject({ code: 'ACTION_CLOSED' });
  });
});

describe('listing actions', () => {
  it('lists the board\u2019s open actions for the clerk, filtered by status, owner and meeting', async () => {
    await start('roster');
    const a = await record({ description: 'Burglary figures.', due: '2026-11-30' });
    const b = await record({ description: 'Invite DVIP.', owners: [hirani.id], due: '2027-01-21' });
    const c = await record({ description: 'Circulate the strategy.', owners: [hirani.id, seed.member.id], due: '2026-12-10' });
    await click(clerk(), 'action.done', { actionId: c.action.id });
    now = new Date('2026-12-01T09:00:00Z');
    const list = async (text: string) => as('actions', await t.command(clerk(), text));
    expect((await list('actions')).actions.map((x) => x.description)).toEqual(['Burglary figures.', 'Invite DVIP.']);
    expect((await list('actions overdue')).actions.map((x) => [x.description, x.state])).toEqual([['Burglary figures.', 'overdue']]);
    expect((await list('actions done')).actions.map((x) => x.id)).toEqual([c.action.id]);
    const hers = await list('actions all Ms Hirani');
    expect(hers.actions.map((x) => x.id)).toEqual([c.action.id, b.action.id]);
    expect(hers.heading).toBe('All actions of Asha Hirani');
    expect((await list('actions open 2026-11-20 Borough Commander')).actions.map((x) => x.id)).toEqual([a.action.id]);
    expect((await list('actions open 2027-01-22')).actions).toEqual([]);
    await expect(t.command(clerk(), 'actions Mr Nobody')).rejects.toMatchObject({ code: 'COMMAND_USAGE', say: '"Mr Nobody" is not on the roster of Safer Communities Partnership Board.' });
  });

  it('shows a member who is not a clerk their own actions only', async () => {
    await start('roster');
    await record({ description: 'Burglary figures.' });
    await record({ description: 'Invite DVIP.', owners: [hirani.id] });
    const mine = as('actions', await t.command(asha(), 'actions'));
    expect(mine).toMatchObject({ mine: true, canManage: false, heading: 'Your open actions' });
    expect(mine.actions.map((x) => x.description)).toEqual(['Invite DVIP.']);
  });
});

describe('the cards in people\u2019s direct messages', () => {
  const outbox = () => db.prisma.outboxMessage.findMany({ where: { template: 'action.card' }, orderBy: [{ createdAt: 'asc' }, { targetId: 'asc' }] });

  it('sends each owner the card once on each platform, and brings every copy up to date after a change', async () => {
    await start('roster');
    const key = randomUUID();
    const { action } = await record({ owners: [seed.member.id, hirani.id] }, key);
    await record({ owners: [seed.member.id, hirani.id] }, key);
    const sent = await outbox();
    // Asha Hirani has no Teams identity: three cards, each sent on its own (never folded into a digest).
    expect(sent.map((m) => [m.platform, m.targetKind, m.targetId, m.operation, m.digestible]).sort()).toEqual(
      [
        ['slack', 'user', seed.member.slackUserId, 'post', false],
        ['slack', 'user', hirani.slackUserId, 'post', false],
        ['teams', 'user', seed.member.teamsAadId, 'post', false],
      ].sort(),
    );
    expect(sent[0]?.data).toMatchObject({ action: { id: action.id, state: 'open' }, rights: { canChange: true, canManage: false }, intro: 'An action for you from Fri 20 Nov 2026, 10:00.' });

    await click(asha(), 'action.done', { actionId: action.id });
    const updates = (await outbox()).filter((m) => m.operation === 'update');
    expect(updates.map((u) => u.updatesId).sort()).toEqual(sent.map((s) => s.id).sort());
    expect(updates.every((u) => (u.data as { action: { state: string } }).action.state === 'done')).toBe(true);
    await click(asha(), 'action.done', { actionId: action.id });
    expect((await outbox()).filter((m) => m.operation === 'update')).toHaveLength(3);
  });

  it('sends no card of a finished action to an owner who never had one: the copies people have change, nothing new arrives', async () => {
    await start('roster');
    const { action } = await record({ owners: [seed.member.id, hirani.id] });
    // Asha Hirani is reachable on Teams only now: she has never had the card there.
    await db.prisma.member.update({ where: { id: hirani.id }, data: { teamsAadId: 'aad-asha-hirani' } });
    await click(clerk(), 'action.done', { actionId: action.id });
    const cards = await outbox();
    expect(cards.filter((m) => m.operation === 'post').map((m) => m.targetId).sort()).toEqual([seed.member.slackUserId, hirani.slackUserId, seed.member.teamsAadId].sort());
    expect(cards.filter((m) => m.operation === 'update')).toHaveLength(3);
  });

  it('sends the card to new owners when reassigned, and updates the former owner\u2019s copy without its buttons', async () => {
    const { action } = await startRecorded();
    await submitOn(chair(), await formFor(chair(), action.id, 'reassign'), { owners: [hirani.id], reason: 'Handed over.' });
    const cards = await outbox();
    const former = cards.find((m) => m.operation === 'update' && m.targetId === seed.member.slackUserId);
    expect(former?.data).toMatchObject({ rights: { canChange: false, canManage: false }, action: { owners: [{ name: 'Asha Hirani' }] } });
    expect(cards.filter((m) => m.operation === 'post').map((m) => m.targetId)).toContain(hirani.slackUserId);
  });

  it('tells the clerk and the chair when an owner asks for more time, with the decision buttons', async () => {
    const { action } = await startRecorded();
    await submitOn(norfolk(), await formFor(norfolk(), action.id, 'more-time'), { due: '2027-02-28', reason: 'Analyst away.' });
    const asked = (await outbox()).filter((m) => m.operation === 'post' && (m.data as { intro?: string }).intro === 'Richard Norfolk asked for more time.');
    expect(asked.map((m) => m.targetId).sort()).toEqual([seed.clerk.slackUserId, seed.clerk.teamsAadId, seed.chair.slackUserId, seed.chair.teamsAadId].sort());
    expect(asked[0]?.data).toMatchObject({ rights: { canManage: true }, action: { pendingExtension: { dueIso: '2027-02-28', reason: 'Analyst away.' } } });
  });

  it('gives a member the card as it is now (what Teams asks for on refresh), and no one else', async () => {
    const { action } = await startRecorded();
    const seen = as('action', await click(norfolk(), 'action.view', { actionId: action.id }));
    expect(seen.rights).toEqual({ canChange: true, canManage: false });
    expect(as('action', await click(asha(), 'action.view', { actionId: action.id })).rights).toEqual({ canChange: false, canManage: false });
    await expect(click(slack('UOUTSIDER'), 'action.view', { actionId: action.id })).rejects.toMatchObject({ code: 'NOT_A_MEMBER' });
  });
});
