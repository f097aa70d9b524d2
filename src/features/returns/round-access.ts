// Who may do what with a round, decided here and nowhere else: an organisation's figures are
// submitted by its submitters or a clerk, and seen before publication only by them.
import { DateTime } from 'luxon';
import type { Actor } from '../../domain/platform.ts';
import { formatQuarter, quarterMonths, type Quarter, type QuarterNumber } from '../../domain/returns/quarter.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import type { Board, Member, Organisation, ReturnRound } from '../../persistence/generated/client.ts';
import { findMemberAndRole } from '../boards/members.ts';
import type { Db } from './metrics.ts';

export type RoundWithBoard = ReturnRound & { board: Board };

export const quarterOfRound = (round: Pick<ReturnRound, 'fyStart' | 'quarter'>): Quarter => ({ fyStart: round.fyStart, quarter: round.quarter as QuarterNumber });

/** "Q3 2026/27 (October to December 2026)". */
export const roundLabel = (round: Pick<ReturnRound, 'fyStart' | 'quarter'>): string => `${formatQuarter(quarterOfRound(round))} (${quarterMonths(quarterOfRound(round))})`;

/** "Friday 29 January 2027": the last day figures are accepted, in the board's timezone. */
export const deadlineText = (round: Pick<ReturnRound, 'deadline'>, board: Pick<Board, 'timezone'>): string =>
  DateTime.fromJSDate(round.deadline, { zone: board.timezone }).setLocale('en-GB').toFormat('cccc d LLLL yyyy');

export async function loadRound(db: Db, roundId: string): Promise<RoundWithBoard> {
  const round = await db.returnRound.findUnique({ where: { id: roundId }, include: { board: true } });
  if (!round) throw new AppError(ErrorCode.ROUND_NOT_FOUND, 'That figure round no longer exists. Ask the clerk which round is open.', { log: `no round ${roundId}` });
  return round;
}

export interface ReturnActor {
  member: Member;
  clerk: boolean;
}

/** The actor as a submitter of `organisation`'s figures, or as a clerk; anyone else is refused
 * without learning anything about the figures. */
export async function requireSubmitterOrClerk(db: Db, board: Board, organisation: Organisation, actor: Actor): Promise<ReturnActor> {
  const found = await findMemberAndRole(db, board.id, actor);
  if (found && (found.clerk || (found.member.submitsFigures && found.member.organisationId === organisation.id))) return found;
  throw new AppError(
    ErrorCode.NOT_A_SUBMITTER,
    `Only ${organisation.name}\u2019s submitters and the clerk can see or submit its figures before they are published. If you should submit them, ask the clerk to add you as a submitter.`,
    { log: `not a submitter of organisation ${organisation.id}` },
  );
}

/** A round still taking figures, or ROUND_CLOSED saying why. */
export function requireOpen(round: RoundWithBoard): void {
  if (round.status === 'locked') {
    throw new AppError(ErrorCode.ROUND_CLOSED, `The ${formatQuarter(quarterOfRound(round))} round is locked: figures can no longer be submitted or amended. Ask the clerk if something needs correcting.`, {
      log: `round ${round.id} is locked`,
    });
  }
}

export async function loadOrganisation(db: Db, boardId: string, organisationId: string): Promise<Organisation> {
  const organisation = await db.organisation.findFirst({ where: { id: organisationId, boardId } });
  if (!organisation) throw new AppError(ErrorCode.UNKNOWN_ORGANISATION, 'That organisation is no longer on the board. Ask the clerk.', { log: `no organisation ${organisationId} on board ${boardId}` });
  return organisation;
}
