// Sending actions to people: each owner gets the action's card in their direct messages on every
// platform they are on; after any change every copy is brought up to date in place (Slack
// chat.update, a Teams message edit, which also makes Teams refresh the card for the person
// looking). A clerk and the chair get the card when an owner asks for more time. Everything goes
// through the outbox, in the caller's transaction; each card is sent once (its dedupe key).
import type { Platform } from '../../domain/platform.ts';
import { enqueue, enqueueUpdate, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { Member } from '../../persistence/generated/client.ts';
import { isClerk } from '../boards/members.ts';
import { loadAction } from './action-access.ts';
import { buildActionView, type LoadedAction } from './action-view.ts';
import { actionCardTemplate } from './templates.ts';

/** Where a member can be sent a direct message, on the platforms that are on. */
export function personalTargets(member: Pick<Member, 'slackUserId' | 'teamsAadId'>, platforms: readonly Platform[]): { platform: Platform; userId: string }[] {
  const out: { platform: Platform; userId: string }[] = [];
  if (platforms.includes('slack') && member.slackUserId) out.push({ platform: 'slack', userId: member.slackUserId });
  if (platforms.includes('teams') && member.teamsAadId) out.push({ platform: 'teams', userId: member.teamsAadId });
  return out;
}

const cardKey = (actionId: string, memberId: string, platform: Platform) => `action-card:${actionId}:${memberId}:${platform}`;

async function rightsOf(tx: Tx, action: LoadedAction, memberId: string) {
  const clerk = await isClerk(tx, action.boardId, memberId);
  return { canChange: clerk || action.owners.some((o) => o.memberId === memberId), canManage: clerk };
}

/** Sends the card to each owner who has not had it yet (a new action, or new owners). Given the
 * action loaded in this transaction, it is not read again. */
export async function sendOwnerCards(tx: Tx, actionOrId: string | LoadedAction, ctx: DeliveryContext): Promise<number> {
  const action = typeof actionOrId === 'string' ? await loadAction(tx, actionOrId) : actionOrId;
  const view = buildActionView(action, ctx.now());
  let sent = 0;
  for (const owner of action.owners) {
    for (const target of personalTargets(owner.member, ctx.platforms)) {
      const { created } = await enqueue(tx, {
        boardId: action.boardId,
        platform: target.platform,
        target: { kind: 'user', id: target.userId },
        template: actionCardTemplate,
        data: { action: view, rights: await rightsOf(tx, action, owner.memberId), intro: `An action for you from ${view.meeting.short}.` },
        dedupeKey: cardKey(action.id, owner.memberId, target.platform),
        digestible: false,
      });
      if (created) sent += 1;
    }
  }
  return sent;
}

/** Brings every owner's card (and former owners') up to date, and sends it to new owners. Returns
 * the action as the cards now show it. */
export async function refreshActionCards(tx: Tx, actionId: string, ctx: DeliveryContext): Promise<LoadedAction> {
  const action = await loadAction(tx, actionId);
  const view = buildActionView(action, ctx.now());
  const cards = await tx.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `action-card:${action.id}:` }, operation: 'post' } });
  for (const card of cards) {
    const memberId = card.dedupeKey?.split(':')[2] ?? '';
    await enqueueUpdate(tx, { originalId: card.id, template: actionCardTemplate, data: { action: view, rights: await rightsOf(tx, action, memberId) } });
  }
  await sendOwnerCards(tx, action, ctx);
  return action;
}

/** Tells the board's clerks and chair that an owner asked for more time, with Accept and Decline. */
export async function sendExtensionRequest(tx: Tx, actionId: string, extensionId: string, ctx: DeliveryContext): Promise<void> {
  const action = await loadAction(tx, actionId);
  const view = buildActionView(action, ctx.now());
  const managers = await tx.boardRole.findMany({ where: { boardId: action.boardId, member: { active: true } }, include: { member: true } });
  const seen = new Set<string>();
  for (const { member } of managers) {
    if (seen.has(member.id)) continue;
    seen.add(member.id);
    for (const target of personalTargets(member, ctx.platforms)) {
      await enqueue(tx, {
        boardId: action.boardId,
        platform: target.platform,
        target: { kind: 'user', id: target.userId },
        template: actionCardTemplate,
        data: { action: view, rights: { canChange: true, canManage: true }, intro: `${view.pendingExtension?.by ?? 'An owner'} asked for more time.` },
        dedupeKey: `${cardKey(action.id, member.id, target.platform)}:extension:${extensionId}`,
        digestible: false,
      });
    }
  }
}
