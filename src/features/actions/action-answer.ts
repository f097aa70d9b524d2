// The answer after anything done to one action: its card as the person now sees it.
import type { Actor } from '../../domain/platform.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import { loadAction, rightsOn } from './action-access.ts';
import { buildActionView, type ActionRights, type ActionView, type LoadedAction } from './action-view.ts';

export interface ActionResult {
  kind: 'action';
  notice?: string;
  action: ActionView;
  rights: ActionRights;
}

/** `loaded`: the action as it now is, when the use case has it (read after its change, in the
 * change's transaction), so that it is not read again. */
export async function actionAnswer(deps: CoreDeps, input: { actionId: string; actor: Actor; notice?: string; loaded?: LoadedAction | undefined }): Promise<ActionResult> {
  const action = input.loaded ?? (await loadAction(deps.prisma, input.actionId));
  const { canChange, canManage } = await rightsOn(deps.prisma, action, input.actor);
  return { kind: 'action', ...(input.notice ? { notice: input.notice } : {}), action: buildActionView(action, deps.now()), rights: { canChange, canManage } };
}

/** Whether an error is a unique-key clash (a repeated submission racing the first). */
export const isUniqueClash = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === 'P2002';
