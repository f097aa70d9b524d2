// "matters arising [YYYY-MM-DD] [post]": the report of actions from previous meetings for the
// board's next meeting (or the one on that date), for the clerk; with "post" (or the card's
// button) it also goes to the board channel. Clerks and the chair only. The card can also attach
// it to the meeting's Matters Arising item (attach-matters-arising.ts).
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode } from '../../errors.ts';
import { ArgsMismatch, ISO_DATE, clip, type ArgReader } from '../../kernel/args.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { boardChannels } from '../agendas/agenda-delivery.ts';
import { channelAudience, CLERK_ALONE, loadMeeting } from '../agendas/agenda-view.ts';
import { findBoard } from '../boards/find-board.ts';
import { requireClerk } from '../boards/members.ts';
import { findMeeting } from '../meetings/find-meeting.ts';
import { queueMattersArising } from './matters-arising-delivery.ts';
import { buildMattersArising, loadMattersArising, reportSize, type MattersArisingView } from './matters-arising-view.ts';

export interface MattersArisingArgs {
  date?: string;
  post?: true;
}

export const mattersArisingArgs: ArgReader<MattersArisingArgs> = {
  read(rest) {
    const out: MattersArisingArgs = {};
    for (const word of rest.split(/\s+/).filter(Boolean)) {
      if (word.toLowerCase() === 'post' && !out.post) out.post = true;
      else if (ISO_DATE.test(word) && !out.date) out.date = word;
      else throw new ArgsMismatch(`"${clip(word)}" is not a meeting date (YYYY-MM-DD) or "post": write "matters arising [YYYY-MM-DD] [post]".`, word);
    }
    return out;
  },
};

export interface MattersArisingResult {
  kind: 'matters-arising';
  notice?: string;
  report: MattersArisingView;
  /** The clerk's buttons: post it to the board channel... */
  canPost: boolean;
  /** ...and attach it to the meeting's Matters Arising item (it has one, still to come, and the
   * service has a public address for the link). */
  canAttach: boolean;
}

export async function mattersArisingAnswer(deps: CoreDeps, input: Invocation, meetingId: string, notice?: string): Promise<MattersArisingResult> {
  const loaded = await loadMattersArising(deps.prisma, meetingId);
  // Read where others can see it (a Teams channel), it is what the channel may see.
  const audience = input.audience === 'conversation' ? channelAudience(loaded.meeting.board, input.actor.platform, input.conversationId) : CLERK_ALONE;
  const report = buildMattersArising(loaded, audience, deps.now());
  const { meeting } = loaded;
  const canAttach = Boolean(deps.publicBaseUrl && report.item && meeting.status !== 'cancelled' && meeting.startsAt > deps.now());
  return { kind: 'matters-arising', ...(notice ? { notice } : {}), report, canPost: reportSize(report) > 0, canAttach };
}

/** Queues the report to the board channel, once a minute at most (a double click posts once). */
export async function postMattersArising(deps: CoreDeps, input: Invocation & { meetingId: string }): Promise<MattersArisingResult> {
  const meeting = await loadMeeting(deps.prisma, input.meetingId);
  await requireClerk(deps.prisma, meeting.board, input.actor);
  if (boardChannels(meeting.board, deps.platforms).length === 0) {
    throw new AppError(ErrorCode.NO_BOARD_CHANNEL, `${meeting.board.name} has no board channel to post to. Run "board setup" in the board\u2019s channel first.`, { log: `board ${meeting.boardId} has no channel` });
  }
  const minute = Math.floor(deps.now().getTime() / 60_000);
  const sent = await deps.prisma.$transaction((tx) => queueMattersArising(tx, meeting.id, { kind: 'posted', key: `matters-arising-post:${meeting.id}:${minute}`, toClerks: false }, deps));
  if (sent.channels.length > 0) deps.onQueued?.();
  const when = toLocalParts(meeting.startsAt, meeting.board.timezone).short;
  const notice = sent.size === 0 ? `No actions from earlier meetings to report for ${when}; nothing was posted.` : `Matters arising for ${when} posted to the board channel.`;
  return mattersArisingAnswer(deps, input, meeting.id, notice);
}

export async function showMattersArising(deps: CoreDeps, input: Invocation & { args: MattersArisingArgs }): Promise<MattersArisingResult> {
  const board = await findBoard(deps.prisma, input);
  await requireClerk(deps.prisma, board, input.actor);
  const meeting = await findMeeting(deps.prisma, board, input.args.date, deps.now(), { includeCancelled: Boolean(input.args.date) });
  if (input.args.post) return postMattersArising(deps, { ...input, meetingId: meeting.id });
  return mattersArisingAnswer(deps, input, meeting.id);
}
