/* eslint-disable no-restricted-syntax -- a drill's child process is configured by its environment, as `npm start` is */
// The service in a child process, for fault drills that kill it (test/support/drills/service.ts):
// the real startQuorum, configured from the environment as `npm start` is, with the dispatcher's
// lease shortened when DRILL_LEASE_MS is set (a test cannot wait the default minute for the
// leases of a killed process to run out; the bench keeps the default). JSON log lines on stdout.
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { startQuorum } from '../../../src/main.ts';
import { startupProblem } from '../../../src/startup-problems.ts';

const config = loadConfig(process.env);
const logger = createLogger({ level: config.logLevel, pretty: false });
const leaseMs = Number(process.env.DRILL_LEASE_MS ?? '');
try {
  const running = await startQuorum({ config, logger, manualScheduler: true, ...(leaseMs > 0 ? { dispatcher: { leaseMs } } : {}) });
  process.once('SIGTERM', () => {
    running.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
} catch (error) {
  // As `npm start` says it (src/main.ts).
  const problem = startupProblem(error, config);
  if (problem) logger.fatal(`Quorum could not start: ${problem}`);
  else logger.fatal({ err: error }, 'Quorum could not start');
  process.exit(1);
}
