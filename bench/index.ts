// `npm run bench [-- part...]`: ack (ack latency under a burst against bare Bolt), fanout (pacing
// against the fake Slack's enforced limits), memory (RSS against bare Bolt), dashboard (rendering
// the quarterly dashboard against a click's 3 s); bench/dispatcher.ts alone: outbox throughput.
// Every part runs alone; with no part named, all run. Figures are printed, each with its reference
// from the same run; nothing here asserts a timing.
import { ackBench } from './ack.ts';
import { DRILLS, drillsBench } from './drills.ts';
import { fanoutBench } from './fanout.ts';
import { dashboardBench } from './returns-dashboard.ts';
import { memoryBench } from './memory.ts';
import { print } from './report.ts';

const PARTS: Record<string, () => Promise<void>> = { ack: ackBench, fanout: fanoutBench, memory: memoryBench, dashboard: () => dashboardBench() };
// Fault drills (bench/drills.ts): run when named, `drills` for all or `drill:<name>` for one; not
// part of the default run (they take minutes, and are pass/fail rather than figures).
const NAMED_ONLY: Record<string, () => Promise<void>> = { drills: () => drillsBench(), ...Object.fromEntries(Object.keys(DRILLS).map((d) => [`drill:${d}`, () => drillsBench([d])])) };
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !PARTS[a] && !NAMED_ONLY[a]);
if (unknown.length > 0) {
  print(`unknown part(s): ${unknown.join(', ')}; parts: ${[...Object.keys(PARTS), ...Object.keys(NAMED_ONLY)].join(', ')} (the outbox throughput bench is bench/dispatcher.ts)`);
  process.exit(2);
}
print(`machine: ${process.platform}, Node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const part of asked.length > 0 ? asked : Object.keys(PARTS)) {
  const started = performance.now();
  await ((PARTS[part] ?? NAMED_ONLY[part]) as () => Promise<void>)();
  print(`(${part}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
process.exit(process.exitCode ?? 0);
