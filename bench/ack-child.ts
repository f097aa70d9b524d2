/* eslint-disable no-restricted-syntax -- a bench child is configured by its environment, as `npm start` is */
// The processes of the ack bench (bench/ack.ts), each alone in its process as on a real machine:
// - `service quorum`: Quorum as `npm start` runs it (its flags are given by the parent), Slack over
//   HTTP, on the database in DATA_DIR or DATABASE_URL, talking to the fake Slack Web API at
//   BENCH_SLACK_API_URL (in the parent, as Slack's servers are elsewhere);
// - `service bolt`: a bare Bolt app that only acks the same payloads on the same receiver;
// - `burst`: the load, 20 signed requests in 1 s to warm up, then 500 in 5 s to BENCH_URL, timing
//   each HTTP answer.
// A service prints {"url"} once listening; on the line "delay on" from the parent it starts measuring
// its event-loop delay and the CPU time of its process (all its threads, and on Linux each of its
// threads by name) and says so, and on "delay off" it prints them. A burst prints its timings as one JSON line.
import { readdirSync, readFileSync } from 'node:fs';
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { createInterface } from 'node:readline';
import { blockActions, button, createSlackClient, slashCommand } from '../test/support/slack-client.ts';
import { startBareBolt } from './bare-bolt.ts';
import { statCpuMs } from './report.ts';

export const SIGNING_SECRET = '0123456789abcdef0123456789abcdef';
export const REQUESTS = 500;
export const WINDOW_MS = 5_000;
/** Before its measured burst, a load process sends this many requests of the kind, 50 ms apart,
 * not counted: the first requests of a process (the load's and the service's) meet code not yet
 * compiled and connections not yet open, and would make a burst's p99 (its slowest 1%) a measure
 * of starting, on either side. A service meets a board's burst of clicks warm. */
export const WARM_UP = 20;
export const WARM_UP_WINDOW_MS = 1_000;
export type Kind = 'click' | 'command';
export interface BurstResult {
  ms: number[];
  lost: number;
  sentAt: number[];
  /** The warm-up's slowest ack (the first requests after the start, when the service has just started); null if none was answered. */
  warmUpSlowest: number | null;
  /** Warm-up requests with no answer within 30 s. */
  warmUpLost: number;
}

/** CPU time so far of each of this process's threads (Linux, /proc; elsewhere none): id, what the
 * thread is (the process's first thread 'service', a named one such as Quorum's `quorum-door` and
 * `quorum-db`, or Node's and V8's helpers 'helpers'), and ms. */
function threadCpu(): Map<string, { what: string; ms: number }> {
  const threads = new Map<string, { what: string; ms: number }>();
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return threads;
  }
  for (const tid of tasks) {
    try {
      const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
      const name = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ms = statCpuMs(stat);
      threads.set(tid, { what: Number(tid) === process.pid ? 'service' : name.startsWith('quorum-') ? name : 'helpers', ms });
    } catch {
      // ended since the list was read
    }
  }
  return threads;
}

/** The CPU time each kind of thread took since `from`, thread by thread (one that started meanwhile
 * from 0; one that ended meanwhile is not counted, rather than counted below 0). */
function threadCpuSince(from: Map<string, { what: string; ms: number }>): Record<string, number> {
  const sums: Record<string, number> = {};
  for (const [tid, now] of threadCpu()) sums[now.what] = (sums[now.what] ?? 0) + now.ms - (from.get(tid)?.ms ?? 0);
  return sums;
}

const say = (value: unknown) => process.stdout.write(`${JSON.stringify(value)}\n`);

