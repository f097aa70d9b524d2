// How the bot proves who it is and checks who is calling: botbuilder's own
// ConfigurationBotFrameworkAuthentication, built from the configuration. Inbound activities carry a
// Bot Framework channel token (checked against the channel's OpenID metadata and keys); outbound
// calls carry a token the bot obtains with its app id and password (MSAL, client credentials).
// Without an app id (TEAMS_ALLOW_UNAUTHENTICATED, the local emulator) botbuilder checks nothing.
// Around it, Quorum bounds every request botbuilder makes (signing keys: signing-keys.ts; the bot's
// tokens: credentials.ts; Bot Connector calls: below) and turns every failure to authenticate into
// one refusal the route answers with 401 (TeamsAuthenticationRefused).
import {
  CallerIdConstants,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
  type Activity,
  type ConfigurationBotFrameworkAuthenticationOptions,
} from 'botbuilder';
import {
  AuthenticationConstants,
  AuthenticationError,
  BotFrameworkAuthentication,
  ConnectorFactory,
  type AuthenticateRequestResult,
  type ClaimsIdentity,
  type ConnectorClient,
} from 'botframework-connector';
import type { TeamsConfig } from '../../src/config.ts';
import type { Logger } from '../../src/logger.ts';
import { BoundedPasswordCredentialsFactory } from './credentials.ts';
import { boundSigningKeyFetches, limitSigningKeyFetches, SigningKeysUnavailable } from './signing-keys.ts';

/** Tests only, never from the environment: where botbuilder looks for what it would otherwise
 * fetch from Microsoft, so that an authenticated bot can be tested offline. */
export interface TeamsEndpointOverrides {
  /** OpenID metadata whose `jwks_uri` holds the keys channel tokens are signed with. */
  channelOpenIdMetadataUrl?: string;
  /** The `iss` of channel tokens (default https://api.botframework.com). */
  channelTokenIssuer?: string;
  /** OpenID metadata for Bot Framework Emulator tokens. */
  emulatorOpenIdMetadataUrl?: string;
  /** Login authority for the bot's outbound tokens (default https://login.microsoftonline.com/botframework.com). */
  loginUrl?: string;
  /** The login authority's certificate, trusted instead of the system's (the fake's is self-signed). */
  loginCertificate?: string;
  /** Scope of the bot's outbound tokens (default https://api.botframework.com). */
  oAuthScope?: string;
  /** Time limit of one Bot Connector call, retries included (default CONNECTOR_TIMEOUT_MS). */
  connectorTimeoutMs?: number;
  /** Time limit of one request for the signing keys of the metadata URLs named here (default IDENTITY_TIMEOUT_MS). */
  signingKeysTimeoutMs?: number;
  /** Time limit of one request to the login authority for a token (default IDENTITY_TIMEOUT_MS). */
  loginTimeoutMs?: number;
}

/** How long one Bot Connector call (a reply, a post, an update) may take, its retries included. */
export const CONNECTOR_TIMEOUT_MS = 20_000;

export type EnabledTeamsConfig = Exclude<TeamsConfig, { mode: 'off' }>;

/** The bot's app id: empty when running without authentication. */
export const appIdOf = (config: EnabledTeamsConfig): string => (config.mode === 'authenticated' ? config.appId : '');

const ENDPOINT_KEYS = ['channelOpenIdMetadataUrl', 'channelTokenIssuer', 'emulatorOpenIdMetadataUrl', 'loginUrl', 'oAuthScope'] as const;

