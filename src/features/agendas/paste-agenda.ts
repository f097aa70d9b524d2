// A clerk pastes the ORDER OF BUSINESS from an agenda pack; the items are read and held for
// confirmation with the lines that could not be read. Slack's text box takes 3,000 characters,
// so a longer table comes in several pastes ("Paste more"), read again as one text each time.
import { AGENDA_ITEMS_MAX } from '../../domain/agenda/agenda-item.ts';
import { parseOrderOfBusiness } from '../../domain/agenda/parse-order-of-business.ts';
import { toLocalParts } from '../../domain/time.ts';
import { AppError, ErrorCode, formInvalid } from '../../errors.ts';
import type { CoreDeps } from '../../kernel/deps.ts';
import type { Invocation } from '../../kernel/feature.ts';
import { findMember, isClerk } from '../boards/members.ts';
import { EXEMPT_NOTE } from './agenda-answer.ts';
import { previewItems, type AgendaImportPreviewResult } from './agenda-import-preview.ts';
import { channelAudience, CLERK_ALONE } from './agenda-view.ts';
import { editableMeeting } from './editable-meeting.ts';

/** One paste: what a Slack text input holds (the form's box is held to it on both platforms). */
export const PASTE_CHUNK_MAX = 3000;
/** All pastes together: an order of business, not the whole pack. */
export const PASTE_TOTAL_MAX = 20_000;

export async function pasteAgenda(deps: CoreDeps, input: Invocation & { meetingId: string; importId?: string; text: string }): Promise<AgendaImportPreviewResult> {
  const meeting = await editableMeeting(deps, input.actor, input.meetingId);
  const earlier = input.importId
    ? await deps.prisma.agendaImport.findFirst({ where: { id: input.importId, meetingId: meeting.id, source: 'paste', appliedAt: null } })
    : null;
  if (input.importId && !earlier) throw new AppError(ErrorCode.IMPORT_NOT_FOUND, 'That paste was saved or discarded already. Start again with "agenda paste".');
  const text = earlier?.sourceText ? `${earlier.sourceText}\n${input.text}` : input.text;
  if (text.length > PASTE_TOTAL_MAX) {
    throw formInvalid({ text: `That makes ${text.length.toLocaleString('en-GB')} characters; the order of business is at most ${PASTE_TOTAL_MAX.toLocaleString('en-GB')}. Paste the table only, not the whole pack.` }, 'That is too long.');
  }
  const parsed = parseOrderOfBusiness(text);
  if (parsed.items.length === 0) {
    throw formInvalid({ text: 'I could not find any numbered items. Paste the rows of the ORDER OF BUSINESS table, each starting with its number (e.g. "1. Welcome and Introductions").' }, 'No agenda items found.');
  }
  if (parsed.items.length > AGENDA_ITEMS_MAX) throw formInvalid({ text: `An agenda holds ${AGENDA_ITEMS_MAX} items at most; this has ${parsed.items.length}.` }, 'Too many items.');
  const data = { items: parsed.items as object[], unread: parsed.unread, sourceText: text };
  const held = earlier
    ? await deps.prisma.agendaImport.update({ where: { id: earlier.id }, data })
    : await deps.prisma.agendaImport.create({ data: { boardId: meeting.boardId, meetingId: meeting.id, source: 'paste', createdBy: `${input.actor.platform}:${input.actor.userId}`, ...data } });
  const member = await findMember(deps.prisma, meeting.boardId, input.actor);
  const clerkAlone = input.audience === 'person' && member !== null && (await isClerk(deps.prisma, meeting.boardId, member.id));
  const audience = clerkAlone ? CLERK_ALONE : channelAudience(meeting.board, input.actor.platform, input.conversationId);
  const items = previewItems(parsed.items, audience);
  const effect = `Saving replaces the ${meeting.items.length} items now on this meeting's agenda with these ${parsed.items.length}.`;
  return {
    kind: 'agenda-import-preview',
    importId: held.id,
    meetingId: meeting.id,
    source: 'paste',
    heading: `Agenda read for ${meeting.title}, ${toLocalParts(meeting.startsAt, meeting.board.timezone).short}`,
    items,
    unread: parsed.unread,
    effect: items.some((i) => i.redacted) ? `${effect} ${EXEMPT_NOTE}` : effect,
    canPasteMore: text.length < PASTE_TOTAL_MAX,
  };
}
