// Quarterly returns on a real database: the catalogue from a file and forms, rounds, submissions
// with every version kept, permissions, and the errors a clerk or submitter can meet.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Actor } from '../../../src/domain/platform.ts';
import type { CoreDeps } from '../../../src/kernel/deps.ts';
import { createLogger } from '../../../src/logger.ts';
import { compileDashboard, showDashboardPart } from '../../../src/features/returns/compile-dashboard.ts';
import { publishDashboard } from '../../../src/features/returns/publish-dashboard.ts';
import { attachDashboard } from '../../../src/features/returns/attach-dashboard.ts';
import { postAgenda } from '../../../src/features/agendas/post-agenda.ts';
import { dashboardCsvFile, trendChartFile } from '../../../src/features/returns/dashboard-files.ts';
import { importCatalogue, readCatalogue } from '../../../src/features/returns/import-catalogue.ts';
import { lockRound } from '../../../src/features/returns/lock-round.ts';
import { metricFormValues } from '../../../src/features/returns/metric-form.ts';
import { openRound } from '../../../src/features/returns/open-round.ts';
import { overrideRag } from '../../../src/features/returns/override-rag.ts';
import { chaseTimes, returnsChaseJob } from '../../../src/features/returns/returns-chase-job.ts';
import { Scheduler } from '../../../src/scheduling/scheduler.ts';
import { fieldId } from '../../../src/features/returns/return-form.ts';
import { FIELDS_PER_PAGE } from '../../../src/features/returns/return-pages.ts';
import { saveMetric } from '../../../src/features/returns/save-metric.ts';
import { deactivateMetric } from '../../../src/features/returns/deactivate-metric.ts';
import { openMetricForm } from '../../../src/features/returns/open-returns-forms.ts';
import { showRoundStatus } from '../../../src/features/returns/show-round-status.ts';
import { submitReturn } from '../../../src/features/returns/submit-return.ts';
import { as, testCore, type TestCore } from '../../support/core.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { createReturnsBoard, SEED_CATALOGUE_CSV, type ReturnsBoard } from '../../support/returns-fixtures.ts';
import { takeSnapshot, type RowSnapshot } from '../row-snapshots.ts';

let db: TestDatabase;
let b: ReturnsBoard;
let now: Date;
let deps: CoreDeps;

const clerk = (): Actor => ({ platform: 'slack', userId: b.clerk.slackUserId });
const police = (): Actor => ({ platform: 'slack', userId: b.policeSubmitter.slackUserId });
const probation = (): Actor => ({ platform: 'teams', userId: b.probationSubmitter.teamsAadId });
const chairAsPerson = (): Actor => ({ platform: 'slack', userId: b.chair.slackUserId });
const at = (actor: Actor) => ({ actor, audience: 'person' as const });

// One database for the file (migrating is the slow part). The fixtures the tests start from (a
// board; the board and its catalogue; that and the Q3 round opened) are built once, by the same
// calls the tests make, and each test starts from a copy of one of them (start below): building
// them again for every test was most of the file's work. Another board, with its catalogue and
// round, shares the database throughout, as other tests' boards used to.
type Start = 'board' | 'catalogue' | 'round';
const fixtures = new Map<Start, RowSnapshot>();
let started: Start | undefined;
/** The ids of the fixtures' metrics by name, and of their Q3 round (the same in every copy). */
let catalogueIds: Map<string, string>;
let q3RoundId: string;
async function start(fixture: Start): Promise<void> {
  await (fixtures.get(fixture) as RowSnapshot).restore();
  started = fixture;
}
const newDeps = (): CoreDeps => ({ prisma: db.prisma, logger: createLogger({ level: 'silent' }), platforms: ['slack', 'teams'], now: () => now, catalogue: [], fetchModernGov: async () => { throw new Error('unused'); } });
beforeAll(async () => {
  db = await createTestDatabase();
  now = new Date('2027-01-10T09:00:00Z');
  deps = newDeps();
  b = await createReturnsBoard(db.prisma, 'scpb0');
  await loadCatalogue();
  await open();
  b = await createReturnsBoard(db.prisma, 'scpb1');
  fixtures.set('board', await takeSnapshot(db));
  await loadCatalogue();
  fixtures.set('catalogue', await takeSnapshot(db));
  catalogueIds = new Map((await db.prisma.metric.findMany({ where: onBoard() })).map((m) => [m.name, m.id]));
  await open();
  fixtures.set('round', await takeSnapshot(db));
  q3RoundId = (await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() })).id;
});
afterAll(async () => {
  await db.destroy();
});
beforeEach(() => {
  started = undefined;
  now = new Date('2027-01-10T09:00:00Z');
  deps = newDeps();
});
afterEach(() => {
  if (!started) throw new Error('the test did not start from a fixture: call start()');
});

const loadCatalogue = () => importCatalogue(deps, { ...at(clerk()), text: SEED_CATALOGUE_CSV });
const open = () => openRound(deps, { ...at(clerk()), period: 'Q3 2026/27', deadline: '2027-01-29' });
const metricId = async (name: string) => (started !== 'board' && catalogueIds.get(name)) || (await db.prisma.metric.findFirstOrThrow({ where: { boardId: b.boardId, name } })).id;
const onBoard = () => ({ boardId: b.boardId });
const roundOfBoard = () => ({ round: { boardId: b.boardId } });
const submissionOfBoard = () => ({ submission: roundOfBoard() });

async function policeValues(overrides: Record<string, unknown> = {}) {
  const burglary = await metricId('Burglary');
  const robbery = await metricId('Robbery');
  return {
    [fieldId.value(burglary)]: '952',
    [fieldId.rank(burglary, 0)]: '15',
    [fieldId.rank(burglary, 1)]: '22/33',
    [fieldId.positive(burglary)]: 'Decrease in rolling 12 months',
    [fieldId.negative(burglary)]: 'Increase in last quarter vs. one year ago',
    [fieldId.value(robbery)]: '188',
    ...overrides,
  };
}

