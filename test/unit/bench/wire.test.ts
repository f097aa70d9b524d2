// The ack bench's reading of a loopback capture (bench/wire.ts): requests to the service's port
// paired with the answers that followed them, connection by connection, from pcap bytes built here
// as tcpdump writes them.
import { describe, expect, it } from 'vitest';
import { httpExchanges } from '../../../bench/wire.ts';

const SERVICE = 3978;

interface Segment {
  at: number; // ms
  from: number; // port
  to: number; // port
  payload: string;
  ipv6?: boolean;
  /** IPv4 options: this many 4-byte words after the 20-byte header. */
  ipOptions?: number;
  /** Captured only up to this many bytes of the packet (tcpdump's -s), the rest counted as sent. */
  snap?: number;
}

function pcap(segments: Segment[], options: { linkType?: number; nanoseconds?: boolean; bigEndian?: boolean } = {}): Uint8Array {
  const linkType = options.linkType ?? 1;
  const linkHeader = { 0: 4, 1: 14, 113: 16, 276: 20 }[linkType] as number;
  const u32 = (value: number) => {
    const b = Buffer.alloc(4);
    if (options.bigEndian) b.writeUInt32BE(value);
    else b.writeUInt32LE(value);
    return b;
  };
  const parts: Buffer[] = [u32(options.nanoseconds ? 0xa1b23c4d : 0xa1b2c3d4), Buffer.from(options.bigEndian ? [0, 2, 0, 4] : [2, 0, 4, 0]), Buffer.alloc(8), u32(262144), u32(linkType)];
  for (const s of segments) {
    const payload = Buffer.from(s.payload, 'latin1');
    const tcp = Buffer.alloc(32);
    tcp.writeUInt16BE(s.from, 0);
    tcp.writeUInt16BE(s.to, 2);
    tcp[12] = 8 << 4; // a 32-byte header, as with the timestamp option
    let ip: Buffer;
    if (s.ipv6) {
      ip = Buffer.alloc(40);
      ip[0] = 6 << 4;
      ip[6] = 6;
      ip[23] = 1;
      ip[39] = 1;
    } else {
      ip = Buffer.alloc(20 + 4 * (s.ipOptions ?? 0));
      ip[0] = (4 << 4) | (5 + (s.ipOptions ?? 0));
      ip[9] = 6;
      ip.set([127, 0, 0, 1], 12);
      ip.set([127, 0, 0, 1], 16);
    }
    const whole = Buffer.concat([Buffer.alloc(linkHeader), ip, tcp, payload]);
    const packet = whole.subarray(0, s.snap ?? whole.length);
    const seconds = Math.floor(s.at / 1000);
    const fraction = Math.round((s.at - seconds * 1000) * (options.nanoseconds ? 1e6 : 1e3));
    parts.push(u32(seconds), u32(fraction), u32(packet.length), u32(whole.length), packet);
  }
  return new Uint8Array(Buffer.concat(parts));
}

const request = (path = '/slack/events') => `POST ${path} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/x-www-form-urlencoded\r\n`;
const answer = (status = 200) => `HTTP/1.1 ${status} OK\r\ncontent-length: 0\r\n\r\n`;

describe('httpExchanges', () => {
  it('pairs each request with the answer that followed it on its own connection, however the connections interleave', () => {
    const t = 1_764_633_600_000;
    const exchanges = httpExchanges(
      pcap([
        { at: t, from: 50001, to: SERVICE, payload: request() },
        { at: t + 0.2, from: 50002, to: SERVICE, payload: request() },
        // the rest of the first request's body, in a segment of its own: not a request
        { at: t + 0.3, from: 50001, to: SERVICE, payload: 'payload=%7B%22type%22%3A%22block_actions%22' },
        { at: t + 1.5, from: SERVICE, to: 50002, payload: answer() },
        { at: t + 2.25, from: SERVICE, to: 50001, payload: answer() },
        // a second request on the first connection, answered 401
        { at: t + 3, from: 50001, to: SERVICE, payload: request() },
        { at: t + 3.5, from: SERVICE, to: 50001, payload: answer(401) },
      ]),
      SERVICE,
    );
    expect(exchanges.map((e) => ({ sentAt: Number((e.sentAt - t).toFixed(3)), ms: Number(e.ms.toFixed(3)), status: e.status }))).toEqual([
      { sentAt: 0, ms: 2.25, status: '200' },
      { sentAt: 0.2, ms: 1.3, status: '200' },
      { sentAt: 3, ms: 0.5, status: '401' },
    ]);
    expect(exchanges[0]?.requestLine).toBe('POST /slack/events HTTP/1.1');
  });

  it('answers pipelined requests on one connection in the order they were sent', () => {
    const exchanges = httpExchanges(
      pcap([
        { at: 2000, from: 50007, to: SERVICE, payload: request() },
        { at: 2001, from: 50007, to: SERVICE, payload: request() },
        { at: 2004, from: SERVICE, to: 50007, payload: answer(200) },
        { at: 2005, from: SERVICE, to: 50007, payload: answer(401) },
      ]),
      SERVICE,
    );
    expect(exchanges.map((e) => [e.sentAt, e.ms, e.status])).toEqual([
      [2000, 4, '200'],
      [2001, 4, '401'],
    ]);
  });

  it('leaves out traffic of other ports, answers with no request before them, and requests never answered', () => {
    const exchanges = httpExchanges(
      pcap([
        { at: 1000, from: SERVICE, to: 50003, payload: answer() },
        { at: 1001, from: 50004, to: 4000, payload: request('/api/chat.postMessage') },
        { at: 1002, from: 4000, to: 50004, payload: answer() },
        { at: 1003, from: 50005, to: SERVICE, payload: request() },
      ]),
      SERVICE,
    );
    expect(exchanges).toEqual([]);
  });

  it('reads nanosecond and big-endian captures, Linux cooked headers and IPv6', () => {
    const segments: Segment[] = [
      { at: 5000, from: 50006, to: SERVICE, payload: request(), ipv6: true },
      { at: 5000.125, from: SERVICE, to: 50006, payload: answer(), ipv6: true },
    ];
    for (const options of [{ nanoseconds: true }, { bigEndian: true }, { linkType: 113 }, { linkType: 276 }, { linkType: 0 }]) {
      const [only, ...rest] = httpExchanges(pcap(segments, options), SERVICE);
      expect(rest, JSON.stringify(options)).toEqual([]);
      expect(only?.ms, JSON.stringify(options)).toBeCloseTo(0.125, 6);
    }
  });

  it('reads IPv4 headers with options, and records cut short by the capture’s length', () => {
    const exchanges = httpExchanges(
      pcap([
        { at: 3000, from: 50008, to: SERVICE, payload: `${request()}content-length: 900\r\n\r\n${'x'.repeat(900)}`, ipOptions: 2, snap: 160 },
        // headers cut before the payload: nothing to read, and the next record is still found
        { at: 3000.5, from: 50009, to: SERVICE, payload: request(), snap: 40 },
        { at: 3002, from: SERVICE, to: 50008, payload: answer(), ipOptions: 1, snap: 90 },
      ]),
      SERVICE,
    );
    expect(exchanges.map((e) => [e.sentAt, e.ms, e.status, e.requestLine])).toEqual([[3000, 2, '200', 'POST /slack/events HTTP/1.1']]);
  });

  it('refuses what is not a capture', () => {
    expect(() => httpExchanges(new Uint8Array(Buffer.from('this is not a pcap file at all')), SERVICE)).toThrow('not a pcap file');
    expect(httpExchanges(new Uint8Array(0), SERVICE)).toEqual([]);
  });
});
