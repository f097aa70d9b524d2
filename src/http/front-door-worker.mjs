// The HTTP front door: the thread that listens on the service's port. It answers at once the
// requests that need nothing from the service but an acknowledgement (Slack's clicks and slash
// commands: the platform adapters say which, see front-door.ts), then hands them to the service
// (as messages to its thread when it takes them so, FrontDoorOptions.handOver; else over HTTP);
// everything else it passes through to the service and relays the answer. The service's own thread
// (the core, Prisma, the adapters' work after the ack) can be busy with a burst of work for
// seconds at a time; this thread never is, so an ack never waits behind that work
// (`npm run bench -- ack`).
// Plain JavaScript with nothing but Node itself: a worker thread holding the TypeScript loader
// and a validation library would cost tens of MiB, and this one needs neither.
import { Buffer } from 'node:buffer';
import http from 'node:http';
import { setTimeout } from 'node:timers';
import { parentPort, workerData } from 'node:worker_threads';
import { nameThisThread } from '../kernel/thread-name.mjs';

/** @type {{ host: string; port: number; upstream: string; early: { path: string; module: string; options: unknown; byMessage: boolean }[]; bodyLimit: number }} */
const options = workerData;
if (!parentPort) throw new Error('front-door-worker.mjs runs as a worker thread');
const port = parentPort;
nameThisThread('quorum-door');

/** @type {{ path: string; answer: (request: { method: string | undefined; headers: http.IncomingHttpHeaders; body: Buffer }, options: unknown) => { status: number; body?: unknown } | undefined; options: unknown; byMessage: boolean }[]} */
const answerers = await Promise.all(
  options.early.map(async (early) => ({ path: early.path, answer: (await import(early.module)).earlyAnswer, options: early.options, byMessage: early.byMessage })),
);

/** The header carrying the browser's address to the service (which sees only this thread's socket). Set here; one a client sends is dropped. */
const PEER_HEADER = 'x-quorum-peer';
/** Hop-by-hop headers: about one connection, not passed on. */
const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'proxy-connection', 'transfer-encoding', 'upgrade', 'te', 'trailer', PEER_HEADER]);

// Connections to the service are kept open; the service keeps them longer than this thread does
// (front-door.ts), so a request is never sent on one the service has just closed.
const agent = new http.Agent({ keepAlive: true, timeout: 30_000 });
/** Requests answered here and still on their way to the service, and requests passed on and not yet
 * answered (event streams aside, which never end): stopping waits for both. @type {Set<Promise<unknown>>} */
const inFlight = new Set();
/** @param {Promise<unknown>} done */
const track = (done) => {
  inFlight.add(done);
  void done.then(() => inFlight.delete(done));
};
/** Resolves once nothing is in flight, those that start meanwhile included (draining, closing). */
const allSettled = async () => {
  while (inFlight.size > 0) await Promise.all([...inFlight]);
};

const log = (/** @type {'warn' | 'error'} */ level, /** @type {string} */ msg, /** @type {Record<string, unknown>} */ fields = {}) =>
  port.postMessage({ type: 'log', level, msg, fields });

/** A request's or an answer's headers without those about one connection.
 * @param {http.IncomingHttpHeaders} headers @returns {http.OutgoingHttpHeaders} */
function withoutHopByHop(headers) {
  /** @type {http.OutgoingHttpHeaders} */
  const out = {};
  for (const [name, value] of Object.entries(headers)) if (!HOP_BY_HOP.has(name) && value !== undefined) out[name] = value;
  return out;
}

/** The headers to send on: hop-by-hop ones dropped, the browser's address added, and the body's
 * framing stated, never left to the method's default: `length` for a body read here; otherwise the
 * client's Content-Length, or chunked when it sent its body chunked (Node does not chunk a GET or a
 * DELETE by itself, and a body sent on unframed would be read by the service as a second request on
 * the same connection, with headers of the client's choosing). The headers a client's Connection
 * header names are passed on, not dropped: the service must see what the door saw.
 * @param {http.IncomingHttpHeaders} headers @param {string | undefined} peer @param {number} [length] */
