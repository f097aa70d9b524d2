// Ack times read off the wire: each request to a service's port and its answer, timed by the kernel
// as they pass the loopback interface (a `tcpdump` capture), not by the load process that sent them.
//
// Why: on this bench's two cores the load process, which stands in for Slack's servers, shares the
// CPU with the service it measures. While Quorum works through a burst (the work behind each ack,
// which a bare Bolt app that only acks does not do), the load process waits for a core before it
// can read an answer that has already been sent, and that wait is counted in its ack time. Slack's
// servers do not share Quorum's CPU; what they wait for is the answer leaving the service, which is
// what the capture times. The load process's own times are printed beside these. tcpdump takes a
// little CPU of its own during each burst (the bench prints how much); BENCH_WIRE=off leaves it out.
//
// Needs tcpdump and the right to capture on `lo` (root, or CAP_NET_RAW); without either the bench
// says so and prints the load process's times alone.
import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { statCpuMs } from './report.ts';

/** One HTTP request on a connection to the captured port and the answer that followed it. */
export interface WireExchange {
  /** When the request's first bytes were sent (ms, the capture's clock). */
  sentAt: number;
  /** From the request's first bytes to the answer's first bytes, in ms. */
  ms: number;
  /** The request line, e.g. "POST /slack/events HTTP/1.1". */
  requestLine: string;
  /** The answer's status code, e.g. "200". */
  status: string;
}

/** The pcap link types tcpdump writes for a capture on `lo`, and the length of their own header. */
const LINK_HEADER: Record<number, number> = { 0: 4, 1: 14, 113: 16, 276: 20 };

/**
 * Pairs each HTTP/1.1 request sent to `port` with the answer that followed it on the same TCP
 * connection (answers on a connection come in the order of its requests). A request is a segment
 * from a client to `port` whose payload begins with a method; an answer, a segment from `port`
 * whose payload begins with "HTTP/1.1 ". The rest of each message is not read. IPv4 and IPv6.
 */
export function httpExchanges(pcap: Uint8Array, port: number): WireExchange[] {
  const b = Buffer.from(pcap.buffer, pcap.byteOffset, pcap.byteLength);
  if (b.length < 24) return [];
  const magic = b.readUInt32LE(0);
  const littleEndian = magic === 0xa1b2c3d4 || magic === 0xa1b23c4d;
  if (!littleEndian && b.readUInt32BE(0) !== 0xa1b2c3d4 && b.readUInt32BE(0) !== 0xa1b23c4d) throw new Error('not a pcap file');
  const nanoseconds = (littleEndian ? magic : b.readUInt32BE(0)) === 0xa1b23c4d;
  const u32 = (at: number) => (littleEndian ? b.readUInt32LE(at) : b.readUInt32BE(at));
  const linkHeader = LINK_HEADER[u32(20) & 0xffff];
  if (linkHeader === undefined) throw new Error(`unexpected pcap link type ${u32(20)}`);
  const waiting = new Map<string, { sentAt: number; requestLine: string }[]>();
  const exchanges: WireExchange[] = [];
  for (let record = 24; record + 16 <= b.length; ) {
    const at = u32(record) * 1000 + u32(record + 4) / (nanoseconds ? 1e6 : 1e3);
    const captured = u32(record + 8);
    const end = Math.min(b.length, record + 16 + captured);
    let p = record + 16 + linkHeader;
    record += 16 + captured;
    if (p >= end) continue;
    let source: string;
    let destination: string;
    const version = (b[p] as number) >> 4;
    if (version === 4) {
      if (b[p + 9] !== 6) continue;
      source = b.subarray(p + 12, p + 16).toString('hex');
      destination = b.subarray(p + 16, p + 20).toString('hex');
      p += ((b[p] as number) & 0x0f) * 4;
    } else if (version === 6) {
      if (b[p + 6] !== 6) continue;
      source = b.subarray(p + 8, p + 24).toString('hex');
      destination = b.subarray(p + 24, p + 40).toString('hex');
      p += 40;
    } else continue;
    if (p + 20 > end) continue;
    const sourcePort = b.readUInt16BE(p);
    const destinationPort = b.readUInt16BE(p + 2);
    p += ((b[p + 12] as number) >> 4) * 4;
    if (p >= end) continue;
    const payload = b.subarray(p, Math.min(end, p + 80)).toString('latin1');
    if (destinationPort === port && /^[A-Z]+ \S+ HTTP\/1\.[01]/.test(payload)) {
      const connection = `${source}:${sourcePort}`;
      const queue = waiting.get(connection) ?? [];
      queue.push({ sentAt: at, requestLine: payload.split('\r\n')[0] as string });
      waiting.set(connection, queue);
    } else if (sourcePort === port && payload.startsWith('HTTP/1.1 ')) {
      const request = waiting.get(`${destination}:${destinationPort}`)?.shift();
      if (request) exchanges.push({ ...request, ms: at - request.sentAt, status: payload.slice(9, 12) });
    }
  }
  return exchanges.sort((x, y) => x.sentAt - y.sentAt);
}

export interface WireCapture {
  /** Ends the capture: the exchanges on the port, in the order they were sent, what tcpdump says it
   * dropped and the CPU time it took (ms; Linux); or why the capture cannot be read. */
  stop(): Promise<{ exchanges: WireExchange[]; dropped: number; cpuMs: number | undefined } | { unreadable: string }>;
}

/** A process's CPU time so far (user and system, ms) from /proc; undefined elsewhere. */
async function cpuOf(pid: number | undefined): Promise<number | undefined> {
  if (pid === undefined) return undefined;
  try {
    return statCpuMs(await readFile(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return undefined;
  }
}

/** Starts capturing the port's traffic on `lo`; resolves with the reason instead when it cannot. */
export async function captureWire(port: number): Promise<WireCapture | { unavailable: string }> {
  const dir = await mkdtemp(path.join(tmpdir(), 'quorum-bench-wire-'));
  const file = path.join(dir, 'capture.pcap');
  // -s 160: headers and the first bytes of each payload, enough for a request or status line;
  // -B: a kernel buffer of 16 MiB, so that a burst's 3,000 or so segments are not dropped.
  const tcpdump = spawn('tcpdump', ['-i', 'lo', '-n', '--immediate-mode', '-s', '160', '-B', '16384', '-w', file, `tcp port ${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  tcpdump.stderr.setEncoding('utf8');
  // 'close', not 'exit': what it writes as it ends (the count of packets dropped) is read by then.
  const exited = new Promise<number | null>((resolve) => {
    tcpdump.once('error', () => resolve(null));
    tcpdump.once('close', (code) => resolve(code));
  });
  const listening = await new Promise<boolean>((resolve) => {
    tcpdump.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (stderr.includes('listening on')) resolve(true);
    });
    void exited.then(() => resolve(false));
  });
  if (!listening) {
    await rm(dir, { recursive: true, force: true });
    const reason = stderr.trim().split('\n').pop() || 'tcpdump is not installed';
    return { unavailable: reason };
  }
  return {
    stop: async () => {
      // Read before it ends (a process that has been waited for has no /proc entry).
      const cpuMs = await cpuOf(tcpdump.pid);
      tcpdump.kill('SIGINT');
      await exited;
      try {
        const dropped = Number(/(\d+) packets? dropped by kernel/.exec(stderr)?.[1] ?? 0);
        return { exchanges: httpExchanges(await readFile(file), port), dropped, cpuMs };
      } catch (error) {
        return { unreadable: error instanceof Error ? error.message : String(error) };
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
