// The Slack side of the core's directory: the channel's members (conversations.members, then
// users.info for each), a person by user id (users.info) and by email (users.lookupByEmail). The
// scopes these need are in manifest/slack/manifest.json: channels:read and groups:read,
// users:read, users:read.email. An uploaded file (a form's file_input) is read with files.info,
// then its url_private_download with the bot token (files:read), never more than the cap.
import type { WebClient } from '@slack/web-api';
import { DirectoryUnavailable, type Directory, type DirectoryPerson, } from '../../src/directory/port.ts';
import { downloadCapped } from '../../src/directory/download.ts';
import { slackErrorCode } from './identity.ts';

interface SlackUser {
  id?: string;
  name?: string;
  real_name?: string;
  deleted?: boolean;
  is_bot?: boolean;
  team_id?: string;
  profile?: { real_name?: string; display_name?: string; email?: string };
}

function personOf(user: SlackUser | undefined): DirectoryPerson | undefined {
  if (!user?.id || user.deleted || user.is_bot || user.id === 'USLACKBOT') return undefined;
  const name = user.profile?.real_name || user.real_name || user.profile?.display_name || user.name || user.id;
  return { userId: user.id, name, ...(user.profile?.email ? { email: user.profile.email } : {}), ...(user.team_id ? { tenantId: user.team_id } : {}) };
}

function unavailable(error: unknown): never {
  const code = slackErrorCode(error);
  if (code === 'missing_scope') throw new DirectoryUnavailable('missing_scope', 'Quorum\u2019s Slack app lacks a permission it needs for this (reinstall it from manifest/slack/manifest.json).');
  if (code === 'not_in_channel' || code === 'channel_not_found') throw new DirectoryUnavailable('not_in_channel', 'Quorum is not in this channel: invite @Quorum first.');
  throw new DirectoryUnavailable('failed', `Slack did not answer (${code}). Please try again in a moment.`);
}

const NOT_FOUND = new Set(['user_not_found', 'users_not_found', 'user_not_visible']);

interface SlackFile {
  name?: string;
  size?: number;
  mimetype?: string;
  url_private_download?: string;
}

const cannotDownload = () => new DirectoryUnavailable('failed', 'Slack did not give me the file. Please upload it again in a moment.');

export function createSlackDirectory(client: WebClient): Directory {
  const person = async (userId: string): Promise<DirectoryPerson | undefined> => {
    try {
      const answer = await client.users.info({ user: userId });
      return personOf(answer.user as SlackUser | undefined);
    } catch (error) {
      if (NOT_FOUND.has(slackErrorCode(error))) return undefined;
      return unavailable(error);
    }
  };
  return {
    platform: 'slack',
    async channelMembers(place, limit) {
      const ids: string[] = [];
      let cursor: string | undefined;
      try {
        do {
          const page = await client.conversations.members({ channel: place.conversationId, limit: 200, ...(cursor ? { cursor } : {}) });
          ids.push(...(page.members ?? []));
          cursor = page.response_metadata?.next_cursor || undefined;
        } while (cursor && ids.length < limit * 2);
      } catch (error) {
        return unavailable(error);
      }
      const people: DirectoryPerson[] = [];
      for (const id of ids) {
        if (people.length >= limit) break;
        const found = await person(id);
        if (found) people.push(found);
      }
      return people;
    },
    person: (_place, userId) => person(userId),
    async readFile(fileId, maxBytes) {
      let file: SlackFile | undefined;
      try {
        file = (await client.files.info({ file: fileId })).file as SlackFile | undefined;
      } catch (error) {
        if (slackErrorCode(error) === 'file_not_found' || slackErrorCode(error) === 'file_deleted') throw new DirectoryUnavailable('failed', 'That file is no longer on Slack. Please upload it again.');
        return unavailable(error);
      }
      const name = file?.name ?? 'the file';
      if (typeof file?.size === 'number' && file.size > maxBytes) return { ok: false, name, size: file.size };
      if (!file?.url_private_download || !client.token) throw cannotDownload();
      return downloadCapped({ url: file.url_private_download, headers: { authorization: `Bearer ${client.token}` }, name, maxBytes, platform: 'Slack' });
    },
    async byEmail(_place, email) {
      try {
        const answer = await client.users.lookupByEmail({ email });
        return personOf(answer.user as SlackUser | undefined);
      } catch (error) {
        if (NOT_FOUND.has(slackErrorCode(error))) return undefined;
        return unavailable(error);
      }
    },
  };
}
