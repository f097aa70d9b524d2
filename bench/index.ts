// `npm run bench [-- part...]`: ack (ack latency under a burst against bare Bolt), fanout (pacing
// against the fake Slack's enforced limits), memory (RSS against bare Bolt), dispatcher (outbox
// throughput). Every part runs alone; with no part named, all run. Figures are printed, each with
// its reference from the same run; nothing here asserts a timing.
import { ackBench } from './ack.ts';
import { fanoutBench } from './fanout.ts';
import { memoryBench } from './memory.ts';
import { print } from './report.ts';

const PARTS: Record<string, () => Promise<void>> = { ack: ackBench, fanout: fanoutBench, memory: memoryBench };
const asked = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = asked.filter((a) => !PARTS[a]);
if (unknown.length > 0) {
  print(`unknown part(s): ${unknown.join(', ')}; parts: ${Object.keys(PARTS).join(', ')} (the outbox throughput bench is bench/dispatcher.ts)`);
  process.exit(2);
}
print(`machine: ${process.platform}, Node ${process.version}, load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')}`);
for (const part of asked.length > 0 ? asked : Object.keys(PARTS)) {
  const started = performance.now();
  await (PARTS[part] as () => Promise<void>)();
  print(`(${part}: ${((performance.now() - started) / 1000).toFixed(0)} s)\n`);
}
process.exit(0);
