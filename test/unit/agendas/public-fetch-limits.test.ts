// The import's fetch bounds what a hostile site can cost: a size cap counted while the body
// arrives (after decompression), and one time limit over connecting, the answer's head and the
// whole body. Memory is judged by bytes read, not by the process's size.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError, ErrorCode } from '../../../src/errors.ts';
import { readTextWithin } from '../../../src/integrations/capped-body.ts';
import { fetchModernGovMeeting } from '../../../src/integrations/moderngov/index.ts';
import { createPublicFetchAlsoAllowingForTests } from '../../../src/integrations/public-fetch.ts';
import { startHostileSite, type HostileSite } from '../../support/hostile-site.ts';

let site: HostileSite;
let base: string;
beforeAll(async () => {
  site = await startHostileSite();
  base = `http://127.0.0.1:${site.port}`;
});
afterAll(() => site.close());

const MB = 1_000_000;
const asPublic = (options: Parameters<typeof createPublicFetchAlsoAllowingForTests>[1] = {}) => createPublicFetchAlsoAllowingForTests(['127.0.0.1'], options);

// Waits are generous and upper bounds loose: on a loaded two-core machine a 0.3 s limit can take a
// second or two to be seen. "Gave up" is proved by the coded error (the slow bodies never end); the
// bounds only show it did not wait for something much longer than its limit.
const GAVE_UP_WITHIN_MS = 5_000;
const until = async (condition: () => boolean, ms = 10_000): Promise<void> => {
  const started = Date.now();
  while (!condition() && Date.now() - started < ms) await new Promise((resolve) => setTimeout(resolve, 10));
};

/** Reads a body chunk by chunk, counting, the way a careless caller would read it all. */
async function readCounting(response: Response): Promise<{ bytes: number; error: unknown }> {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  let bytes = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return { bytes, error: undefined };
      bytes += value.byteLength;
    }
  } catch (error) {
    return { bytes, error };
  }
}

describe('size cap', () => {
  it('cuts an endless answer at the cap while it streams, and closes the connection', async () => {
    const response = await asPublic({ maxBytes: 1 * MB })(`${base}/endless`);
    expect(response.status).toBe(200);
    const { bytes, error } = await readCounting(response);
    expect(error).toBeInstanceOf(AppError);
    expect((error as AppError).code).toBe(ErrorCode.IMPORT_TOO_LARGE);
    expect((error as AppError).say).toBe('127.0.0.1 sent more than 1 MB, far more than was asked for, so Quorum stopped reading it.');
    expect(bytes).toBeLessThanOrEqual(1 * MB);
    expect(bytes).toBeGreaterThan(0.9 * MB);
    const record = site.endless.at(-1);
    await until(() => record?.closed === true);
    expect(record?.closed).toBe(true);
    // What the site managed to send is the cap plus the socket buffers, not an unbounded stream.
    const written = record?.written ?? 0;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(record?.written).toBe(written);
  });

  it('Response.text() on the answer fails with the same coded error, not after buffering it all', async () => {
    const response = await asPublic({ maxBytes: 2 * MB })(`${base}/endless`);
    await expect(response.text()).rejects.toMatchObject({ code: ErrorCode.IMPORT_TOO_LARGE });
  });

  it('counts bytes after decompression: a gzip bomb is cut at the cap', async () => {
    const { bytes, error } = await readCounting(await asPublic({ maxBytes: 1 * MB })(`${base}/bomb`));
    expect((error as AppError).code).toBe(ErrorCode.IMPORT_TOO_LARGE);
    expect(bytes).toBeLessThanOrEqual(1 * MB);
  });

  it('decodes an ordinary compressed answer', async () => {
    expect(await (await asPublic()(`${base}/gzip`)).text()).toBe('hello, compressed');
  });

  it('refuses an answer that declares more than the cap before reading it', async () => {
    await expect(asPublic({ maxBytes: 1 * MB })(`${base}/declared-huge`)).rejects.toMatchObject({ code: ErrorCode.IMPORT_TOO_LARGE });
  });

  it('the ModernGov import reads its body within 10 MB, whichever fetch it is given', async () => {
    // Plain fetch here: the cap belongs to the reading, not only to publicFetch.
    const endlessFetch = (async () => fetch(`${base}/endless`)) as typeof fetch;
    const error = await fetchModernGovMeeting({ baseUrl: 'https://democracy.example.gov.uk', meetingId: 1, fetch: endlessFetch }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe(ErrorCode.IMPORT_TOO_LARGE);
    expect((error as AppError).say).toMatch(/^The ModernGov server at democracy\.example\.gov\.uk sent more than 10 MB/);
    const record = site.endless.at(-1);
    await until(() => record?.closed === true);
    expect(record?.closed).toBe(true);
  });

  it('readTextWithin stops reading at the cap and never asks for more', async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>(
      {
        pull(controller) {
          pulled += 1;
          controller.enqueue(new Uint8Array(1_000));
        },
      },
      { highWaterMark: 0 },
    );
    await expect(readTextWithin(new Response(endless), { maxBytes: 10_000, source: 'The site' })).rejects.toMatchObject({ code: ErrorCode.IMPORT_TOO_LARGE });
    expect(pulled).toBe(11);
  });

  it('readTextWithin decodes UTF-8 split across chunks, as Response.text() does', async () => {
    const bytes = new TextEncoder().encode('\uFEFFCaf\u00e9 \u2013 Board');
    const chunks = [bytes.slice(0, 7), bytes.slice(7, 12), bytes.slice(12)];
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(next);
        else controller.close();
      },
    });
    expect(await readTextWithin(new Response(body), { maxBytes: 100, source: 'The site' })).toBe('Caf\u00e9 \u2013 Board');
  });
});

