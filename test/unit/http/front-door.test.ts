// The HTTP front door itself (src/http/front-door.ts and its worker), in front of a small express
// app standing for the service, with an early answerer standing for Slack's: what it answers itself
// is handed to the service; everything else passes through with its status, headers and body; the
// browser's address reaches the service and a client cannot forge it; stopping waits for what is
// in flight.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { once } from 'node:events';
import { connect, createServer } from 'node:net';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { openFrontDoor, peerAddress, type FrontDoor, type HandedOver } from '../../../src/http/front-door.ts';
import { createLogger } from '../../../src/logger.ts';

let folder: string;
let door: FrontDoor;
let base: string;
const received: { path: string; body: string }[] = [];
/** The address the service was told for each request it received. */
const peers: (string | undefined)[] = [];
let releaseSlow: () => void = () => undefined;
/** The app standing for the service. */
let app: express.Express;

beforeAll(async () => {
  folder = await mkdtemp(path.join(tmpdir(), 'front-door-test-'));
  // Answers POST /early itself when the body starts "ack me"; anything else goes to the service.
  const answerer = path.join(folder, 'answerer.mjs');
  await writeFile(answerer, `export function earlyAnswer(request, options) { return request.body.toString().startsWith(options.word) ? { status: 200 } : undefined; }\n`);
  app = express();
  app.use((req, _res, next) => {
    peers.push(peerAddress(req));
    next();
  });
  app.use(express.text({ type: '*/*', limit: '10mb' }));
  app.post('/early', (req, res) => {
    received.push({ path: '/early', body: String(req.body) });
    res.status(200).send('the service answered');
  });
  app.get('/peer', (req, res) => {
    res.json({ peer: peerAddress(req) ?? null });
  });
  app.post('/echo', (req, res) => {
    res.status(201).set('x-echo', 'yes').send(`got ${String(req.body).length} characters`);
  });
  app.get('/slow', (_req, res) => {
    new Promise<void>((resolve) => (releaseSlow = resolve)).then(() => res.send('finally'), () => undefined);
  });
  door = await openFrontDoor({ app, host: '0.0.0.0', port: 0, early: [{ path: '/early', module: pathToFileURL(answerer).href, options: { word: 'ack me' } }], logger: createLogger({ level: 'silent' }) });
  base = `http://127.0.0.1:${door.port}`;
});
afterAll(async () => {
  await door?.close();
  await rm(folder, { recursive: true, force: true });
});

