// Importing a meeting from ModernGov, the system many councils publish their committees with.
//
// README. Every ModernGov site answers a public web service, mgWebService.asmx, which takes plain
// HTTP GET as well as SOAP: `${baseUrl}/mgWebService.asmx/GetMeeting?lMeetingId=<id>` returns the
// meeting as XML, with its agenda items, their linked documents and restricted flags, and its
// attendees (format: see parse-moderngov-meeting.ts). The meeting id is the "MId=" number in a
// meeting's web address (ieListDocuments.aspx?CId=…&MId=…). ModernGov publishes no schema; the
// element names here are those of real answers kept by public projects (Manchester's Audit
// Committee in DemocracyClub/LGSF's test fixtures, Gloucester's Cabinet in Gloucester City
// Council's GCC-MCP-Pilot samples; the import is tested on both, see test/fixtures/agendas/README.md)
// and read by other public clients (scripts reading Lambeth, Devon and Southwark), and the parser
// accepts variations. Known quirks: dates come as dd/mm/yyyy; the number the public sees is
// fulldisplaynumberformat, not agendaitemnumber; document links are absolute, relative
// (mgConvert2PDF.aspx?ID=…) or http://; titles are escaped twice ("&amp;#39;"); many councils put
// a web application firewall in front that answers 403 to programs.
import { AppError, ErrorCode, isAppError } from '../../errors.ts';
import { readTextWithin } from '../capped-body.ts';
import { parseModernGovMeeting, type ModernGovMeetingImport } from './parse-moderngov-meeting.ts';

export interface FetchModernGovMeetingOptions {
  /** The council's ModernGov site, e.g. "https://democracy.barnet.gov.uk". */
  baseUrl: string;
  /** The meeting's id on that site (the "MId=" number). */
  meetingId: number;
  fetch?: typeof fetch;
  /** Give up after this long; 20 seconds by default (some councils' servers are slow). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 20_000;
const MAX_BYTES = 10_000_000;

const fail = (message: string): AppError => new AppError(ErrorCode.IMPORT_FAILED, message);

/**
 * The site's address, checked: http or https, no user name or password in it, no query. A
 * trailing "/", "/mgWebService.asmx" or a page name ("/mgCommitteeDetails.aspx") is dropped,
 * so a clerk can paste any page of the site.
 */
export function normaliseModernGovBaseUrl(baseUrl: string): URL {
  let url: URL;
  try {
    url = new URL(baseUrl.trim());
  } catch {
    throw fail(`"${baseUrl}" is not a web address. Give the council's ModernGov address, e.g. https://democracy.barnet.gov.uk`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw fail(`The ModernGov address must start with https:// or http://, not ${url.protocol}//.`);
  }
  if (url.username || url.password) {
    throw fail('The ModernGov address must not contain a user name or password: ModernGov\u2019s web service is public.');
  }
  const path = url.pathname.replace(/\/mgWebService\.asmx(\/.*)?$/i, '').replace(/\/[^/]+\.(aspx|asmx|htm|html)$/i, '').replace(/\/+$/, '');
  return new URL(`${url.protocol}//${url.host}${path}`);
}

function checkMeetingId(meetingId: number): void {
  if (!Number.isSafeInteger(meetingId) || meetingId <= 0) {
    throw fail(`The ModernGov meeting id must be a positive whole number (the number after "MId=" in the meeting's address), not ${String(meetingId)}.`);
  }
}

const describeCause = (error: unknown): string => {
  const cause = (error as { cause?: { code?: unknown; message?: unknown } }).cause;
  if (typeof cause?.code === 'string') return cause.code;
  if (typeof cause?.message === 'string') return cause.message;
  return error instanceof Error ? error.message : String(error);
};

/** Fetches a meeting from a ModernGov site and reads it. Every failure is an AppError naming the address. */
export async function fetchModernGovMeeting(options: FetchModernGovMeetingOptions): Promise<ModernGovMeetingImport> {
  const base = normaliseModernGovBaseUrl(options.baseUrl);
  checkMeetingId(options.meetingId);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (!Number.isFinite(timeoutMs) || timeoutMs <= 0) throw fail('The ModernGov time limit must be a positive number of milliseconds.');
  const baseText = base.toString().replace(/\/$/, '');
  const url = `${baseText}/mgWebService.asmx/GetMeeting?lMeetingId=${options.meetingId}`;
  const doFetch = options.fetch ?? fetch;

  let response: Response;
  try {
    response = await doFetch(url, { method: 'GET', headers: { accept: 'text/xml, application/xml' }, signal: AbortSignal.timeout(timeoutMs) });
  } catch (error) {
    if (isAppError(error)) throw error; // the fetch's own refusal (a private address, a redirect, a time limit)
    const name = (error as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw fail(`The ModernGov server at ${base.host} did not answer within ${Math.round(timeoutMs / 100) / 10} seconds (${url}). Try again later.`);
    }
    throw fail(`Could not reach the ModernGov server at ${base.host} (${describeCause(error)}). Check the address: ${baseText}`);
  }

  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status === 404) {
      throw fail(`${baseText} has no ModernGov web service (HTTP 404 for ${url}). Check this is the council's ModernGov address, e.g. https://democracy.barnet.gov.uk`);
    }
    if (response.status === 401 || response.status === 403) {
      throw fail(`The ModernGov server at ${base.host} refused the request (HTTP ${response.status}). Some councils block programs from their web service; ask the council's democratic services team.`);
    }
    if (response.status >= 500) {
      throw fail(`The ModernGov server at ${base.host} failed on meeting ${options.meetingId} (HTTP ${response.status}): the meeting may not exist, or the server has a problem. Check the meeting id and try again later.`);
    }
    throw fail(`The ModernGov server at ${base.host} answered HTTP ${response.status} for meeting ${options.meetingId} (${url}).`);
  }

  let body: string;
  try {
    body = await readTextWithin(response, { maxBytes: MAX_BYTES, source: `The ModernGov server at ${base.host}` });
  } catch (error) {
    if (isAppError(error)) throw error; // IMPORT_TOO_LARGE, read while streaming; or the fetch's own refusal
    const name = (error as { name?: unknown }).name;
    if (name === 'TimeoutError' || name === 'AbortError') {
      throw fail(`The ModernGov server at ${base.host} did not finish answering within ${Math.round(timeoutMs / 100) / 10} seconds (${url}).`);
    }
    throw fail(`The answer from the ModernGov server at ${base.host} was cut off (${describeCause(error)}).`);
  }
  return parseModernGovMeeting(body, { baseUrl: baseText, meetingId: options.meetingId, source: base.host });
}
