// A local HTTP server that misbehaves on purpose, for proving time and size limits: it accepts
// every connection and then never answers ('hang'), answers headers and then stalls ('stall'),
// trickles its body a byte at a time ('trickle'), or answers an endless body ('flood').
// It counts the requests it received.
//
//   const slow = await startSlowServer('hang');
//   await expect(boundedRequest(slow.url('/metadata'), { timeoutMs: 300 })).rejects.toThrow();
//   slow.requests(); await slow.close();
import { once } from 'node:events';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour = 'hang' | 'stall' | 'trickle' | 'flood';

export interface SlowServer {
  url(path?: string): string;
  /** How many requests arrived, by path. */
  requests(path?: string): number;
  close(): Promise<void>;
}

export async function startSlowServer(misbehaviour: Misbehaviour): Promise<SlowServer> {
  const seen: string[] = [];
  const timers = new Set<NodeJS.Timeout>();
  const open = new Set<ServerResponse>();
  const server = createServer((req, res) => {
    seen.push(new URL(req.url ?? '/', 'http://x').pathname);
    open.add(res);
    res.on('close', () => open.delete(res));
    switch (misbehaviour) {
      case 'hang':
        return;
      case 'stall':
        res.writeHead(200, { 'content-type': 'application/json' });
        res.write('{"jwks_uri":');
        return;
      case 'trickle': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const timer = setInterval(() => res.write(' '), 100);
        timers.add(timer);
        res.on('close', () => clearInterval(timer));
        return;
      }
      case 'flood': {
        res.writeHead(200, { 'content-type': 'application/json' });
        const chunk = Buffer.alloc(64 * 1024, 0x20);
        const pump = () => {
          while (res.write(chunk)) {
            /* keep writing until the socket pushes back */
          }
        };
        res.on('drain', pump);
        pump();
        return;
      }
    }
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url: (path = '/') => `${base}${path}`,
    requests: (path) => (path ? seen.filter((p) => p === path).length : seen.length),
    close: async () => {
      for (const timer of timers) clearInterval(timer);
      for (const res of open) res.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
