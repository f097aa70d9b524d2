/* eslint-disable no-restricted-syntax -- a benchmark reports which database it measured (DATABASE_URL) and passes it to what it runs; BENCH_ROUNDS, BENCH_PROF and BENCH_WIRE are its own knobs */
// Ack latency under a burst: 500 signed requests in 5 seconds (a button click, then a slash
// command), to Quorum (the real service, on PGlite or the PostgreSQL server in DATABASE_URL) and
// to a bare Bolt app that only acks the same payloads on the same receiver. Figures: p50/p95/p99
// of the time to the HTTP answer, each as a ratio to bare Bolt's in the same run; requests over
// Slack's 3 s, and requests with no answer. Each burst follows a warm-up of 20 requests from the
// same load process (their slowest ack printed apart): a service meets a board's burst of clicks
// warm, and a load process's own first requests are slow whichever service they go to.
// Each side runs as it would on a real machine, in a process of its own (bench/ack-child.ts): the
// service (Quorum with the flags `npm start` gives Node, bare Bolt with Node's defaults), the load
// (one process per burst, timing each answer), and here the fake Slack Web API that Quorum's
// answers go to. Run in one process, the bench's own work (sending the load, taking Quorum's
// answers) had shared Quorum's event loop and been counted as Quorum's.
// BENCH_ROUNDS=<n> sends n bursts of each kind (3 by default); BENCH_PROF=<folder> writes CPU
// profiles of Quorum's process there (its service thread and PGlite's; not the front door's thread,
// which is started without Node's flags), to open in Chrome's DevTools (Performance). Each ack is
// also timed on the wire when tcpdump can capture (bench/wire.ts); BENCH_WIRE=off does without.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { drillDatabase } from '../test/support/drills/database.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../test/support/fake-slack-api.ts';
import { createSeedBoard } from '../test/support/fixtures.ts';
import { createSlackClient, slashCommand } from '../test/support/slack-client.ts';
import { startFlags } from '../test/support/start-flags.ts';
import { type BurstResult, type Kind, REQUESTS, SIGNING_SECRET, WARM_UP, WINDOW_MS } from './ack-child.ts';
import { percentile, print, ratio } from './report.ts';
import { captureWire } from './wire.ts';

/** Bursts of each kind to each side, alternating (BENCH_ROUNDS to change it). */
const ROUNDS = Math.max(1, Number(process.env.BENCH_ROUNDS ?? 3) || 3);
/** Reads at rest, one after another. */
const AT_REST = 100;
const CHILD = fileURLToPath(new URL('./ack-child.ts', import.meta.url));

/** A child running ack-child.ts; resolves with it and a reader of its JSON lines. */
function child(args: string[], env: Record<string, string>, flags: string[] = []) {
  const proc = spawn(process.execPath, [...flags, '--import', 'tsx', CHILD, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  const lines: unknown[] = [];
  const waiters: ((line: unknown) => void)[] = [];
  createInterface({ input: proc.stdout as NodeJS.ReadableStream }).on('line', (line) => {
    if (!line.startsWith('{')) return;
    const parsed = JSON.parse(line) as unknown;
    const waiter = waiters.shift();
    if (waiter) waiter(parsed);
    else lines.push(parsed);
  });
  const exited = new Promise<number | null>((resolve) => proc.once('exit', (code) => resolve(code)));
  const next = <T>(): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      if (lines.length > 0) return resolve(lines.shift() as T);
      waiters.push((line) => resolve(line as T));
      void exited.then((code) => reject(new Error(`bench child ${args.join(' ')} exited with ${code}`)));
    });
  return { proc, next, exited };
}

/** Quorum's CPU time by thread, as ack-child.ts sums it: " (door 0.41 s, service 2.90 s, ...)". */
function byThread(threads: Record<string, number>): string {
  const label: Record<string, string> = { 'quorum-door': 'door', service: 'service', 'quorum-db': 'database', helpers: 'V8 and Node helpers' };
  const order = (what: string) => (what in label ? Object.keys(label).indexOf(what) : Object.keys(label).length);
  const parts = Object.entries(threads)
    .sort(([a], [b]) => order(a) - order(b))
    .map(([what, ms]) => `${label[what] ?? what} ${(ms / 1000).toFixed(2)} s`);
  return parts.length > 0 ? ` (${parts.join(', ')})` : '';
}

