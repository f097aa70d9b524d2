// A local web site that behaves as a hostile or broken one would, for the import's fetch tests.
// Listens on [::] (IPv4 and IPv6, every loopback address), and records what reached it.
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { gzipSync } from 'node:zlib';

export interface HostileSite {
  port: number;
  /** Every request that reached the site: path and the local address it arrived on. */
  hits: { path: string; localAddress: string; credentials: boolean }[];
  /** Bytes written by /endless answers, and whether each stopped because its connection closed. */
  endless: { written: number; closed: boolean }[];
  close(): Promise<void>;
}

const CHUNK = Buffer.alloc(64 * 1024, 'x');
let bomb: Buffer | undefined;

function writeForever(res: ServerResponse, record: { written: number; closed: boolean }): void {
  res.on('close', () => {
    record.closed = true;
  });
  const pump = (): void => {
    while (!res.destroyed) {
      record.written += CHUNK.length;
      if (!res.write(CHUNK)) {
        res.once('drain', pump);
        return;
      }
    }
  };
  pump();
}

export async function startHostileSite(): Promise<HostileSite> {
  const hits: HostileSite['hits'] = [];
  const endless: HostileSite['endless'] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://site');
    const credentials = Boolean(req.headers.authorization ?? req.headers.cookie);
    hits.push({ path: url.pathname + url.search, localAddress: req.socket.localAddress ?? '', credentials });
    switch (url.pathname) {
      case '/ok':
        res.writeHead(200, { 'content-type': 'text/plain' }).end('hello from the site');
        return;
      case '/redirect': {
        // ?to=<address>; ?times=n redirects n more times to itself first; ?delay=ms answers each
        // of those hops that much later.
        const times = Number(url.searchParams.get('times') ?? 0);
        const to = url.searchParams.get('to') ?? '/ok';
        const delay = Number(url.searchParams.get('delay') ?? 0);
        const location = times > 0 ? `/redirect?times=${times - 1}&to=${encodeURIComponent(to)}${delay ? `&delay=${delay}` : ''}` : to;
        const answer = () => res.writeHead(Number(url.searchParams.get('status') ?? 302), { location }).end();
        if (delay > 0) timers.add(setTimeout(answer, delay));
        else answer();
        return;
      }
      case '/endless': {
        const record = { written: 0, closed: false };
        endless.push(record);
        res.writeHead(200, { 'content-type': 'text/xml' });
        writeForever(res, record);
        return;
      }
      case '/declared-huge':
        res.writeHead(200, { 'content-type': 'text/xml', 'content-length': String(50_000_000) });
        res.write(CHUNK);
        return;
      case '/bomb': {
        // 50 MB of zeros, about 50 KB on the wire.
        const body = (bomb ??= gzipSync(Buffer.alloc(50_000_000)));
        res.writeHead(200, { 'content-type': 'text/xml', 'content-encoding': 'gzip', 'content-length': String(body.length) }).end(body);
        return;
      }
      case '/gzip':
        res.writeHead(200, { 'content-type': 'text/plain', 'content-encoding': 'gzip' }).end(gzipSync('hello, compressed'));
        return;
      case '/slow-body': {
        // Headers at once, then one byte every 50 ms, for ever.
        res.writeHead(200, { 'content-type': 'text/xml' });
        const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write('.')), 50);
        timers.add(timer);
        return;
      }
      case '/no-answer':
        return; // never answers
      default:
        res.writeHead(404).end('no such page');
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '::', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    hits,
    endless,
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      server.closeAllConnections();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
