// The service's configuration, read once at start-up through one zod schema. Nothing else in
// the code reads process.env: everything that varies between installs arrives here.
import { z } from 'zod';

const optionalString = z
  .string()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

const port = z.coerce
  .number({ error: 'expected a TCP port number such as 3978' })
  .int('expected a whole number')
  .min(0, 'expected a TCP port number from 0 to 65535')
  .max(65535, 'expected a TCP port number from 0 to 65535');

const booleanFlag = z
  .enum(['true', 'false', '1', '0', 'yes', 'no', ''], {
    error: 'expected true or false',
  })
  .optional()
  .transform((value) => value === 'true' || value === '1' || value === 'yes');

const httpUrl = (what: string) =>
  optionalString.pipe(
    z
      .url({ protocol: /^https?$/, error: `expected an http(s) URL ${what}` })
      .transform((value) => value.replace(/\/+$/, ''))
      .optional(),
  );

const envSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test'], {
      error: 'expected development, production or test',
    }).default('development'),
    PORT: port.default(3978),
    HOST: optionalString,
    LOG_LEVEL: z
      .enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'], {
        error: 'expected one of fatal, error, warn, info, debug, trace, silent',
      })
      .default('info'),
    PUBLIC_BASE_URL: httpUrl('at which this service is reachable, e.g. https://quorum.example.org'),

    DATABASE_URL: optionalString.pipe(
      z
        .string()
        .regex(/^postgres(ql)?:\/\/.+/, {
          error: 'expected a PostgreSQL URL such as postgres://user:password@host:5432/quorum',
        })
        .optional(),
    ),
    DATA_DIR: optionalString.default('./data'),

    SLACK_BOT_TOKEN: optionalString.pipe(
      z.string().startsWith('xoxb-', { error: 'expected a bot token starting with xoxb-' }).optional(),
    ),
    SLACK_SIGNING_SECRET: optionalString.pipe(
      z.string().regex(/^[0-9a-f]{32}$/i, { error: 'expected the 32-character hex signing secret' }).optional(),
    ),
    SLACK_APP_TOKEN: optionalString.pipe(
      z.string().startsWith('xapp-', { error: 'expected an app-level token starting with xapp-' }).optional(),
    ),
    SLACK_API_URL: httpUrl('ending in /api/, e.g. https://slack.com/api/'),

    MICROSOFT_APP_ID: optionalString.pipe(
      z.guid({ error: 'expected the bot\u2019s Microsoft App ID (a GUID)' }).optional(),
    ),
    MICROSOFT_APP_PASSWORD: optionalString,
    MICROSOFT_APP_TYPE: z
      .enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI'], {
        error: 'expected MultiTenant, SingleTenant or UserAssignedMSI',
      })
      .default('MultiTenant'),
    MICROSOFT_APP_TENANT_ID: optionalString,
    TEAMS_ALLOW_UNAUTHENTICATED: booleanFlag,
    PLAYGROUND: z
      .enum(['auto', 'on', 'off', 'true', 'false', ''], { error: 'expected auto, on or off' })
      .optional()
      .transform((value) => (value === 'true' ? 'on' : value === 'false' ? 'off' : value || 'auto')),
    PLAYGROUND_ALLOW_REMOTE: booleanFlag,
    PLAYGROUND_DEMO: z.enum(['on', 'off', ''], { error: 'expected on or off' }).optional(),
  });

export type SlackConfig =
  | { mode: 'off' }
  | { mode: 'http'; botToken: string; signingSecret: string; apiUrl?: string }
  | { mode: 'socket'; botToken: string; appToken: string; signingSecret?: string; apiUrl?: string };

export type TeamsConfig =
  | { mode: 'off' }
  | { mode: 'unauthenticated' }
  | {
      mode: 'authenticated';
      appId: string;
      appPassword?: string;
      appType: 'MultiTenant' | 'SingleTenant' | 'UserAssignedMSI';
      tenantId?: string;
    };

/** The local playground (adapters/playground): a chat in the browser that drives the bot. */
export interface PlaygroundConfig {
  enabled: boolean;
  /** Why it is on or off, for the start-up log. */
  reason: string;
  /** Whether browsers on other machines may use it (never by default). */
  allowRemote: boolean;
  /** Whether a demo board is made when the database has no board yet (PLAYGROUND_DEMO=off: not). */
  demo: boolean;
}

