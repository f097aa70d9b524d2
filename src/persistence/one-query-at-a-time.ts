// A node-postgres client that runs the queries it is given one after another. Prisma's query
// interpreter sends a transaction's independent reads together (Promise.all) on the transaction's
// one client; pg queues them itself but warns, on the service's stderr, that calling query() while
// one is running "is deprecated and will be removed in pg@9.0". Chaining the promise-style calls
// here is the "external async flow control" pg asks for: the same order, no warning.
import type pg from 'pg';

type Query = (...args: unknown[]) => unknown;

export function oneQueryAtATime(Client: typeof pg.Client): typeof pg.Client {
  class OneQueryAtATime extends Client {
    #last: Promise<unknown> = Promise.resolve();

    // @ts-expect-error -- pg's query() has a dozen overloads; this passes every one through.
    override query(...args: unknown[]): unknown {
      const run = super.query.bind(this) as Query;
      const first = args[0] as { submit?: unknown } | undefined;
      // Callback and submittable (cursor) styles are left as they are: the pool's own query() uses
      // the callback style on a client nobody else holds.
      if (typeof args.at(-1) === 'function' || typeof first?.submit === 'function') return run(...args);
      const result = this.#last.then(() => run(...args));
      this.#last = result.catch(() => undefined);
      return result;
    }
  }
  return OneQueryAtATime as unknown as typeof pg.Client;
}