function upstreamHeaders(headers, peer, length) {
  const out = withoutHopByHop(headers);
  if (peer) out[PEER_HEADER] = peer;
  if (length !== undefined) out['content-length'] = length;
  else if (headers['transfer-encoding'] !== undefined) {
    delete out['content-length'];
    out['transfer-encoding'] = 'chunked';
  }
  return out;
}

/** Passes a request on and relays the answer. `read` is what was already read of its body, all of
 * it when `whole`; otherwise the rest follows from `req`.
 * @param {http.IncomingMessage} req @param {http.ServerResponse} res @param {Buffer[]} read @param {boolean} whole */
function passThrough(req, res, read, whole) {
  const body = whole ? Buffer.concat(read) : undefined;
  /** @type {() => void} */
  let settle = () => undefined;
  track(new Promise((resolve) => (settle = () => resolve(undefined))));
  res.on('close', () => settle());
  const upstream = http.request(
    { socketPath: options.upstream, agent, method: req.method, path: req.url, headers: upstreamHeaders(req.headers, req.socket.remoteAddress, body?.length) },
    (answer) => {
      closeAfter(res);
      res.writeHead(answer.statusCode ?? 502, answer.statusMessage, withoutHopByHop(answer.headers));
      // Server-sent events (the playground) go out as they come, and stopping does not wait for them.
      if (String(answer.headers['content-type']).startsWith('text/event-stream')) {
        res.flushHeaders();
        settle();
      }
      answer.pipe(res);
      // An answer cut off half way is cut off for the browser too, not left hanging.
      answer.on('close', () => {
        if (!answer.complete) res.destroy();
      });
    },
  );
  upstream.on('error', (error) => {
    log('error', 'front door: the service did not answer a request passed on', { path: req.url?.split('?')[0], err: error.message });
    if (!res.headersSent) {
      closeAfter(res);
      res.writeHead(502, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ error: 'service_unavailable' }));
    } else res.destroy();
  });
  // The browser went away (an event stream closed, a request cut off): so does the request to the service.
  res.on('close', () => {
    if (!res.writableFinished) upstream.destroy();
  });
  req.on('close', () => {
    if (!req.complete) {
      upstream.destroy();
      settle();
    }
  });
  if (body) {
    upstream.end(body);
    return;
  }
  for (const chunk of read) upstream.write(chunk);
  req.pipe(upstream);
}

/** Hands an answered request to the service over HTTP; its answer (the same ack) goes nowhere. @param {http.IncomingMessage} req @param {Buffer} body */
function handOver(req, body) {
  const path = req.url?.split('?')[0];
  const done = new Promise((resolve) => {
    const attempt = (/** @type {number} */ left) => {
      const upstream = http.request(
        { socketPath: options.upstream, agent, method: req.method, path: req.url, headers: upstreamHeaders(req.headers, req.socket.remoteAddress, body.length) },
        (answer) => {
          answer.resume();
          answer.on('close', () => resolve(undefined));
          if ((answer.statusCode ?? 500) >= 300) log('warn', 'front door: the service refused a request already acknowledged', { path, status: answer.statusCode });
        },
      );
      upstream.on('error', (error) => {
        if (left > 0) setTimeout(() => attempt(left - 1), 50);
        else {
          log('error', 'front door: a request already acknowledged could not be handed to the service', { path, err: error.message });
          resolve(undefined);
        }
      });
      upstream.end(body);
    };
    attempt(3);
  });
  track(done);
}

/** Set once stopping begins: from then on nothing is answered here, only passed on (the service is
 * still up), so that nothing the door said yes to is cut off by the close. */
let closing = false;

/** Stopping: an answer written from now on, to a request that came before or after the stop
 * began, closes its connection after it and says so (`Connection: close`), so that the client does
 * not send another request on a connection about to close. @param {http.ServerResponse} res */
function closeAfter(res) {
  if (closing) res.setHeader('connection', 'close');
}

