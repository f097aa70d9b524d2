// A change made by a form is applied once: its history entry carries the form's key, so a second
// submission (a double click, a platform retry, a second instance) finds the key and changes nothing.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Prisma } from '../../persistence/generated/client.ts';
import { isUniqueClash } from './action-answer.ts';
import { refreshActionCards } from './action-delivery.ts';
import type { LoadedAction } from './action-view.ts';

/** Runs `apply` in a transaction unless the key was recorded, and brings the action's cards up
 * to date in the same transaction. Returns the action as it is after the change when it ran,
 * undefined when the key was already recorded. `apply` must record an action update with
 * `requestKey: key`; when it read the action after making its change, it returns it, and the
 * cards are brought up to date from that (it is not read again). */
export async function applyOnce(deps: CoreDeps, actionId: string, key: string, apply: (tx: Prisma.TransactionClient) => Promise<LoadedAction | void>): Promise<LoadedAction | undefined> {
  if (await deps.prisma.actionUpdate.findUnique({ where: { requestKey: key } })) return undefined;
  try {
    const applied = await deps.prisma.$transaction(async (tx) => {
      const changed = await apply(tx);
      return refreshActionCards(tx, changed ?? actionId, deps);
    });
    deps.onQueued?.();
    return applied;
  } catch (error) {
    if (isUniqueClash(error)) return undefined;
    throw error;
  }
}
