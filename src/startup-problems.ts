// Start-up failures that have a plain cause and a plain fix: said in one sentence that names what
// to do ("port 3978 is in use: set PORT"), instead of a stack trace. Anything else is logged as it
// is. The configuration's own problems are ConfigErrors, reported before this (src/config.ts).
import type { Config } from './config.ts';
import { FolderLockedError } from './persistence/folder-lock.ts';

interface SystemLikeError {
  code?: unknown;
  syscall?: unknown;
  address?: unknown;
  port?: unknown;
  hostname?: unknown;
  path?: unknown;
  message?: unknown;
  cause?: unknown;
  errors?: unknown;
}

/** The error and the errors it wraps (cause, AggregateError), outermost first. */
function chain(error: unknown): SystemLikeError[] {
  const found: SystemLikeError[] = [];
  const queue: unknown[] = [error];
  while (queue.length > 0 && found.length < 20) {
    const next = queue.shift();
    if (!next || typeof next !== 'object') continue;
    const e = next as SystemLikeError;
    found.push(e);
    queue.push(e.cause);
    if (Array.isArray(e.errors)) queue.push(...e.errors);
  }
  return found;
}

function databaseOf(url: string): { name: string; where: string } {
  try {
    const parsed = new URL(url);
    return { name: decodeURIComponent(parsed.pathname.replace(/^\//, '')) || 'postgres', where: `${parsed.hostname}:${parsed.port || '5432'}` };
  } catch {
    return { name: 'quorum', where: 'the server in DATABASE_URL' };
  }
}

/** One sentence saying what went wrong and what to do, or undefined when the cause is not one of these. */
export function startupProblem(error: unknown, config: Pick<Config, 'port' | 'host' | 'database'>): string | undefined {
  const errors = chain(error);
  const withCode = (...codes: string[]) => errors.find((e) => typeof e.code === 'string' && codes.includes(e.code));
  const listening = errors.find((e) => e.syscall === 'listen');
  if (listening?.code === 'EADDRINUSE') {
    return `port ${config.port} is in use (another Quorum, or another program, listens there): stop it, or set PORT to a free port, e.g. PORT=${config.port + 1} npm start`;
  }
  if (listening?.code === 'EACCES') return `port ${config.port} needs administrator rights on this machine: set PORT to 1024 or above, e.g. PORT=3978`;
  if (listening?.code === 'EADDRNOTAVAIL') return `HOST ${config.host} is not an address of this machine: set HOST to one of its addresses, or leave it unset`;

  if (config.database.kind === 'postgres') {
    const { name, where } = databaseOf(config.database.url);
    if (withCode('3D000')) return `database ${name} does not exist on the PostgreSQL server at ${where}: createdb ${name} (or CREATE DATABASE ${name}), or point DATABASE_URL at one that does`;
    if (withCode('28P01', '28000')) return `the PostgreSQL server at ${where} refused the user name or password in DATABASE_URL: check them`;
    if (withCode('42501')) return `the user in DATABASE_URL may not create tables in database ${name}: grant it (GRANT CREATE ON SCHEMA public TO ...), or use its owner`;
    if (withCode('ECONNREFUSED')) return `no PostgreSQL server answers at ${where}: start it, or correct DATABASE_URL`;
    if (withCode('ENOTFOUND', 'EAI_AGAIN')) return `the host in DATABASE_URL (${where}) cannot be found: correct DATABASE_URL`;
    if (withCode('ETIMEDOUT')) return `the PostgreSQL server at ${where} did not answer in time: check that it runs and that this machine may reach it`;
  } else {
    // Already a sentence saying what to do (src/persistence/folder-lock.ts).
    const locked = errors.find((e) => e instanceof FolderLockedError);
    if (locked) return locked.message;
    const denied = withCode('EACCES', 'EPERM', 'EROFS');
    if (denied && typeof denied.path === 'string') {
      return `Quorum cannot write its database folder ${config.database.dataDir} (${String(denied.code)} on ${denied.path}): set DATA_DIR to a folder it may write, or fix the folder's permissions`;
    }
  }
  return undefined;
}