const server = http.createServer((req, res) => {
  const path = req.url?.split('?')[0];
  const answerer = req.method === 'POST' && !closing ? answerers.find((a) => a.path === path) : undefined;
  if (!answerer) return passThrough(req, res, [], false);
  // Read the body (up to the limit the service would take), then decide.
  /** @type {Buffer[]} */
  const chunks = [];
  let size = 0;
  const onData = (/** @type {Buffer} */ chunk) => {
    chunks.push(chunk);
    size += chunk.length;
    if (size > options.bodyLimit) {
      // Too large to answer here: the service refuses it, as it would have.
      req.off('data', onData);
      req.off('end', onEnd);
      passThrough(req, res, chunks, false);
    }
  };
  const onEnd = () => {
    const body = Buffer.concat(chunks);
    let answer;
    try {
      answer = answerer.answer({ method: req.method, headers: req.headers, body }, answerer.options);
    } catch (error) {
      log('error', 'front door: could not read a request; passing it on', { path, err: error instanceof Error ? error.message : String(error) });
    }
    if (!answer) return passThrough(req, res, [body], true);
    closeAfter(res);
    res.writeHead(answer.status);
    res.end();
    // To the service's thread as a message, with the body as read here, where it takes them so
    // (no second HTTP request, parse and signature check for it); otherwise over HTTP as it came.
    // The headers go as they would over HTTP: hop-by-hop ones and a client's x-quorum-peer dropped.
    if (answerer.byMessage && answer.body !== undefined) {
      try {
        port.postMessage({ type: 'handover', path, headers: withoutHopByHop(req.headers), body: answer.body });
        return;
      } catch (error) {
        // A body that cannot be sent as a message (none of Slack's): over HTTP instead, never lost.
        log('error', 'front door: could not hand a request over as a message; passing it over HTTP', { path, err: error instanceof Error ? error.message : String(error) });
      }
    }
    handOver(req, body);
  };
  // Counted from its arrival, so that stopping waits for a request whose body is still coming (or
  // until it is cut off).
  track(
    new Promise((resolve) => {
      res.on('close', () => resolve(undefined));
      req.on('close', () => !req.complete && resolve(undefined));
    }),
  );
  req.on('data', onData);
  req.on('end', onEnd);
  req.on('error', () => res.destroy());
});

let listening = false;
server.on('error', (error) => {
  const e = /** @type {NodeJS.ErrnoException} */ (error);
  // After it listened (a refused accept, out of file descriptors): the server goes on listening.
  if (listening) log('error', 'front door: the server reported an error', { code: e.code, err: e.message });
  // Before: it could not listen, and front-door.ts says why as listen() would.
  else port.postMessage({ type: 'failed', error: { message: e.message, code: e.code, syscall: e.syscall, address: /** @type {{ address?: string }} */ (e).address, port: /** @type {{ port?: number }} */ (e).port } });
});
server.listen(options.port, options.host, () => {
  listening = true;
  const address = server.address();
  port.postMessage({ type: 'listening', port: typeof address === 'object' && address ? address.port : options.port });
});

port.on('message', (/** @type {{ type: string }} */ message) => {
  // Stopping with the playground on: the requests in progress finish while the door still takes
  // connections, for what they send on to this same port (the playground's Bot Connector).
  if (message.type === 'drain') {
    void allSettled().then(() => port.postMessage({ type: 'drained' }));
    return;
  }
  if (message.type !== 'close') return;
  closing = true;
  server.close();
  server.closeIdleConnections();
  // Connections busy now close once their answer is sent (the header set above), or here when idle.
  server.on('request', (_req, res) => res.on('finish', () => server.closeIdleConnections()));
  // What was acknowledged here reaches the service, and what was passed on gets its answer, before
  // the service stops; then every connection closes (event streams). Waited for until none is left
  // (one may start while others finish); front-door.ts bounds the wait.
  void allSettled().then(() => {
    server.closeAllConnections();
    agent.destroy();
    port.postMessage({ type: 'closed' });
  });
});
