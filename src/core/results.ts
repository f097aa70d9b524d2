// Everything a command, a form or a click can produce. The adapters render each kind with the
// cards; a kind is a promise of a card on both platforms.
import type { OutboxStatusResult } from '../use-cases/delivery/get-outbox-status.ts';
import type { HelpResult } from '../use-cases/get-help.ts';
import type { AgendaEditedResult } from '../use-cases/meetings/agenda-items.ts';
import type { ForwardPlanResult } from '../use-cases/meetings/forward-plan.ts';
import type { MeetingResult } from '../use-cases/meetings/manage-meeting.ts';
import type { AgendaPreviewResult, AgendaPublishedResult } from '../use-cases/meetings/publish-agenda.ts';
import type { UpcomingMeetingsResult } from '../use-cases/meetings/upcoming-meetings.ts';
import type { BoardSetUpResult } from '../use-cases/boards/setup-board.ts';
import type { AgendaImportPreviewResult } from '../use-cases/meetings/agenda-import.ts';

/** The forms the bot can open. The card layer defines each one's fields. */
export type FormId =
  | 'board.setup'
  | 'meeting.create'
  | 'meeting.edit'
  | 'agenda.item.add'
  | 'agenda.item.edit'
  | 'agenda.paste'
  | 'plan.propose';

export interface FormRequest {
  kind: 'form';
  form: FormId;
  /** Initial values of the fields, by field id. */
  values: Record<string, string | boolean>;
  /** Carried through the form and back on submission (meeting id, item id...). */
  metadata: Record<string, string>;
  /** Choices for select fields, by field id. */
  options?: Record<string, { value: string; label: string }[]>;
  /** A line above the fields, e.g. which meeting this is for. */
  context?: string;
}

export interface NoticeResult {
  kind: 'notice';
  text: string;
}

export type CommandResult =
  | HelpResult
  | OutboxStatusResult
  | FormRequest
  | NoticeResult
  | MeetingResult
  | AgendaPublishedResult
  | AgendaPreviewResult
  | AgendaEditedResult
  | ForwardPlanResult
  | UpcomingMeetingsResult
  | BoardSetUpResult
  | AgendaImportPreviewResult;
