// The demo board: made on first start with an empty database, marked as demo, with the roster a
// partnership board has, the last meeting's actions (open and overdue, each owner's card in their
// own chat) and an open quarterly figure round (each submitter asked in their own chat); its clerk
// posts the agenda and a member reads it in the channel (exempt business kept out); `npm run
// demo:reset` and the page's button put it back.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_BOARD_NAME, demoAadId, seedDemoIfEmpty } from '../../../adapters/playground/demo.ts';
import { STILL_WORKING } from '../../../adapters/teams/card-actions.ts';
import { TEMPLATES } from '../../../src/core.ts';
import { enqueue } from '../../../src/delivery/outbox.ts';
import { formatQuarter, previousQuarter, quarterOfDate } from '../../../src/domain/returns/quarter.ts';
import { localDate } from '../../../src/domain/time.ts';
import { waitForDelivered } from '../../support/outbox.ts';
import { cardNodes, cardOf, cardText, type ChatMessage } from '../../support/playground-client.ts';
import { startPlaygroundService, type PlaygroundService } from './service.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CLERK = demoAadId('clerk');
const POLICE = demoAadId('police');
const ZONE = 'Europe/London';
/** The last quarter complete today: the round's, and the dashboard's on the next agenda. */
const ROUND_QUARTER = formatQuarter(previousQuarter(quarterOfDate(localDate(new Date(), ZONE))));

/** How long a card sent through the outbox may take to arrive on a loaded machine: a bound on
 * polling, not a timing claim. */
const DELIVERED = 30_000;

const buttonsOf = (message: ChatMessage) => cardNodes(cardOf(message)).filter((n) => n.type === 'Action.Execute').map((n) => n.title);

let service: PlaygroundService;
let quorum: PlaygroundService['quorum'];
let db: PlaygroundService['db'];
let pg: PlaygroundService['pg'];

beforeAll(async () => {
  service = await startPlaygroundService();
  ({ quorum, db, pg } = service);
});

afterAll(async () => {
  await service?.stop();
});