describe('the metric catalogue', () => {
  it('loads metrics, milestones and history from a CSV, matching organisations by name or short name', async () => {
    await start('board');
    const saved = await loadCatalogue();
    expect(saved).toMatchObject({ metrics: { added: ['Burglary', 'Robbery', 'Proven re-offending rate'], updated: [] }, milestones: { added: 1, updated: 0 }, historyFigures: 9 });
    const burglary = await db.prisma.metric.findFirstOrThrow({ where: { ...onBoard(), name: 'Burglary' } });
    expect(burglary).toMatchObject({ organisationId: b.police, unit: 'count', unitBase: null, polarity: 'lower', yearOnYear: true, rolling: true, peerRanks: [{ name: 'Similar group', outOf: 15 }, { name: 'London', outOf: 33 }] });
    const reoffending = await db.prisma.metric.findFirstOrThrow({ where: { ...onBoard(), name: 'Proven re-offending rate' } });
    expect(reoffending).toMatchObject({ organisationId: b.probation, unit: 'percentage', rolling: false });
    expect(await db.prisma.metricValue.findMany({ where: { metricId: reoffending.id } })).toMatchObject([{ fyStart: 2025, quarter: 3, value: 22.6, source: 'imported' }]);
    expect(await db.prisma.milestone.findMany({ where: onBoard() })).toMatchObject([{ theme: 'Anti-social behaviour', lead: 'LBB Steve Murrant', organisationId: b.council }]);
    // Loading again updates rather than duplicates.
    const again = await loadCatalogue();
    expect(again.metrics).toEqual({ added: [], updated: ['Burglary', 'Robbery', 'Proven re-offending rate'] });
    expect(await db.prisma.metric.count({ where: onBoard() })).toBe(3);
    expect(await db.prisma.milestone.count({ where: onBoard() })).toBe(1);
  });

  it('loads the same catalogue from JSON', async () => {
    await start('board');
    const json = JSON.stringify({
      metrics: [{ name: 'Repeat ASB calls', organisation: 'MPS', unit: 'count', polarity: 'lower is better', comparisons: ['year on year'], history: { 'Q3 2025/26': 218 } }],
      milestones: [{ title: 'Promote use of MARAC', organisation: 'London Borough of Harrow', theme: 'Violent crime', lead: 'LBB Manju Lukman' }],
    });
    const saved = await importCatalogue(deps, { ...at(clerk()), text: json });
    expect(saved).toMatchObject({ metrics: { added: ['Repeat ASB calls'] }, milestones: { added: 1 }, historyFigures: 1 });
  });

  it('a malformed file changes nothing and says which row and what', async () => {
    await start('board');
    const bad = [
      'type,name,organisation,unit,polarity',
      'metric,Burglary,MPS,furlongs,lower',
      'metric,Robbery,MPS,count,sideways',
      'metric,Gun crime,Fire Brigade,count,lower',
    ].join('\n');
    await expect(importCatalogue(deps, { ...at(clerk()), text: bad })).rejects.toMatchObject({
      code: 'CATALOGUE_INVALID',
      say: expect.stringMatching(/Row 2 \(Burglary\): unit: "furlongs" is not a unit[\s\S]*Row 3 \(Robbery\): polarity: "sideways": write "lower is better"/),
    });
    await expect(importCatalogue(deps, { ...at(clerk()), text: 'type,name,organisation,unit,polarity\nmetric,Gun crime,Fire Brigade,count,lower' })).rejects.toMatchObject({
      code: 'UNKNOWN_ORGANISATION',
      say: expect.stringContaining('Row 2 (Gun crime): "Fire Brigade" is not one of the board\u2019s organisations'),
    });
    expect(() => readCatalogue('name,unit\n"Burglary,count')).toThrow(/CSV cannot be read.*quoted value is not closed/);
    expect(() => readCatalogue('name,unit,colour\nBurglary,count,red')).toThrow(/columns Quorum does not know: "colour"/);
    expect(() => readCatalogue('{"metrics": 3}')).toThrow(/"metrics" and\/or "milestones"/);
    expect(() => readCatalogue('{"metrics": [')).toThrow(/JSON cannot be read/);
    expect(() => readCatalogue('type,name,organisation,unit,polarity,Q3 2025/26\nmetric,Burglary,MPS,count,lower,-4')).toThrow(/Q3 2025\/26: -4 is not a count: A count cannot be negative/);
    expect(await db.prisma.metric.count({ where: onBoard() })).toBe(0);
  });

  it('only a clerk loads or edits the catalogue', async () => {
    await start('board');
    await expect(importCatalogue(deps, { ...at(police()), text: SEED_CATALOGUE_CSV })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(await db.prisma.metric.count({ where: onBoard() })).toBe(0);
  });

  it('the metric form checks each field and refuses a second metric of the same name', async () => {
    await start('board');
    const parsed = metricFormValues.safeParse({ name: '', organisation: 'x', unit: 'rank out of 1', polarity: 'up' });
    expect(parsed.success).toBe(false);
    const paths = parsed.error?.issues.map((i) => i.path[0]);
    expect(paths).toEqual(expect.arrayContaining(['name', 'organisation', 'unit', 'polarity']));
    const values = metricFormValues.parse({ name: 'Sanction detection rate', organisation: b.police, unit: 'percentage', polarity: 'higher', comparisons: ['year on year'], peerRanks: '' });
    await saveMetric(deps, { ...at(clerk()), boardId: b.boardId, values });
    expect(await db.prisma.metric.findFirstOrThrow({ where: { ...onBoard(), name: 'Sanction detection rate' } })).toMatchObject({ unit: 'percentage', polarity: 'higher', yearOnYear: true, rolling: false });
    await expect(saveMetric(deps, { ...at(clerk()), boardId: b.boardId, values: { ...values, name: 'SANCTION detection rate' } })).rejects.toMatchObject({ code: 'FORM_INVALID', fieldErrors: { name: 'The catalogue already has a metric called "Sanction detection rate".' } });
    await expect(saveMetric(deps, { ...at(police()), boardId: b.boardId, values })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
  });
});

describe('changing and deactivating a metric', () => {
  it('the clerk opens a metric\u2019s form filled in from the catalogue, changes its name, unit, polarity, comparisons, peer groups and owner', async () => {
    await start('catalogue');
    const burglary = await metricId('Burglary');
    const form = await openMetricForm(deps, { ...at(clerk()), name: 'burglary' });
    expect(form).toMatchObject({
      kind: 'form',
      form: 'returns.metric.edit',
      values: { name: 'Burglary', organisation: b.police, unit: 'count', polarity: 'lower', comparisons: ['year on year', 'rolling 12 months'], peerRanks: 'Similar group/15; London/33' },
      metadata: { boardId: b.boardId, metricId: burglary },
    });
    await expect(openMetricForm(deps, { ...at(clerk()), name: 'Arson' })).rejects.toMatchObject({ code: 'UNKNOWN_METRIC', say: expect.stringContaining('"Arson" is not a metric of Safer Communities Partnership Board. Its metrics include: Burglary, Robbery, Proven re-offending rate.') });
    await expect(openMetricForm(deps, { ...at(police()), name: 'Burglary' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });

    const values = metricFormValues.parse({ name: 'Residential burglary', organisation: b.probation, unit: 'rate per 1,000', polarity: 'higher', comparisons: ['rolling 12 months'], peerRanks: 'London/32' });
    const saved = await saveMetric(deps, { ...at(clerk()), boardId: b.boardId, metricId: burglary, values });
    expect(saved.text).toBe('"Residential burglary" updated (rate per 1,000).');
    expect(await db.prisma.metric.findUniqueOrThrow({ where: { id: burglary } })).toMatchObject({ name: 'Residential burglary', organisationId: b.probation, unit: 'rate', unitBase: 1000, polarity: 'higher', yearOnYear: false, rolling: true, peerRanks: [{ name: 'London', outOf: 32 }], active: true });
    // Its history stays with it.
    expect(await db.prisma.metricValue.count({ where: { metricId: burglary } })).toBe(4);
    await expect(saveMetric(deps, { ...at(clerk()), boardId: b.boardId, metricId: burglary, values: { ...values, name: 'robbery' } })).rejects.toMatchObject({ fieldErrors: { name: 'The catalogue already has a metric called "Robbery".' } });
  });

  it('a deactivated metric keeps its history and past figures, past dashboards still list it, new rounds do not ask for it; saving its form brings it back', async () => {
    await start('round');
    const q3 = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    await submitReturn(deps, { ...at(police()), roundId: q3.id, organisationId: b.police, values: await policeValues() });
    const robbery = await metricId('Robbery');
    const history = await db.prisma.metricValue.count({ where: { metricId: robbery } });
    expect(history).toBeGreaterThan(0);
    await expect(deactivateMetric(deps, { ...at(police()), name: 'Robbery' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(deactivateMetric(deps, { ...at(clerk()), name: 'Arson' })).rejects.toMatchObject({ code: 'UNKNOWN_METRIC' });
    const done = await deactivateMetric(deps, { ...at(clerk()), name: 'robbery' });
    expect(done.text).toBe('"Robbery" is deactivated: new rounds will not ask for it. Its history and past figures are kept; "returns metric Robbery" and Save brings it back.');
    expect((await deactivateMetric(deps, { ...at(clerk()), name: 'Robbery' })).text).toContain('already inactive');
    expect(await db.prisma.metricValue.count({ where: { metricId: robbery } })).toBe(history);
    expect(await db.prisma.returnFigure.count({ where: { metricId: robbery } })).toBe(1);
    // Q3's dashboard (Robbery was submitted) still lists it.
    expect((await compileDashboard(deps, { ...at(clerk()), period: 'Q3 2026/27' })).view.rows.map((r) => r.name)).toContain('Robbery');

    now = new Date('2027-04-10T09:00:00Z');
    await openRound(deps, { ...at(clerk()), period: 'Q4 2026/27', deadline: '2027-04-30' });
    const requests = await db.prisma.outboxMessage.findMany({ where: { ...onBoard(), template: 'returns.request', dedupeKey: { contains: ':opened' } } });
    const q4 = await db.prisma.returnRound.findFirstOrThrow({ where: { ...onBoard(), quarter: 4 } });
    const q4Requests = requests.filter((r) => (r.data as { roundId: string }).roundId === q4.id);
    expect(q4Requests.length).toBeGreaterThan(0);
    for (const r of q4Requests) expect((r.data as { metrics: { name: string }[] }).metrics.map((m) => m.name)).not.toContain('Robbery');
    expect((await compileDashboard(deps, { ...at(clerk()), period: 'Q4 2026/27' })).view.rows.map((r) => r.name)).toEqual(['Burglary', 'Proven re-offending rate']);

    const form = await openMetricForm(deps, { ...at(clerk()), name: 'Robbery' });
    expect((form as { context: string }).context).toContain('(inactive: saving makes it active again)');
    const values = metricFormValues.parse({ ...(form as { values: Record<string, unknown> }).values });
    const back = await saveMetric(deps, { ...at(clerk()), boardId: b.boardId, metricId: robbery, values });
    expect(back.text).toBe('"Robbery" updated (count); it is active again, and new rounds will ask for it.');
    expect((await compileDashboard(deps, { ...at(clerk()), period: 'Q4 2026/27' })).view.rows.map((r) => r.name)).toEqual(['Burglary', 'Robbery', 'Proven re-offending rate']);
  });
});

describe('rounds', () => {
  it('opening a round sends each organisation\u2019s submitters one request with exactly their metrics and last quarter\u2019s figures', async () => {
    await start('catalogue');
    const opened = await open();
    expect(opened).toMatchObject({ period: 'Q3 2026/27 (October to December 2026)', deadline: 'Friday 29 January 2027' });
    expect(opened.organisations).toEqual([
      { name: 'London Borough of Harrow', sentTo: [], unreachable: [] },
      { name: 'Metropolitan Police Service', sentTo: ['Richard Norfolk'], unreachable: [] },
      { name: 'National Probation Service', sentTo: ['Jane Probation'], unreachable: [] },
    ]);
    const messages = await db.prisma.outboxMessage.findMany({ where: onBoard(), orderBy: { platform: 'asc' } });
    expect(messages.map((m) => [m.platform, m.targetId, m.template])).toEqual([
      ['slack', b.policeSubmitter.slackUserId, 'returns.request'],
      ['teams', b.probationSubmitter.teamsAadId, 'returns.request'],
    ]);
    const policeRequest = messages.find((m) => m.platform === 'slack')?.data as { metrics: unknown[]; milestones: unknown[] };
    expect(policeRequest.metrics).toEqual([
      { name: 'Burglary', unit: 'count', last: '817 in Q2 2026/27' },
      { name: 'Robbery', unit: 'count', last: '133 in Q2 2026/27' },
    ]);
    expect(policeRequest.milestones).toEqual([]);
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    expect(round.deadline.toISOString()).toBe('2027-01-29T23:59:59.999Z');
    expect(round.dashboardToken).toMatch(/^[\w-]{32}$/);
  });

  it('refuses a bad period or deadline on its field, a second round for the quarter, and an empty catalogue', async () => {
    await start('board');
    await expect(open()).rejects.toMatchObject({ code: 'NOTHING_TO_RETURN' });
    await loadCatalogue();
    await expect(openRound(deps, { ...at(clerk()), period: 'Q5 2026/27', deadline: '2027-01-05' })).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: { period: 'There is no Q5: a financial year has quarters Q1 to Q4.', deadline: 'The deadline has passed: choose a day from today on.' },
    });
    await expect(openRound(deps, { ...at(clerk()), period: 'Q3 2026/27', deadline: '29/01/2027' })).rejects.toMatchObject({ fieldErrors: { deadline: expect.stringContaining('YYYY-MM-DD') } });
    await open();
    await expect(open()).rejects.toMatchObject({ code: 'ROUND_EXISTS' });
    await expect(openRound(deps, { ...at(police()), period: 'Q4 2026/27', deadline: '2027-04-29' })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(await db.prisma.returnRound.count({ where: onBoard() })).toBe(1);
  });
});

describe('submitting a return', () => {
  beforeEach(async () => {
    await start('round');
  });
  const submit = async (actor: Actor, organisationId: string, values: Record<string, unknown>) => submitReturn(deps, { ...at(actor), roundId: q3RoundId, organisationId, values });

  it('an invalid figure is reported next to its field and nothing is stored; fixed, it is stored as version 1 with who and when', async () => {
    const burglary = await metricId('Burglary');
    const robbery = await metricId('Robbery');
    await expect(submit(police(), b.police, await policeValues({ [fieldId.value(burglary)]: '-952', [fieldId.rank(burglary, 1)]: '34', [fieldId.value(robbery)]: '' }))).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: {
        [fieldId.value(burglary)]: 'A count cannot be negative.',
        [fieldId.rank(burglary, 1)]: 'A rank out of 33 is a whole number from 1 (best) to 33.',
        [fieldId.value(robbery)]: 'Enter the Q3 2026/27 figure.',
      },
    });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(0);
    expect(await db.prisma.metricValue.count({ where: { metric: onBoard(), fyStart: 2026, quarter: 3 } })).toBe(0);

    const done = await submit(police(), b.police, await policeValues());
    expect(done).toMatchObject({ kind: 'returns.submitted', version: 1, amended: false, byClerk: false, figures: 2, period: 'Q3 2026/27' });
    const stored = await db.prisma.returnSubmission.findFirstOrThrow({ where: roundOfBoard(), include: { figures: true } });
    expect(stored).toMatchObject({ version: 1, submittedById: b.policeSubmitter.id, byClerk: false });
    expect(stored.figures.find((f) => f.metricId === burglary)).toMatchObject({ value: 952, ranks: [{ name: 'Similar group', rank: 15 }, { name: 'London', rank: 22 }], positiveFactors: 'Decrease in rolling 12 months' });
    expect(await db.prisma.metricValue.findUniqueOrThrow({ where: { metricId_fyStart_quarter: { metricId: burglary, fyStart: 2026, quarter: 3 } } })).toMatchObject({ value: 952, source: 'submitted' });
  });

  it('amendments are new versions; every version is kept; the latest is the quarter\u2019s figure', async () => {
    const burglary = await metricId('Burglary');
    await submit(police(), b.police, await policeValues());
    now = new Date('2027-01-12T10:00:00Z');
    const amended = await submit(police(), b.police, await policeValues({ [fieldId.value(burglary)]: '961' }));
    expect(amended).toMatchObject({ version: 2, amended: true });
    const versions = await db.prisma.returnSubmission.findMany({ where: roundOfBoard(), orderBy: { version: 'asc' }, include: { figures: { where: { metricId: burglary } } } });
    expect(versions.map((v) => [v.version, v.figures[0]?.value])).toEqual([[1, 952], [2, 961]]);
    expect((await db.prisma.metricValue.findUniqueOrThrow({ where: { metricId_fyStart_quarter: { metricId: burglary, fyStart: 2026, quarter: 3 } } })).value).toBe(961);
  });

  it('a clerk can submit for an organisation; the version says so', async () => {
    const done = await submit(clerk(), b.police, await policeValues());
    expect(done).toMatchObject({ byClerk: true, version: 1 });
    expect(await db.prisma.returnSubmission.findFirstOrThrow({ where: roundOfBoard() })).toMatchObject({ submittedById: b.clerk.id, byClerk: true });
  });

  it('no one else can submit an organisation\u2019s figures: another organisation\u2019s submitter, a member who is not a submitter', async () => {
    await expect(submit(probation(), b.police, await policeValues())).rejects.toMatchObject({ code: 'NOT_A_SUBMITTER', say: expect.stringContaining('Only Metropolitan Police Service\u2019s submitters and the clerk') });
    await db.prisma.boardRole.deleteMany({ where: { memberId: b.chair.id } });
    await expect(submit(chairAsPerson(), b.police, await policeValues())).rejects.toMatchObject({ code: 'NOT_A_SUBMITTER' });
    await expect(submit({ platform: 'slack', userId: 'UNOBODY' }, b.police, await policeValues())).rejects.toMatchObject({ code: 'NOT_A_SUBMITTER' });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(0);
  });

  it('a form naming another organisation\u2019s metric is refused whole (unknown metric)', async () => {
    const reoffending = await metricId('Proven re-offending rate');
    await expect(submit(police(), b.police, await policeValues({ [fieldId.value(reoffending)]: '20.2' }))).rejects.toMatchObject({ code: 'UNKNOWN_METRIC' });
    await expect(submit(police(), b.police, await policeValues({ [fieldId.value('00000000-0000-4000-8000-00000000dead')]: '1' }))).rejects.toMatchObject({ code: 'UNKNOWN_METRIC' });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(0);
  });

  it('a locked round takes no more figures', async () => {
    await submit(police(), b.police, await policeValues());
    expect((await lockRound(deps, { ...at(clerk()) })).text).toBe('The Q3 2026/27 round is locked: figures can no longer be submitted or amended.');
    expect((await lockRound(deps, { ...at(clerk()) })).text).toBe('The Q3 2026/27 round was already locked.');
    await expect(submit(police(), b.police, await policeValues())).rejects.toMatchObject({ code: 'ROUND_CLOSED' });
    await expect(lockRound(deps, { ...at(police()) })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(1);
  });

  it('ten times last year asks for confirmation; submitted again unchanged, it is accepted and marked confirmed', async () => {
    const burglary = await metricId('Burglary');
    // Q3 2025/26 was 807: 8,070 or more asks.
    const values = await policeValues({ [fieldId.value(burglary)]: '8070' });
    await expect(submit(police(), b.police, values)).rejects.toMatchObject({
      code: 'FORM_INVALID',
      fieldErrors: { [fieldId.value(burglary)]: '8,070 is ten or more times Q3 2025/26\u2019s 807. If it is right, submit again to confirm it.' },
    });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(0);
    // A different value is asked about afresh.
    await expect(submit(police(), b.police, await policeValues({ [fieldId.value(burglary)]: '80700' }))).rejects.toMatchObject({ code: 'FORM_INVALID' });
    await submit(police(), b.police, await policeValues({ [fieldId.value(burglary)]: '80700' }));
    const figure = await db.prisma.returnFigure.findFirstOrThrow({ where: { metricId: burglary } });
    expect(figure).toMatchObject({ value: 80700, outlierConfirmed: true });
    expect(await db.prisma.returnDraft.count({ where: roundOfBoard() })).toBe(0);
  });

  it('percentages: probation submits the re-offending rate; 0 to 100 only', async () => {
    const reoffending = await metricId('Proven re-offending rate');
    await expect(submit(probation(), b.probation, { [fieldId.value(reoffending)]: '120%' })).rejects.toMatchObject({ fieldErrors: { [fieldId.value(reoffending)]: 'A percentage is between 0 and 100.' } });
    await submit(probation(), b.probation, { [fieldId.value(reoffending)]: '20.2%' });
    expect((await db.prisma.returnFigure.findFirstOrThrow({ where: submissionOfBoard() })).value).toBe(20.2);
  });

  it('milestones: progress, achievement and risk; the RAG follows the plan\u2019s guidance', async () => {
    const milestone = await db.prisma.milestone.findFirstOrThrow({ where: onBoard() });
    await expect(submit(clerk(), b.council, { [fieldId.progress(milestone.id)]: '', [fieldId.achievement(milestone.id)]: 'sort of' })).rejects.toMatchObject({
      fieldErrors: {
        [fieldId.progress(milestone.id)]: 'Say what progress was made this quarter.',
        [fieldId.achievement(milestone.id)]: 'Say whether the milestone was met.',
        [fieldId.risk(milestone.id)]: 'Say whether there is a risk to future performance.',
      },
    });
    await submit(clerk(), b.council, { [fieldId.progress(milestone.id)]: 'To be completed in liaison with Sue Smith', [fieldId.achievement(milestone.id)]: 'met', [fieldId.risk(milestone.id)]: 'identified' });
    expect(await db.prisma.milestoneUpdate.findFirstOrThrow({ where: submissionOfBoard() })).toMatchObject({ achievement: 'met', risk: 'identified', rag: 'amber' });
  });

  it('"returns" shows the clerk who has and hasn\u2019t submitted, and only the clerk', async () => {
    await submit(police(), b.police, await policeValues());
    const status = await showRoundStatus(deps, { ...at(clerk()) });
    expect(status).toMatchObject({ period: 'Q3 2026/27', status: 'open', published: false });
    expect(status.organisations.map((o) => [o.name, o.latest?.version ?? null, o.latest?.by ?? null, o.submitters])).toEqual([
      ['London Borough of Harrow', null, null, []],
      ['Metropolitan Police Service', 1, 'Richard Norfolk', ['Richard Norfolk']],
      ['National Probation Service', null, null, ['Jane Probation']],
    ]);
    await expect(showRoundStatus(deps, { ...at(police()) })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(showRoundStatus(deps, { ...at(clerk()), period: 'Q1 2020/21' })).rejects.toMatchObject({ code: 'ROUND_NOT_FOUND' });
    await expect(showRoundStatus(deps, { ...at(clerk()), period: 'Q9' })).rejects.toMatchObject({ code: 'INVALID_QUARTER' });
  });
});

describe('a long return, a page at a time (through the core, as the adapters drive it)', () => {
  it('splits into pages within the limit; an invalid page comes back with its errors and what was typed; nothing typed is lost; the last page submits', async () => {
    await start('board');
    // Twelve police counts with four peer groups each: 8 fields a metric, 96 in all.
    const rows = Array.from({ length: 12 }, (_, i) => `metric,Crime type ${i + 1},MPS,count,lower,year on year,A/10; B/20; C/30; D/40`);
    await importCatalogue(deps, { ...at(clerk()), text: ['type,name,organisation,unit,polarity,comparisons,peer ranks', ...rows].join('\n') });
    await open();
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    const t = testCore({ prisma: db.prisma, now: () => now });
    const first = as('form', await t.click(police(), 'returns.fill', { roundId: round.id, organisationId: b.police }));
    const pageFields = (f: typeof first) => (f.fields ?? []).map((x) => x.id);
    expect(first.metadata.page).toBe('1');
    expect(first.context).toContain('Page 1 of 4.');
    expect(first.submitLabel).toBe('Next: page 2 of 4');
    expect(pageFields(first).length).toBeLessThanOrEqual(FIELDS_PER_PAGE);
    const metrics = await db.prisma.metric.findMany({ where: onBoard(), orderBy: { position: 'asc' } });
    const page1 = metrics.filter((m) => pageFields(first).includes(fieldId.value(m.id)));
    expect(page1.length).toBeGreaterThan(1);

    const typed = Object.fromEntries(page1.map((m, i) => [fieldId.value(m.id), String(100 + i)]));
    const firstMetric = page1[0] as (typeof page1)[number];
    const refused = as('form', await t.submit(police(), 'returns.submit', { ...typed, [fieldId.rank(firstMetric.id, 0)]: '11', [fieldId.positive(firstMetric.id)]: 'Kept as typed' }, first.metadata));
    expect(refused.metadata.page).toBe('1');
    expect(refused.submitLabel).toBe('Next: page 2 of 4');
    expect(refused.errors).toEqual({ [fieldId.rank(firstMetric.id, 0)]: 'A rank out of 10 is a whole number from 1 (best) to 10.' });
    expect(refused.values).toMatchObject({ ...typed, [fieldId.rank(firstMetric.id, 0)]: '11', [fieldId.positive(firstMetric.id)]: 'Kept as typed' });
    expect(await db.prisma.returnSubmission.count({ where: roundOfBoard() })).toBe(0);

    let page = as('form', await t.submit(police(), 'returns.submit', { ...typed, [fieldId.rank(firstMetric.id, 0)]: '3', [fieldId.positive(firstMetric.id)]: 'Kept as typed' }, first.metadata));
    expect(page.metadata.page).toBe('2');
    // Going back to page 1 (opening the return again) shows what was typed there.
    const reopened = as('form', await t.click(police(), 'returns.fill', { roundId: round.id, organisationId: b.police }));
    expect(reopened.values).toMatchObject({ [fieldId.positive(firstMetric.id)]: 'Kept as typed', [fieldId.rank(firstMetric.id, 0)]: '3' });

    let result: Awaited<ReturnType<TestCore['submit']>> = page;
    for (let n = 2; n <= 4; n++) {
      expect(page.context).toContain(`Page ${n} of 4.`);
      expect(page.submitLabel).toBe(n < 4 ? `Next: page ${n + 1} of 4` : 'Submit');
      const ids = pageFields(page).filter((id) => id.startsWith('v_'));
      result = await t.submit(police(), 'returns.submit', Object.fromEntries(ids.map((id) => [id, '50'])), page.metadata);
      if (n < 4) page = as('form', result);
    }
    expect(as('returns.submitted', result)).toMatchObject({ version: 1, figures: 12 });
    const stored = await db.prisma.returnFigure.findMany({ where: submissionOfBoard() });
    expect(stored).toHaveLength(12);
    expect(stored.find((f) => f.metricId === firstMetric.id)).toMatchObject({ value: 100, positiveFactors: 'Kept as typed', ranks: [{ name: 'A', rank: 3 }] });
    expect(await db.prisma.returnDraft.count({ where: roundOfBoard() })).toBe(0);
  });
});

describe('the compiled dashboard', () => {
  it('rates each metric by the glossary\u2019s rule from the submitted figures and history, shows the clerk first, takes an override with its reason, and exports CSV and charts', async () => {
    await start('round');
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    const burglary = await metricId('Burglary');
    // Burglary: 952 against 807 a year earlier (+18%), rolling 12 months 3,439 against 3,481
    // (entered: the history has only four quarters), last of 15 and 22nd of 33: Red (3 of 4 negative).
    await submitReturn(deps, { ...at(police()), roundId: round.id, organisationId: b.police, values: await policeValues({ [fieldId.rollingEarlier(burglary)]: '3481' }) });
    deps = { ...deps, publicBaseUrl: 'https://quorum.example.org' };
    const result = await compileDashboard(deps, { ...at(clerk()) });
    expect(result.forClerk).toBe(true);
    const row = result.view.rows.find((r) => r.name === 'Burglary');
    expect(row).toMatchObject({ value: '952', yearEarlier: '807', change: '+18%', rolling: '3,439', rollingChange: '-1.2%', ranks: ['Similar group 15/15', 'London 22/33'], rag: 'red', positive: 'Decrease in rolling 12 months' });
    expect(result.view.rows.find((r) => r.name === 'Proven re-offending rate')).toMatchObject({ submitted: false });
    expect(result.view.missing).toEqual(['London Borough of Harrow', 'National Probation Service']);
    expect(result.view.csvUrl).toBe(`https://quorum.example.org/returns/${round.dashboardToken}/dashboard.csv`);
    await expect(compileDashboard(deps, { ...at(police()) })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });

    expect((await overrideRag(deps, { ...at(clerk()), text: 'burglary amber One series of offences, since charged' })).text).toContain('Burglary is rated Amber for Q3 2026/27');
    await expect(overrideRag(deps, { ...at(clerk()), text: 'Burglary amber' })).rejects.toMatchObject({ code: 'COMMAND_USAGE' });
    await expect(overrideRag(deps, { ...at(clerk()), text: 'Arson red Because' })).rejects.toMatchObject({ code: 'UNKNOWN_METRIC' });
    const overridden = (await compileDashboard(deps, { ...at(clerk()) })).view.rows.find((r) => r.name === 'Burglary');
    expect(overridden).toMatchObject({ rag: 'amber', computedRag: 'red', override: 'One series of offences, since charged' });

    const csv = (await dashboardCsvFile(deps, round.dashboardToken))?.csv ?? '';
    expect(csv.split('\r\n')[1]).toBe('metric,Burglary,MPS,count,952,807,+18%,"3,439",-1.2%,Similar group 15/15; London 22/33,Amber,"One series of offences, since charged",Decrease in rolling 12 months,Increase in last quarter vs. one year ago,');
    expect(await dashboardCsvFile(deps, 'not-the-token-xxxxxxxxxxxx')).toBeUndefined();
    const png = await trendChartFile(deps, round.dashboardToken, burglary);
    expect(png?.subarray(1, 4).toString()).toBe('PNG');
    expect(await trendChartFile(deps, round.dashboardToken, '00000000-0000-4000-8000-000000000000')).toBeUndefined();
  });

  it('a dashboard too big for one message: the clerk pages through it, and publishing queues every part for each channel, each following the one before', async () => {
    await start('catalogue');
    const organisationId = b.police;
    await db.prisma.metric.createMany({
      data: Array.from({ length: 60 }, (_, i) => ({ boardId: b.boardId, organisationId, name: `Indicator ${i + 1}: residential burglary and theft from motor vehicles`, unit: 'count', polarity: 'lower' as const, position: 100 + i })),
    });
    await open();
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    const first = await compileDashboard(deps, { ...at(clerk()) });
    const of = first.view.part?.of ?? 0;
    expect(of).toBeGreaterThan(1);
    expect(first.view.part).toEqual({ number: 1, of });
    const names: string[] = [];
    for (let n = 1; n <= of; n++) {
      const page = await showDashboardPart(deps, { ...at(clerk()), roundId: round.id, part: n });
      expect(page.view.part).toEqual({ number: n, of });
      names.push(...page.view.rows.map((r) => r.name));
    }
    const catalogue = await db.prisma.metric.findMany({ where: { boardId: b.boardId, active: true }, orderBy: { position: 'asc' } });
    expect(names).toEqual(catalogue.map((m) => m.name));
    await expect(showDashboardPart(deps, { ...at(police()), roundId: round.id, part: 2 })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });

    await publishDashboard(deps, { ...at(clerk()), roundId: round.id });
    const queued = await db.prisma.outboxMessage.findMany({ where: { boardId: b.boardId, template: 'returns.dashboard' }, orderBy: { createdAt: 'asc' } });
    for (const platform of ['slack', 'teams'] as const) {
      const parts = queued.filter((m) => m.platform === platform);
      expect(parts.map((m) => (m.data as { part?: { number: number } }).part?.number)).toEqual(Array.from({ length: of }, (_, i) => i + 1));
      expect(parts.map((m) => m.afterId)).toEqual([null, ...parts.slice(0, -1).map((m) => m.id)]);
      expect(new Set(parts.map((m) => m.targetId)).size).toBe(1);
    }
  });
});

describe('attaching the dashboard to the agenda', () => {
  async function meetingWith(titles: string[]) {
    return db.prisma.meeting.create({
      data: {
        boardId: b.boardId,
        title: 'Safer Communities Partnership Board',
        startsAt: new Date('2027-02-05T10:00:00Z'),
        calendarToken: `tok-${b.boardId}`,
        items: { create: [{ position: 1, number: '1', title: 'Welcome and introductions', standing: 'welcome' }, ...titles.map((title, i) => ({ position: i + 2, number: String(i + 2), title })), { position: titles.length + 2, number: String(titles.length + 2), title: 'Any other business', standing: 'aob' }] },
      },
      include: { items: { orderBy: { position: 'asc' } } },
    });
  }
  const linksOf = async (itemId: string) => (await db.prisma.agendaItem.findUniqueOrThrow({ where: { id: itemId } })).links as { title: string; url: string }[];

  it('links the published dashboard from the next meeting’s Performance item, once, and the posted agenda is brought up to date', async () => {
    await start('round');
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    deps = { ...deps, publicBaseUrl: 'https://quorum.example.org' };
    await expect(attachDashboard(deps, { ...at(clerk()) })).rejects.toMatchObject({ code: 'FIGURES_NOT_PUBLISHED' });
    await publishDashboard(deps, { ...at(clerk()), roundId: round.id });
    await expect(attachDashboard(deps, { ...at(clerk()) })).rejects.toMatchObject({ code: 'MEETING_NOT_FOUND' });
    const meeting = await meetingWith(['Police Update', 'Performance dashboard', 'Youth Justice Plan']);
    const performance = meeting.items.find((i) => i.title === 'Performance dashboard');
    await postAgenda(deps, { ...at(clerk()), meetingId: meeting.id });
    await expect(attachDashboard(deps, { ...at(police()) })).rejects.toMatchObject({ code: 'NOT_A_CLERK' });
    await expect(attachDashboard({ ...deps, publicBaseUrl: undefined } as CoreDeps, { ...at(clerk()) })).rejects.toMatchObject({ code: 'NO_PUBLIC_ADDRESS' });
    expect(await db.prisma.outboxMessage.count({ where: { ...onBoard(), operation: 'update' } })).toBe(0);

    const done = await attachDashboard(deps, { ...at(clerk()), roundId: round.id });
    expect(done).toMatchObject({ kind: 'notice', tone: 'good' });
    expect((done as { text: string }).text).toBe('The Q3 2026/27 dashboard is attached to item 3 (\u201cPerformance dashboard\u201d) of the meeting on Fri 5 Feb 2027, 10:00; the agenda links to its trend charts and CSV.');
    const expected = [
      { title: 'Performance dashboard Q3 2026/27: trend charts', url: `https://quorum.example.org/returns/${round.dashboardToken}/charts` },
      { title: 'Performance dashboard Q3 2026/27: figures (CSV)', url: `https://quorum.example.org/returns/${round.dashboardToken}/dashboard.csv` },
    ];
    expect(await linksOf(performance?.id ?? '')).toEqual(expected);
    // The agenda card already posted in each channel is replaced by one with the links.
    const updates = await db.prisma.outboxMessage.findMany({ where: { ...onBoard(), operation: 'update' } });
    expect(updates.map((u) => u.platform).sort()).toEqual(['slack', 'teams']);
    for (const u of updates) expect(JSON.stringify(u.data)).toContain(`/returns/${round.dashboardToken}/charts`);

    // Attached again (a double click, a second command): the same two links, nothing queued.
    await attachDashboard(deps, { ...at(clerk()), roundId: round.id });
    expect(await linksOf(performance?.id ?? '')).toEqual(expected);
    expect(await db.prisma.outboxMessage.count({ where: { ...onBoard(), operation: 'update' } })).toBe(updates.length);
  });

  it('with no item headed Performance, or several, the clerk chooses the item in a form', async () => {
    await start('round');
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    deps = { ...deps, publicBaseUrl: 'https://quorum.example.org' };
    await publishDashboard(deps, { ...at(clerk()), roundId: round.id });
    const meeting = await meetingWith(['Police Update', 'Community safety dashboard']);
    const asked = await attachDashboard(deps, { ...at(clerk()) });
    expect(asked).toMatchObject({ kind: 'form', form: 'returns.attach', values: {}, metadata: { roundId: round.id, meetingId: meeting.id } });
    expect((asked as { context: string }).context).toContain('No item is headed \u201cPerformance\u201d');
    expect((asked as { options: { item: { label: string }[] } }).options.item.map((o) => o.label)).toEqual(['1. Welcome and introductions', '2. Police Update', '3. Community safety dashboard', '4. Any other business']);
    const chosen = meeting.items.find((i) => i.title === 'Community safety dashboard');
    await attachDashboard(deps, { ...at(clerk()), roundId: round.id, meetingId: meeting.id, itemId: chosen?.id ?? '' });
    expect((await linksOf(chosen?.id ?? '')).map((l) => l.title)).toEqual(['Performance dashboard Q3 2026/27: trend charts', 'Performance dashboard Q3 2026/27: figures (CSV)']);
    await expect(attachDashboard(deps, { ...at(clerk()), roundId: round.id, meetingId: meeting.id, itemId: '00000000-0000-4000-8000-000000000000' })).rejects.toMatchObject({ code: 'ITEM_NOT_FOUND', fieldErrors: { item: 'That item is no longer on the agenda.' } });

    await db.prisma.agendaItem.update({ where: { id: meeting.items[1]?.id ?? '' }, data: { title: 'Performance: police' } });
    await db.prisma.agendaItem.update({ where: { id: chosen?.id ?? '' }, data: { title: 'Performance: probation' } });
    const several = await attachDashboard(deps, { ...at(clerk()) });
    expect(several).toMatchObject({ kind: 'form', values: { item: meeting.items[1]?.id } });
    expect((several as { context: string }).context).toContain('Several items are about performance');
  });
});

describe('chasing non-submitters', () => {
  it('part way and the day before to the submitters of organisations that have not submitted, after the deadline to the clerk; at most 3, each once; only the latest after downtime', async () => {
    await start('round');
    const round = await db.prisma.returnRound.findFirstOrThrow({ where: onBoard() });
    // The deadline is Friday 29 January: the clerk is told on Monday 1 February, not on Saturday.
    expect(chaseTimes(round, 'Europe/London').map((d) => d.toISOString())).toEqual(['2027-01-20T04:29:59.999Z', '2027-01-28T09:00:00.000Z', '2027-02-01T09:00:00.000Z']);
    const scheduler = new Scheduler({ prisma: db.prisma, jobs: [returnsChaseJob(deps)], logger: createLogger({ level: 'silent' }), clock: () => now });
    // Another board shares this database (see start above): only this round's chases are looked at.
    const mine = (keys: string[]) => keys.filter((k) => k.includes(round.id));
    const chases = () => db.prisma.outboxMessage.findMany({ where: { ...onBoard(), OR: [{ template: 'returns.request', dedupeKey: { contains: ':chase' } }, { template: 'returns.overdue' }] }, orderBy: { createdAt: 'asc' } });

    now = new Date('2027-01-15T09:00:00Z');
    expect(mine((await scheduler.tick()).ran)).toEqual([]);
    await submitReturn(deps, { ...at(police()), roundId: round.id, organisationId: b.police, values: await policeValues() });

    now = new Date('2027-01-21T09:00:00Z');
    expect(mine((await scheduler.tick()).ran)).toEqual([`returns-chase:${round.id}:1`]);
    expect((await chases()).map((m) => [m.template, m.platform, m.targetId, (m.data as { chase?: number; due?: string }).chase, (m.data as { due?: string }).due])).toEqual([
      ['returns.request', 'teams', b.probationSubmitter.teamsAadId, 1, 'in 9 days'],
    ]);
    expect(mine((await scheduler.tick()).ran)).toEqual([]);

    // Down from the 21st to Sunday the 31st: the day-before chase is too late to send (skipped);
    // the clerk is told on the Monday.
    now = new Date('2027-01-31T09:00:00Z');
    const sunday = await scheduler.tick();
    expect(mine(sunday.ran)).toEqual([]);
    expect(mine(sunday.skipped)).toEqual([`returns-chase:${round.id}:2`]);
    expect(await chases()).toHaveLength(1);
    now = new Date('2027-02-01T09:00:00Z');
    const tick = await scheduler.tick();
    expect(mine(tick.ran)).toEqual([`returns-chase:${round.id}:3`]);
    const all = await chases();
    expect(all).toHaveLength(2);
    expect(all[1]).toMatchObject({ template: 'returns.overdue', platform: 'slack', targetId: b.clerk.slackUserId });
    expect((all[1]?.data as { missing: unknown[] }).missing).toEqual([
      { organisation: 'London Borough of Harrow', submitters: [] },
      { organisation: 'National Probation Service', submitters: ['Jane Probation'] },
    ]);
    expect(mine((await scheduler.tick()).ran)).toEqual([]);
  });
});
