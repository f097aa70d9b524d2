// What botbuilder writes to the console while it handles a Teams request, caught and kept for the
// request's own JSON log line instead of going to stdout as raw text.
//
// botbuilder has no logging hook: JwtTokenExtractor writes every token it refuses with
// console.error (the whole error with its stack for an expired token, the PEM of the signing key
// for any other), so 46 refused requests printed 306 lines. The only way to catch those lines is
// to wrap the console's methods. The wrapping is scoped, not global in effect: it changes nothing
// unless the call happens inside captureConsole() (an AsyncLocalStorage context that the Teams
// route opens around one request); every other caller reaches the console untouched. The wrappers
// are installed while at least one Teams adapter runs and removed when the last one stops.
import { AsyncLocalStorage } from 'node:async_hooks';
import { inspect } from 'node:util';

const METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;
type Method = (typeof METHODS)[number];

/** One console call, as one line: which method, and what it said (shortened, secrets masked). */
export interface ConsoleLine {
  method: Method;
  said: string;
}

const scope = new AsyncLocalStorage<(line: ConsoleLine) => void>();
let installed: { users: number; originals: Map<Method, (...args: unknown[]) => void>; wrappers: Map<Method, (...args: unknown[]) => void> } | undefined;

/** Installs the wrappers (once, however many adapters ask); the returned function releases them. */
export function holdConsoleCapture(): () => void {
  if (!installed) {
    const originals = new Map<Method, (...args: unknown[]) => void>();
    const wrappers = new Map<Method, (...args: unknown[]) => void>();
    for (const method of METHODS) {
      // eslint-disable-next-line no-console -- keeping the console's own method, to pass other callers through
      const original = console[method] as (...args: unknown[]) => void;
      const wrapper = (...args: unknown[]) => {
        const sink = scope.getStore();
        if (sink) sink({ method, said: consoleText(args) });
        else original.apply(console, args);
      };
      originals.set(method, original);
      wrappers.set(method, wrapper);
      // eslint-disable-next-line no-console -- see the file's header: scoped to a Teams request
      console[method] = wrapper;
    }
    installed = { users: 0, originals, wrappers };
  }
  installed.users += 1;
  let released = false;
  return () => {
    if (released || !installed) return;
    released = true;
    installed.users -= 1;
    if (installed.users > 0) return;
    for (const method of METHODS) {
      // Only our own wrapper is taken back; a wrapper someone installed since stays theirs.
      // eslint-disable-next-line no-console -- restoring the console's own method
      if (console[method] === installed.wrappers.get(method)) console[method] = installed.originals.get(method) as never;
    }
    installed = undefined;
  };
}

/** Runs `work` with its console output (and that of everything it awaits) handed to `sink`. */
export function captureConsole<T>(sink: (line: ConsoleLine) => void, work: () => Promise<T>): Promise<T> {
  return scope.run(sink, work);
}

const MAX_LINE = 300;

/** The console's arguments as one short line: errors by name and message (no stack), keys and
 * tokens masked, whitespace collapsed. */
export function consoleText(args: unknown[]): string {
  const parts = args.map((arg) => {
    if (arg instanceof Error) return `${arg.name}: ${arg.message}`;
    if (typeof arg === 'string') return arg;
    return inspect(arg, { depth: 2, breakLength: Infinity, maxArrayLength: 10, maxStringLength: MAX_LINE });
  });
  const text = parts
    .join(' ')
    .replace(/-----BEGIN [A-Z ]+-----[\s\S]*?(-----END [A-Z ]+-----|$)/g, '[key]')
    .replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]')
    .replace(/(Bearer|Basic)\s+\S+/gi, '$1 [redacted]')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > MAX_LINE ? `${text.slice(0, MAX_LINE - 1)}…` : text;
}