describe('the demo board', () => {
  it('is made on first start with an empty database, and says so', async () => {
    expect(service.logs()).toContain('the database had no board, so the demo board was made');
    const board = await db.prisma.board.findUniqueOrThrow({ where: { slug: 'demo' }, include: { organisations: true, members: { include: { roles: true, organisation: true } } } });
    expect(board.name).toBe(DEMO_BOARD_NAME);
    expect(board.name).toMatch(/\(demo\)$/);
    expect(board.organisations.map((o) => o.shortName).sort()).toEqual(['Council', 'Fire', 'Housing', 'Police', 'Probation', 'Safe Haven']);
    const byName = new Map(board.members.map((m) => [m.name, m]));
    expect(byName.get('Priya Shah')?.roles.map((r) => r.role)).toEqual(['clerk']);
    expect(byName.get('Cllr Tom Adeyemi')?.roles.map((r) => r.role)).toEqual(['chair']);
    expect(byName.get('Ch Supt Sarah Whitfield')?.standingDeputyId).toBe(byName.get('Supt Mark Ellis')?.id);
    expect(board.members.filter((m) => m.submitsFigures).map((m) => m.organisation?.shortName).sort()).toEqual(['Housing', 'Police', 'Probation']);
    expect(byName.get('Jo Bennett')).toMatchObject({ role: 'adviser', countsTowardsQuorum: false });

    const state = await pg.state();
    expect(state.demo).toBe(true);
    expect(state.people[0]).toMatchObject({ name: 'Priya Shah', organisation: 'Council', roles: expect.arrayContaining(['clerk']) });
    expect(state.people.find((p) => p.aadObjectId === POLICE)?.roles).toContain('member');
    expect(state.people.find((p) => p.aadObjectId === demoAadId('police-deputy'))?.roles).toContain('deputy');
    expect(state.people.at(-1)?.name).toBe('Nia Newcomer');

    const [meeting] = await db.prisma.meeting.findMany({ where: { boardId: board.id, startsAt: { gt: new Date() } }, orderBy: { startsAt: 'asc' }, include: { items: { orderBy: { position: 'asc' } } } });
    expect(meeting?.startsAt.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(meeting?.items.map((i) => i.title)).toEqual([
      'Welcome and Introductions',
      'Apologies for Absence',
      'Minutes of the Previous Meeting',
      'Matters Arising',
      `Community Safety Performance Dashboard, ${ROUND_QUARTER}`,
      'Violence Against Women and Girls Strategy: progress report',
      'Youth Justice Plan 2026/27',
      'Anti-social behaviour on the Riverside estates',
      'Domestic Homicide Review: action plan (exempt)',
      'Forward Work Plan',
      'Any Other Business',
      'Date of Next Meeting',
    ]);
    expect(await db.prisma.forwardPlanItem.count({ where: { boardId: board.id } })).toBe(3);
  });

  it('is not made again when the database has a board', async () => {
    expect(await seedDemoIfEmpty(db.prisma, new Date())).toBe(false);
    expect(await db.prisma.board.count()).toBe(1);
  });

  it('has the last meeting\u2019s actions, two overdue and two open, owned by its members; each owner has the card in their own chat', async () => {
    const actions = await db.prisma.action.findMany({ include: { meeting: true, owners: { include: { member: true } } }, orderBy: { dueDate: 'asc' } });
    const today = localDate(new Date(), ZONE);
    const shown = actions.map((a) => ({ owners: a.owners.map((o) => o.member.name).sort(), overdue: a.dueDate.toISOString().slice(0, 10) < today, status: a.status }));
    expect(shown).toEqual([
      { owners: ['Fiona Clarke'], overdue: true, status: 'open' },
      { owners: ['Ch Supt Sarah Whitfield', 'Dan Okafor'], overdue: true, status: 'open' },
      { owners: ['Raj Patel'], overdue: false, status: 'open' },
      { owners: ['Helen Murray'], overdue: false, status: 'open' },
    ]);
    expect(new Set(actions.map((a) => a.meeting.status))).toEqual(new Set(['held']));
    expect(actions[0]?.meeting.startsAt.getTime()).toBeLessThan(Date.now());

    // Through the outbox, as when the clerk records an action: the card, with the owner's buttons.
    const raj = await pg.waitFor(pg.conversationOf('personal', demoAadId('fire')), /Arrange home fire safety visits/, DELIVERED);
    expect(cardText(cardOf(raj))).toMatch(/An action for you from/);
    expect(buttonsOf(raj)).toEqual(expect.arrayContaining(['Done', 'Add update', 'Need more time']));
    const fiona = await pg.waitFor(pg.conversationOf('personal', demoAadId('housing')), /case review protocol/, DELIVERED);
    expect(cardText(cardOf(fiona))).toContain('Overdue');
    await pg.waitFor(pg.conversationOf('personal', demoAadId('police-analyst')), /burglary hotspot analysis/, DELIVERED);

    // The clerk asks for the overdue ones.
    await pg.say(CLERK, 'personal', 'actions overdue');
    const list = cardText(cardOf(await pg.waitFor(pg.conversationOf('personal', CLERK), /case review protocol/, DELIVERED)));
    expect(list).toContain('burglary hotspot analysis');
    expect(list).not.toContain('fire safety visits');
  });

  it('has an open round for the last complete quarter: police, probation and housing metrics, a deadline a week ahead, each submitter asked in their own chat', async () => {
    const round = await db.prisma.returnRound.findFirstOrThrow({ include: { board: true } });
    expect(round.board.slug).toBe('demo');
    expect(round.status).toBe('open');
    expect(`Q${round.quarter} ${round.fyStart}/${String((round.fyStart + 1) % 100).padStart(2, '0')}`).toBe(ROUND_QUARTER);
    expect(round.deadline.getTime()).toBeGreaterThan(Date.now() + 6 * 86_400_000);
    const metrics = await db.prisma.metric.findMany({ include: { organisation: true }, orderBy: { position: 'asc' } });
    expect(metrics.map((m) => `${m.organisation.shortName}: ${m.name}`)).toEqual([
      'Police: Burglary',
      'Police: Robbery',
      'Police: Violence with injury',
      'Probation: Proven re-offending rate',
      'Probation: Settled accommodation on release',
      'Housing: Anti-social behaviour cases opened',
    ]);
    // Last year's figures are loaded, so the form and the dashboard have something to compare with.
    expect(await db.prisma.metricValue.count({ where: { source: 'imported' } })).toBe(metrics.length * 5);

    // Each organisation's submitters are asked (and nobody else).
    const requests = await db.prisma.outboxMessage.findMany({ where: { template: 'returns.request' } });
    expect(requests.map((r) => r.targetId).sort()).toEqual([demoAadId('housing'), demoAadId('police-analyst'), demoAadId('probation')]);
    const helen = await pg.waitFor(pg.conversationOf('personal', demoAadId('probation')), new RegExp(`${ROUND_QUARTER} figures for Riverside Probation Delivery Unit \\(demo\\)`), DELIVERED);
    const text = cardText(cardOf(helen));
    expect(text).toContain('Proven re-offending rate');
    expect(text).toContain('last quarter 22.6%');
    expect(text).not.toContain('Burglary');
    expect(buttonsOf(helen)).toEqual(['Fill in the return']);
    // Each card went to its own person's chat: none to the clerk, who has been talking to Quorum in hers.
    expect((await pg.transcript(pg.conversationOf('personal', CLERK))).filter((m) => /figures for|An action for you/.test(cardText(cardOf(m))))).toEqual([]);

    await pg.say(CLERK, 'personal', 'returns');
    await pg.waitFor(pg.conversationOf('personal', CLERK), new RegExp(`${ROUND_QUARTER}.* returns: 0 of 3 submitted`), DELIVERED);
  });

  it('lets its clerk post the agenda to the channel, where a member reads it without the exempt item', async () => {
    const channel = pg.conversationOf('channel', CLERK);
    await pg.say(CLERK, 'personal', 'agenda post');
    await pg.waitFor(pg.conversationOf('personal', CLERK), /posted to the Teams channel/);
    const agenda = await pg.waitFor(channel, /Community Safety Performance Dashboard/, DELIVERED);
    const shown = cardText(cardOf(agenda));
    expect(shown).toContain('Riverside Civic Centre, Committee Room 2');
    expect(shown).toContain('Exempt item');
    expect(shown).not.toContain('Domestic Homicide Review');

    // The member asks for the agenda in their own chat, and gets it there.
    await pg.say(POLICE, 'personal', 'agenda');
    const theirs = await pg.waitFor(pg.conversationOf('personal', POLICE), /Youth Justice Plan/);
    expect(theirs.from.bot).toBe(true);
  });

  it('is put back by npm run demo:reset, through the running service, and the chats start afresh', async () => {
    await db.prisma.board.update({ where: { slug: 'demo' }, data: { name: 'Renamed while playing' } });
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/demo-reset.ts'], {
      cwd: root,
      // eslint-disable-next-line no-restricted-syntax -- the child process needs the PATH to find its tools
      env: { PATH: process.env.PATH ?? '', PORT: String(quorum.port), LOG_LEVEL: 'silent' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(output).toContain(`${DEMO_BOARD_NAME}: reset by the Quorum running on port ${quorum.port}.`);
    expect(code).toBe(0);
    expect((await db.prisma.board.findMany()).map((b) => b.name)).toEqual([DEMO_BOARD_NAME]);
    expect(await db.prisma.meeting.count({ where: { status: 'agenda_published' } })).toBe(0);
    // The chats start afresh: what was said before is gone; the new demo's cards arrive again.
    await pg.waitFor(pg.conversationOf('personal', demoAadId('fire')), /Arrange home fire safety visits/, DELIVERED);
    await pg.waitFor(pg.conversationOf('personal', demoAadId('probation')), /figures for Riverside Probation Delivery Unit/, DELIVERED);
    const after = await pg.transcript();
    expect(after.filter((m) => m.conversationId === pg.conversationOf('channel', CLERK))).toEqual([]);
    expect(after.filter((m) => /Youth Justice Plan|0 of 3 submitted/.test(m.text ?? '') || /Youth Justice Plan|0 of 3 submitted/.test(cardText(cardOf(m))))).toEqual([]);
    expect(after.every((m) => m.from.bot)).toBe(true);
    expect(await db.prisma.action.count()).toBe(4);
    expect(await db.prisma.returnRound.count()).toBe(1);
  });
});

describe('stopping the playground', () => {
  it('lets the cards being sent arrive before it closes its port (its chats are served there): none fails, nothing is lost', async () => {
    // The playground's Bot Connector is on the service's own port: closed first, every send in
    // progress failed and was put off with backoff (and the stop waited on botbuilder's own
    // retries, seconds). The stop begins inside the connector, the moment a card the dispatcher
    // is sending reaches it and before it is answered, so one is always on its way when the stop
    // comes (stopping "at once" after the start found none in flight on a machine that had sent
    // them all already: CI, once).
    const fresh = await startPlaygroundService();
    const { prisma } = fresh.db;
    let unsubscribe: (() => void) | undefined;
    try {
      // The start's cards go first (nothing of the test's own is in flight meanwhile, such as a
      // command whose answer would go through the same door).
      await waitForDelivered(prisma, 'teams', DELIVERED);
      let stop: { at: Date; done: Promise<unknown> } | undefined;
      unsubscribe = fresh.quorum.playground!.transcript.subscribe((event) => {
        // Only what the bot posts: a card the dispatcher is sending.
        if (stop || event.kind !== 'post' || !event.message.from.bot) return;
        stop = { at: new Date(), done: fresh.quorum.stop().catch((error: unknown) => error) };
      });
      // Then the start's cards queued again, to the same people: one run sends them all at once
      // (one per chat), the stop coming as the first arrives.
      const cards = await prisma.outboxMessage.findMany({ where: { status: 'sent', operation: 'post' }, orderBy: { createdAt: 'asc' } });
      expect(cards.length).toBeGreaterThan(1);
      const ids: string[] = [];
      for (const card of cards) {
        const target = { kind: card.targetKind === 'channel' ? ('channel' as const) : ('user' as const), id: card.targetId };
        ids.push((await enqueue(prisma, { ...(card.boardId ? { boardId: card.boardId } : {}), platform: card.platform, target, template: TEMPLATES.get(card.template)!, data: card.data })).id);
      }
      fresh.quorum.dispatcher.poke();
      await vi.waitFor(() => expect(stop).toBeDefined(), { timeout: DELIVERED });
      expect(await stop!.done).toBeUndefined();

      const failed = fresh.logs().split('\n').filter((line) => /send failed|could not be delivered/.test(line));
      expect(failed).toEqual([]);
      const rows = await prisma.outboxMessage.findMany({ where: { id: { in: ids } }, select: { status: true, attempts: true, errorCode: true, updatedAt: true } });
      // Nothing lost: every card queued again is still there.
      expect(rows).toHaveLength(ids.length);
      // The card on its way when the stop came arrived during it.
      expect(rows.filter((row) => row.status === 'sent' && row.updatedAt >= stop!.at).length).toBeGreaterThan(0);
      // Each either sent or still waiting for the next start, never marked with a failed attempt.
      expect(rows.filter((row) => !(row.status === 'sent' || (row.status === 'pending' && row.attempts === 0)) || row.errorCode !== null)).toEqual([]);
    } finally {
      unsubscribe?.();
      await fresh.quorum.stop().catch(() => undefined);
      await fresh.db.destroy();
    }
  }, 120_000);

  // With no invoke budget at all, a click is answered "working on it" at once and its answer
  // follows in the person's own chat: through the playground's connector, on this same port.
  // Stopped at once after such a click, the work was left to the closing database and the answer
  // to a closed door; and a click still on its way in when the stop begins is only known to have
  // such an answer once its invoke is answered (the stop lets the requests in progress finish
  // first, then waits for these answers).
  it.each(['after the click was answered', 'with the click still on its way in'] as const)('lets a card action whose answer follows its invoke finish, and its answer arrive, before the door closes: stopped %s', async (when) => {
    const fresh = await startPlaygroundService({}, { manualScheduler: true, teamsInvokeBudgetMs: 0 });
    const clerkChat = fresh.pg.conversationOf('personal', CLERK);
    try {
      await waitForDelivered(fresh.db.prisma, 'teams', DELIVERED);
      await fresh.pg.say(CLERK, 'personal', 'agenda');
      const card = await fresh.pg.waitFor(clerkChat, /Youth Justice Plan/);
      const answersBefore = fresh.quorum.playground!.transcript.messages(clerkChat).filter((m) => m.from.bot).length;
      const click = fresh.pg.execute(CLERK, card, 'Post to the board channel');
      if (when === 'after the click was answered') await click;
      const stopped = fresh.quorum.stop();
      expect((await click).body).toMatchObject({ statusCode: 200, value: STILL_WORKING });
      expect(await stopped).toBeUndefined();
      // The answer arrived during the stop, in the clerk's own chat; the agenda's posts are queued
      // for the next start (the dispatcher stopped first), not lost.
      const answers = fresh.quorum.playground!.transcript.messages(clerkChat).filter((m) => m.from.bot).slice(answersBefore);
      expect(answers.map((m) => JSON.stringify(m))).toEqual([expect.stringMatching(/posted to the Teams channel/)]);
      expect(fresh.logs()).not.toMatch(/could not send a late card action answer|still at work after their invoke|did not finish handing requests over/);
    } finally {
      await fresh.quorum.stop().catch(() => undefined);
      await fresh.db.destroy();
    }
  }, 120_000);

  it('lets a chat message being handled get its answer, which goes to the same port, before the door closes', async () => {
    // Stopped (Ctrl-C) while someone's message is being handled: the bot's answer goes to the
    // playground's connector on this same port. With the door closed at once it could not get in:
    // the answer was lost and the stop waited out the door's 10 s limit.
    const fresh = await startPlaygroundService();
    const clerkChat = fresh.pg.conversationOf('personal', CLERK);
    // The start's cards go first, so that stopping the dispatcher takes no time the answer could
    // use to get through before the door closes.
    await waitForDelivered(fresh.db.prisma, 'teams', DELIVERED);
    let stopping: Promise<unknown> | undefined;
    const unsubscribe = fresh.quorum.playground!.transcript.subscribe((event) => {
      // The clerk's message has reached the bot's route; its turn has not run yet.
      if (stopping || event.kind !== 'post' || event.message.from.bot || event.message.conversationId !== clerkChat) return;
      stopping = fresh.quorum.stop().catch((error: unknown) => error);
    });
    try {
      await fresh.pg.say(CLERK, 'personal', 'agenda');
      expect(stopping).toBeDefined();
      expect(await stopping).toBeUndefined();
      const answers = fresh.quorum.playground!.transcript.messages(clerkChat).filter((m) => m.from.bot);
      expect(answers.map((m) => JSON.stringify(m))).toEqual([expect.stringContaining('Youth Justice Plan')]);
      expect(fresh.logs()).not.toMatch(/still had requests in progress|did not finish handing requests over|could not be delivered|send failed/);
    } finally {
      unsubscribe();
      await fresh.quorum.stop().catch(() => undefined);
      await fresh.db.destroy();
    }
  }, 120_000);
});
