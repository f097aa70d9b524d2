// The demo board: made on first start with an empty database, marked as demo, with the roster a
// partnership board has; its clerk posts the agenda and a member reads it in the channel (exempt
// business kept out); `npm run demo:reset` and the page's button put it back.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_BOARD_NAME, demoAadId, seedDemoIfEmpty } from '../../../adapters/playground/demo.ts';
import { cardOf, cardText } from '../../support/playground-client.ts';
import { startPlaygroundService, type PlaygroundService } from './service.ts';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CLERK = demoAadId('clerk');
const POLICE = demoAadId('police');

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

    const [meeting] = await db.prisma.meeting.findMany({ where: { boardId: board.id }, orderBy: { startsAt: 'asc' }, include: { items: { orderBy: { position: 'asc' } } } });
    expect(meeting?.startsAt.getTime()).toBeGreaterThan(Date.now() + 9 * 86_400_000);
    expect(meeting?.items.map((i) => i.title)).toEqual([
      'Welcome and Introductions',
      'Apologies for Absence',
      'Minutes of the Previous Meeting',
      'Matters Arising',
      'Community Safety Performance Dashboard, Q2 2026/27',
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

  it('lets its clerk post the agenda to the channel, where a member reads it without the exempt item', async () => {
    const channel = pg.conversationOf('channel', CLERK);
    await pg.say(CLERK, 'personal', 'agenda post');
    await pg.waitFor(pg.conversationOf('personal', CLERK), /posted to the Teams channel/);
    const agenda = await pg.waitFor(channel, /Community Safety Performance Dashboard/);
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
    expect(await pg.transcript()).toEqual([]);
    expect(await db.prisma.meeting.count({ where: { status: 'agenda_published' } })).toBe(0);
  });
});
