// The bot's outbound tokens (client credentials with its app id and password), obtained as
// botbuilder's own password factory obtains them, through MSAL, with one difference: MSAL's
// requests go through a network client with the identity time limit. botbuilder builds its MSAL
// client with MSAL's default network client, which sets no timeout on the token request, so a
// login authority that never answers held every reply the bot sent.
import { ConfidentialClientApplication, LogLevel, type INetworkModule, type NetworkRequestOptions, type NetworkResponse } from '@azure/msal-node';
import { AuthenticationConstants, GovernmentConstants, MsalAppCredentials, ServiceClientCredentialsFactory } from 'botframework-connector';
import type { Logger } from '../../src/logger.ts';
import { boundedRequest, IDENTITY_TIMEOUT_MS } from './identity-fetch.ts';

export interface BoundedCredentialsOptions {
  appId: string;
  appPassword: string;
  /** Single-tenant apps only: the tenant whose authority issues the tokens. */
  tenantId?: string;
  logger: Logger;
  timeoutMs?: number;
  /** Tests only: the certificate to trust for the login authority, instead of the system's (the fake's). */
  trustedCertificate?: string;
  /** Tests only: the authority's host, trusted as is (MSAL otherwise asks Microsoft to vouch for it). */
  knownAuthorityHost?: string;
}

/** Where tokens come from for a login endpoint botbuilder names: the public and government clouds
 * get the app's tenant (botframework.com for a multi-tenant app), any other endpoint is used as is,
 * exactly as botbuilder's PasswordServiceClientCredentialFactory does. */
export function loginAuthority(loginEndpoint: string, tenantId?: string): string {
  const endpoint = loginEndpoint.toLowerCase();
  if (endpoint.startsWith(AuthenticationConstants.ToChannelFromBotLoginUrlPrefix)) {
    return AuthenticationConstants.ToChannelFromBotLoginUrlPrefix + (tenantId || AuthenticationConstants.DefaultChannelAuthTenant);
  }
  if (endpoint.startsWith(GovernmentConstants.ToChannelFromBotLoginUrlPrefix)) {
    return GovernmentConstants.ToChannelFromBotLoginUrlPrefix + (tenantId || GovernmentConstants.DefaultChannelAuthTenant);
  }
  return loginEndpoint;
}

export class BoundedPasswordCredentialsFactory extends ServiceClientCredentialsFactory {
  private readonly clients = new Map<string, ConfidentialClientApplication>();

  constructor(private readonly options: BoundedCredentialsOptions) {
    super();
  }

  override async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.options.appId;
  }

  override async isAuthenticationDisabled(): Promise<boolean> {
    return !this.options.appId;
  }

  override async createCredentials(appId: string, audience: string | undefined, loginEndpoint: string): Promise<MsalAppCredentials> {
    if (!(await this.isValidAppId(appId))) throw new Error('Invalid appId.');
    const authority = this.authorityFor(loginEndpoint);
    const client = this.clientFor(authority);
    // The ESM and CommonJS builds of msal-node declare the class twice; it is the same class.
    return new MsalAppCredentials(client as never, appId, authority, audience || AuthenticationConstants.ToChannelFromBotOAuthScope);
  }

  /** The authority this app's tokens come from, for a login endpoint botbuilder names. */
  authorityFor(loginEndpoint: string): string {
    return loginAuthority(loginEndpoint, this.options.tenantId);
  }

  private clientFor(authority: string): ConfidentialClientApplication {
    let client = this.clients.get(authority);
    if (!client) {
      const { appId, appPassword, logger, knownAuthorityHost, trustedCertificate } = this.options;
      client = new ConfidentialClientApplication({
        auth: { clientId: appId, clientSecret: appPassword, authority, ...(knownAuthorityHost ? { knownAuthorities: [knownAuthorityHost] } : {}) },
        system: {
          networkClient: boundedMsalNetworkClient({ timeoutMs: this.options.timeoutMs ?? IDENTITY_TIMEOUT_MS, ...(trustedCertificate ? { ca: trustedCertificate } : {}) }),
          loggerOptions: {
            piiLoggingEnabled: false,
            logLevel: LogLevel.Warning,
            // MSAL's own warnings and errors, one JSON line each (never with personal data).
            loggerCallback: (level, message, containsPii) => {
              if (containsPii) return;
              const entry = { sdk: 'msal', said: message.slice(0, 500) };
              if (level === LogLevel.Error) logger.error(entry, 'MSAL reported an error');
              else logger.warn(entry, 'MSAL reported a warning');
            },
          },
        },
      });
      this.clients.set(authority, client);
    }
    return client;
  }
}

/** MSAL's network client, bounded: every request within `timeoutMs` (or MSAL's own shorter limit). */
export function boundedMsalNetworkClient(options: { timeoutMs?: number; ca?: string } = {}): INetworkModule {
  const send = async <T>(method: 'GET' | 'POST', url: string, request: NetworkRequestOptions = {}, timeout?: number): Promise<NetworkResponse<T>> => {
    const limit = Math.min(options.timeoutMs ?? IDENTITY_TIMEOUT_MS, timeout && timeout > 0 ? timeout : Infinity);
    const response = await boundedRequest(url, {
      method,
      headers: request.headers ?? {},
      ...(method === 'POST' ? { body: request.body ?? '' } : {}),
      timeoutMs: limit,
      ...(options.ca ? { ca: options.ca } : {}),
    });
    return { headers: response.headers, body: jsonOrError(response.status, response.body) as T, status: response.status };
  };
  return {
    sendGetRequestAsync: (url, request, timeout) => send('GET', url, request, timeout),
    sendPostRequestAsync: (url, request) => send('POST', url, request),
  };
}

/** MSAL expects a JSON body, and an OAuth error object when there is none (as its own client does). */
function jsonOrError(status: number, body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    const error = status >= 500 ? 'server_error' : status >= 400 ? 'client_error' : 'unknown_error';
    return { error, error_description: `The login authority answered HTTP ${status} without JSON.` };
  }
}
