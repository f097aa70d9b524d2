// npm run demo:reset: puts the playground's demo board back as it was on first start, removing
// every board set up in the playground since (boards on Slack or Teams are left alone). When
// Quorum is running on this machine (PORT), the running service does it, as the playground's
// "Reset the demo" button does: only one process may open the embedded database's folder.
// Otherwise the database is opened here.
import { ConfigError, loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/persistence/database.ts';
import { DEMO_BOARD_NAME, resetDemo } from '../adapters/playground/demo.ts';

async function main(): Promise<number> {
  let config;
  try {
    // eslint-disable-next-line no-restricted-syntax -- a command-line tool: the environment is handed to loadConfig, as in src/main.ts
    config = loadConfig(process.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
  const running = await resetThroughService(config.port);
  if (running === 'done') {
    console.log(`${DEMO_BOARD_NAME}: reset by the Quorum running on port ${config.port}.`);
    return 0;
  }
  if (running !== 'not running') {
    console.error(`Quorum is running on port ${config.port} but could not reset the demo (${running}). Stop it, then run npm run demo:reset again.`);
    return 1;
  }
  const where = config.database.kind === 'postgres' ? 'the PostgreSQL database' : `the embedded database in ${config.database.dataDir}`;
  let db;
  try {
    db = await openDatabase(config.database.kind === 'postgres' ? { kind: 'postgres', url: config.database.url } : { kind: 'pglite', dataDir: config.database.dataDir });
    await db.migrate();
  } catch (error) {
    console.error(`Could not open ${where}: ${error instanceof Error ? error.message : String(error)}`);
    if (config.database.kind === 'pglite') console.error('If Quorum is running, stop it first, or use "Reset the demo" in the playground.');
    return 1;
  }
  try {
    await resetDemo(db.prisma, new Date());
    console.log(`${DEMO_BOARD_NAME}: reset in ${where}.`);
    return 0;
  } finally {
    await db.close();
  }
}

/** Asks a service on this machine to reset the demo: 'done', 'not running', or what went wrong. */
async function resetThroughService(port: number): Promise<string> {
  try {
    const response = await fetch(`http://127.0.0.1:${port}/playground/api/demo/reset`, { method: 'POST', signal: AbortSignal.timeout(30_000) });
    if (response.ok) return 'done';
    return response.status === 404 ? 'its playground is off' : `it answered HTTP ${response.status}`;
  } catch (error) {
    const code = (error as { cause?: { code?: unknown } }).cause?.code;
    return code === 'ECONNREFUSED' ? 'not running' : `${error instanceof Error ? error.message : String(error)}`;
  }
}

process.exitCode = await main();
