// The Teams side of the core's directory, through the Bot Connector's members API in the board's
// channel (its stored conversation reference): the channel's roster, one member by their Azure AD
// object id, and an account by email or user principal name (read from the roster). Teams gives
// the bot nothing wider without Graph permissions, which Quorum does not ask for.
import type { ChannelAccount, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import type { ConnectorClient } from 'botframework-connector';
import { downloadCapped } from '../../src/directory/download.ts';
import { DirectoryUnavailable, type Directory, type DirectoryPerson, type DirectoryPlace } from '../../src/directory/port.ts';

type TeamsAccount = ChannelAccount & { email?: string; userPrincipalName?: string; tenantId?: string; userRole?: string };

function personOf(account: TeamsAccount | undefined): DirectoryPerson | undefined {
  if (!account?.aadObjectId || account.role === 'bot' || account.id?.startsWith('28:')) return undefined;
  const email = account.email ?? account.userPrincipalName;
  return { userId: account.aadObjectId, name: account.name || email || account.aadObjectId, ...(email ? { email } : {}), ...(account.tenantId ? { tenantId: account.tenantId } : {}) };
}

export function createTeamsDirectory(options: { adapter: CloudAdapter; appId: string }): Directory {
  async function inChannel<T>(place: DirectoryPlace, work: (connector: ConnectorClient, conversationId: string) => Promise<T>): Promise<T> {
    const reference = place.reference as Partial<ConversationReference> | undefined;
    if (!reference?.serviceUrl) throw new DirectoryUnavailable('no_reference', 'Quorum has not heard from this channel in Teams yet: add the Quorum app to the team first.');
    let result: T | undefined;
    let failure: unknown;
    await options.adapter.continueConversationAsync(options.appId, reference, async (context: TurnContext) => {
      try {
        const connector = context.turnState.get<ConnectorClient>(context.adapter.ConnectorClientKey);
        result = await work(connector, place.conversationId);
      } catch (error) {
        failure = error;
      }
    });
    if (failure !== undefined) {
      const status = (failure as { statusCode?: number }).statusCode;
      if (status === 403 || status === 404) throw new DirectoryUnavailable('not_in_channel', 'Quorum cannot see this channel\u2019s members in Teams: add the Quorum app to the team.');
      throw new DirectoryUnavailable('failed', 'Teams did not answer. Please try again in a moment.');
    }
    return result as T;
  }
  const roster = (place: DirectoryPlace) => inChannel(place, async (connector, id) => (await connector.conversations.getConversationMembers(id)) as TeamsAccount[]);
  return {
    platform: 'teams',
    // A file sent in the personal chat: its download URL (checked by filesOf) needs no token.
    readFile: (fileId, maxBytes, name) => downloadCapped({ url: fileId, name: name ?? 'the file', maxBytes, platform: 'Teams' }),
    async channelMembers(place, limit) {
      return (await roster(place)).map(personOf).filter((p): p is DirectoryPerson => p !== undefined).slice(0, limit);
    },
    person: (place, userId) =>
      inChannel(place, async (connector, id) => {
        try {
          return personOf((await connector.conversations.getConversationMember(id, userId)) as TeamsAccount);
        } catch (error) {
          if ((error as { statusCode?: number }).statusCode === 404) return undefined;
          throw error;
        }
      }),
    async byEmail(place, email) {
      const wanted = email.trim().toLowerCase();
      const found = (await roster(place)).find((a) => a.email?.toLowerCase() === wanted || a.userPrincipalName?.toLowerCase() === wanted);
      return personOf(found);
    },
  };
}
