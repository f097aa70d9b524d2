// The production path of Teams authentication, without the network: the configuration becomes
// botbuilder's own options, and Quorum's bounded credentials factory then asks Microsoft's login
// for tokens for the same tenant botbuilder's own factory would ask. (The end-to-end tests point
// the same factory at the fake login authority.)
import { ConfigurationServiceClientCredentialFactory } from 'botbuilder';
import { AuthenticationConstants } from 'botframework-connector';
import { describe, expect, it } from 'vitest';
import { authenticationOptions, createTeamsAuthentication, credentialsFactoryFor } from '../../../adapters/teams/auth.ts';
import { loadConfig } from '../../../src/config.ts';
import { createLogger } from '../../../src/logger.ts';

const APP_ID = '6f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0';
const TENANT = '5e1c0a9d-3b7f-4c62-9a51-0d2f8e4b7c11';
const logger = createLogger({ level: 'silent' });

function teamsConfig(env: Record<string, string>) {
  const { teams } = loadConfig(env);
  if (teams.mode === 'off') throw new Error('Teams is off');
  return teams;
}

/** Where Quorum's factory gets tokens, beside where botbuilder's own factory would. */
async function loginEndpointFor(env: Record<string, string>) {
  const config = teamsConfig(env);
  const ours = credentialsFactoryFor(config, logger);
  if (!ours) throw new Error('no bounded factory for this configuration');
  const credentials = (await ours.createCredentials(APP_ID, AuthenticationConstants.ToChannelFromBotOAuthScope, AuthenticationConstants.ToChannelFromBotLoginUrl)) as unknown as {
    oAuthScope: string;
  };
  const botbuilders = (await new ConfigurationServiceClientCredentialFactory(authenticationOptions(config)).createCredentials(
    APP_ID,
    AuthenticationConstants.ToChannelFromBotOAuthScope,
    AuthenticationConstants.ToChannelFromBotLoginUrl,
    true,
  )) as unknown as { oAuthEndpoint: string };
  const endpoint = ours.authorityFor(AuthenticationConstants.ToChannelFromBotLoginUrl);
  expect(endpoint).toBe(botbuilders.oAuthEndpoint);
  return { endpoint, scope: credentials.oAuthScope };
}

describe('Teams authentication from the configuration', () => {
  it('names no endpoints of its own in production, so botbuilder uses the public cloud', () => {
    const options = authenticationOptions(teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' }));
    expect(options).toEqual({ MicrosoftAppId: APP_ID, MicrosoftAppPassword: 'secret', MicrosoftAppType: 'MultiTenant' });
  });

  it('gets a multi-tenant bot its tokens from the botframework.com tenant', async () => {
    expect(await loginEndpointFor({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' })).toEqual({
      endpoint: 'https://login.microsoftonline.com/botframework.com',
      scope: 'https://api.botframework.com',
    });
  });

  it('gets a single-tenant bot its tokens from its own tenant', async () => {
    const env = { MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret', MICROSOFT_APP_TYPE: 'SingleTenant', MICROSOFT_APP_TENANT_ID: TENANT };
    expect((await loginEndpointFor(env)).endpoint).toBe(`https://login.microsoftonline.com/${TENANT}`);
  });

  it('leaves a managed identity to botbuilder\u2019s own factory, and an unauthenticated bot without one', () => {
    const msi = teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_TYPE: 'UserAssignedMSI', MICROSOFT_APP_TENANT_ID: TENANT });
    expect(credentialsFactoryFor(msi, logger)).toBeUndefined();
    expect(credentialsFactoryFor({ mode: 'unauthenticated' }, logger)).toBeUndefined();
  });

  it('names every endpoint once any is overridden (tests), keeping the public defaults for the rest', () => {
    const options = authenticationOptions(teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' }), {
      channelOpenIdMetadataUrl: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration',
    });
    expect(options).toMatchObject({
      ToBotFromChannelOpenIdMetadataUrl: 'http://127.0.0.1:9/v1/.well-known/openidconfiguration',
      ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
      ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
      ToChannelFromBotOAuthScope: 'https://api.botframework.com',
      CallerId: 'urn:botframework:azure',
    });
  });

  it('checks nothing without an app id (the emulator), and refuses an unsigned activity with one', async () => {
    const activity = { type: 'message', channelId: 'emulator', serviceUrl: 'http://127.0.0.1:9/' } as never;
    const open = createTeamsAuthentication({ mode: 'unauthenticated' }, logger);
    await expect(open.authenticateRequest(activity, '')).resolves.toMatchObject({ claimsIdentity: { isAuthenticated: true } });
    const closed = createTeamsAuthentication(teamsConfig({ MICROSOFT_APP_ID: APP_ID, MICROSOFT_APP_PASSWORD: 'secret' }), logger);
    await expect(closed.authenticateRequest(activity, '')).rejects.toMatchObject({ statusCode: 401 });
  });
});
