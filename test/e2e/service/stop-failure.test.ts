// A stop whose platform adapter fails to stop (src/main.ts: the adapters stop side by side with
// Promise.allSettled) still closes the front door and the database the service opened, and then
// reports that failure, so that `npm start` exits 1 with nothing left listening or holding the data.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';
import { startQuorum, type RunningQuorum } from '../../../src/main.ts';
import { drillDatabase, type DrillDatabase } from '../../support/drills/database.ts';
import { startFakeSlackApi, type FakeSlackApi } from '../../support/fake-slack-api.ts';

let data: DrillDatabase;
let fake: FakeSlackApi;
let quorum: RunningQuorum;

beforeAll(async () => {
  data = await drillDatabase();
  fake = await startFakeSlackApi();
  const config = loadConfig({
    SLACK_BOT_TOKEN: 'xoxb-stop-failure',
    SLACK_SIGNING_SECRET: '0123456789abcdef0123456789abcdef',
    SLACK_API_URL: fake.apiUrl,
    PORT: '0',
    HOST: '127.0.0.1',
    PLAYGROUND: 'off',
    LOG_LEVEL: 'silent',
    ...data.env,
  });
  // No database handed in: the service opens its own, as `npm start` does, and must close it.
  quorum = await startQuorum({ config, logger: createLogger({ level: 'silent' }), manualScheduler: true });
});
afterAll(async () => {
  // Stopped already when the test got that far; otherwise stopped here, whatever it reports.
  await quorum?.stop().catch(() => undefined);
  for (const adapter of quorum?.adapters ?? []) await adapter.stop(0).catch(() => undefined);
  await fake?.close();
  await data?.destroy();
});

function reachable(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

describe('a stop whose adapter fails', () => {
  it('closes the door and the database all the same, then reports the adapter’s failure', async () => {
    const slack = quorum.adapters.find((adapter) => adapter.platform === 'slack');
    if (!slack) throw new Error('the Slack adapter is not on');
    expect(await reachable(quorum.port)).toBe(true);
    expect((await quorum.db.ping()).ok).toBe(true);
    const failure = new Error('the Slack adapter could not stop');
    const stop = vi.spyOn(slack, 'stop').mockRejectedValue(failure);
    try {
      await expect(quorum.stop()).rejects.toBe(failure);
    } finally {
      stop.mockRestore();
    }
    expect(await reachable(quorum.port)).toBe(false);
    expect((await quorum.db.ping()).ok).toBe(false);
    // Released, too: the data can be opened again (on PGlite its folder's lock is gone).
    const again = await data.open();
    try {
      expect((await again.ping()).ok).toBe(true);
    } finally {
      await again.close();
    }
  });
});
