// "my actions": a person's own open actions, on every board they sit on, with the buttons an owner
// has (Done, Add update, Need more time). The Slack App Home shows the same list, and so does the
// Teams personal chat when asked. For the person alone, so exempt business may be shown.
import type { CoreDeps } from '../../kernel/deps.ts';
import { command, type Invocation } from '../../kernel/feature.ts';
import { noArgs } from '../../kernel/args.ts';
import { identityOf } from '../boards/members.ts';
import { whoAddsYou } from '../members/people-who-can-help.ts';
import { actionInclude, buildActionView, type ActionView } from './action-view.ts';

/** Shown at most (the Home tab holds 100 blocks); the rest are counted. */
export const MY_ACTIONS_MAX = 10;

export interface MyActionsResult {
  kind: 'my-actions';
  actions: ActionView[];
  /** Open actions of theirs not shown. */
  more: number;
  /** On no board at all: then who adds them. */
  onNoBoard: boolean;
  whoAddsYou?: string;
}

export async function listMyActions(deps: CoreDeps, input: Pick<Invocation, 'actor'>): Promise<MyActionsResult> {
  const memberships = await deps.prisma.member.findMany({ where: { ...identityOf(input.actor), active: true }, select: { id: true } });
  if (memberships.length === 0) return { kind: 'my-actions', actions: [], more: 0, onNoBoard: true, whoAddsYou: await whoAddsYou(deps.prisma, input.actor) };
  const where = { status: 'open' as const, owners: { some: { memberId: { in: memberships.map((m) => m.id) } } } };
  const [found, total] = await Promise.all([
    deps.prisma.action.findMany({ where, include: actionInclude, orderBy: [{ dueDate: 'asc' }, { createdAt: 'asc' }], take: MY_ACTIONS_MAX }),
    deps.prisma.action.count({ where }),
  ]);
  return { kind: 'my-actions', actions: found.map((a) => buildActionView(a, deps.now())), more: Math.max(0, total - found.length), onNoBoard: false };
}

export const myActionsCommands = [
  command({
    words: 'my actions',
    usage: 'my actions',
    description: 'Your open actions on every board you sit on, with Done, Add update and Need more time.',
    who: 'everyone',
    args: noArgs,
    run: (deps, input) => listMyActions(deps, input),
  }),
] as const;