async function service(which: string): Promise<void> {
  let url: string;
  let stop: () => Promise<void>;
  if (which === 'quorum') {
    const { loadConfig } = await import('../src/config.ts');
    const { startQuorum } = await import('../src/main.ts');
    const { createLogger } = await import('../src/logger.ts');
    const config = loadConfig({
      SLACK_BOT_TOKEN: 'xoxb-bench',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: process.env.BENCH_SLACK_API_URL ?? '',
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'silent',
      PLAYGROUND: 'off',
      ...(process.env.DATA_DIR ? { DATA_DIR: process.env.DATA_DIR } : {}),
      ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    });
    const quorum = await startQuorum({ config, logger: createLogger({ level: 'silent' }), manualScheduler: true });
    url = quorum.url;
    stop = () => quorum.stop();
  } else {
    ({ url, stop } = await startBareBolt(SIGNING_SECRET));
  }
  let delay: IntervalHistogram | undefined;
  let cpuFrom: NodeJS.CpuUsage | undefined;
  let threadsFrom = new Map<string, { what: string; ms: number }>();
  createInterface({ input: process.stdin }).on('line', (line) => {
    if (line === 'delay on') {
      delay = monitorEventLoopDelay({ resolution: 10 });
      delay.enable();
      cpuFrom = process.cpuUsage();
      threadsFrom = threadCpu();
      say({ measuring: true });
    } else if (line === 'delay off' && delay) {
      delay.disable();
      const cpu = process.cpuUsage(cpuFrom);
      const threads = threadCpuSince(threadsFrom);
      say({ delayP99: delay.percentile(99) / 1e6, delayMax: delay.max / 1e6, cpuMs: (cpu.user + cpu.system) / 1000, threads });
    }
  });
  process.once('SIGTERM', () => {
    stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
  say({ url });
}

async function burst(): Promise<void> {
  const kind = process.env.BENCH_KIND as Kind;
  const clerk = process.env.BENCH_CLERK ?? '';
  const prefix = process.env.BENCH_RESPONSE_URL_PREFIX ?? '';
  const client = createSlackClient({ baseUrl: process.env.BENCH_URL ?? '', signingSecret: SIGNING_SECRET });
  const send = async (requests: number, windowMs: number, responseUrl: (i: number) => string) => {
    const ms: number[] = [];
    const sentAt: number[] = [];
    let lost = 0;
    const sends: Promise<void>[] = [];
    const started = performance.now();
    for (let i = 0; i < requests; i++) {
      const due = started + (i * windowMs) / requests;
      const wait = due - performance.now();
      if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
      const t0 = performance.now();
      sentAt.push(Date.now());
      const request =
        kind === 'click'
          ? client.interaction(blockActions({ user: { id: clerk, username: 'clerk', name: 'clerk', team_id: 'T0SEED' }, actions: [button({ action_id: 'outbox.retry', value: JSON.stringify({ outboxId: '0b5e2d8a-6c1f-4a53-9d0e-6f1a2b3c4d5e' }) })], response_url: responseUrl(i) }))
          : client.command(slashCommand({ text: 'outbox', user_id: clerk, response_url: responseUrl(i) }));
      sends.push(
        Promise.race([request.then((r) => r.status === 200), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 30_000))]).then((ok) => {
          if (ok) ms.push(performance.now() - t0);
          else lost += 1;
        }),
      );
    }
    await Promise.all(sends);
    return { ms, lost, sentAt };
  };
  const warm = await send(WARM_UP, WARM_UP_WINDOW_MS, (i) => `${prefix}warm-${i}`);
  const measured = await send(REQUESTS, WINDOW_MS, (i) => `${prefix}${i}`);
  // Exit once the line is written: stdout to a pipe is asynchronous.
  process.stdout.write(`${JSON.stringify({ ...measured, warmUpSlowest: warm.ms.length > 0 ? Math.max(...warm.ms) : null, warmUpLost: warm.lost } satisfies BurstResult)}\n`, () => process.exit(0));
}

// Run only as a child (bench/ack.ts imports the constants above).
if (process.argv[1]?.endsWith('ack-child.ts')) {
  if (process.argv[2] === 'service') await service(process.argv[3] ?? 'bolt');
  else if (process.argv[2] === 'burst') await burst();
}
