// A TCP proxy in front of a database server, for the restart drill where no PostgreSQL server
// binaries are installed (postgres-cluster.ts): an "outage" drops every connection through it and
// refuses new ones for a while, which is what the service sees of a server restart.
import { connect, createServer, type Socket } from 'node:net';

export interface TcpProxy {
  /** host:port of the proxy. */
  port: number;
  /** Drops every connection now and refuses new ones for `downMs`. */
  outage(downMs: number): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(target: { host: string; port: number }): Promise<TcpProxy> {
  const open = new Set<Socket>();
  let refusing = false;
  const server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = connect(target.port, target.host);
    for (const [a, b] of [[client, upstream], [upstream, client]] as const) {
      open.add(a);
      a.on('close', () => {
        open.delete(a);
        b.destroy();
      });
      a.on('error', () => b.destroy());
      a.pipe(b);
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as { port: number }).port,
    outage: async (downMs) => {
      refusing = true;
      for (const socket of open) socket.destroy();
      await new Promise((resolve) => setTimeout(resolve, downMs));
      refusing = false;
    },
    close: async () => {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
