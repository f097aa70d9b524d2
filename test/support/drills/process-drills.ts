// Fault drill: the service killed (SIGKILL) mid-delivery, then started again on the same database.
// The messages are queued before the first start; the fake Slack enforces Slack's pacing and the
// manifest's scopes, and counts what arrives. After the restart the new process takes back the
// killed one's claims when their leases run out and, for each, reads the channel's history
// (channels:history) to see whether it had already gone before sending it again.
import { startFakeSlackApi } from '../fake-slack-api.ts';
import { drillDatabase } from './database.ts';
import { startServiceProcess } from './service.ts';
import { outboxState, queueNotices, tally, waitForArrivals, type DrillResult } from './tally.ts';

export interface KillDrillOptions {
  messages: number;
  channels: number;
  /** The dispatcher's lease in the service process; unset: the service's default (a minute). */
  leaseMs?: number;
  /** Kill when this share of the messages has arrived. */
  killAt?: number;
  say?: (line: string) => void;
}

/** JSON log lines of a service process whose message matches. */
function logged(output: string, pattern: RegExp): Record<string, unknown>[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => pattern.test(String(entry.msg)));
}

export async function killDrill(options: KillDrillOptions): Promise<DrillResult> {
  const say = options.say ?? (() => undefined);
  const notes: string[] = [];
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const database = await drillDatabase();
  const extra: Record<string, string> = options.leaseMs ? { DRILL_LEASE_MS: String(options.leaseMs) } : {};
  const processes: ReturnType<typeof startServiceProcess>[] = [];
  try {
    let db = await database.open();
    const ids = await queueNotices(db, options.messages, options.channels);
    await db.close();
    say(`  queued ${ids.length} messages over ${options.channels} channels on ${database.kind === 'pglite' ? 'a PGlite folder' : 'PostgreSQL'}; starting the service (a child process)...`);

    const first = startServiceProcess(database.env, fake.apiUrl, extra);
    processes.push(first);
    await first.listening();
    const killAt = Math.max(1, Math.floor(options.messages * (options.killAt ?? 0.4)));
    const before = await waitForArrivals(fake, ids, 120_000, say, 'first run', killAt);
    await first.kill();
    const killedAt = Date.now();
    const atKill = tally(fake, ids);
    notes.push(`killed with SIGKILL after ${before.sent} arrived (${atKill.sent} by the time it was dead)`);
    say(`  ${notes.at(-1)}; starting it again on the same database...`);

    const restartedAt = Date.now();
    const second = startServiceProcess(database.env, fake.apiUrl, extra);
    processes.push(second);
    await second.listening();
    const leaseWait = options.leaseMs ?? 60_000;
    await waitForArrivals(fake, ids, leaseWait + 60_000 + options.messages * 200, say, 'after the restart');
    notes.push(`all remaining arrived ${((Date.now() - restartedAt) / 1000).toFixed(1)} s after the restart (claims of the killed process wait for their lease, ${leaseWait / 1000} s)`);
    // A message the killed process sent but had not recorded has arrived already, yet its row is
    // still claimed until its lease runs out and the new process finds the post: give it that long.
    const settleBy = killedAt + leaseWait + 5_000;
    if (Date.now() < settleBy) await new Promise((resolve) => setTimeout(resolve, settleBy - Date.now()));
    const found = logged(second.output(), /found already posted/).reduce((n, e) => n + Number(e.count ?? 0), 0);
    notes.push(`found already posted, by reading the channel's history, and not sent again: ${found}`);
    // Stopped cleanly before counting: nothing still claimed could go out after the count.
    const code = await second.stop();
    if (code !== 0) notes.push(`the restarted service exited with ${code}:\n${second.output().slice(-2000)}`);
    db = await database.open();
    const state = await outboxState(db, ids);
    await db.close();
    return { drill: 'SIGKILL mid-delivery, then restart', ...tally(fake, ids), ...state, notes };
  } finally {
    for (const p of processes) await p.kill();
    await database.destroy();
    await fake.close();
  }
}

/** 6. A second service process started on the PGlite folder a first one is using, mid-delivery:
 * it is refused with a message saying why, and the first delivers everything, once. */
export async function secondProcessDrill(options: { messages: number; channels: number; say?: (line: string) => void }): Promise<DrillResult & { refusal: string; refusalWithError: boolean; exitCode: number | null; firstPid: number | undefined }> {
  const say = options.say ?? (() => undefined);
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const database = await drillDatabase(null);
  const processes: ReturnType<typeof startServiceProcess>[] = [];
  try {
    let db = await database.open();
    const ids = await queueNotices(db, options.messages, options.channels);
    await db.close();
    say(`  queued ${ids.length} messages on a PGlite folder; starting the service...`);
    const first = startServiceProcess(database.env, fake.apiUrl);
    processes.push(first);
    await first.listening();
    const at = await waitForArrivals(fake, ids, 120_000, say, 'first process', Math.floor(options.messages / 3));
    say(`  starting a second process on the same folder after ${at.sent} arrived...`);
    const second = startServiceProcess(database.env, fake.apiUrl);
    processes.push(second);
    const exitCode = await Promise.race([second.exited, new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 120_000))]);
    const refused = logged(second.output(), /could not start/);
    const refusal = refused.map((e) => [e.msg, (e.err as { message?: string } | undefined)?.message].filter(Boolean).join(': ')).join(' ') || second.output().slice(-500);
    // Said in one line, or logged as an error with its stack trace.
    const refusalWithError = refused.some((e) => e.err !== undefined);
    say(`  second process: ${exitCode === 'running' ? 'still running after 2 minutes (not refused!)' : `exited ${exitCode}`}: ${refusal}`);
    await waitForArrivals(fake, ids, 120_000 + options.messages * 200, say, 'first process');
    const code = await first.stop();
    db = await database.open();
    const state = await outboxState(db, ids);
    await db.close();
    const notes = [`the second process ${exitCode === 'running' ? 'was not refused' : `exited with ${exitCode}`}: ${refusal}`, `the first stopped cleanly with ${code}`];
    return { drill: 'a second process on one PGlite folder', ...tally(fake, ids), ...state, notes, refusal, refusalWithError, exitCode: exitCode === 'running' ? null : exitCode, firstPid: first.child.pid };
  } finally {
    for (const p of processes) await p.kill();
    await database.destroy();
    await fake.close();
  }
}
