// How the bot proves who it is and checks who is calling: botbuilder's own
// ConfigurationBotFrameworkAuthentication, built from the configuration. Inbound activities carry a
// Bot Framework channel token (checked against the channel's OpenID metadata and keys); outbound
// calls carry a token the bot obtains with its app id and password (MSAL, client credentials).
// Without an app id (TEAMS_ALLOW_UNAUTHENTICATED, the local emulator) botbuilder checks nothing.
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
  type AuthenticateRequestResult,
  type ServiceClientCredentialsFactory,
} from 'botframework-connector';
import type { TeamsConfig } from '../../src/config.ts';

/** Tests only, never from the environment: where botbuilder looks for what it would otherwise
 * fetch from Microsoft, so that an authenticated bot can be tested offline. */
export interface TeamsEndpointOverrides {
  /** OpenID metadata whose `jwks_uri` holds the keys channel tokens are signed with. */
  channelOpenIdMetadataUrl?: string;
  /** The `iss` of channel tokens (default https://api.botframework.com). */
  channelTokenIssuer?: string;
  /** OpenID metadata for Bot Framework Emulator tokens. */
  emulatorOpenIdMetadataUrl?: string;
  /** Login URL for the bot's outbound tokens (default https://login.microsoftonline.com/botframework.com). */
  loginUrl?: string;
  /** Scope of the bot's outbound tokens (default https://api.botframework.com). */
  oAuthScope?: string;
  /** Who obtains the bot's outbound tokens, given the configured app. botbuilder's own MSAL client
   * cannot be pointed at a local authority (it always asks login.microsoftonline.com to vouch for
   * an unknown authority), so tests hand in an MSAL client configured for their fake one. */
  credentialsFactory?: (app: { appId: string; appPassword?: string; tenantId?: string }) => ServiceClientCredentialsFactory;
}

export type EnabledTeamsConfig = Exclude<TeamsConfig, { mode: 'off' }>;

/** The bot's app id: empty when running without authentication. */
export const appIdOf = (config: EnabledTeamsConfig): string => (config.mode === 'authenticated' ? config.appId : '');

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
  const overridden = Object.entries(endpoints).some(([key, value]) => key !== 'credentialsFactory' && value !== undefined);
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

export function createTeamsAuthentication(config: EnabledTeamsConfig, endpoints: TeamsEndpointOverrides = {}): BotFrameworkAuthentication {
  const credentials =
    config.mode === 'authenticated' && endpoints.credentialsFactory
      ? endpoints.credentialsFactory({
          appId: config.appId,
          ...(config.appPassword ? { appPassword: config.appPassword } : {}),
          ...(config.tenantId ? { tenantId: config.tenantId } : {}),
        })
      : undefined;
  return new RejectingBadTokens(new ConfigurationBotFrameworkAuthentication(authenticationOptions(config, endpoints), credentials));
}

/** botbuilder answers 401 for a missing, expired or misaddressed token, but lets the JWT library's
 * own errors (a bad signature, a token not valid yet) through as 500s. Every one of them means
 * the caller did not prove who it is: 401. */
class RejectingBadTokens extends BotFrameworkAuthentication {
  constructor(private readonly inner: BotFrameworkAuthentication) {
    super();
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateRequest(activity, authHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override async authenticateStreamingRequest(authHeader: string, channelIdHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader);
    } catch (error) {
      throw asAuthenticationError(error);
    }
  }

  override authenticateChannelRequest(authHeader: string) {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  override createConnectorFactory(...args: Parameters<BotFrameworkAuthentication['createConnectorFactory']>) {
    return this.inner.createConnectorFactory(...args);
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

const JWT_ERRORS = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

function asAuthenticationError(error: unknown): unknown {
  if (error instanceof AuthenticationError) return error;
  const name = (error as { name?: unknown } | null)?.name;
  if (typeof name === 'string' && JWT_ERRORS.has(name)) {
    return new AuthenticationError(`Unauthorized: ${(error as Error).message}`, StatusCodes.UNAUTHORIZED);
  }
  return error;
}