export function authenticationOptions(config: EnabledTeamsConfig, endpoints: TeamsEndpointOverrides = {}): ConfigurationBotFrameworkAuthenticationOptions {
  const app: ConfigurationBotFrameworkAuthenticationOptions =
    config.mode === 'authenticated'
      ? {
          MicrosoftAppId: config.appId,
          MicrosoftAppType: config.appType,
          ...(config.appPassword ? { MicrosoftAppPassword: config.appPassword } : {}),
          ...(config.tenantId ? { MicrosoftAppTenantId: config.tenantId } : {}),
        }
      : { MicrosoftAppId: '' };
  const overridden = ENDPOINT_KEYS.some((key) => endpoints[key] !== undefined);
  if (!overridden) return app;
  // Any endpoint given switches botbuilder to a fully "parameterized" cloud: name all of them.
  return {
    ...app,
    ValidateAuthority: true,
    ToChannelFromBotLoginUrl: endpoints.loginUrl ?? AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: endpoints.oAuthScope ?? AuthenticationConstants.ToChannelFromBotOAuthScope,
    ToBotFromChannelTokenIssuer: endpoints.channelTokenIssuer ?? AuthenticationConstants.ToBotFromChannelTokenIssuer,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    ToBotFromChannelOpenIdMetadataUrl: endpoints.channelOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
    ToBotFromEmulatorOpenIdMetadataUrl: endpoints.emulatorOpenIdMetadataUrl ?? AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

/** Who obtains the bot's outbound tokens: Quorum's bounded MSAL client for an app with a password;
 * botbuilder's own factory for a managed identity (UserAssignedMSI), whose tokens come from the
 * host's identity endpoint through @azure/identity. */
export function credentialsFactoryFor(config: EnabledTeamsConfig, logger: Logger, endpoints: TeamsEndpointOverrides = {}): BoundedPasswordCredentialsFactory | undefined {
  if (config.mode !== 'authenticated' || !config.appPassword) return undefined;
  return new BoundedPasswordCredentialsFactory({
    appId: config.appId,
    appPassword: config.appPassword,
    // As botbuilder: only a single-tenant app asks its own tenant; a multi-tenant one asks botframework.com.
    ...(config.appType === 'SingleTenant' && config.tenantId ? { tenantId: config.tenantId } : {}),
    logger,
    ...(endpoints.loginUrl ? { knownAuthorityHost: new URL(endpoints.loginUrl).host } : {}),
    ...(endpoints.loginCertificate ? { trustedCertificate: endpoints.loginCertificate } : {}),
    ...(endpoints.loginTimeoutMs ? { timeoutMs: endpoints.loginTimeoutMs } : {}),
  });
}

export function createTeamsAuthentication(config: EnabledTeamsConfig, logger: Logger, endpoints: TeamsEndpointOverrides = {}): BotFrameworkAuthentication {
  boundSigningKeyFetches();
  if (endpoints.signingKeysTimeoutMs) {
    for (const url of [endpoints.channelOpenIdMetadataUrl, endpoints.emulatorOpenIdMetadataUrl]) if (url) limitSigningKeyFetches(url, endpoints.signingKeysTimeoutMs);
  }
  const inner = new ConfigurationBotFrameworkAuthentication(authenticationOptions(config, endpoints), credentialsFactoryFor(config, logger, endpoints));
  return new GuardedAuthentication(inner, endpoints.connectorTimeoutMs ?? CONNECTOR_TIMEOUT_MS);
}

/** A request that did not prove it comes from the Bot Framework. Answered 401, always the same. */
export class TeamsAuthenticationRefused extends AuthenticationError {
  override name = 'TeamsAuthenticationRefused';
  constructor(
    /** Why, for the log: never the token, never anything the caller may read. */
    readonly reason: string,
    /** The token could not be checked at all: the signing keys did not load. */
    readonly keysUnavailable: boolean,
  ) {
    super(`Unauthorized: ${reason}`, StatusCodes.UNAUTHORIZED);
  }
}

/** Whatever checking the caller throws means it did not prove who it is: botbuilder's own 401s, the
 * JWT library's errors (a bad signature, a token not valid yet), and signing keys that could not be
 * fetched (the token cannot be checked, so it is not accepted). */
export function refusalOf(error: unknown): TeamsAuthenticationRefused {
  if (error instanceof TeamsAuthenticationRefused) return error;
  const message = error instanceof Error ? error.message : String(error);
  // jsonwebtoken's messages name what failed ("invalid signature", "jwt expired", "jwt audience
  // invalid. expected: ..."), never the token; they are cut short all the same.
  const reason = message.replace(/\s+/g, ' ').replace(/eyJ[\w-]+\.[\w-]+\.[\w-]*/g, '[token]').slice(0, 300);
  return new TeamsAuthenticationRefused(reason, error instanceof SigningKeysUnavailable);
}

/** botbuilder's authentication, with every failure to authenticate refused alike, and every Bot
 * Connector client it hands out bounded in time. */
class GuardedAuthentication extends BotFrameworkAuthentication {
  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly connectorTimeoutMs: number,
  ) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    let result: AuthenticateRequestResult;
    try {
      result = await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw refusalOf(error);
    }
    return result.connectorFactory ? { ...result, connectorFactory: new BoundedConnectorFactory(result.connectorFactory, this.connectorTimeoutMs) } : result;
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw refusalOf(error);
    }
  }

  override async authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    try {
      return await this.inner.authenticateChannelRequest(authHeader);
    } catch (error) {
      throw refusalOf(error);
    }
  }

  override createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return new BoundedConnectorFactory(this.inner.createConnectorFactory(claimsIdentity), this.connectorTimeoutMs);
  }

  override createUserTokenClient(...args: Parameters<BotFrameworkAuthentication['createUserTokenClient']>) {
    return this.inner.createUserTokenClient(...args);
  }

  override createBotFrameworkClient() {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience() {
    return this.inner.getOriginatingAudience();
  }
}

/**
 * Bot Connector clients whose every call (send, reply, update, members...) ends within the time
 * limit, retries and Retry-After waits included. botbuilder creates its clients with no timeout
 * and offers no option for one (its factory replaces any request policies given), so each client
 * it creates gets a deadline added to the options of every operation it sends.
 */
class BoundedConnectorFactory extends ConnectorFactory {
  constructor(
    private readonly inner: ConnectorFactory,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override async create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const client = await this.inner.create(serviceUrl, audience);
    const send = client.sendOperationRequest.bind(client);
    client.sendOperationRequest = (operationArguments, operationSpec, callback) => {
      const options = operationArguments.options ?? {};
      const deadline = AbortSignal.timeout(this.timeoutMs);
      const abortSignal = options.abortSignal ? AbortSignal.any([deadline, options.abortSignal as AbortSignal]) : deadline;
      return send({ ...operationArguments, options: { ...options, abortSignal } }, operationSpec, callback);
    };
    return client;
  }
}