describe('time limit', () => {
  it('covers a body that trickles for ever', async () => {
    const started = Date.now();
    const response = await asPublic({ timeoutMs: 300 })(`${base}/slow-body`);
    const { bytes, error } = await readCounting(response);
    expect((error as AppError).code).toBe(ErrorCode.IMPORT_TIMEOUT);
    expect((error as AppError).say).toBe('127.0.0.1 did not finish answering within 0.3 seconds, so Quorum gave up. Try again later.');
    expect(bytes).toBeGreaterThan(0);
    expect(Date.now() - started).toBeGreaterThanOrEqual(290);
    expect(Date.now() - started).toBeLessThan(GAVE_UP_WITHIN_MS);
  });

  it('covers an answer whose head never comes', async () => {
    const started = Date.now();
    await expect(asPublic({ timeoutMs: 200 })(`${base}/no-answer`)).rejects.toMatchObject({ code: ErrorCode.IMPORT_TIMEOUT });
    expect(Date.now() - started).toBeLessThan(GAVE_UP_WITHIN_MS);
  });

  it('covers a name that takes for ever to resolve', async () => {
    const never = createPublicFetchAlsoAllowingForTests(['127.0.0.1'], { timeoutMs: 200, resolve: () => new Promise<string[]>(() => undefined) });
    await expect(never(`http://slow-dns.example:${site.port}/ok`)).rejects.toMatchObject({ code: ErrorCode.IMPORT_TIMEOUT });
  });

  it('runs over every redirect: the limit is for the whole exchange, not each hop', async () => {
    // Five hops each answered at once, then a body that trickles: still one limit.
    const started = Date.now();
    const response = await asPublic({ timeoutMs: 300 })(`${base}/redirect?times=4&to=/slow-body`);
    await expect(response.text()).rejects.toMatchObject({ code: ErrorCode.IMPORT_TIMEOUT });
    expect(Date.now() - started).toBeLessThan(GAVE_UP_WITHIN_MS);
  });

  it('one limit for the whole exchange, not one per hop: five hops of 0.3 s each, under a 1 s limit, give up', async () => {
    // Each hop alone is well within the limit, so a limit per hop would follow all five and answer
    // 200; together they take at least 1.5 s. Timers never fire early, so this holds however fast
    // or loaded the machine is.
    await expect(asPublic({ timeoutMs: 1_000 })(`${base}/redirect?times=4&delay=300&to=/ok`)).rejects.toMatchObject({ code: ErrorCode.IMPORT_TIMEOUT });
  });

  it("honours the caller's own signal, as fetch does, through the body", async () => {
    const response = await asPublic({ timeoutMs: 10_000 })(`${base}/slow-body`, { signal: AbortSignal.timeout(150) });
    const { error } = await readCounting(response);
    expect((error as Error).name).toBe('TimeoutError');
  });

  it('the ModernGov import gives up on a trickling body', async () => {
    const error = await fetchModernGovMeeting({
      baseUrl: 'https://democracy.example.gov.uk',
      meetingId: 1,
      timeoutMs: 5_000,
      fetch: (async () => asPublic({ timeoutMs: 200 })(`${base}/slow-body`)) as typeof fetch,
    }).catch((e: unknown) => e);
    expect((error as AppError).code).toBe(ErrorCode.IMPORT_TIMEOUT);
  });
});
