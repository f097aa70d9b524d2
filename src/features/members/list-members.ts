// "members": the board's roster, grouped by organisation, with roles, deputies, who counts towards
// the quorum, who submits figures and who is not linked to a chat account yet. Members of the
// board see it; nobody else (another board, workspace or tenant) does.
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import type { Board } from '../../persistence/generated/client.ts';
import { findBoard } from '../boards/find-board.ts';
import { isClerk, requireMember } from '../boards/members.ts';

export type RosterRole = 'member' | 'observer' | 'officer' | 'adviser';
export type RosterBoardRole = 'clerk' | 'chair' | 'vice-chair';

export interface RosterPerson {
  id: string;
  name: string;
  title?: string;
  role: RosterRole;
  boardRoles: RosterBoardRole[];
  deputy?: string;
  /** Whose standing deputy this person is. */
  deputyFor?: string[];
  countsTowardsQuorum: boolean;
  submitsFigures: boolean;
  linked: { slack: boolean; teams: boolean };
}

export interface RosterGroup {
  /** Absent for people with no organisation recorded. */
  organisation?: { id: string; name: string; shortName?: string };
  people: RosterPerson[];
}

export interface RosterResult {
  kind: 'roster';
  board: { id: string; name: string; quorum: number };
  notice?: string;
  groups: RosterGroup[];
  counts: { people: number; countTowardsQuorum: number; notLinked: number };
  /** Clerks and the chair: the card shows how to change the roster. */
  canManage: boolean;
}

const BOARD_ROLE: Record<string, RosterBoardRole> = { clerk: 'clerk', chair: 'chair', vice_chair: 'vice-chair' };

export async function listMembers(deps: CoreDeps, input: Invocation & { board?: Board; notice?: string }): Promise<RosterResult> {
  const board = input.board ?? (await findBoard(deps.prisma, input));
  const me = await requireMember(deps.prisma, board, input.actor, 'see its members');
  return rosterOf(deps, board, { canManage: await isClerk(deps.prisma, board.id, me.id), ...(input.notice ? { notice: input.notice } : {}) });
}

/** The roster as it stands (after a change, with what changed as the notice). */
export async function rosterOf(deps: Pick<CoreDeps, 'prisma'>, board: Board, extra: { canManage: boolean; notice?: string }): Promise<RosterResult> {
  const people = await deps.prisma.member.findMany({
    where: { boardId: board.id, active: true },
    include: { organisation: true, roles: true, standingDeputy: true, deputyFor: { where: { active: true } } },
    orderBy: [{ name: 'asc' }, { id: 'asc' }],
  });
  const groups = new Map<string, RosterGroup>();
  for (const p of people) {
    const key = p.organisation?.id ?? '';
    let group = groups.get(key);
    if (!group) {
      group = {
        ...(p.organisation ? { organisation: { id: p.organisation.id, name: p.organisation.name, ...(p.organisation.shortName ? { shortName: p.organisation.shortName } : {}) } } : {}),
        people: [],
      };
      groups.set(key, group);
    }
    group.people.push({
      id: p.id,
      name: p.name,
      ...(p.title ? { title: p.title } : {}),
      role: p.role,
      boardRoles: [...new Set(p.roles.map((r) => BOARD_ROLE[r.role] as RosterBoardRole))].sort(),
      ...(p.standingDeputy?.active ? { deputy: p.standingDeputy.name } : {}),
      ...(p.deputyFor.length > 0 ? { deputyFor: p.deputyFor.map((d) => d.name) } : {}),
      countsTowardsQuorum: p.countsTowardsQuorum,
      submitsFigures: p.submitsFigures,
      linked: { slack: p.slackUserId !== null, teams: p.teamsAadId !== null },
    });
  }
  const ordered = [...groups.values()].sort((a, b) => {
    if (!a.organisation) return 1;
    if (!b.organisation) return -1;
    return a.organisation.name.localeCompare(b.organisation.name);
  });
  return {
    kind: 'roster',
    board: { id: board.id, name: board.name, quorum: board.quorum },
    ...(extra.notice ? { notice: extra.notice } : {}),
    groups: ordered,
    counts: {
      people: people.length,
      countTowardsQuorum: people.filter((p) => p.countsTowardsQuorum).length,
      notLinked: people.filter((p) => p.slackUserId === null && p.teamsAadId === null).length,
    },
    canManage: extra.canManage,
  };
}
