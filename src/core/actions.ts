// Button clicks → use cases. The result replaces the card that was clicked, or opens a form.
import { z } from 'zod';
import type { Actor } from '../domain/platform.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { getOutboxStatus } from '../use-cases/delivery/get-outbox-status.ts';
import { retryMessage } from '../use-cases/delivery/retry-message.ts';
import { applyAgendaImport } from '../use-cases/meetings/agenda-import.ts';
import { decideProposal } from '../use-cases/meetings/forward-plan.ts';
import { postAgenda } from '../use-cases/meetings/publish-agenda.ts';
import type { CoreDeps } from './context.ts';
import type { CommandResult } from './results.ts';

export interface ActionInput {
  actor: Actor;
  /** The button's action id (Slack action_id, Teams Action.Execute verb), e.g. "outbox.retry". */
  action: string;
  /** The button's payload, as the card put it there; validated here. */
  payload: unknown;
  conversationId?: string;
  /** See CommandInput.audience. */
  audience?: 'actor' | 'conversation';
}

type Handler = (deps: CoreDeps, input: ActionInput) => Promise<CommandResult>;

const read = <T>(schema: z.ZodType<T>, payload: unknown): T => {
  const parsed = schema.safeParse(payload);
  if (!parsed.success) throw new AppError(ErrorCode.INVALID_INPUT, 'That button\u2019s card is out of date. Run the command again for a fresh one.');
  return parsed.data;
};

export const ACTION_HANDLERS: Record<string, Handler> = {
  'outbox.retry': async (deps, input) => {
    const { outboxId } = read(z.object({ outboxId: z.string() }), input.payload);
    const { boardId } = await retryMessage(deps, { actor: input.actor, outboxId });
    const board = await deps.prisma.board.findUniqueOrThrow({ where: { id: boardId } });
    return getOutboxStatus(deps, { actor: input.actor, slug: board.slug });
  },
  'plan.decide': (deps, input) => decideProposal(deps, { actor: input.actor, payload: input.payload }),
  'agenda.import.confirm': (deps, input) => applyAgendaImport(deps, { actor: input.actor, payload: input.payload }),
  'agenda.import.discard': async () => ({ kind: 'notice', text: 'Discarded: nothing was saved.' }),
  'agenda.post': async (deps, input) => {
    const { meetingId } = read(z.object({ meetingId: z.string().uuid() }), input.payload);
    const meeting = await deps.prisma.meeting.findUnique({ where: { id: meetingId }, include: { board: true } });
    if (!meeting) throw new AppError(ErrorCode.MEETING_NOT_FOUND, 'That meeting no longer exists.');
    const local = meeting.startsAt.toISOString().slice(0, 10);
    return postAgenda(deps, { actor: input.actor, slug: meeting.board.slug, ref: localDate(meeting.startsAt, meeting.board.timezone) ?? local });
  },
};

function localDate(instant: Date, zone: string): string | undefined {
  return new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

export function runAction(deps: CoreDeps, input: ActionInput): Promise<CommandResult> {
  // Own keys only: "constructor", "toString" or "__proto__" must not reach Object's members.
  const handler = Object.hasOwn(ACTION_HANDLERS, input.action) ? ACTION_HANDLERS[input.action] : undefined;
  if (!handler) throw new AppError(ErrorCode.UNKNOWN_ACTION, 'That button is no longer supported. Run the command again for a fresh card.');
  return handler(deps, input);
}
