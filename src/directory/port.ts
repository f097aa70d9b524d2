// What the core asks of a platform's directory: who is in a channel, who a user id is, whose
// account an email address is. Implemented by each adapter (Slack Web API; Teams Bot Connector
// members API), faked in tests by the platform fakes, which grant exactly the Slack manifest's scopes.
import type { Platform } from '../domain/platform.ts';

/** A person as the platform's directory knows them. */
export interface DirectoryPerson {
  /** Slack user id, or Azure AD object id on Teams. */
  userId: string;
  name: string;
  email?: string;
  /** Slack team id / Teams tenant id the person belongs to, when the platform says. */
  tenantId?: string;
}

/** Where to look: the board's channel on the platform (Teams needs its stored conversation reference). */
export interface DirectoryPlace {
  conversationId: string;
  tenantId?: string;
  /** Teams: the stored conversation reference of the channel (serviceUrl and conversation). */
  reference?: unknown;
}

/** Why a directory could not answer, in words a clerk can act on. */
export class DirectoryUnavailable extends Error {
  constructor(
    readonly reason: 'not_in_channel' | 'missing_scope' | 'no_reference' | 'failed',
    message: string,
  ) {
    super(message);
    this.name = 'DirectoryUnavailable';
  }
}

/** A file a person uploaded to the bot (Slack: a form's file_input; Teams: an attachment in the
 * personal chat, whose id is its download URL), read at most `maxBytes`:
 * its bytes, or that it is bigger (its size when the platform said it, else read past the cap). */
export type SharedFile = { ok: true; name: string; bytes: Buffer } | { ok: false; name: string; size?: number };

export interface Directory {
  readonly platform: Platform;
  /** The people in the channel (bots and deactivated accounts left out), at most `limit`. */
  channelMembers(place: DirectoryPlace, limit: number): Promise<DirectoryPerson[]>;
  /** One person by their user id, or undefined when the platform knows no such person there. */
  person(place: DirectoryPlace, userId: string): Promise<DirectoryPerson | undefined>;
  /** The account with this email address, or undefined. */
  byEmail(place: DirectoryPlace, email: string): Promise<DirectoryPerson | undefined>;
  /** A file uploaded to the bot, by its id, without downloading more than `maxBytes` (absent on
   * platforms whose forms take no files). Fails with DirectoryUnavailable. */
  readFile?(fileId: string, maxBytes: number, name?: string): Promise<SharedFile>;
}

export type Directories = Partial<Record<Platform, Directory>>;
