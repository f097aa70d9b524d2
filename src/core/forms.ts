// Form submissions → use cases. Field errors come back as AppError.fieldErrors, which the
// adapters show next to each field (Slack response_action: errors; a re-rendered Adaptive Card).
import type { Actor } from '../domain/platform.ts';
import { AppError, ErrorCode } from '../errors.ts';
import { setupBoard } from '../use-cases/boards/setup-board.ts';
import { addAgendaItem, editAgendaItem } from '../use-cases/meetings/agenda-items.ts';
import { previewPastedAgenda } from '../use-cases/meetings/agenda-import.ts';
import { proposeItem } from '../use-cases/meetings/forward-plan.ts';
import { createMeeting, updateMeeting } from '../use-cases/meetings/manage-meeting.ts';
import type { CoreDeps } from './context.ts';
import type { CommandResult, FormId } from './results.ts';

export interface FormSubmission {
  actor: Actor;
  form: FormId | string;
  values: Record<string, unknown>;
  metadata: Record<string, unknown>;
  conversationId?: string;
  /** See CommandInput.audience. */
  audience?: 'actor' | 'conversation';
}

type Handler = (deps: CoreDeps, s: FormSubmission) => Promise<CommandResult>;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const meta = (s: FormSubmission, key: string): string => {
  const value = s.metadata[key];
  const ok = typeof value === 'string' && value !== '' && (!key.endsWith('Id') || UUID.test(value));
  if (!ok) throw new AppError(ErrorCode.INVALID_INPUT, 'This form is out of date. Run the command again.');
  return value;
};

const FORM_HANDLERS: Record<FormId, Handler> = {
  'board.setup': (deps, s) => {
    // The conversation the submission came from (told by the platform) wins: on Teams the form's
    // metadata travels in the card and could be edited by whoever submits it.
    const conversationId = s.conversationId ?? (typeof s.metadata.conversationId === 'string' ? s.metadata.conversationId : undefined);
    return setupBoard(deps, { actor: s.actor, ...(conversationId ? { conversationId } : {}), values: s.values });
  },
  'meeting.create': (deps, s) => createMeeting(deps, { actor: s.actor, slug: meta(s, 'board'), values: s.values }),
  'meeting.edit': (deps, s) => updateMeeting(deps, { actor: s.actor, meetingId: meta(s, 'meetingId'), values: s.values }),
  'agenda.item.add': (deps, s) => addAgendaItem(deps, { actor: s.actor, meetingId: meta(s, 'meetingId'), values: s.values }),
  'agenda.item.edit': (deps, s) =>
    editAgendaItem(deps, { actor: s.actor, meetingId: meta(s, 'meetingId'), itemId: meta(s, 'itemId'), values: s.values }),
  'agenda.paste': (deps, s) => previewPastedAgenda(deps, { actor: s.actor, meetingId: meta(s, 'meetingId'), values: s.values }),
  'plan.propose': (deps, s) => proposeItem(deps, { actor: s.actor, slug: meta(s, 'board'), values: s.values }),
};

export function submitForm(deps: CoreDeps, submission: FormSubmission): Promise<CommandResult> {
  const handler = FORM_HANDLERS[submission.form as FormId];
  if (!handler) throw new AppError(ErrorCode.UNKNOWN_ACTION, 'That form is no longer supported. Run the command again.');
  return handler(deps, submission);
}