async function startService(which: 'quorum' | 'bolt', env: Record<string, string>) {
  const service = child(['service', which], env, which === 'quorum' ? [...startFlags(), ...(process.env.BENCH_PROF ? ['--cpu-prof', '--cpu-prof-dir=' + process.env.BENCH_PROF] : [])] : []);
  const { url } = await service.next<{ url: string }>();
  return {
    url,
    /** Runs `work` (a burst) while the service measures its event-loop delay and its CPU time. */
    measured: async <T>(work: () => Promise<T>): Promise<{ result: T; delayP99: number; delayMax: number; cpuMs: number; threads: Record<string, number> }> => {
      service.proc.stdin?.write('delay on\n');
      // The burst starts once the service has started measuring.
      const measuring = await service.next<{ measuring?: boolean }>();
      if (measuring.measuring !== true) throw new Error(`bench service: expected it to say it is measuring, got ${JSON.stringify(measuring)}`);
      const result = await work();
      service.proc.stdin?.write('delay off\n');
      return { result, ...(await service.next<{ delayP99: number; delayMax: number; cpuMs: number; threads: Record<string, number> }>()) };
    },
    stop: async (): Promise<void> => {
      (service.proc as ChildProcess).kill('SIGTERM');
      await service.exited;
    },
  };
}

async function burst(url: string, kind: Kind, responseUrlPrefix: string, clerk: string): Promise<BurstResult> {
  const load = child(['burst'], { BENCH_URL: url, BENCH_KIND: kind, BENCH_CLERK: clerk, BENCH_RESPONSE_URL_PREFIX: responseUrlPrefix });
  return load.next<BurstResult>();
}

const ms = (value: number | null) => (value === null ? 'n/a' : `${value.toFixed(1)} ms`);

/** Why the ack times on the wire are not read (BENCH_WIRE=off, or the first capture failed), if they are not. */
let wireUnavailable: string | undefined = process.env.BENCH_WIRE === 'off' ? 'BENCH_WIRE=off' : undefined;

/** Runs `work` (a burst to `url`) while capturing its traffic (bench/wire.ts): the acks of its
 * measured requests as timed on the wire (answered 200, as the load process counts them; the
 * warm-up's left out) and tcpdump's CPU time; no acks, with the reason in `note`, when there is no
 * capture or it missed some (a burst whose count is not whole is not used). */
async function onTheWire<T>(url: string, work: () => Promise<T>): Promise<{ result: T; wire?: number[]; note?: string; tcpdumpCpuMs?: number }> {
  if (wireUnavailable) return { result: await work() };
  const capture = await captureWire(Number(new URL(url).port));
  if ('unavailable' in capture) {
    wireUnavailable = capture.unavailable;
    return { result: await work() };
  }
  const outcome = await work().then(
    (value) => ({ value }),
    (error: unknown) => ({ error }),
  );
  const captured = await capture.stop();
  if ('error' in outcome) throw outcome.error;
  const result = outcome.value;
  if ('unreadable' in captured) return { result, note: `the capture could not be read (${captured.unreadable}): not used` };
  const tcpdumpCpuMs = captured.cpuMs;
  const acks = captured.exchanges.filter((e) => e.requestLine.startsWith('POST /slack/events '));
  if (acks.length !== WARM_UP + REQUESTS || captured.dropped > 0) {
    return { result, ...(tcpdumpCpuMs !== undefined ? { tcpdumpCpuMs } : {}), note: `the capture holds ${acks.length} of ${WARM_UP + REQUESTS} requests and their answers${captured.dropped > 0 ? ` (tcpdump dropped ${captured.dropped} packets)` : ''}: not used` };
  }
  return { result, ...(tcpdumpCpuMs !== undefined ? { tcpdumpCpuMs } : {}), wire: acks.slice(WARM_UP).flatMap((e) => (e.status === '200' ? [e.ms] : [])) };
}

