// Sending actions to people: each owner gets the action's card in their direct messages on every
// platform they are on; after any change every copy is brought up to date in place (Slack
// chat.update, a Teams message edit, which also makes Teams refresh the card for the person
// looking). A clerk and the chair get the card when an owner asks for more time. Everything goes
// through the outbox, in the caller's transaction; each card is sent once (its dedupe key).
import type { Platform } from '../../domain/platform.ts';
import { enqueue, enqueueUpdate, ORIGINAL_FIELDS, type Tx } from '../../delivery/outbox.ts';
import type { DeliveryContext } from '../../kernel/deps.ts';
import type { Member } from '../../persistence/generated/client.ts';
import { clerksAmong } from '../boards/members.ts';
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

/** What a card offers the member it is sent to; `clerks` are those of them who are clerks (clerksAmong). */
function rightsOf(action: LoadedAction, memberId: string, clerks: ReadonlySet<string>) {
  const clerk = clerks.has(memberId);
  return { canChange: clerk || action.owners.some((o) => o.memberId === memberId), canManage: clerk };
}

/** Sends the card to each owner who has not had it yet (a new action, or new owners). Given the
 * action loaded in this transaction, it is not read again. `sent`: the dedupe keys of the cards
 * already queued for this action (read by the caller in this transaction), which are not queued
 * again (enqueue would change nothing), and the clerks among the owners, when the caller has them. */
export async function sendOwnerCards(tx: Tx, actionOrId: string | LoadedAction, ctx: DeliveryContext, known?: { sent: ReadonlySet<string>; clerks: ReadonlySet<string> }): Promise<number> {
  const action = typeof actionOrId === 'string' ? await loadAction(tx, actionOrId) : actionOrId;
  const view = buildActionView(action, ctx.now());
  const due = action.owners.flatMap((owner) =>
    personalTargets(owner.member, ctx.platforms)
      .map((target) => ({ owner, target, key: cardKey(action.id, owner.memberId, target.platform) }))
      .filter(({ key }) => !known?.sent.has(key)),
  );
  if (due.length === 0) return 0;
  const clerks = known?.clerks ?? (await clerksAmong(tx, action.boardId, due.map(({ owner }) => owner.memberId)));
  let sent = 0;
  for (const { owner, target, key } of due) {
    const { created } = await enqueue(tx, {
      boardId: action.boardId,
      platform: target.platform,
      target: { kind: 'user', id: target.userId },
      template: actionCardTemplate,
      data: { action: view, rights: rightsOf(action, owner.memberId, clerks), intro: `An action for you from ${view.meeting.short}.` },
      dedupeKey: key,
      digestible: false,
    });
    if (created) sent += 1;
  }
  return sent;
}

/** Brings every owner's card (and former owners') up to date, and sends it to new owners while the
 * action is open (a done or dropped action is news only to those who had it). Returns the action as
 * the cards now show it. Given the action loaded in this transaction after the change, it is not read again. */
export async function refreshActionCards(tx: Tx, actionOrId: string | LoadedAction, ctx: DeliveryContext): Promise<LoadedAction> {
  const action = typeof actionOrId === 'string' ? await loadAction(tx, actionOrId) : actionOrId;
  const view = buildActionView(action, ctx.now());
  const cards = await tx.outboxMessage.findMany({ where: { dedupeKey: { startsWith: `action-card:${action.id}:` }, operation: 'post' }, select: { ...ORIGINAL_FIELDS, dedupeKey: true } });
  const memberOf = (card: { dedupeKey: string | null }) => card.dedupeKey?.split(':')[2] ?? '';
  // Who is a clerk, for every card and owner at once (one statement, not one per card).
  const clerks = await clerksAmong(tx, action.boardId, [...cards.map(memberOf), ...action.owners.map((o) => o.memberId)]);
  for (const card of cards) {
    await enqueueUpdate(tx, { originalId: card.id, original: card, template: actionCardTemplate, data: { action: view, rights: rightsOf(action, memberOf(card), clerks) } });
  }
  if (action.status === 'open') await sendOwnerCards(tx, action, ctx, { sent: new Set(cards.map((c) => c.dedupeKey ?? '')), clerks });
  return action;
}

/** Tells the board's clerks and chair that an owner asked for more time, with Accept and Decline.
 * Returns the action as it read it (after the request was recorded). */
export async function sendExtensionRequest(tx: Tx, actionId: string, extensionId: string, ctx: DeliveryContext): Promise<LoadedAction> {
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
  return action;
}
