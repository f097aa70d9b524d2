// The clerk or the chair answers "<someone> says they are <member>": Link links that account to the
// member (once: a double click or a retry finds it decided), Not them leaves the member unlinked.
import { AppError, ErrorCode } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { notice, type NoticeResult } from '../../kernel/results.ts';
import { requireClerk } from '../boards/members.ts';

export async function decideLinkRequest(deps: CoreDeps, input: Invocation & { requestId: string; link: boolean }): Promise<NoticeResult> {
  const request = await deps.prisma.memberLinkRequest.findUnique({ where: { id: input.requestId }, include: { board: true, member: true } });
  if (!request) throw new AppError(ErrorCode.MEMBER_NOT_FOUND, 'That request is no longer there: the person may have been removed.', { log: `member_link_request ${input.requestId} not found` });
  await requireClerk(deps.prisma, request.board, input.actor);
  const who = `${request.displayName} (on ${request.platform === 'slack' ? 'Slack' : 'Teams'})`;
  const outcome = await deps.prisma.$transaction(async (tx) => {
    const claimed = await tx.memberLinkRequest.updateMany({ where: { id: request.id, decision: null }, data: { decision: input.link ? 'linked' : 'refused', decidedAt: deps.now() } });
    if (claimed.count === 0) return 'decided' as const;
    if (!input.link) return 'refused' as const;
    const idKey = request.platform === 'slack' ? { slackUserId: request.userId } : { teamsAadId: request.userId };
    if (await tx.member.count({ where: { boardId: request.boardId, ...idKey } })) {
      throw new AppError(ErrorCode.FORM_INVALID, `${who} is linked to someone else on the roster already; nothing was changed.`, { log: 'link request account taken' });
    }
    const identity = request.platform === 'slack' ? { slackUserId: request.userId, slackTeamId: request.tenantId } : { teamsAadId: request.userId, teamsTenantId: request.tenantId };
    const linked = await tx.member.updateMany({ where: { id: request.memberId, active: true, ...(request.platform === 'slack' ? { slackUserId: null } : { teamsAadId: null }) }, data: identity });
    if (linked.count === 0) throw new AppError(ErrorCode.FORM_INVALID, `${request.member.name} is linked already, or no longer on the roster; nothing was changed.`, { log: 'link request member taken' });
    return 'linked' as const;
  });
  if (outcome === 'decided') {
    const again = await deps.prisma.memberLinkRequest.findUniqueOrThrow({ where: { id: request.id } });
    return notice(again.decision === 'linked' ? `${who} is linked to ${request.member.name} already.` : `That was answered already: ${who} was not linked to ${request.member.name}.`);
  }
  return outcome === 'linked'
    ? notice(`Linked: ${who} is ${request.member.name} on ${request.board.name}.`, 'good')
    : notice(`Not linked: ${who} is not ${request.member.name}. Nothing was changed.`);
}