/** The time from each request to the answer it got through its response_url (waiting up to a minute for the work to finish). */
async function answersFollowing(fake: FakeSlackApi, prefix: string, sentAt: readonly number[]): Promise<number[]> {
  const deadline = Date.now() + 60_000;
  const answered = () => sentAt.filter((_, i) => fake.responses(`${prefix}${i}`).length > 0).length;
  while (answered() < sentAt.length && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
  return sentAt.flatMap((at, i) => fake.responses(`${prefix}${i}`).slice(0, 1).map((r) => r.at - at));
}

export async function ackBench(): Promise<void> {
  const database = process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite';
  print(`ack: ${REQUESTS} signed requests in ${WINDOW_MS / 1000} s per kind, Quorum on ${database} (with the flags npm start gives Node: ${startFlags().join(' ') || 'none'}) against a bare Bolt app that only acks; each service, each burst and the fake Slack in a process of its own`);
  const fake = await startFakeSlackApi();
  const data = await drillDatabase();
  const db = await data.open();
  const seed = await createSeedBoard(db.prisma);
  await db.close();
  let quorum: Awaited<ReturnType<typeof startService>> | undefined;
  let bare: Awaited<ReturnType<typeof startService>> | undefined;
  try {
    const q = (quorum = await startService('quorum', { ...data.env, BENCH_SLACK_API_URL: fake.apiUrl }));
    const b = (bare = await startService('bolt', {}));
    for (const kind of ['click', 'command'] as const) {
      // Bursts alternate between the two, so that what else the machine does falls on both alike;
      // the figures below pool every round's requests (a single burst's p99 is its 5 slowest acks,
      // and moved by half from one run to the next on a quiet two-core machine).
      const pooled = { quorum: [] as number[], bare: [] as number[], quorumLost: 0, bareLost: 0, answers: [] as number[], quorumWire: [] as number[], bareWire: [] as number[], wireRounds: 0 };
      for (let round = 1; round <= ROUNDS; round++) {
        const label = `  ${kind}, round ${round} of ${ROUNDS}`;
        print(`${label}: bare Bolt...`);
        const bareRun = await onTheWire(b.url, () => b.measured(() => burst(b.url, kind, fake.responseUrl(`bare-${kind}-${round}-`), seed.clerk.slackUserId)));
        const { result: reference, cpuMs: bareCpuMs } = bareRun.result;
        print(`${label}: Quorum...`);
        const quorumRun = await onTheWire(q.url, () => q.measured(() => burst(q.url, kind, fake.responseUrl(`${kind}-${round}-`), seed.clerk.slackUserId)));
        const { result: measured, delayP99, delayMax, cpuMs, threads } = quorumRun.result;
        let wire = '';
        if (quorumRun.wire && bareRun.wire) {
          pooled.wireRounds += 1;
          pooled.quorumWire.push(...quorumRun.wire);
          pooled.bareWire.push(...bareRun.wire);
          const tcpdump = quorumRun.tcpdumpCpuMs !== undefined && bareRun.tcpdumpCpuMs !== undefined ? ` (tcpdump's CPU during the bursts: Quorum's ${(quorumRun.tcpdumpCpuMs / 1000).toFixed(2)} s, bare Bolt's ${(bareRun.tcpdumpCpuMs / 1000).toFixed(2)} s)` : '';
          wire = `; on the wire p99 Quorum ${ms(percentile(quorumRun.wire, 99))}, bare Bolt ${ms(percentile(bareRun.wire, 99))}, ratio ${ratio(percentile(quorumRun.wire, 99), percentile(bareRun.wire, 99))}${tcpdump}`;
        } else if (!wireUnavailable) {
          wire = `; on the wire: ${quorumRun.note ?? bareRun.note ?? 'not measured'}`;
        }
        const answers = await answersFollowing(fake, `${kind}-${round}-`, measured.sentAt);
        pooled.quorum.push(...measured.ms);
        pooled.bare.push(...reference.ms);
        pooled.quorumLost += measured.lost;
        pooled.bareLost += reference.lost;
        pooled.answers.push(...answers);
        print(`${label}: ack p99 Quorum ${ms(percentile(measured.ms, 99))}, bare Bolt ${ms(percentile(reference.ms, 99))}, ratio ${ratio(percentile(measured.ms, 99), percentile(reference.ms, 99))} (timed by the load process)${wire}; warm-up's slowest ack Quorum ${ms(measured.warmUpSlowest)}, bare Bolt ${ms(reference.warmUpSlowest)} (not counted); event-loop delay on Quorum's service thread p99 ${delayP99.toFixed(0)} ms, max ${delayMax.toFixed(0)} ms; CPU time during the burst (each process, all its threads) Quorum ${(cpuMs / 1000).toFixed(2)} s${byThread(threads)}, bare Bolt ${(bareCpuMs / 1000).toFixed(2)} s; answers through the response_url ${answers.length} of ${REQUESTS}`);
        pooled.quorumLost += measured.warmUpLost;
        pooled.bareLost += reference.warmUpLost;
      }
      const answers = pooled.answers;
      print(`  ${kind}: answers through the response_url ${answers.length} of ${REQUESTS * ROUNDS}; time from the request to its answer p50 ${percentile(answers, 50).toFixed(0)} ms, p99 ${percentile(answers, 99).toFixed(0)} ms`);
      for (const p of [50, 95, 99]) {
        const q = percentile(pooled.quorum, p);
        const b = percentile(pooled.bare, p);
        print(`  ${kind} ack p${p} (${ROUNDS} bursts): Quorum ${q.toFixed(1)} ms, bare Bolt ${b.toFixed(1)} ms, ratio ${ratio(q, b)}`);
      }
      if (pooled.wireRounds > 0) {
        for (const p of [50, 95, 99]) {
          const q = percentile(pooled.quorumWire, p);
          const b = percentile(pooled.bareWire, p);
          print(`  ${kind} ack p${p} on the wire (${pooled.wireRounds === ROUNDS ? `${ROUNDS} bursts` : `the ${pooled.wireRounds} of ${ROUNDS} bursts captured whole`}): Quorum ${q.toFixed(1)} ms, bare Bolt ${b.toFixed(1)} ms, ratio ${ratio(q, b)}`);
        }
      }
      print(`  ${kind}: over 3 s ${pooled.quorum.filter((m) => m > 3_000).length} (bare ${pooled.bare.filter((m) => m > 3_000).length}); no answer within 30 s ${pooled.quorumLost} (bare ${pooled.bareLost})`);
    }
    print('  What it means: the time Slack waits for the HTTP answer. Slack shows the person an error past 3 s; the issue asks for p99 at most 1.5 times bare Bolt, none over 3 s, none lost.');
    print(
      wireUnavailable
        ? `  Ack times on the wire: not measured (${wireUnavailable}); with tcpdump and the right to capture on lo they are printed beside the load process's (bench/wire.ts says why).`
        : "  Two timings of each ack: by the load process (from sending the request to reading the answer), and on the wire (from the request's first bytes to the answer's, as the kernel timed them on the loopback interface). The load process shares the two cores with the service it measures: while Quorum works through the burst, it waits for a core to read answers already sent. Slack's servers do not share Quorum's CPU, so the wire's figure is the one Slack would see. (The load process's figure also counts building and signing each request; tcpdump's own CPU is printed with each burst, and BENCH_WIRE=off runs without it.)",
    );
    print(`  Each burst follows ${WARM_UP} requests of its kind from the same load process: without them a burst's p99 (its slowest 1%) is the first requests of a process just started (code not yet compiled, connections not yet open), on either side.`);
    // A read at rest: one `/quorum outbox` at a time, each sent once the last was answered.
    const client = createSlackClient({ baseUrl: q.url, signingSecret: SIGNING_SECRET });
    const atRest: number[] = [];
    for (let i = 0; i < AT_REST; i++) {
      const id = `rest-${i}`;
      const t0 = Date.now();
      await client.command(slashCommand({ text: 'outbox', user_id: seed.clerk.slackUserId, response_url: fake.responseUrl(id) }));
      const answer = await fake.waitForResponse((r) => r.id === id, 10_000);
      atRest.push(answer.at - t0);
    }
    print(`  read at rest (${AT_REST} \`/quorum outbox\` one after another): from the request to the answer through its response_url p50 ${percentile(atRest, 50).toFixed(0)} ms, p99 ${percentile(atRest, 99).toFixed(0)} ms (the issue asks under 100 ms at p99 on PostgreSQL)`);
  } finally {
    await bare?.stop();
    await quorum?.stop();
    await data.destroy();
    await fake.close();
  }
}
