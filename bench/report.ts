// What the benchmarks share: printing (progress and figures go to stdout as they come), percentiles
// and ratios to a reference measured in the same run.

export function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** "2.31x", or "n/a" when the reference is not a positive number. */
export function ratio(value: number, reference: number): string {
  return reference > 0 && Number.isFinite(value) ? `${(value / reference).toFixed(2)}x` : 'n/a';
}

/** The CPU time (user and system, ms) in a Linux /proc/<pid>/stat or /proc/<pid>/task/<tid>/stat
 * line: its 14th and 15th fields, in clock ticks of 100 a second. */
export function statCpuMs(stat: string): number {
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) * 10;
}
