// Everything written to the console or straight to the process's stdout and stderr while held,
// kept instead of printed: to prove nothing (a library's stack trace, say) escapes the JSON log.
// Hold it before starting the service, so that whatever the service wraps the console with sits
// on top of these recorders, and release it after stopping the service.
import { format } from 'node:util';
import { vi } from 'vitest';

const CONSOLE_METHODS = ['log', 'info', 'warn', 'error', 'debug', 'trace'] as const;

export interface CapturedOutput {
  /** What reached the console or stdout/stderr, one entry per call. */
  lines(): string[];
  clear(): void;
  release(): void;
}

export function captureOutput(): CapturedOutput {
  let lines: string[] = [];
  const spies = [
    ...CONSOLE_METHODS.map((method) =>
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        lines.push(`console.${method}: ${format(...args)}`);
      }),
    ),
    ...(['stdout', 'stderr'] as const).map((stream) =>
      vi.spyOn(process[stream], 'write').mockImplementation((chunk: unknown) => {
        lines.push(`${stream}: ${String(chunk)}`);
        return true;
      }),
    ),
  ];
  return {
    lines: () => [...lines],
    clear: () => void (lines = []),
    release: () => {
      for (const spy of spies) spy.mockRestore();
    },
  };
}