describe('the front door', () => {
  it('answers itself what the answerer accepts, with an empty 200, and hands it to the service', async () => {
    const res = await fetch(`${base}/early`, { method: 'POST', body: 'ack me' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    await expect.poll(() => received.filter((r) => r.body === 'ack me')).toHaveLength(1);
  });

  it('passes on what the answerer does not accept, and relays the service\u2019s answer', async () => {
    const res = await fetch(`${base}/early`, { method: 'POST', body: 'something else' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('the service answered');
  });

  it('passes everything else through, status, headers and body, a large body included', async () => {
    const big = 'x'.repeat(5 * 1024 * 1024);
    const res = await fetch(`${base}/echo`, { method: 'POST', body: big });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-echo')).toBe('yes');
    expect(await res.text()).toBe(`got ${big.length} characters`);
    expect((await fetch(`${base}/nowhere`)).status).toBe(404);
  });

  it('passes a body over the limit on an answered path to the service whole, unanswered by the door', async () => {
    const big = `ack me${'y'.repeat(4 * 1024 * 1024 + 10)}`;
    const res = await fetch(`${base}/early`, { method: 'POST', body: big });
    expect(await res.text()).toBe('the service answered');
    expect(received.at(-1)?.body.length).toBe(big.length);
  });

  it('tells the service the browser\u2019s address, and a client cannot forge it', async () => {
    const forged = { 'x-quorum-peer': '203.0.113.7' };
    expect(await (await fetch(`${base}/peer`, { headers: forged })).json()).toEqual({ peer: '127.0.0.1' });
    // From another address than the one it claims (127.0.0.2, loopback too, so on every machine): not believed.
    const told = await new Promise<string>((resolve, reject) => {
      get({ host: '127.0.0.1', port: door.port, path: '/peer', localAddress: '127.0.0.2', headers: { 'x-quorum-peer': '127.0.0.1' } }, (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve(text));
      }).on('error', reject);
    });
    expect(JSON.parse(told)).toEqual({ peer: '127.0.0.2' });
  });

  it('frames a body on a GET or a DELETE, chunked or with a length the Connection header names, so that no second request can be smuggled behind it with a forged address', async () => {
    for (const method of ['GET', 'DELETE']) {
      const smuggled = 'GET /peer HTTP/1.1\r\nHost: x\r\nx-quorum-peer: 203.0.113.9\r\n\r\n';
      const chunk = `${smuggled.length.toString(16)}\r\n${smuggled}\r\n0\r\n\r\n`;
      const socket = connect(door.port, '127.0.0.1');
      await once(socket, 'connect');
      socket.write(`${method} /peer HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n${chunk}`);
      let answer = '';
      socket.on('data', (data: Buffer) => (answer += data.toString()));
      await once(socket, 'close');
      expect(answer).toMatch(/^HTTP\/1\.1 (200|404)/);
      // The same with a length, and a Connection header naming it (a hop-by-hop header, were it dropped).
      const framed = connect(door.port, '127.0.0.1');
      await once(framed, 'connect');
      framed.write(`${method} /peer HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Length: ${smuggled.length}\r\nConnection: close, content-length\r\n\r\n${smuggled}`);
      framed.resume();
      await once(framed, 'close');
    }
    // Another request on the door's connections to the service, then what the service was told.
    await fetch(`${base}/peer`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(peers).not.toContain('203.0.113.9');
  });

  it('opens again on its port when its thread ends unasked, and the service is reached as before', async () => {
    const before = door.currentThread();
    await before.terminate();
    await expect.poll(async () => (await fetch(`${base}/peer`).catch(() => undefined))?.status, { timeout: 10_000, interval: 100 }).toBe(200);
    expect(door.currentThread()).not.toBe(before);
    const res = await fetch(`${base}/early`, { method: 'POST', body: 'ack me again' });
    expect(res.status).toBe(200);
    await expect.poll(() => received.some((r) => r.body === 'ack me again')).toBe(true);
  });

  it('hands what it answered to a service that takes them as messages, with the body as read there and never over HTTP, all before it says it is closed', async () => {
    const answerer = path.join(folder, 'answerer-with-body.mjs');
    await writeFile(answerer, `export function earlyAnswer(request) { const text = request.body.toString(); return text.startsWith('ack me') ? { status: 200, body: { text } } : undefined; }\n`);
    const messages: HandedOver[] = [];
    const second = await openFrontDoor({ app, host: '127.0.0.1', port: 0, early: [{ path: '/early', module: pathToFileURL(answerer).href, options: {}, byMessage: true }], logger: createLogger({ level: 'silent' }), handOver: (request) => messages.push(request) });
    const before = received.length;
    const count = 20;
    const answers = await Promise.all(
      Array.from({ length: count }, (_, i) => fetch(`http://127.0.0.1:${second.port}/early`, { method: 'POST', headers: { 'x-request-n': String(i), 'x-quorum-peer': '203.0.113.9' }, body: `ack me ${i}` }).then(async (r) => [r.status, await r.text()])),
    );
    expect(answers).toEqual(Array.from({ length: count }, () => [200, '']));
    await second.close();
    // Every one arrived as a message before the close finished: none is left for a stop to lose.
    expect(messages.map((m) => (m.body as { text: string }).text).sort()).toEqual(Array.from({ length: count }, (_, i) => `ack me ${i}`).sort());
    expect(messages.every((m) => m.path === '/early' && m.headers['x-request-n'] === (m.body as { text: string }).text.slice('ack me '.length))).toBe(true);
    // The headers as they would go over HTTP: a client's own x-quorum-peer is not passed on.
    expect(messages.some((m) => 'x-quorum-peer' in m.headers)).toBe(false);
    // And none came over HTTP as well.
    expect(received.length).toBe(before);
  });

  it('opened again, still hands what it answered over as messages, none over HTTP', async () => {
    const answerer = path.join(folder, 'answerer-reopened.mjs');
    await writeFile(answerer, `export function earlyAnswer(request) { const text = request.body.toString(); return text.startsWith('ack me') ? { status: 200, body: { text } } : undefined; }\n`);
    const messages: HandedOver[] = [];
    const second = await openFrontDoor({ app, host: '127.0.0.1', port: 0, early: [{ path: '/early', module: pathToFileURL(answerer).href, options: {}, byMessage: true }], logger: createLogger({ level: 'silent' }), handOver: (request) => messages.push(request), reopen: { attempts: 5, maxWaitMs: 100 } });
    try {
      const before = second.currentThread();
      await before.terminate();
      await expect.poll(() => second.currentThread() !== before, { timeout: 10_000, interval: 50 }).toBe(true);
      const fromHttp = received.length;
      const res = await fetch(`http://127.0.0.1:${second.port}/early`, { method: 'POST', body: 'ack me after the reopen' });
      expect([res.status, await res.text()]).toEqual([200, '']);
      await expect.poll(() => messages.map((m) => (m.body as { text: string }).text)).toEqual(['ack me after the reopen']);
      expect(received.length).toBe(fromHttp);
    } finally {
      await second.close();
    }
  });

  it('stops opening again the moment it is closed: the wait before the next try is not waited out, and no door opens after', async () => {
    // The wait between tries on a clock that does not move: a close that waited it out would never end.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    const logs: string[] = [];
    const logger = createLogger({ level: 'info', destination: { write: (line: string) => logs.push(line) } });
    let lost = false;
    let second: FrontDoor | undefined;
    try {
      const opened = await openFrontDoor({ app: express(), host: '127.0.0.1', port: 0, early: [], logger, reopen: { attempts: 20, maxWaitMs: 60_000 }, onLost: () => (lost = true) });
      second = opened;
      const before = opened.currentThread();
      await before.terminate();
      // Its owner has seen it go, and it is waiting to try again.
      for (let i = 0; i < 100 && !logs.some((line) => line.includes('opening it again')); i++) await new Promise((resolve) => setImmediate(resolve));
      expect(logs.some((line) => line.includes('opening it again'))).toBe(true);
      await opened.close();
      expect(opened.currentThread()).toBe(before);
      expect(logs.some((line) => line.includes('open again'))).toBe(false);
      expect(lost).toBe(false);
      const refused = await new Promise<string>((resolve) => {
        const socket = connect(opened.port, '127.0.0.1');
        socket.once('connect', () => {
          socket.destroy();
          resolve('connected');
        });
        socket.once('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? 'error'));
      });
      expect(refused).toBe('ECONNREFUSED');
    } finally {
      // Real timers first: a close that hung on the fake clock (the failure this test is for) ends
      // once the timers are real again, and later files in this worker get real timers whatever happened.
      vi.useRealTimers();
      await second?.close();
    }
  });

  it('gives up opening again when its port is taken meanwhile, and says so to its owner', async () => {
    let lost: unknown;
    const second = await openFrontDoor({ app: express(), host: '127.0.0.1', port: 0, early: [], logger: createLogger({ level: 'silent' }), reopen: { attempts: 2, maxWaitMs: 50 }, onLost: (error) => (lost = error ?? 'lost') });
    try {
      await second.currentThread().terminate();
      const squatter = createServer().listen(second.port, '127.0.0.1');
      await once(squatter, 'listening');
      try {
        await expect.poll(() => lost, { timeout: 5_000 }).toMatchObject({ code: 'EADDRINUSE' });
      } finally {
        squatter.close();
      }
    } finally {
      await second.close();
    }
  });

  it('drains: waits until no request is in progress, taking new ones meanwhile, and stays open', async () => {
    const slow = fetch(`${base}/slow`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    let drained = false;
    const draining = door.drain().then(() => (drained = true));
    // A request that comes while it drains is answered (the playground's connector is reached so).
    expect(await (await fetch(`${base}/peer`)).json()).toEqual({ peer: '127.0.0.1' });
    expect(drained).toBe(false);
    releaseSlow();
    expect(await slow).toBe('finally');
    // Done once nothing is in progress, not at its 10 s limit.
    await vi.waitFor(() => expect(drained).toBe(true), { timeout: 3_000 });
    await draining;
    expect(await (await fetch(`${base}/peer`)).json()).toEqual({ peer: '127.0.0.1' });
  });

  it('drains no longer than its thread lives: one that ends meanwhile ends the wait, and the door opens again', async () => {
    const slow = fetch(`${base}/slow`).then(
      (r) => r.text(),
      () => 'cut off',
    );
    await new Promise((resolve) => setTimeout(resolve, 100));
    let drained = false;
    const draining = door.drain().then(() => (drained = true));
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(drained).toBe(false);
    await door.currentThread().terminate();
    await vi.waitFor(() => expect(drained).toBe(true), { timeout: 3_000 });
    await draining;
    releaseSlow();
    expect(await slow).toBe('cut off');
    await vi.waitFor(async () => expect(await (await fetch(`${base}/peer`)).json()).toEqual({ peer: '127.0.0.1' }), { timeout: 10_000 });
  });

  it('on closing, lets a request already passed on get its answer before the door closes', async () => {
    const slow = fetch(`${base}/slow`).then((r) => r.text());
    await new Promise((resolve) => setTimeout(resolve, 100));
    const closing = door.closeDoor();
    await new Promise((resolve) => setTimeout(resolve, 100));
    releaseSlow();
    expect(await slow).toBe('finally');
    await closing;
    await expect(fetch(`${base}/peer`)).rejects.toThrow();
  });
});

describe('closing the door with connections kept alive', () => {
  /** A raw HTTP/1.1 connection (kept alive, as browsers and Slack's senders keep theirs) and what it has received. */
  async function connection(port: number) {
    const socket = connect(port, '127.0.0.1');
    await once(socket, 'connect');
    let received = '';
    socket.on('data', (chunk: Buffer) => (received += chunk.toString()));
    const closed = once(socket, 'close');
    return { socket, closed, received: () => received };
  }

  it('closes an idle kept-alive connection at once, and a busy one after its answer, which says so', async () => {
    const own = await openFrontDoor({ app, host: '127.0.0.1', port: 0, early: [], logger: createLogger({ level: 'silent' }) });
    const idle = await connection(own.port);
    const busy = await connection(own.port);
    try {
      idle.socket.write('GET /peer HTTP/1.1\r\nHost: quorum.test\r\n\r\n');
      await vi.waitFor(() => expect(idle.received()).toContain('"peer"'), { timeout: 5_000 });
      expect(idle.received().toLowerCase()).toContain('connection: keep-alive');
      const heldBefore = releaseSlow;
      busy.socket.write('GET /slow HTTP/1.1\r\nHost: quorum.test\r\n\r\n');
      // The slow request has reached the service (which holds it) before the door begins to close.
      await vi.waitFor(() => expect(releaseSlow).not.toBe(heldBefore), { timeout: 5_000 });
      const closing = own.closeDoor();
      // The idle one closes while the busy one still waits for its answer (Node's server.close()
      // closes idle connections; were it left open, this would wait until the test's timeout).
      await idle.closed;
      expect(busy.received()).toBe('');
      releaseSlow();
      await busy.closed;
      expect(busy.received()).toContain('finally');
      // Told so, the client does not send its next request on a connection about to close.
      expect(busy.received().toLowerCase()).toContain('connection: close');
      expect(busy.received().toLowerCase()).not.toContain('connection: keep-alive');
      await closing;
    } finally {
      idle.socket.destroy();
      busy.socket.destroy();
      await own.close();
    }
  });
});