export interface Config {
  env: 'development' | 'production' | 'test';
  port: number;
  /** Where the server listens: 0.0.0.0 unless HOST says otherwise, or 127.0.0.1 (loopback) when
   * the playground is on. */
  host: string;
  playground: PlaygroundConfig;
  logLevel: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent';
  publicBaseUrl?: string;
  database: { kind: 'postgres'; url: string } | { kind: 'pglite'; dataDir: string };
  slack: SlackConfig;
  teams: TeamsConfig;
}

/** Thrown when the environment does not describe a service that can start. */
export class ConfigError extends Error {
  constructor(readonly problems: { variable: string; message: string }[]) {
    super(
      'Quorum cannot start: the configuration is not valid.\n' +
        problems.map((p) => `  ${p.variable}: ${p.message}`).join('\n'),
    );
    this.name = 'ConfigError';
  }
}

type Problem = { variable: string; message: string };

/** Variables that only make sense together. Checked on the raw values, so that every problem is
 * reported at once, even when another variable is malformed. */
function missingCompanions(environment: Record<string, string | undefined>): Problem[] {
  const has = (name: string) => (environment[name]?.trim() ?? '') !== '';
  const problems: Problem[] = [];
  const need = (variable: string, message: string) => problems.push({ variable, message });
  if (has('SLACK_BOT_TOKEN') && !has('SLACK_APP_TOKEN') && !has('SLACK_SIGNING_SECRET')) {
    need(
      'SLACK_SIGNING_SECRET',
      'required when SLACK_BOT_TOKEN is set without SLACK_APP_TOKEN (Slack app settings \u2192 Basic Information \u2192 Signing Secret)',
    );
  }
  if (!has('SLACK_BOT_TOKEN') && (has('SLACK_SIGNING_SECRET') || has('SLACK_APP_TOKEN'))) {
    need('SLACK_BOT_TOKEN', 'required when SLACK_SIGNING_SECRET or SLACK_APP_TOKEN is set (Slack app settings \u2192 OAuth & Permissions)');
  }
  const msiType = environment.MICROSOFT_APP_TYPE?.trim() === 'UserAssignedMSI';
  if (has('MICROSOFT_APP_ID') && !has('MICROSOFT_APP_PASSWORD') && !msiType) {
    need('MICROSOFT_APP_PASSWORD', 'required when MICROSOFT_APP_ID is set (the client secret of the bot\u2019s app registration)');
  }
  if (!has('MICROSOFT_APP_ID') && has('MICROSOFT_APP_PASSWORD')) {
    need('MICROSOFT_APP_ID', 'required when MICROSOFT_APP_PASSWORD is set');
  }
  if (environment.MICROSOFT_APP_TYPE?.trim() === 'SingleTenant' && has('MICROSOFT_APP_ID') && !has('MICROSOFT_APP_TENANT_ID')) {
    need('MICROSOFT_APP_TENANT_ID', 'required when MICROSOFT_APP_TYPE is SingleTenant');
  }
  const unauthenticated = /^(true|1|yes)$/.test(environment.TEAMS_ALLOW_UNAUTHENTICATED?.trim() ?? '');
  if (has('MICROSOFT_APP_ID') && unauthenticated) {
    need('TEAMS_ALLOW_UNAUTHENTICATED', 'must not be set together with MICROSOFT_APP_ID');
  }
  if (unauthenticated && environment.NODE_ENV?.trim() === 'production') {
    need('TEAMS_ALLOW_UNAUTHENTICATED', 'is for a local emulator only and is refused when NODE_ENV=production (anyone could post as anyone)');
  }
  return problems;
}

