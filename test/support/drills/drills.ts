// Fault drills run on the service in this process (the ones that kill a process are in
// kill-drill.ts and second-process-drill.ts): the database's connections killed, PostgreSQL
// restarted, the fake Slack down, two instances on one PostgreSQL. Each queues "agenda changed"
// notices for a board, makes its fault while they are being delivered, waits for them all, stops
// the service and counts, from the fake Slack's own record, what arrived: sent, lost, duplicated;
// and, from the outbox, the failure notices queued for the clerks and what is still unfinished.
// Sizes are the caller's: the bench runs them full size (bench/drills.ts), the tests small.
import { loadConfig } from '../../../src/config.ts';
import type { DispatcherOptions } from '../../../src/delivery/dispatcher.ts';
import { startQuorum, type RunningQuorum } from '../../../src/main.ts';
import type { Database } from '../../../src/persistence/database.ts';
import { capturingLogger } from '../capture-logs.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../fake-slack-api.ts';
import { testServerUrl } from '../database.ts';
import { drillDatabase } from './database.ts';
import { startPrivateCluster } from './postgres-cluster.ts';
import { startTcpProxy } from './tcp-proxy.ts';
import { DRILL_SIGNING_SECRET } from './service.ts';
import { outboxState, queueNotices, tally, waitForArrivals, waitForSettled, type DrillResult } from './tally.ts';

export interface DrillSize {
  messages: number;
  channels: number;
  /** The dispatcher's lease; unset: the service's default (a minute). A claim whose send was not
   * recorded (the database went away at that moment) is looked at again when it runs out. */
  leaseMs?: number;
  say?: (line: string) => void;
}

type Dispatch = Partial<Pick<DispatcherOptions, 'leaseMs'>>;

async function startService(db: Database, fake: FakeSlackApi, dispatcher: Dispatch, level = 'info'): Promise<{ quorum: RunningQuorum; logs: () => string }> {
  const config = loadConfig({ SLACK_BOT_TOKEN: 'xoxb-drill', SLACK_SIGNING_SECRET: DRILL_SIGNING_SECRET, SLACK_API_URL: fake.apiUrl, PORT: '0', HOST: '127.0.0.1', PLAYGROUND: 'off' });
  const { logger, logs } = capturingLogger(level);
  const quorum = await startQuorum({ config, logger, db, manualScheduler: true, dispatcher });
  return { quorum, logs };
}

/** Log lines of the given message (JSON), from a capturing logger's text. */
function logLines(text: string, pattern: RegExp): Record<string, unknown>[] {
  return text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>)
    .filter((entry) => pattern.test(String(entry.msg)));
}

const foundAgain = (logs: string) => logLines(logs, /found already posted/).reduce((n, e) => n + Number(e.count ?? 0), 0);
const lease = (size: DrillSize): Dispatch => (size.leaseMs ? { leaseMs: size.leaseMs } : {});
/** Long enough for every message at one a second per channel, the leases and retries, on a busy machine. */
const patience = (size: DrillSize, extraMs = 0) => 90_000 + (size.leaseMs ?? 60_000) + Math.ceil(size.messages / Math.min(size.channels, 20)) * 1_500 + extraMs;

/** 2. Every connection the service has to its database killed, twice, while it delivers. */
export async function connectionsDrill(size: DrillSize & { cuts?: number }): Promise<DrillResult> {
  const say = size.say ?? (() => undefined);
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const database = await drillDatabase();
  const db = await database.open();
  const notes: string[] = [];
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const ids = await queueNotices(db, size.messages, size.channels);
    say(`  queued ${ids.length} messages on ${database.kind === 'pglite' ? 'PGlite (its socket server drops the connections)' : 'PostgreSQL (pg_terminate_backend)'}; starting the service...`);
    service = await startService(db, fake, lease(size));
    const cuts = size.cuts ?? 2;
    for (let cut = 1; cut <= cuts; cut++) {
      const at = await waitForArrivals(fake, ids, patience(size), say, 'delivering', Math.floor((size.messages * cut) / (cuts + 1)));
      const killed = await database.killConnections(db);
      notes.push(`cut ${cut}: killed ${killed} connection(s) after ${at.sent} arrived`);
      say(`  ${notes.at(-1)}`);
    }
    await waitForArrivals(fake, ids, patience(size), say, 'after the cuts');
    const health = await service.quorum.db.ping();
    notes.push(`database after the cuts: ${health.ok ? 'answering' : `not answering (${health.error})`}`);
    notes.push(`found already posted and not sent again: ${foundAgain(service.logs())}`);
    // Sent is not yet recorded for a send whose record was cut off: wait for the outbox to settle.
    await waitForSettled(db, ids, (size.leaseMs ?? 60_000) + 30_000);
    await service.quorum.stop();
    service = undefined;
    return { drill: 'database connections killed mid-load', ...tally(fake, ids), ...(await outboxState(db, ids)), notes };
  } finally {
    await service?.quorum.stop();
    await db.close();
    await database.destroy();
    await fake.close();
  }
}

