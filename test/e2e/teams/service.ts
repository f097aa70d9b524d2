// One running Quorum with Teams on, for the Teams end-to-end tests: a fresh database, the fake Bot
// Connector (and its fake identity endpoints), a Teams client and the service's logs as text.
// `authenticated: true` configures a Microsoft App ID and password, as production does, with
// botbuilder's identity endpoints pointed at the fake; otherwise the bot runs as for the emulator.
import { randomBytes, randomUUID } from 'node:crypto';
import type { TeamsAdapter, TeamsEndpointOverrides } from '../../../adapters/teams/index.ts';
import { loadConfig } from '../../../src/config.ts';
import { startQuorum, type RunningQuorum, type StartOptions } from '../../../src/main.ts';
import { capturingLogger } from '../../support/capture-logs.ts';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { HARNESS_PACING, harnessDelivery, type HarnessDelivery } from '../../support/outbox.ts';
import { startFakeBotConnector, type FakeBotConnector } from '../../support/fake-bot-connector.ts';
import { createTeamsClient, type TeamsClient } from '../../support/teams-client.ts';

// resetFake() also forgets the fake's personal chats and members: tests set them again after it.
export interface TeamsService extends HarnessDelivery {
  quorum: RunningQuorum;
  db: TestDatabase;
  fake: FakeBotConnector;
  teams: TeamsClient;
  adapter: TeamsAdapter;
  /** The bot's app id and password ('' when unauthenticated). */
  appId: string;
  appPassword: string;
  /** Everything the service logged so far, as JSON lines. */
  logs(): string;
  stop(): Promise<void>;
}

export interface TeamsServiceOptions {
  authenticated?: boolean;
  logLevel?: string;
  /** Authenticated only: endpoints to use instead of the fake's (a metadata host that hangs...). */
  endpoints?: TeamsEndpointOverrides;
  /** Extra configuration (e.g. PUBLIC_BASE_URL). */
  env?: Record<string, string>;
  /** Start options: the clock the use cases and the scheduler read. */
  start?: Pick<StartOptions, 'clock'>;
}

export async function startTeamsService(options: TeamsServiceOptions = {}): Promise<TeamsService> {
  const fake = await startFakeBotConnector();
  const db = await createTestDatabase();
  const { logger, logs } = capturingLogger(options.logLevel ?? 'debug');
  // A fresh app id per service: botbuilder caches outbound tokens per app id for the whole process.
  const appId = options.authenticated ? randomUUID() : '';
  const appPassword = options.authenticated ? `pw~${randomBytes(18).toString('base64url')}` : '';
  if (options.authenticated) fake.registerApp(appId, appPassword);
  const config = loadConfig({
    ...(options.authenticated ? { MICROSOFT_APP_ID: appId, MICROSOFT_APP_PASSWORD: appPassword } : { TEAMS_ALLOW_UNAUTHENTICATED: 'true' }),
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'silent',
    ...options.env,
  });
  const quorum = await startQuorum({
    config,
    logger,
    db,
    manualScheduler: true,
    // An invoke's answer is expected in the invoke here: on a loaded machine heavy work (a catalogue
    // of 43 metrics, a dashboard) outran the product's 3 s and was answered "working on it", its
    // answer following in the person's chat. That path and the budget itself are proved in
    // invoke-budget.test.ts and members-import-e2e.test.ts; here the budget is generous.
    teamsInvokeBudgetMs: 15_000,
    // Messages to one conversation 20 ms apart instead of the service's 150 ms (the fake Bot
    // Connector enforces no limit): test/support/outbox.ts.
    dispatcher: { pacing: { teams: HARNESS_PACING.teams } },
    ...options.start,
    ...(options.authenticated ? { teamsEndpoints: { ...fake.endpoints(), ...options.endpoints } } : {}),
  });
  const adapter = quorum.adapters.find((a) => a.platform === 'teams') as TeamsAdapter;
  const teams = createTeamsClient({
    baseUrl: quorum.url,
    serviceUrl: fake.serviceUrl,
    ...(options.authenticated ? { appId, signToken: fake.signChannelToken } : {}),
  });
  return {
    quorum,
    db,
    fake,
    teams,
    adapter,
    appId,
    appPassword,
    logs,
    ...harnessDelivery(db.prisma, 'teams', fake),
    stop: async () => {
      await quorum.stop();
      await db.destroy();
      await fake.close();
    },
  };
}
