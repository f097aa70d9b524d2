// The first time someone not linked uses Quorum in a board's channel: when the name their platform
// gives them is the name of exactly one person on the roster not yet linked on that platform, the
// clerks and the chair are asked (a direct message with "Link" / "Not them") to confirm who they
// are. Asked once per person and member; nothing is linked until a clerk or the chair says so.
import { enqueue } from '../../delivery/outbox.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Actor } from '../../domain/platform.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { identityOf } from '../boards/members.ts';
import { boardDirectory } from './directory-place.ts';
import { namesOf, peopleWhoCanHelp } from './people-who-can-help.ts';
import { linkRequestTemplate } from './templates.ts';

const HONORIFIC = /^(cllr|councillor|mr|mrs|ms|miss|dr|prof|professor|sir|dame)\.?\s+/i;
/** A name as compared: case, spacing and an honorific ("Cllr") set aside. */
export const comparableName = (name: string) => name.toLowerCase().replace(/\s+/g, ' ').trim().replace(HONORIFIC, '');

/** The sentence to add to a "not a member" refusal when the clerk was asked to confirm; otherwise undefined. */
export async function offerLink(deps: CoreDeps, input: Invocation): Promise<string | undefined> {
  const board = await findBoard(deps.prisma, input).catch(() => undefined);
  if (!board || !inBoardChannel(board, input)) return undefined;
  const actor = input.actor;
  const name = await platformName(deps, board, actor);
  if (!name) return undefined;
  // Someone with this account on the board already (removed, say) is not offered anyone else.
  if (await deps.prisma.member.count({ where: { boardId: board.id, ...identityOf(actor) } })) return undefined;
  const unlinked = await deps.prisma.member.findMany({
    where: { boardId: board.id, active: true, ...(actor.platform === 'slack' ? { slackUserId: null } : { teamsAadId: null }) },
    include: { organisation: true },
  });
  const matches = unlinked.filter((m) => comparableName(m.name) === comparableName(name));
  const [member] = matches;
  if (matches.length !== 1 || !member) return undefined;
  const helpers = await peopleWhoCanHelp(deps.prisma, board.id);
  const reachable = await deps.prisma.member.findMany({ where: { id: { in: helpers.map((h) => h.memberId) } } });
  const targets = reachable.flatMap((h) => {
    const id = actor.platform === 'slack' ? h.slackUserId : h.teamsAadId;
    return id ? [{ memberId: h.id, userId: id }] : [];
  });
  if (targets.length === 0) return undefined;
  await deps.prisma.$transaction(async (tx) => {
    const request = await tx.memberLinkRequest.upsert({
      where: { boardId_platform_userId_memberId: { boardId: board.id, platform: actor.platform, userId: actor.userId, memberId: member.id } },
      create: { boardId: board.id, memberId: member.id, platform: actor.platform, userId: actor.userId, ...(actor.tenantId ? { tenantId: actor.tenantId } : {}), displayName: name },
      update: {},
    });
    if (request.decision) return;
    for (const target of targets) {
      await enqueue(tx, {
        boardId: board.id,
        platform: actor.platform,
        target: { kind: 'user', id: target.userId },
        template: linkRequestTemplate,
        data: {
          requestId: request.id,
          boardName: board.name,
          platform: actor.platform,
          userName: name,
          member: { name: member.name, ...(member.title ? { title: member.title } : {}), ...(member.organisation ? { organisation: member.organisation.name } : {}) },
        },
        // Asked once per person and member, however often they try.
        dedupeKey: `member-link:${request.id}:${target.memberId}`,
        digestible: false,
      });
    }
  });
  deps.onQueued?.();
  const asked = helpers.filter((h) => targets.some((t) => t.memberId === h.memberId));
  return `If you are ${member.name}, I\u2019ve asked ${namesOf(asked)} to confirm it; once they do, you can use Quorum here.`;
}

function inBoardChannel(board: Board, input: Invocation): boolean {
  const channel = input.actor.platform === 'slack' ? board.slackChannelId : board.teamsChannelId;
  // A Teams channel message's conversation id carries ";messageid=…" after the channel's.
  return channel !== null && input.conversationId !== undefined && input.conversationId.split(';')[0] === channel;
}

/** The person's name as their platform's directory has it (Slack's real name), else as the request named them. */
async function platformName(deps: CoreDeps, board: Board, actor: Actor): Promise<string | undefined> {
  const found = await boardDirectory(deps, board, actor).catch(() => undefined);
  if (found) {
    const person = await found.directory.person(found.place, actor.userId).catch(() => undefined);
    if (person?.name) return person.name;
  }
  return actor.displayName;
}

/** A "not a member" refusal, with the offer to link when the clerk was asked; any other error as it was. */
export async function withLinkOffer(deps: CoreDeps, input: Invocation, error: unknown): Promise<unknown> {
  if (!(error instanceof AppError) || (error.code !== ErrorCode.NOT_A_MEMBER && error.code !== ErrorCode.NOT_A_CLERK)) return error;
  const offer = await offerLink(deps, input).catch((failed: unknown) => {
    deps.logger.warn({ err: failed instanceof Error ? failed.name : 'unknown' }, 'could not offer a first-use link');
    return undefined;
  });
  return offer ? new AppError(error.code, `${error.say} ${offer}`, { log: `${error.log}; clerk asked to link` }) : error;
}