/** 3. PostgreSQL stopped and started again during a burst: a private cluster when the server
 * binaries are installed (the shared server is not ours to restart); without them, a TCP proxy in
 * front of the suite's PostgreSQL server that drops every connection and refuses new ones. */
export async function restartDrill(size: DrillSize & { downMs: number; /** the proxy even where the binaries are */ simulate?: boolean }): Promise<DrillResult> {
  const say = size.say ?? (() => undefined);
  const cluster = size.simulate ? undefined : await startPrivateCluster();
  // Without a cluster to restart: a proxy in front of the suite's server, or (asked to simulate
  // where there is none) in front of a private cluster left running.
  const backing = cluster || testServerUrl() ? undefined : await startPrivateCluster();
  const target = cluster ? undefined : (testServerUrl() ?? backing?.url);
  if (!cluster && !target) throw new Error('no PostgreSQL server binaries (initdb, pg_ctl) under /usr/lib/postgresql/*/bin, and no DATABASE_URL to put a proxy in front of: install postgresql, or set DATABASE_URL');
  const proxy = target ? await startTcpProxy({ host: new URL(target).hostname, port: Number(new URL(target).port || 5432) }) : undefined;
  const server =
    cluster?.url ??
    (() => {
      const url = new URL(target as string);
      url.host = `127.0.0.1:${proxy?.port}`;
      return url.toString();
    })();
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const notes = [
    cluster
      ? `a private PostgreSQL cluster (${cluster.binDir}), stopped (pg_ctl -m immediate, as a crash) and started again after ${size.downMs / 1000} s`
      : `simulated: ${size.simulate ? 'as asked' : 'no PostgreSQL server binaries'}, so a TCP proxy in front of ${backing ? 'a private cluster' : 'DATABASE_URL\'s server'} dropped every connection and refused new ones for ${size.downMs / 1000} s`,
  ];
  let database: Awaited<ReturnType<typeof drillDatabase>> | undefined;
  let db: Database | undefined;
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    database = await drillDatabase(server);
    db = await database.open();
    const ids = await queueNotices(db, size.messages, size.channels);
    say(`  queued ${ids.length} messages on ${cluster ? 'a private PostgreSQL cluster' : 'PostgreSQL through a TCP proxy'}; starting the service...`);
    service = await startService(db, fake, lease(size));
    const at = await waitForArrivals(fake, ids, patience(size), say, 'delivering', Math.floor(size.messages / 3));
    say(`  ${cluster ? 'restarting PostgreSQL' : 'cutting the proxy'} after ${at.sent} arrived...`);
    const started = Date.now();
    if (cluster) await cluster.restart({ downMs: size.downMs, mode: 'immediate' });
    else await proxy?.outage(size.downMs);
    notes.push(`PostgreSQL was back ${((Date.now() - started) / 1000).toFixed(1)} s after the stop began; ${tally(fake, ids).sent} had arrived by then`);
    say(`  ${notes.at(-1)}`);
    await waitForArrivals(fake, ids, patience(size), say, 'after the restart');
    notes.push(`found already posted and not sent again: ${foundAgain(service.logs())}`);
    // Sent is not yet recorded for a send whose record was cut off: wait for the outbox to settle.
    await waitForSettled(db, ids, (size.leaseMs ?? 60_000) + 30_000);
    await service.quorum.stop();
    service = undefined;
    return { drill: 'PostgreSQL restarted during a burst', ...tally(fake, ids), ...(await outboxState(db, ids)), notes };
  } finally {
    await service?.quorum.stop();
    await db?.close();
    await database?.destroy();
    await proxy?.close();
    await cluster?.destroy();
    await backing?.destroy();
    await fake.close();
  }
}

