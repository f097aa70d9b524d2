// Downloading a file a person uploaded to the bot, never reading more than a cap: the platform's
// word on its size is not trusted, the bytes are counted as they come.
import { readBytesWithin } from '../integrations/capped-body.ts';
import { DirectoryUnavailable, type SharedFile } from './port.ts';

const cannotDownload = (platform: string) => new DirectoryUnavailable('failed', `${platform} did not give me the file. Please send it again in a moment.`);

/** The file's bytes, or `{ ok: false }` once more than `maxBytes` have come (the rest is not read).
 * A page (text/html) where a file was expected is the platform's sign-in page: not the file. */
export async function downloadCapped(options: { url: string; headers?: Record<string, string>; name: string; maxBytes: number; platform: string }): Promise<SharedFile> {
  let answer: Response;
  try {
    answer = await fetch(options.url, { headers: options.headers ?? {}, redirect: 'manual', signal: AbortSignal.timeout(15_000) });
  } catch {
    throw cannotDownload(options.platform);
  }
  if (!answer.ok || !answer.body || (answer.headers.get('content-type') ?? '').startsWith('text/html')) {
    await answer.body?.cancel().catch(() => undefined);
    throw cannotDownload(options.platform);
  }
  const bytes = await readBytesWithin(answer, options.maxBytes);
  return bytes ? { ok: true, name: options.name, bytes } : { ok: false, name: options.name };
}
