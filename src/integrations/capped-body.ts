// Size caps on answers from other people's servers, enforced while the bytes arrive: nothing is
// buffered beyond the cap, so an endless or decompression-bomb answer costs at most the cap.
import type { Readable } from 'node:stream';
import { AppError, ErrorCode } from '../errors.ts';

const megabytes = (bytes: number): string => `${Math.round(bytes / 100_000) / 10} MB`;

export const tooLargeError = (source: string, maxBytes: number): AppError =>
  new AppError(ErrorCode.IMPORT_TOO_LARGE, `${source} sent more than ${megabytes(maxBytes)}, far more than was asked for, so Quorum stopped reading it.`);

export interface CappedStreamOptions {
  maxBytes: number;
  /** Who is sending, for the message: "democracy.example.gov.uk". */
  source: string;
  /** Called once when the stream ends, fails or is cancelled (to release a timer). */
  onSettled: () => void;
}

/**
 * A web stream over a Node stream that fails with IMPORT_TOO_LARGE, and destroys the source,
 * as soon as more than maxBytes have come through. It reads only when its reader asks (no
 * read-ahead beyond the Node stream's own small buffer).
 */
export function cappedWebStream(source: Readable, options: CappedStreamOptions): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
  let received = 0;
  let settled = false;
  const settle = (): void => {
    if (settled) return;
    settled = true;
    options.onSettled();
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        let next: IteratorResult<Buffer>;
        try {
          next = await chunks.next();
        } catch (error) {
          settle();
          throw error;
        }
        if (next.done) {
          settle();
          controller.close();
          return;
        }
        received += next.value.byteLength;
        if (received > options.maxBytes) {
          const error = tooLargeError(options.source, options.maxBytes);
          source.destroy(error);
          settle();
          throw error;
        }
        controller.enqueue(new Uint8Array(next.value.buffer, next.value.byteOffset, next.value.byteLength));
      },
      cancel(reason) {
        source.destroy(reason instanceof Error ? reason : undefined);
        settle();
      },
    },
    { highWaterMark: 0 },
  );
}

/**
 * Reads a response's body as bytes, stopping (and cancelling the rest) once more than maxBytes
 * have arrived: undefined then. The bytes are counted as they come; a declared length is not trusted.
 */
export async function readBytesWithin(response: Response, maxBytes: number): Promise<Buffer | undefined> {
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Buffer[] = [];
  let received = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    received += value.byteLength;
    if (received > maxBytes) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    chunks.push(Buffer.from(value));
  }
  return Buffer.concat(chunks);
}

/**
 * Reads a response's body as UTF-8 text (as Response.text() does), refusing with
 * IMPORT_TOO_LARGE once more than maxBytes have arrived instead of buffering the rest first.
 * Works on any Response, whoever fetched it.
 */
export async function readTextWithin(response: Response, options: { maxBytes: number; source: string }): Promise<string> {
  if (!response.body) return '';
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > options.maxBytes) {
    await response.body.cancel().catch(() => undefined);
    throw tooLargeError(options.source, options.maxBytes);
  }
  const bytes = await readBytesWithin(response, options.maxBytes);
  if (!bytes) throw tooLargeError(options.source, options.maxBytes);
  return new TextDecoder('utf-8').decode(bytes);
}
