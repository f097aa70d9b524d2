// Fault drills at full size (`npm run bench -- drills`, or one of them: `drill:kill`,
// `drill:connections`, `drill:restart`, `drill:outage`, `drill:two-instances`,
// `drill:second-process`). Each queues "agenda changed" notices for a board, makes its fault while
// they are being delivered to a fake Slack that enforces Slack's pacing (1 a second per channel)
// and the manifest's scopes, and prints what the fake counted: sent, lost (never arrived) and
// duplicated (arrived more than once), with the failure notices queued for the clerks and the
// messages left unfinished. Every drill must end with 0 lost, 0 duplicated, 0 notices. The same
// drills run small in CI: test/e2e/drills/. The dispatcher keeps its default one-minute lease here,
// so a claim interrupted by the fault is taken back a minute later, as in production.
import { connectionsDrill, outageDrill, restartDrill, twoInstancesDrill } from '../test/support/drills/drills.ts';
import { killDrill, secondProcessDrill } from '../test/support/drills/process-drills.ts';
import { summary, type DrillResult } from '../test/support/drills/tally.ts';
import { print } from './report.ts';

const MESSAGES = 500;
const CHANNELS = 50;
const size = { messages: MESSAGES, channels: CHANNELS, say: print };

export const DRILLS: Record<string, { title: string; run: () => Promise<DrillResult> }> = {
  kill: { title: `SIGKILL of the service (a child process) mid-delivery of ${MESSAGES} messages, then a restart on the same database`, run: () => killDrill(size) },
  connections: { title: 'every database connection killed, twice, mid-delivery (PostgreSQL: pg_terminate_backend; PGlite: its socket server drops them)', run: () => connectionsDrill({ ...size, cuts: 2 }) },
  restart: { title: 'PostgreSQL (a private cluster: the shared server is not ours to restart) stopped as by a crash for 5 s during a burst', run: () => restartDrill({ ...size, downMs: 5_000 }) },
  outage: { title: 'the fake Slack answering 503 to every call for 30 s', run: () => outageDrill({ ...size, outageMs: 30_000 }) },
  'two-instances': { title: 'two instances on one PostgreSQL database, both dispatching', run: () => twoInstancesDrill(size) },
  'second-process': { title: 'a second process started on the PGlite folder in use, mid-delivery', run: () => secondProcessDrill(size) },
};

export async function runDrill(name: string): Promise<boolean> {
  const drill = DRILLS[name];
  if (!drill) throw new Error(`unknown drill ${name}`);
  print(`drill ${name}: ${drill.title}`);
  const started = performance.now();
  let result: DrillResult;
  try {
    result = await drill.run();
  } catch (error) {
    print(`  FAILED to run: ${error instanceof Error ? error.message : String(error)}`);
    return false;
  }
  for (const note of result.notes) print(`  ${note}`);
  const ok = result.lost === 0 && result.duplicated === 0 && result.notices === 0 && result.unfinished === 0;
  print(`  ${summary(result)}: ${ok ? 'ok' : 'FAILED'} (${((performance.now() - started) / 1000).toFixed(0)} s)`);
  return ok;
}

export async function drillsBench(names: string[] = Object.keys(DRILLS)): Promise<void> {
  const database = process.env.DATABASE_URL ? 'PostgreSQL (DATABASE_URL)' : 'PGlite folders'; // eslint-disable-line no-restricted-syntax -- a benchmark says which database it ran on
  print(`fault drills on ${database}; each must end with 0 lost, 0 duplicated, 0 failure notices, 0 unfinished`);
  const failed: string[] = [];
  for (const name of names) if (!(await runDrill(name))) failed.push(name);
  print(`  What it means: sent counts distinct messages the fake Slack accepted, lost those queued that never arrived, duplicated arrivals beyond the first. ${failed.length === 0 ? 'All drills held.' : `FAILED: ${failed.join(', ')}`}`);
  if (failed.length > 0) process.exitCode = 1;
}
