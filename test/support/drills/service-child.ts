// The service in a child process, for fault drills that kill it (test/support/drills/service.ts):
// `npm start`'s own main (src/main.ts: configured from the environment, a one-line reason and
// exit 1 when it cannot start, a clean stop on SIGTERM), with the scheduler's cron off and the
// dispatcher's lease shortened when DRILL_LEASE_MS is set (a test cannot wait the default minute
// for the leases of a killed process to run out; the bench keeps the default). JSON log lines on
// stdout, as whenever stdout is not a terminal.
import { main } from '../../../src/main.ts';

// eslint-disable-next-line no-restricted-syntax -- a drill's child process is configured by its environment, as `npm start` is
const leaseMs = Number(process.env.DRILL_LEASE_MS ?? '');
await main({ manualScheduler: true, ...(leaseMs > 0 ? { dispatcher: { leaseMs } } : {}) });
