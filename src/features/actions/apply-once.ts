// A change made by a form is applied once: its history entry carries the form's key, so a second
// submission (a double click, a platform retry, a second instance) finds the key and changes nothing.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { isUniqueClash } from './action-answer.ts';
import { refreshActionCards } from './action-delivery.ts';

/** Runs `apply` in a transaction unless the key was recorded, and brings the action's cards up
 * to date in the same transaction; true when it ran. `apply` must record an action update with
 * `requestKey: key`. */
export async function applyOnce(deps: CoreDeps, actionId: string, key: string, apply: (tx: Prisma.TransactionClient) => Promise<void>): Promise<boolean> {
  if (await deps.prisma.actionUpdate.findUnique({ where: { requestKey: key } })) return false;
  try {
    await deps.prisma.$transaction(async (tx) => {
      await apply(tx);
      await refreshActionCards(tx, actionId, deps);
    });
    deps.onQueued?.();
    return true;
  } catch (error) {
    if (isUniqueClash(error)) return false;
    throw error;
  }
}
