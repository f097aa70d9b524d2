// One running Quorum with the playground on (nothing configured but what `env` adds), over a fresh
// database, with a client that drives it as its page does, and the service's logs as text.
import { loadConfig } from '../../../src/config.ts';
import { startQuorum, type RunningQuorum, type StartOptions } from '../../../src/main.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { playgroundClient } from '../../support/playground-client.ts';

export interface PlaygroundService {
  quorum: RunningQuorum;
  db: TestDatabase;
  pg: Awaited<ReturnType<typeof playgroundClient>>;
  logs(): string;
  stop(): Promise<void>;
}

export async function startPlaygroundService(env: Record<string, string> = {}, options: Pick<StartOptions, 'manualScheduler' | 'teamsInvokeBudgetMs'> = { manualScheduler: true }): Promise<PlaygroundService> {
  const db = await createTestDatabase();
  const { logger, logs } = capturingLogger('info');
  const quorum = await startQuorum({ config: loadConfig({ PORT: '0', LOG_LEVEL: 'silent', ...env }), logger, db, ...options });
  return {
    quorum,
    db,
    pg: await playgroundClient(quorum.url),
    logs,
    stop: async () => {
      await quorum.stop();
      await db.destroy();
    },
  };
}