/** 4. The fake Slack answers 503 to everything for `outageMs`, from when a fifth has arrived. */
export async function outageDrill(size: DrillSize & { outageMs: number }): Promise<DrillResult> {
  const say = size.say ?? (() => undefined);
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const database = await drillDatabase();
  const db = await database.open();
  let service: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const ids = await queueNotices(db, size.messages, size.channels);
    say(`  queued ${ids.length} messages on ${database.kind === 'pglite' ? 'PGlite' : 'PostgreSQL'}; starting the service...`);
    service = await startService(db, fake, lease(size));
    const at = await waitForArrivals(fake, ids, patience(size), say, 'delivering', Math.floor(size.messages / 5));
    fake.outage(size.outageMs, 503);
    const started = Date.now();
    say(`  Slack down (every call answered 503) for ${size.outageMs / 1000} s after ${at.sent} arrived...`);
    await new Promise((resolve) => setTimeout(resolve, size.outageMs));
    const refused = fake.calls().filter((c) => c.status === 503 && c.at >= started).length;
    say(`  Slack back; ${refused} calls were answered 503 meanwhile`);
    await waitForArrivals(fake, ids, patience(size, size.outageMs * 2), say, 'after the outage');
    const notes = [`Slack answered 503 to every call for ${size.outageMs / 1000} s after ${at.sent} had arrived: ${refused} calls refused`, `the last message arrived ${(((fake.calls('chat.postMessage').at(-1)?.at ?? Date.now()) - (started + size.outageMs)) / 1000).toFixed(1)} s after Slack was back (retries back off: 1-2 s, then doubling)`];
    // Sent is not yet recorded for a send whose record was cut off: wait for the outbox to settle.
    await waitForSettled(db, ids, (size.leaseMs ?? 60_000) + 30_000);
    await service.quorum.stop();
    service = undefined;
    return { drill: 'Slack answering 5xx', ...tally(fake, ids), ...(await outboxState(db, ids)), notes };
  } finally {
    await service?.quorum.stop();
    await db.close();
    await database.destroy();
    await fake.close();
  }
}

/** 5. Two instances of the service, each with its own connections, on one PostgreSQL database:
 * the server the suite runs against, else a private cluster. */
export async function twoInstancesDrill(size: DrillSize): Promise<DrillResult> {
  const say = size.say ?? (() => undefined);
  const cluster = testServerUrl() ? undefined : await startPrivateCluster();
  const server = testServerUrl() ?? cluster?.url;
  if (!server) throw new Error('no PostgreSQL server: set DATABASE_URL, or install the server binaries for a private cluster');
  const fake = await startFakeSlackApi({ limits: { perChannelPerSecond: 1 } });
  const notes = [cluster ? `a private PostgreSQL cluster (${cluster.binDir})` : 'the PostgreSQL server in DATABASE_URL'];
  const database = await drillDatabase(server);
  const dbs: Database[] = [];
  const services: Awaited<ReturnType<typeof startService>>[] = [];
  try {
    dbs.push(await database.open(), await database.open());
    // Debug: each dispatcher logs what it sent, so the drill can tell that both took part. Both
    // run before anything is queued, so neither has a head start.
    for (const db of dbs) services.push(await startService(db, fake, lease(size), 'debug'));
    const ids = await queueNotices(dbs[0] as Database, size.messages, size.channels);
    say(`  two instances running on one database; queued ${ids.length} messages...`);
    await waitForArrivals(fake, ids, patience(size), say, 'two instances');
    await waitForSettled(dbs[0] as Database, ids, (size.leaseMs ?? 60_000) + 30_000);
    for (const s of services) await s.quorum.stop();
    const sentBy = services.splice(0).map((s) => logLines(s.logs(), /^sent$/).reduce((n, e) => n + Number(e.count ?? 0), 0));
    notes.push(`sent by the first instance ${sentBy[0]}, by the second ${sentBy[1]} (each claims with FOR UPDATE SKIP LOCKED)`);
    return { drill: 'two instances on one PostgreSQL', ...tally(fake, ids), ...(await outboxState(dbs[0] as Database, ids)), notes };
  } finally {
    for (const s of services) await s.quorum.stop();
    for (const db of dbs) await db.close();
    await database.destroy();
    await cluster?.destroy();
    await fake.close();
  }
}