/** Reads the configuration from an environment (process.env in main). Throws ConfigError. */
export function loadConfig(environment: Record<string, string | undefined>): Config {
  const parsed = envSchema.safeParse(environment);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => ({
        variable: String(issue.path[0] ?? '(environment)'),
        message: issue.message,
      }));
  problems.push(...missingCompanions(environment));
  if (!parsed.success || problems.length > 0) throw new ConfigError(problems);
  const env = parsed.data;
  const slack: SlackConfig = !env.SLACK_BOT_TOKEN
    ? { mode: 'off' }
    : env.SLACK_APP_TOKEN
      ? {
          mode: 'socket',
          botToken: env.SLACK_BOT_TOKEN,
          appToken: env.SLACK_APP_TOKEN,
          ...(env.SLACK_SIGNING_SECRET ? { signingSecret: env.SLACK_SIGNING_SECRET } : {}),
          ...(env.SLACK_API_URL ? { apiUrl: `${env.SLACK_API_URL}/` } : {}),
        }
      : {
          mode: 'http',
          botToken: env.SLACK_BOT_TOKEN,
          signingSecret: env.SLACK_SIGNING_SECRET as string,
          ...(env.SLACK_API_URL ? { apiUrl: `${env.SLACK_API_URL}/` } : {}),
        };
  const teams: TeamsConfig = env.MICROSOFT_APP_ID
    ? {
        mode: 'authenticated',
        appId: env.MICROSOFT_APP_ID,
        appType: env.MICROSOFT_APP_TYPE,
        ...(env.MICROSOFT_APP_PASSWORD ? { appPassword: env.MICROSOFT_APP_PASSWORD } : {}),
        ...(env.MICROSOFT_APP_TENANT_ID ? { tenantId: env.MICROSOFT_APP_TENANT_ID } : {}),
      }
    : env.TEAMS_ALLOW_UNAUTHENTICATED
      ? { mode: 'unauthenticated' }
      : { mode: 'off' };
  const playground = playgroundOf(env.PLAYGROUND, { credentials: slack.mode !== 'off' || teams.mode !== 'off', production: env.NODE_ENV === 'production' }, {
    allowRemote: env.PLAYGROUND_ALLOW_REMOTE,
    demo: env.PLAYGROUND_DEMO !== 'off',
  });
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST ?? (playground.enabled ? '127.0.0.1' : '0.0.0.0'),
    playground,
    logLevel: env.LOG_LEVEL,
    ...(env.PUBLIC_BASE_URL ? { publicBaseUrl: env.PUBLIC_BASE_URL } : {}),
    database: env.DATABASE_URL
      ? { kind: 'postgres', url: env.DATABASE_URL }
      : { kind: 'pglite', dataDir: env.DATA_DIR },
    slack,
    teams,
  };
}

/** The playground is on by itself only where nothing else is: no Slack or Teams credentials, and
 * not in production. PLAYGROUND=on turns it on beside them, PLAYGROUND=off turns it off. */
function playgroundOf(
  setting: 'auto' | 'on' | 'off',
  where: { credentials: boolean; production: boolean },
  options: Pick<PlaygroundConfig, 'allowRemote' | 'demo'>,
): PlaygroundConfig {
  if (setting === 'on') return { enabled: true, reason: 'PLAYGROUND=on', ...options };
  if (setting === 'off') return { enabled: false, reason: 'PLAYGROUND=off', ...options };
  if (where.production) return { enabled: false, reason: 'NODE_ENV=production; set PLAYGROUND=on to use it', ...options };
  if (where.credentials) return { enabled: false, reason: 'Slack or Teams is configured; set PLAYGROUND=on to use it as well', ...options };
  return { enabled: true, reason: 'no Slack or Teams credentials are set; PLAYGROUND=off turns it off', ...options };
}

/** What is on and off, and which variables switch each on: for the start-up log. No secrets. */
export function describeConfig(config: Config): string[] {
  const lines: string[] = [];
  lines.push(
    config.database.kind === 'postgres'
      ? `Database: PostgreSQL server at ${redactUrl(config.database.url)}`
      : `Database: embedded PGlite in ${config.database.dataDir} (set DATABASE_URL=postgres://... to use a PostgreSQL server)`,
  );
  switch (config.slack.mode) {
    case 'off':
      lines.push('Slack: off (set SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET for /slack/events, or SLACK_BOT_TOKEN and SLACK_APP_TOKEN for Socket Mode)');
      break;
    case 'http':
      lines.push('Slack: on, receiving events at POST /slack/events (signatures verified with SLACK_SIGNING_SECRET)');
      break;
    case 'socket':
      lines.push('Slack: on, Socket Mode (SLACK_APP_TOKEN); no public URL needed');
      break;
  }
  switch (config.teams.mode) {
    case 'off':
      lines.push('Teams: off (set MICROSOFT_APP_ID and MICROSOFT_APP_PASSWORD to receive activities at POST /api/messages, or TEAMS_ALLOW_UNAUTHENTICATED=true for a local Bot Framework Emulator)');
      break;
    case 'unauthenticated':
      lines.push('Teams: on at POST /api/messages WITHOUT token checks (TEAMS_ALLOW_UNAUTHENTICATED=true): for a local emulator only, never on a public address');
      break;
    case 'authenticated':
      lines.push(`Teams: on at POST /api/messages for app ${config.teams.appId} (${config.teams.appType}); Bot Framework tokens verified`);
      break;
  }
  lines.push(
    config.playground.enabled
      ? `Playground: on (${config.playground.reason}), for browsers on ${config.playground.allowRemote ? 'any machine (PLAYGROUND_ALLOW_REMOTE=true)' : 'this machine only'}`
      : `Playground: off (${config.playground.reason})`,
  );
  return lines;
}

/** A database URL with its password replaced, safe to log. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}
